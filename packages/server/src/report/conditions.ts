/**
 * Test-suite conditions on a report, so `tend report` can gate a pipeline: each is
 * `QUANTITY OP NUMBER`, e.g. `missingShare(age) < 0.05`, `drift.share < 0.3`,
 * `accuracy >= 0.8`, `reference.rocAuc - current.rocAuc`-style comparisons are not supported:
 * one quantity per condition, compared with a number.
 *
 * Quantities:
 * - dataset: `drift.share`, `drift.driftedColumns` (a count), `drift.drifted` (0 or 1),
 *   `duplicateRows` (current), `volumeChange`, `missingShare` (all cells, current),
 *   `domainClassifierAuc`, `pcaReconstructionChange`, `predictionDrift` / `targetDrift` (0 or 1);
 * - per column, current dataset: `missingShare(col)`, `invalidCount(col)`,
 *   `outOfRangeCount(col)`, `newCategoryCount(col)`, `drifted(col)` (0 or 1), `pValue(col)`,
 *   `statistic(col)`, `effectSize(col)`;
 * - performance: any metric of the report by name (`accuracy`, `f1`, `rocAuc`, `r2`, …), the
 *   current dataset's unless prefixed `reference.`; `current.` is accepted too.
 */
import { ReportInputError } from './errors.js';
import type { ColumnReport, ConditionResult, Report } from './report-types.js';

const OPS = ['<=', '>=', '==', '!=', '<', '>'] as const;
type Op = (typeof OPS)[number];

/** A parsed condition. */
export interface Condition {
  text: string;
  quantity: string;
  column?: string;
  op: Op;
  value: number;
}

const DATASET = new Set([
  'drift.share',
  'drift.driftedColumns',
  'drift.drifted',
  'duplicateRows',
  'volumeChange',
  'missingShare',
  'domainClassifierAuc',
  'pcaReconstructionChange',
  'predictionDrift',
  'targetDrift',
]);
const PER_COLUMN = new Set([
  'missingShare',
  'invalidCount',
  'outOfRangeCount',
  'newCategoryCount',
  'drifted',
  'pValue',
  'statistic',
  'effectSize',
]);
const PATTERN = /^\s*([A-Za-z_][\w.]*)\s*(?:\(\s*([^()]*?)\s*\))?\s*(<=|>=|==|!=|<|>)\s*(\S+)\s*$/;

/**
 * Parse one condition, refusing unknown quantities and malformed numbers up front (before
 * any file is read).
 *
 * @example
 * parseCondition('missingShare(age) < 0.05'); // { quantity: 'missingShare', column: 'age', op: '<', value: 0.05, … }
 */
export function parseCondition(text: string): Condition {
  const m = PATTERN.exec(text);
  if (!m) {
    throw new ReportInputError(
      `condition "${text}": expected QUANTITY OP NUMBER, e.g. "accuracy >= 0.8" or "missingShare(age) < 0.05"`,
    );
  }
  const [, quantity, column, op, number] = m;
  const value = Number(number);
  if (number.trim() === '' || !Number.isFinite(value)) {
    throw new ReportInputError(`condition "${text}": "${number}" is not a number`);
  }
  if (column !== undefined) {
    if (!PER_COLUMN.has(quantity)) {
      throw new ReportInputError(
        `condition "${text}": ${quantity}(…) is not a per-column quantity; use one of ${[...PER_COLUMN].join(', ')}`,
      );
    }
    if (column === '') throw new ReportInputError(`condition "${text}": name a column in ()`);
  }
  const condition: Condition = { text, quantity, op: op as Op, value };
  if (column !== undefined) condition.column = column;
  return condition;
}

function compare(actual: number, op: Op, value: number): boolean {
  if (Number.isNaN(actual)) return false; // an undefined value satisfies no condition, not even !=
  switch (op) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '==':
      return actual === value;
    case '!=':
      return actual !== value;
  }
}

function columnQuantity(c: ColumnReport, quantity: string): number | undefined {
  const q = c.quality.current;
  switch (quantity) {
    case 'missingShare':
      return q.missingShare;
    case 'invalidCount':
      return q.invalidCount;
    case 'outOfRangeCount':
      return q.outOfRangeCount ?? 0;
    case 'newCategoryCount':
      return q.newCategoryCount ?? 0;
    case 'drifted':
      return c.drift ? Number(c.drift.drifted) : undefined;
    case 'pValue':
      return c.drift?.pValue;
    case 'statistic':
      return c.drift?.statistic;
    case 'effectSize':
      return c.drift?.effectSize;
  }
  return undefined;
}

function datasetQuantity(report: Report, quantity: string): number | undefined {
  const { drift, quality } = report.dataset;
  switch (quantity) {
    case 'drift.share':
      return drift.share;
    case 'drift.driftedColumns':
      return drift.driftedColumns.length;
    case 'drift.drifted':
      return Number(drift.drifted);
    case 'duplicateRows':
      return quality.duplicateRows.current;
    case 'volumeChange':
      return quality.volumeChange;
    case 'missingShare':
      return quality.missingShare.current;
    case 'domainClassifierAuc':
      return drift.multivariate?.domainClassifier?.rocAuc;
    case 'pcaReconstructionChange':
      return drift.multivariate?.pcaReconstruction?.relativeChange;
    case 'predictionDrift':
      return drift.prediction ? Number(drift.prediction.drifted) : undefined;
    case 'targetDrift':
      return drift.target ? Number(drift.target.drifted) : undefined;
  }
  return undefined;
}

/** The value a condition names in a report, or a reason it has none. */
function lookUp(report: Report, c: Condition): number | string {
  if (c.column !== undefined) {
    const column = report.columns.find((x) => x.name === c.column);
    if (!column) return `the report has no column "${c.column}"`;
    const v = columnQuantity(column, c.quantity);
    return v ?? `column "${c.column}" has no ${c.quantity} (it was not tested)`;
  }
  if (DATASET.has(c.quantity)) {
    return datasetQuantity(report, c.quantity) ?? `the report has no ${c.quantity}`;
  }
  const [side, name] = c.quantity.startsWith('reference.')
    ? (['reference', c.quantity.slice(10)] as const)
    : (['current', c.quantity.replace(/^current\./, '')] as const);
  if (!report.performance) return `no performance in the report (map --target and --prediction)`;
  const metric = report.performance[side][name];
  if (!metric) {
    const known = Object.keys(report.performance.current).join(', ');
    return `no metric "${name}" for the ${side} dataset (metrics: ${known})`;
  }
  return metric.value;
}

/**
 * Evaluate conditions on a report. A condition whose quantity the report lacks fails, with
 * the reason, rather than passing silently.
 *
 * @example
 * evaluateConditions(report, [parseCondition('drift.share < 0.3')]).passed; // true
 */
export function evaluateConditions(
  report: Report,
  conditions: Condition[],
): { passed: boolean; results: ConditionResult[] } {
  const results = conditions.map((c): ConditionResult => {
    const found = lookUp(report, c);
    if (typeof found === 'string') {
      return { condition: c.text, actual: Number.NaN, passed: false, message: found };
    }
    const passed = compare(found, c.op, c.value);
    const result: ConditionResult = { condition: c.text, actual: found, passed };
    if (!passed) result.message = `${c.text} does not hold: the value is ${found}`;
    return result;
  });
  return { passed: results.every((r) => r.passed), results };
}
