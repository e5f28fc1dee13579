/**
 * Summary statistics of a column (pandas' `describe`, `sorted-stats.ts`; the most frequent
 * categories) and the binned counts the HTML page draws, reference and current in the same
 * bins.
 */
import type { CategoricalColumn, Column } from '../io/frame.js';
import {
  presentSorted,
  type SortedNumbers,
  sortedAt,
  sortedDoubles,
} from '../io/present-values.js';
import { type SortedStats, sortedStats } from '../io/sorted-stats.js';
import { categoryCounts } from './column-quality.js';
import type { ColumnHistogram, ColumnSummary } from './report-types.js';

/** Categories a summary lists and a chart draws before folding the rest into "other". */
const TOP_CATEGORIES = 10;
const CHART_CATEGORIES = 20;
/** Equal-width bins of a numerical chart. */
const CHART_BINS = 20;

/**
 * pandas-style description of a numerical column from its sorted non-missing values.
 *
 * @example
 * describeNumbers(Float64Array.of(1, 2, 3, 4)).median; // 2.5
 */
export function describeNumbers(sorted: Float64Array): ColumnSummary {
  return summaryOf(sortedStats(sorted));
}

/** The `describe` part of sorted statistics. */
function summaryOf(stats: SortedStats): ColumnSummary {
  const { count, mean, std, min, q25, median, q75, max } = stats;
  if (count === 0) return { count };
  return { count, mean, std, min, q25, median, q75, max } as ColumnSummary;
}

/**
 * Count and most frequent values of a categorical column.
 *
 * @example
 * describeCategories(column).top?.[0]; // { value: 'red', count: 412 }
 */
export function describeCategories(column: CategoricalColumn): ColumnSummary {
  const counts = categoryCounts(column);
  let count = 0;
  const rows: { value: string; count: number }[] = [];
  column.dictionary.forEach((value, i) => {
    if (counts[i] === 0) return;
    count += counts[i];
    rows.push({ value, count: counts[i] });
  });
  rows.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return { count, top: rows.slice(0, TOP_CATEGORIES) };
}

/**
 * Reference and current counts in CHART_BINS equal-width bins spanning both samples
 * (the last bin closed on the right, as numpy.histogram), from their sorted values.
 *
 * @example
 * numericHistogram(Float64Array.of(0, 1), Float64Array.of(1, 2)).edges.length; // 21
 */
export function numericHistogram(
  reference: SortedNumbers,
  current: SortedNumbers,
): ColumnHistogram {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const xs of [reference, current]) {
    if (xs.length === 0) continue;
    lo = Math.min(lo, sortedAt(xs, 0));
    hi = Math.max(hi, sortedAt(xs, xs.length - 1));
  }
  if (!(lo <= hi)) return { kind: 'numerical', edges: [], reference: [], current: [] };
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / CHART_BINS;
  const edges = Array.from({ length: CHART_BINS + 1 }, (_, i) => lo + i * width);
  edges[CHART_BINS] = hi;
  const binOf = (x: number) => Math.min(CHART_BINS - 1, Math.floor((x - lo) / width));
  // The values are sorted and binOf never decreases along them: each bin's count is the
  // distance between two binary searches, not a pass over every value.
  const count = (xs: SortedNumbers): number[] => {
    const out = new Array<number>(CHART_BINS).fill(0);
    let start = 0;
    for (let b = 0; b < CHART_BINS; b++) {
      let l = start;
      let h = xs.length;
      while (l < h) {
        const mid = (l + h) >>> 1;
        if (binOf(sortedAt(xs, mid)) <= b) l = mid + 1;
        else h = mid;
      }
      out[b] = l - start;
      start = l;
    }
    return out;
  };
  return { kind: 'numerical', edges, reference: count(reference), current: count(current) };
}

/**
 * Reference and current counts of the CHART_CATEGORIES most frequent categories of both,
 * the rest summed as "(other)".
 *
 * @example
 * categoricalHistogram(ref, cur).categories[0]; // 'red'
 */
export function categoricalHistogram(
  reference: CategoricalColumn,
  current: CategoricalColumn,
): ColumnHistogram {
  const total = new Map<string, [number, number]>();
  const add = (column: CategoricalColumn, side: 0 | 1) => {
    const counts = categoryCounts(column);
    column.dictionary.forEach((value, i) => {
      if (counts[i] === 0) return;
      const entry = total.get(value) ?? [0, 0];
      entry[side] += counts[i];
      total.set(value, entry);
    });
  };
  add(reference, 0);
  add(current, 1);
  const ranked = [...total].sort(
    (a, b) => b[1][0] + b[1][1] - (a[1][0] + a[1][1]) || (a[0] < b[0] ? -1 : 1),
  );
  const shown = ranked.slice(0, CHART_CATEGORIES);
  const rest = ranked.slice(CHART_CATEGORIES);
  const categories = shown.map(([v]) => v);
  const ref = shown.map(([, c]) => c[0]);
  const cur = shown.map(([, c]) => c[1]);
  if (rest.length > 0) {
    categories.push('(other)');
    ref.push(rest.reduce((s, [, c]) => s + c[0], 0));
    cur.push(rest.reduce((s, [, c]) => s + c[1], 0));
  }
  return { kind: 'categorical', categories, reference: ref, current: cur };
}

/**
 * Summary of either kind of column (numerical ones from their sorted values).
 *
 * @example
 * describeColumn(column, sorted).count; // 5000
 */
export function describeColumn(column: Column, sorted?: SortedNumbers): ColumnSummary {
  if (column.kind === 'categorical') return describeCategories(column);
  if (column.stats) return summaryOf(column.stats);
  return describeNumbers(sorted ? sortedDoubles(sorted) : presentSorted(column));
}
