/** The non-missing values of a numerical column, sorted: the form every per-column step works on. */
import { sortNumbers } from '@tend/core';
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
