/**
 * Data quality of one column: missing and unparsable cells, values outside the reference's
 * range, categories the reference never had, and how close to constant the column is.
 */
import { type CategoricalColumn, type Column, countCodes } from '../io/frame.js';
import {
  presentSorted,
  type SortedNumbers,
  sortedAt,
  sortedDoubles,
} from '../io/present-values.js';
import { sortedStats } from '../io/sorted-stats.js';
import type { ColumnQuality } from './report-types.js';

/** Share of the non-missing values above which a column counts as near-constant. */
export const NEAR_CONSTANT_SHARE = 0.95;
/** How many new categories a report lists by name. */
const LISTED_NEW_CATEGORIES = 20;

/**
 * Distinct non-missing values and the most frequent one's share of them (numerical columns
 * from their sorted non-missing values, sorted here when not given).
 */
function spread(
  column: Column,
  sorted?: SortedNumbers,
): { distinct: number; mostFrequentShare: number } {
  if (column.kind !== 'categorical') {
    const { distinct, mostFrequentShare } =
      column.stats ?? sortedStats(sorted ? sortedDoubles(sorted) : presentSorted(column));
    return { distinct, mostFrequentShare };
  }
  let present = 0;
  let top = 0;
  let distinct = 0;
  for (const c of categoryCounts(column)) {
    if (c === 0) continue;
    distinct++;
    present += c;
    if (c > top) top = c;
  }
  return { distinct, mostFrequentShare: present === 0 ? 0 : top / present };
}

/**
 * Rows per dictionary entry of a categorical column (missing rows not counted). Counted once
 * per column and shared: read it, never write to it.
 *
 * @example
 * categoryCounts({ codes: Int32Array.of(0, 1, 0, -1), dictionary: ['a', 'b'] } as CategoricalColumn); // [2, 1]
 */
export function categoryCounts(column: CategoricalColumn): Float64Array {
  // Quality, summary, chart and drift each need these counts: count a column's codes once,
  // unless `prepareFrame` did where the file was read.
  const size = column.dictionary.length;
  if (column.counts?.length === size) return column.counts;
  const known = countsOf.get(column);
  if (known && known.length === size) return known;
  const counts = countCodes(column.codes, size);
  countsOf.set(column, counts);
  return counts;
}

const countsOf = new WeakMap<CategoricalColumn, Float64Array>();

/** Quality of a column on its own (no reference to compare with). */
function baseQuality(column: Column, rows: number, sorted?: SortedNumbers): ColumnQuality {
  const { distinct, mostFrequentShare } = spread(column, sorted);
  return {
    missingShare: rows === 0 ? 0 : column.missing / rows,
    invalidCount: column.invalid,
    distinct,
    mostFrequentShare,
    nearConstant: distinct <= 1 || mostFrequentShare >= NEAR_CONSTANT_SHARE,
  };
}

/**
 * Quality of a reference column (numerical ones faster from their sorted non-missing values).
 *
 * @example
 * referenceQuality(frame.columns[0], frame.rowCount).missingShare; // 0.02
 */
export function referenceQuality(
  column: Column,
  rows: number,
  sorted?: SortedNumbers,
): ColumnQuality {
  return baseQuality(column, rows, sorted);
}

/**
 * Quality of a current column judged against its reference column: out-of-range values for
 * numbers (outside the reference's [min, max]), unseen categories for categories.
 *
 * @example
 * currentQuality(cur, curRows, ref).outOfRangeCount; // 12
 */
export function currentQuality(
  column: Column,
  rows: number,
  reference: Column,
  sorted?: SortedNumbers,
  referenceSorted?: SortedNumbers,
): ColumnQuality {
  const q = baseQuality(column, rows, sorted);
  if (column.kind !== 'categorical' && reference.kind !== 'categorical') {
    q.outOfRangeCount = outOfRange(
      sorted ?? presentSorted(column),
      referenceSorted ?? presentSorted(reference),
    );
  } else if (column.kind === 'categorical' && reference.kind === 'categorical') {
    const { count, names } = newCategories(column, reference);
    q.newCategoryCount = count;
    q.newCategories = names;
  }
  return q;
}

/** First index of sorted `xs` whose value is > x (or ≥ x when `orEqual`). */
function bound(xs: SortedNumbers, x: number, orEqual: boolean): number {
  let l = 0;
  let h = xs.length;
  while (l < h) {
    const mid = (l + h) >>> 1;
    const v = sortedAt(xs, mid);
    if (v < x || (!orEqual && v === x)) l = mid + 1;
    else h = mid;
  }
  return l;
}

/** Values of sorted `column` below the first or above the last of sorted `reference`. */
function outOfRange(column: SortedNumbers, reference: SortedNumbers): number {
  if (reference.length === 0) return 0; // no reference values: nothing to compare with
  const below = bound(column, sortedAt(reference, 0), true);
  const last = sortedAt(reference, reference.length - 1);
  return below + (column.length - bound(column, last, false));
}

function newCategories(
  column: CategoricalColumn,
  reference: CategoricalColumn,
): { count: number; names: string[] } {
  const refCounts = categoryCounts(reference);
  const seen = new Set<string>();
  reference.dictionary.forEach((value, i) => {
    if (refCounts[i] > 0) seen.add(value);
  });
  const counts = categoryCounts(column);
  const fresh: { name: string; count: number }[] = [];
  let count = 0;
  column.dictionary.forEach((value, i) => {
    if (counts[i] > 0 && !seen.has(value)) {
      count += counts[i];
      fresh.push({ name: value, count: counts[i] });
    }
  });
  fresh.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  return { count, names: fresh.slice(0, LISTED_NEW_CATEGORIES).map((f) => f.name) };
}
