/**
 * Reference-vs-current bar charts as inline SVG, built here rather than by a chart library
 * so the page needs no script and no network. Bars show each dataset's share of its own
 * non-missing rows, side by side per bin or category, so datasets of different sizes compare
 * fairly; counts are in each bar's tooltip. Numerical bins are drawn with equal widths and
 * labelled with their edges, because quantile bins have unequal widths and a linear axis
 * would make their bar areas lie.
 */
import { TendInputError } from '@tend/core';
import type { ColumnHistogram } from '../report-types.js';
import { niceTicks } from './chart-ticks.js';
import { escapeHtml as e } from './escape.js';
import { formatCount, formatNumber, formatPercent } from './format.js';

/**
 * Okabe–Ito colours: distinguishable under every common colour-vision deficiency.
 *
 * @example
 * CHART_COLOURS.reference; // '#0072B2' (blue); current is '#E69F00' (orange)
 */
export const CHART_COLOURS = { reference: '#0072B2', current: '#E69F00' } as const;

const WIDTH = 640;
const MARGIN = { left: 52, right: 28, top: 34 };
const MAX_BAR_WIDTH = 48;
const PLOT_HEIGHT = 180;
const MAX_X_LABELS = 9;
const MAX_LABEL_CHARS = 14;

/** Where the chart goes and what it is of, for ids, titles and error messages. */
export interface ChartOptions {
  /** A unique, HTML-safe id prefix (not user data). */
  id: string;
  /** The column's name, shown in the title (escaped here). */
  columnName: string;
  /** Where the histogram sits in the report, for error messages ("columns[3].histogram"). */
  where: string;
}

function checkCounts(h: ColumnHistogram, where: string): number {
  const bins = h.kind === 'numerical' ? h.edges.length - 1 : h.categories.length;
  const what =
    h.kind === 'numerical' ? `${h.edges.length} edges (${bins} bins)` : `${bins} categories`;
  if (bins < 1) {
    throw new TendInputError('renderHtml', where, 'empty', `has ${what}; a chart needs one bin`);
  }
  for (const side of ['reference', 'current'] as const) {
    const counts = h[side];
    if (counts.length !== bins) {
      throw new TendInputError(
        'renderHtml',
        `${where}.${side}`,
        'length_mismatch',
        `has ${counts.length} counts for ${what}`,
      );
    }
    counts.forEach((c, i) => {
      if (!(c >= 0) || !Number.isFinite(c)) {
        throw new TendInputError(
          'renderHtml',
          `${where}.${side}[${i}]`,
          'out_of_range',
          `is ${c}; counts must be finite and ≥ 0`,
        );
      }
    });
  }
  return bins;
}

function shares(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total > 0 ? c / total : 0));
}

/** Axis ticks are round shares, so "20 %" rather than "20.0 %". */
function tickLabel(share: number): string {
  return `${Number((share * 100).toPrecision(6))} %`;
}

