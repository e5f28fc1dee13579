/**
 * Model performance: reference and current metrics with their bootstrap intervals, the same
 * per segment value, and fairness gaps across segments. Fairness cells outside the usual
 * bounds (|difference| > 0.1, disparate impact outside 0.8–1.25, the "four-fifths rule") are
 * marked in words so the mark survives greyscale and screen readers.
 */
import type { FairnessGaps, MetricSet, MetricValue, PerformanceReport } from '../report-types.js';
import { escapeHtml as e } from './escape.js';
import { formatCount, formatNumber, formatPercent } from './format.js';

function sortAttr(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '' : String(x);
}

/**
 * A metric with its interval ("0.874 [0.865, 0.883]").
 *
 * @example
 * formatMetric({ value: 0.874, low: 0.865, high: 0.883 }); // '0.874 <span class="note">[0.865, 0.883]</span>'
 */
export function formatMetric(m: MetricValue | undefined): string {
  if (!m) return '—';
  const interval =
    m.low !== undefined && m.high !== undefined
      ? ` <span class="note">[${formatNumber(m.low)}, ${formatNumber(m.high)}]</span>`
      : '';
  return `${formatNumber(m.value)}${interval}`;
}

function change(ref: MetricValue | undefined, cur: MetricValue | undefined): string {
  if (!ref || !cur) return '—';
  const delta = cur.value - ref.value;
  const text = `${delta > 0 ? '+' : ''}${formatNumber(delta)}`;
  const bothIntervals =
    ref.low !== undefined &&
    ref.high !== undefined &&
    cur.low !== undefined &&
    cur.high !== undefined;
  if (!bothIntervals) return text;
  const disjoint = cur.high! < ref.low! || cur.low! > ref.high!;
  return `${text}${disjoint ? ' <span class="note">(intervals disjoint)</span>' : ''}`;
}

function metricNames(sets: MetricSet[]): string[] {
  return [...new Set(sets.flatMap((s) => Object.keys(s)))];
}

function metricsTable(p: PerformanceReport): string {
  const rows = metricNames([p.reference, p.current])
    .map((name) => {
      const ref = p.reference[name];
      const cur = p.current[name];
      return (
        `<tr><th scope="row"><code>${e(name)}</code></th>` +
        `<td class="num">${formatMetric(ref)}</td><td class="num">${formatMetric(cur)}</td>` +
        `<td class="num">${change(ref, cur)}</td></tr>`
      );
    })
    .join('');
  const level = formatPercent(p.bootstrap.confidenceLevel);
  return (
    `<div class="scroll"><table><caption>Metrics (${e(p.task)}), ${level} bootstrap intervals</caption>` +
    '<thead><tr><th scope="col">Metric</th><th scope="col" class="num">Reference</th>' +
    '<th scope="col" class="num">Current</th><th scope="col" class="num">Change</th></tr></thead>' +
    `<tbody>${rows}</tbody></table></div>`
  );
}

function segmentTable(p: PerformanceReport): string {
  if (p.segments.length === 0) return '';
  const names = metricNames(p.segments.flatMap((s) => [s.reference, s.current]));
  const headers = [
    'Segment',
    'Value',
    'Rows (reference)',
    'Rows (current)',
    ...names.flatMap((n) => [`${n} (reference)`, `${n} (current)`]),
  ];
  const head = headers
    .map(
      (h, i) =>
        `<th scope="col"${i >= 2 ? ' class="num"' : ''}><button type="button" data-col="${i}">${e(h)}</button></th>`,
    )
    .join('');
  const cell = (m: MetricValue | undefined) =>
    `<td class="num" data-sort="${sortAttr(m?.value)}">${formatMetric(m)}</td>`;
  const rows = p.segments
    .map(
      (s) =>
        `<tr><td>${e(s.segment)}</td><th scope="row">${e(s.value)}</th>` +
        `<td class="num" data-sort="${s.rows.reference}">${formatCount(s.rows.reference)}</td>` +
        `<td class="num" data-sort="${s.rows.current}">${formatCount(s.rows.current)}</td>` +
        names.map((n) => cell(s.reference[n]) + cell(s.current[n])).join('') +
        '</tr>',
    )
    .join('');
  return (
    '<h3 id="segments">Per segment</h3><div class="scroll"><table class="sortable">' +
    `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

function gap(x: number, outside: boolean): string {
  return `<td class="num">${formatNumber(x)}${outside ? ' <span class="badge bad">⚠ outside</span>' : ''}</td>`;
}

function fairnessRow(f: FairnessGaps): string {
  const diff = (x: number) => Math.abs(x) > 0.1;
  return (
    `<tr><td>${e(f.segment)}</td><td>${e(f.privileged)}</td><td>${e(f.unprivileged)}</td>` +
    `<th scope="row">${e(f.dataset)}</th>` +
    gap(f.statisticalParityDifference, diff(f.statisticalParityDifference)) +
    gap(f.disparateImpact, f.disparateImpact < 0.8 || f.disparateImpact > 1.25) +
    gap(f.equalOpportunityDifference, diff(f.equalOpportunityDifference)) +
    gap(f.averageOddsDifference, diff(f.averageOddsDifference)) +
    '</tr>'
  );
}

function fairnessTable(p: PerformanceReport): string {
  if (p.fairness.length === 0) return '';
  const head = [
    'Segment',
    'Privileged',
    'Unprivileged',
    'Dataset',
    'Statistical parity diff.',
    'Disparate impact',
    'Equal opportunity diff.',
    'Average odds diff.',
  ]
    .map((h, i) => `<th scope="col"${i >= 4 ? ' class="num"' : ''}>${h}</th>`)
    .join('');
  return (
    '<h3 id="fairness">Fairness</h3>' +
    '<p class="note">AIF360’s definitions, unprivileged minus privileged (disparate impact: ratio). ' +
    'Marked: a difference beyond ±0.1 or a disparate impact outside 0.8–1.25.</p>' +
    `<div class="scroll"><table><thead><tr>${head}</tr></thead>` +
    `<tbody>${p.fairness.map(fairnessRow).join('')}</tbody></table></div>`
  );
}

/**
 * The performance section, or an empty string when the report has none.
 *
 * @example
 * renderPerformance(report.performance); // '<section id="performance">…'
 */
export function renderPerformance(p: PerformanceReport | undefined): string {
  if (!p) return '';
  const b = p.bootstrap;
  return (
    '<section id="performance" aria-labelledby="performance-h"><h2 id="performance-h">Performance</h2>' +
    metricsTable(p) +
    `<p class="note">Bootstrap: ${formatCount(b.nResamples)} resamples, seed ${formatCount(b.seed)}.</p>` +
    segmentTable(p) +
    fairnessTable(p) +
    '</section>'
  );
}
