/**
 * @tend/server: Tend's services. Today the report engine behind `tend report`; the registry,
 * monitoring and alerts come with later issues.
 *
 * @example
 * import { buildReport, renderHtml } from '@tend/server';
 * const html = renderHtml(await buildReport({ reference: 'ref.csv', current: 'cur.csv' }));
 */
export type { CategoricalColumn, Column, ColumnKind, Frame, NumericColumn } from './io/frame.js';
export { ReadError } from './io/read-error.js';
export { readFrame } from './io/read-frame.js';
export { buildReport, type ReportOptions } from './report/build-report.js';
export { evaluateConditions, parseCondition } from './report/conditions.js';
export { ReportInputError } from './report/errors.js';
export { renderHtml } from './report/html/render-html.js';
export { renderJson } from './report/render-json.js';
export { renderTerminal } from './report/render-terminal.js';
export type * from './report/report-types.js';
