/**
 * The report as JSON. JSON has no NaN or infinity: such numbers (an undefined rate, a
 * condition on a missing quantity) are written as null, as the JSON Schema allows.
 */
import type { Report } from './report-types.js';

/**
 * The report as an indented JSON document.
 *
 * @example
 * JSON.parse(renderJson(report)).schemaVersion; // 1
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
