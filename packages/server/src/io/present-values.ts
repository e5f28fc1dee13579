/** The non-missing values of a numerical column, sorted: the form every per-column step works on. */
import { type ScaledSortedSample, sortNumbers } from '@tend/core';
import { type NumericColumn, numbersOf } from './frame.js';

/**
 * The part of an ascending-sorted array before its NaNs (a typed array's `sort` puts NaN
 * last): the present values, without a copy.
 *
 * @example
 * withoutTrailingNaN(Float64Array.of(1, 3, NaN)); // Float64Array [1, 3]
 */
export function withoutTrailingNaN(sorted: Float64Array): Float64Array {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Number.isNaN(sorted[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo === sorted.length ? sorted : sorted.subarray(0, lo);
}

/**
 * The non-missing values of a numerical column, sorted ascending, in a buffer of their own.
 *
 * @example
 * presentSorted({ values: Float64Array.of(3, NaN, 1) } as NumericColumn); // Float64Array [1, 3]
 */
export function presentSorted(column: NumericColumn): Float64Array {
  const values = column.values ? column.values.slice() : numbersOf(column);
  return withoutTrailingNaN(sortNumbers(values));
}

/**
 * The sorted non-missing values of a numerical column: doubles, or a compact column's scaled
 * integers as they lie after `prepareFrame` sorted them (no doubles made until a test needs
 * them; `ks2samp` never does).
 */
export type SortedNumbers = Float64Array | ScaledSortedSample;

/**
 * The i-th smallest of sorted values.
 *
 * @example
 * sortedAt(new ScaledSortedSample(Int32Array.of(125, 250), 0, 2), 1); // 2.5
 */
export function sortedAt(xs: SortedNumbers, i: number): number {
  return xs instanceof Float64Array ? xs[i] : xs.at(i);
}

/**
 * Sorted values as doubles (a compact column's written into its sample's scratch buffer).
 *
 * @example
 * sortedDoubles(new ScaledSortedSample(Int32Array.of(125, 250), 0, 2)); // Float64Array [1.25, 2.5]
 */
export function sortedDoubles(xs: SortedNumbers): Float64Array {
  return xs instanceof Float64Array ? xs : xs.values();
}
