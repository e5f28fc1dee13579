/**
 * Array helpers on the hot paths of the metrics and tests. Written as plain loops: V8 runs
 * `Float64Array.from(xs, fn)` through the iterator protocol, tens of times slower.
 */
import { sortNumbers } from './sort-numbers.js';

/**
 * The values of `source` at `indices`, in that order.
 *
 * @example
 * gather([10, 20, 30], [2, 0]); // Float64Array [30, 10]
 */
export function gather(source: ArrayLike<number>, indices: ArrayLike<number>): Float64Array {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = source[indices[i]];
  return out;
}

/**
 * Indices that sort `values` ascending, ties in index order: `np.argsort(kind='stable')`.
 * NaN must not occur (callers validate first).
 *
 * @example
 * argsortStable([3, 1, 3, 2]); // Uint32Array [1, 3, 0, 2]
 */
export function argsortStable(values: ArrayLike<number>): Uint32Array {
  // Bottom-up merge sort of indices: stable by construction, and several times faster than
  // a comparator passed to Array.prototype.sort, which V8 cannot inline.
  const n = values.length;
  const v = values instanceof Float64Array ? values : Float64Array.from(values);
  let src = new Uint32Array(n);
  let dst = new Uint32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  // Insertion-sort runs of 16 first: cheaper than merging tiny runs.
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const idx = src[i];
      const x = v[idx];
      let j = i - 1;
      while (j >= lo && v[src[j]] > x) {
        src[j + 1] = src[j];
        j--;
      }
      src[j + 1] = idx;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = v[src[j]] < v[src[i]] ? src[j++] : src[i++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/**
 * Sort numbers ascending in place (as `Float64Array.prototype.sort`: −0 before +0), after a
 * one-pass check that skips the sort when they already are: callers often pass samples they
 * sorted themselves, and sorting sorted data still costs the engine n·log n.
 *
 * @example
 * ascending(Float64Array.of(3, 1, 2)); // Float64Array [1, 2, 3]
 */
export function ascending(values: Float64Array): Float64Array {
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (!(a <= b) || (a === 0 && b === 0 && 1 / a > 0 && 1 / b < 0)) return sortNumbers(values);
  }
  return values;
}
