/** The non-missing values of a numerical column, the form every per-column step works on. */
import type { NumericColumn } from '../io/frame.js';

/**
 * The non-missing values of a numerical column, in row order, in a buffer of their own.
 *
 * @example
 * presentValues({ values: Float64Array.of(3, NaN, 1) } as NumericColumn); // Float64Array [3, 1]
 */
export function presentValues(column: NumericColumn): Float64Array {
  let n = 0;
  for (const v of column.values) if (!Number.isNaN(v)) n++;
  const out = new Float64Array(n);
  let i = 0;
  for (const v of column.values) if (!Number.isNaN(v)) out[i++] = v;
  return out;
}

/**
 * The non-missing values of a numerical column, sorted ascending.
 *
 * @example
 * presentSorted({ values: Float64Array.of(3, NaN, 1) } as NumericColumn); // Float64Array [1, 3]
 */
export function presentSorted(column: NumericColumn): Float64Array {
  return presentValues(column).sort();
}
