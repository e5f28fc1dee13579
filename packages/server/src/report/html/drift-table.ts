/**
 * The drift table: one row per column with its test, statistic, p-values, effect size,
 * threshold and verdict. Plain semantic HTML that reads fine without the script; each
 * sortable header holds a button (keyboard-usable) that the inline script wires up, and every
 * numeric cell carries its raw value in `data-sort` so sorting never parses formatted text.
 */
import type { ColumnReport, DatasetDrift } from '../report-types.js';
import { driftBadge } from './badge.js';
import { escapeHtml as e } from './escape.js';
import { formatNumber, formatPValue } from './format.js';

/**
 * The table's headers, in order; all of them sort.
 *
 * @example
 * DRIFT_TABLE_HEADERS[5]; // 'p-value'
 */
export const DRIFT_TABLE_HEADERS = [
  'Column',
  'Kind',
  'Role',
  'Method',
  'Statistic',
  'p-value',
  'Adjusted p',
  'Effect size',
  'Threshold',
  'Drifted',
] as const;

const NUMERIC_HEADERS = new Set<string>([
  'Statistic',
  'p-value',
  'Adjusted p',
  'Effect size',
  'Threshold',
]);

const CORRECTION_NAMES: Record<DatasetDrift['correction'], string> = {
  'benjamini-hochberg': 'Benjamini–Hochberg',
  holm: 'Holm',
  bonferroni: 'Bonferroni',
  none: 'none',
};

/**
 * The correction's display name.
 *
 * @example
 * correctionName('benjamini-hochberg'); // 'Benjamini–Hochberg'
 */
export function correctionName(c: DatasetDrift['correction']): string {
  return CORRECTION_NAMES[c] ?? c;
}

function sortValue(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '' : String(x);
}

function numCell(x: number | undefined, text: string): string {
  return `<td class="num" data-sort="${sortValue(x)}">${text}</td>`;
}

/**
 * The id of a column's details block, by its index (never by its name, which is user data).
 *
 * @example
 * columnAnchor(3); // 'col-3'
 */
export function columnAnchor(index: number): string {
  return `col-${index}`;
}

function row(c: ColumnReport, index: number): string {
  const d = c.drift;
  const name = `<th scope="row"><a href="#${columnAnchor(index)}">${e(c.name)}</a></th>`;
  const text = `<td>${e(c.kind)}</td><td>${e(c.role)}</td>`;
  if (!d) {
    return (
      `<tr>${name}${text}<td>—</td>${numCell(undefined, '—')}${numCell(undefined, '—')}` +
      `${numCell(undefined, '—')}${numCell(undefined, '—')}${numCell(undefined, '—')}` +
      `<td data-sort="">${driftBadge(undefined)}</td></tr>`
    );
  }
  const threshold =
    formatNumber(d.threshold) +
    (d.minEffectSize !== undefined
      ? `<br><span class="note">effect ≥ ${formatNumber(d.minEffectSize)}</span>`
      : '');
  return (
    `<tr${d.drifted ? ' class="drifted"' : ''}>${name}${text}<td>${e(d.method)}</td>` +
    numCell(d.statistic, formatNumber(d.statistic)) +
    numCell(d.pValue, formatPValue(d.pValue)) +
    numCell(d.adjustedPValue, formatPValue(d.adjustedPValue)) +
    numCell(d.effectSize, formatNumber(d.effectSize)) +
    numCell(d.threshold, threshold) +
    `<td data-sort="${d.drifted ? 1 : 0}">${driftBadge(d.drifted)}</td></tr>`
  );
}

/**
 * The sortable drift table of every column (untested ones say so).
 *
 * @example
 * renderDriftTable(report.columns, report.dataset.drift); // '<table class="sortable" …'
 */
export function renderDriftTable(columns: ColumnReport[], drift: DatasetDrift): string {
  const head = DRIFT_TABLE_HEADERS.map(
    (h, i) =>
      `<th scope="col"${NUMERIC_HEADERS.has(h) ? ' class="num"' : ''}>` +
      `<button type="button" data-col="${i}">${h}</button></th>`,
  ).join('');
  const caption =
    `Drift per column (multiple-testing correction: ${e(correctionName(drift.correction))}). ` +
    '<span class="note">Select a header to sort.</span>';
  return (
    `<div class="scroll"><table class="sortable" id="drift-table"><caption>${caption}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${columns.map(row).join('')}</tbody></table></div>`
  );
}
