/**
 * One collapsible block per column: its quality and summary statistics, reference and current
 * side by side, the drift test's reasoning, and its chart. Drifted columns start open so the
 * reader lands on what changed; the others stay folded to keep the page short.
 */
import type { ColumnKind } from '../../io/frame.js';
import type { ColumnQuality, ColumnReport, ColumnSummary } from '../report-types.js';
import { driftBadge } from './badge.js';
import { columnAnchor } from './drift-table.js';
import { escapeHtml as e } from './escape.js';
import { formatCount, formatNumber, formatPercent, MISSING } from './format.js';
import { renderHistogramChart } from './histogram-chart.js';

const DAY_MS = 86_400_000;

function sideBySide(caption: string, rows: [string, string, string][]): string {
  const body = rows
    .map(
      ([label, ref, cur]) =>
        `<tr><th scope="row">${label}</th><td class="num">${ref}</td><td class="num">${cur}</td></tr>`,
    )
    .join('');
  return (
    `<div class="scroll"><table><caption>${caption}</caption><thead><tr><th scope="col">` +
    '<span class="note">measure</span></th><th scope="col" class="num">reference</th>' +
    `<th scope="col" class="num">current</th></tr></thead><tbody>${body}</tbody></table></div>`
  );
}

function qualityRows(r: ColumnQuality, c: ColumnQuality): [string, string, string][] {
  const rows: [string, string, string][] = [
    ['Missing', formatPercent(r.missingShare), formatPercent(c.missingShare)],
    ['Invalid cells', formatCount(r.invalidCount), formatCount(c.invalidCount)],
  ];
  if (c.outOfRangeCount !== undefined) {
    rows.push(['Outside reference range', MISSING, formatCount(c.outOfRangeCount)]);
  }
  if (c.newCategoryCount !== undefined) {
    rows.push(['Rows in new categories', MISSING, formatCount(c.newCategoryCount)]);
  }
  rows.push(
    ['Distinct values', formatCount(r.distinct), formatCount(c.distinct)],
    ['Top value’s share', formatPercent(r.mostFrequentShare), formatPercent(c.mostFrequentShare)],
    ['Near-constant', r.nearConstant ? 'yes' : 'no', c.nearConstant ? 'yes' : 'no'],
  );
  return rows;
}

/** Datetimes travel as epoch milliseconds; show them as UTC timestamps and spreads in days. */
function statFormatter(kind: ColumnKind, stat: string): (x: number | undefined) => string {
  if (kind !== 'datetime') return (x) => formatNumber(x);
  if (stat === 'std')
    return (x) => (x === undefined ? MISSING : `${formatNumber(x / DAY_MS)} days`);
  return (x) =>
    x === undefined || !Number.isFinite(x) ? formatNumber(x) : new Date(x).toISOString();
}

const STATS = ['mean', 'std', 'min', 'q25', 'median', 'q75', 'max'] as const;
const STAT_LABELS: Record<(typeof STATS)[number], string> = {
  mean: 'Mean',
  std: 'Standard deviation',
  min: 'Min',
  q25: '25th percentile',
  median: 'Median',
  q75: '75th percentile',
  max: 'Max',
};

function summaryRows(
  kind: ColumnKind,
  r: ColumnSummary,
  c: ColumnSummary,
): [string, string, string][] {
  const rows: [string, string, string][] = [['Count', formatCount(r.count), formatCount(c.count)]];
  for (const stat of STATS) {
    if (r[stat] === undefined && c[stat] === undefined) continue;
    const f = statFormatter(kind, stat);
    rows.push([STAT_LABELS[stat], f(r[stat]), f(c[stat])]);
  }
  return rows;
}

function topValues(r: ColumnSummary, c: ColumnSummary): string {
  if (!r.top && !c.top) return '';
  const ref = new Map((r.top ?? []).map((t) => [t.value, t.count]));
  const cur = new Map((c.top ?? []).map((t) => [t.value, t.count]));
  const values = [...new Set([...ref.keys(), ...cur.keys()])];
  return sideBySide(
    'Most frequent values (rows)',
    values.map((v) => [`<code>${e(v)}</code>`, formatCount(ref.get(v)), formatCount(cur.get(v))]),
  );
}

function newCategories(q: ColumnQuality): string {
  if (!q.newCategories?.length) return '';
  return `<p>New categories in current: ${q.newCategories.map((v) => `<code>${e(v)}</code>`).join(', ')}</p>`;
}

function oneColumn(c: ColumnReport, index: number): string {
  const id = columnAnchor(index);
  const d = c.drift;
  const headline = d ? `<span class="note">${e(d.method)} ${formatNumber(d.statistic)}</span>` : '';
  const summary =
    `<summary><span class="name">${e(c.name)}</span>${driftBadge(d?.drifted)}` +
    `<span class="note">${e(c.kind)} (${c.kindSource === 'given' ? 'given' : 'inferred'}) · ${e(c.role)}</span>` +
    `${headline}</summary>`;
  const reason = d
    ? `<p class="note">Test: ${e(d.reason)}</p>`
    : '<p class="note">Not tested for drift (identifier, timestamp, ignored or all-missing column).</p>';
  const chart = c.histogram
    ? renderHistogramChart(c.histogram, {
        id: `${id}-chart`,
        columnName: c.name,
        where: `columns[${index}].histogram`,
      })
    : '<p class="note">No chart for this column.</p>';
  return (
    `<details class="column" id="${id}"${d?.drifted ? ' open' : ''}>${summary}<div class="body">` +
    `<div class="side"><div>${sideBySide('Quality', qualityRows(c.quality.reference, c.quality.current))}` +
    `${newCategories(c.quality.current)}</div>` +
    `<div>${sideBySide('Summary', summaryRows(c.kind, c.summary.reference, c.summary.current))}` +
    `${topValues(c.summary.reference, c.summary.current)}</div></div>` +
    `${reason}${chart}</div></details>`
  );
}

/**
 * The per-column section: one `<details>` block per column, in report order.
 *
 * @example
 * renderColumnDetails(report.columns); // '<section id="columns">…'
 */
export function renderColumnDetails(columns: ColumnReport[]): string {
  return (
    '<section id="columns" aria-labelledby="columns-h"><h2 id="columns-h">Columns</h2>' +
    '<p class="note">Drifted columns start open. Bars compare each dataset’s share of rows.</p>' +
    columns.map(oneColumn).join('') +
    '</section>'
  );
}