function truncate(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

/**
 * The SVG chart of one column's histogram: two bars per bin (reference, current), a share
 * axis with round ticks and gridlines, bin or category labels, a legend, and a `<title>` and
 * `<desc>` that screen readers announce. Throws TendInputError when the counts do not match
 * the bins.
 *
 * @example
 * renderHistogramChart({ kind: 'categorical', categories: ['a', 'b'], reference: [3, 1], current: [1, 3] }, { id: 'c0', columnName: 'x', where: 'columns[0].histogram' }); // '<svg …'
 */
export function renderHistogramChart(h: ColumnHistogram, options: ChartOptions): string {
  const bins = checkCounts(h, options.where);
  const ref = shares(h.reference);
  const cur = shares(h.current);
  const labels =
    h.kind === 'numerical'
      ? Array.from(
          { length: bins },
          (_, i) => `${formatNumber(h.edges[i], 3)} – ${formatNumber(h.edges[i + 1], 3)}`,
        )
      : h.categories;
  // Long or many category labels are rotated so they do not overlap.
  const rotate = h.kind === 'categorical' && (bins > 6 || labels.some((l) => l.length > 8));
  const bottom = rotate ? 96 : 44;
  const height = MARGIN.top + PLOT_HEIGHT + bottom;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const group = plotWidth / bins;
  // Two bars take 80 % of their slot, but never grow into slabs when there are few bins.
  const barWidth = Math.min(group * 0.4, MAX_BAR_WIDTH);
  const pad = (group - 2 * barWidth) / 2;
  const ticks = niceTicks(Math.max(...ref, ...cur));
  const top = ticks[ticks.length - 1];
  const y = (share: number) => MARGIN.top + PLOT_HEIGHT * (1 - share / top);
  const baseline = MARGIN.top + PLOT_HEIGHT;
  const n = (x: number) => Number(x.toFixed(2));

  const grid = ticks
    .map(
      (t) =>
        `<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${n(y(t))}" y2="${n(y(t))}"/>` +
        `<text class="tick" x="${MARGIN.left - 6}" y="${n(y(t) + 4)}" text-anchor="end">${tickLabel(t)}</text>`,
    )
    .join('');

  const bars: string[] = [];
  for (let i = 0; i < bins; i++) {
    const x0 = MARGIN.left + i * group;
    for (const [side, share, count, dx] of [
      ['reference', ref[i], h.reference[i], pad],
      ['current', cur[i], h.current[i], pad + barWidth],
    ] as const) {
      const tip = `${labels[i]}: ${side} ${formatPercent(share)} (${formatCount(count)} rows)`;
      bars.push(
        `<rect class="bar ${side === 'reference' ? 'ref' : 'cur'}" fill="${CHART_COLOURS[side]}" ` +
          `x="${n(x0 + dx)}" y="${n(y(share))}" width="${n(barWidth)}" ` +
          `height="${n(baseline - y(share))}"><title>${e(tip)}</title></rect>`,
      );
    }
  }

  const xLabels: string[] = [];
  if (h.kind === 'numerical') {
    // Labels sit on the bin boundaries; thin them so at most MAX_X_LABELS show.
    const every = Math.ceil((bins + 1) / MAX_X_LABELS);
    for (let i = 0; i <= bins; i += every) {
      const x = n(MARGIN.left + i * group);
      xLabels.push(
        `<line class="axis" x1="${x}" x2="${x}" y1="${baseline}" y2="${baseline + 4}"/>` +
          `<text class="tick" x="${x}" y="${baseline + 18}" text-anchor="middle">${e(formatNumber(h.edges[i], 3))}</text>`,
      );
    }
  } else {
    labels.forEach((label, i) => {
      const x = n(MARGIN.left + (i + 0.5) * group);
      const text = e(truncate(label));
      xLabels.push(
        rotate
          ? `<text class="tick" transform="translate(${x} ${baseline + 12}) rotate(-40)" text-anchor="end">${text}<title>${e(label)}</title></text>`
          : `<text class="tick" x="${x}" y="${baseline + 18}" text-anchor="middle">${text}<title>${e(label)}</title></text>`,
      );
    });
  }

  const legend =
    `<g class="legend" transform="translate(${MARGIN.left} 12)">` +
    `<rect width="12" height="12" fill="${CHART_COLOURS.reference}"/><text x="18" y="10">reference</text>` +
    `<rect x="110" width="12" height="12" fill="${CHART_COLOURS.current}"/><text x="128" y="10">current</text>` +
    `<text x="${plotWidth}" y="10" text-anchor="end" class="tick">share of each dataset</text></g>`;

  let biggest = 0;
  for (let i = 1; i < bins; i++) {
    if (Math.abs(cur[i] - ref[i]) > Math.abs(cur[biggest] - ref[biggest])) biggest = i;
  }
  const kindWord =
    h.kind === 'numerical' ? `histogram of ${bins} bins` : `bar chart of ${bins} categories`;
  const title = `Distribution of ${options.columnName}: reference vs current`;
  const desc =
    `A ${kindWord}, reference and current side by side as shares of rows. ` +
    `Largest difference at ${labels[biggest]}: reference ${formatPercent(ref[biggest])}, current ${formatPercent(cur[biggest])}.`;

  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" ` +
    `aria-labelledby="${options.id}-title ${options.id}-desc" data-bins="${bins}">` +
    `<title id="${options.id}-title">${e(title)}</title><desc id="${options.id}-desc">${e(desc)}</desc>` +
    `${legend}${grid}${bars.join('')}` +
    `<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${baseline}" y2="${baseline}"/>` +
    `${xLabels.join('')}</svg>`
  );
}
