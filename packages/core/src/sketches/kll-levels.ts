/**
 * Array helpers of the KLL sketch: level capacities, merging of sorted levels, the weighted
 * sorted view that answers rank and quantile queries, and the search in it.
 */

/** Narrowest a level may be (DataSketches' m). */
export const MIN_WIDTH = 8;

/** Capacity of `level` in a sketch of `numLevels` levels: k·(2/3)^depth, at least 8. */
export function levelCapacity(k: number, numLevels: number, level: number): number {
  const depth = numLevels - level - 1;
  return Math.max(MIN_WIDTH, Math.round(k * (2 / 3) ** depth));
}

/** Merge two increasing arrays into a new one. */
export function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[o++] = a[i++];
  while (j < b.length) out[o++] = b[j++];
  return out;
}

/** Retained items in increasing order, with the cumulative weight up to each. */
export interface SortedView {
  items: Float64Array;
  cum: Float64Array;
}

/** The sorted view of sorted levels, level h weighing 2^h. */
export function buildSortedView(levels: Float64Array[]): SortedView {
  let items = new Float64Array(0);
  let weights = new Float64Array(0);
  for (let h = 0; h < levels.length; h++) {
    // Merge level h into the running sorted list, carrying weights along.
    const a = items;
    const b = levels[h];
    const nextItems = new Float64Array(a.length + b.length);
    const nextWeights = new Float64Array(a.length + b.length);
    let i = 0;
    let j = 0;
    for (let o = 0; o < nextItems.length; o++) {
      if (j >= b.length || (i < a.length && a[i] <= b[j])) {
        nextItems[o] = a[i];
        nextWeights[o] = weights[i++];
      } else {
        nextItems[o] = b[j++];
        nextWeights[o] = 2 ** h;
      }
    }
    items = nextItems;
    weights = nextWeights;
  }
  const cum = new Float64Array(items.length);
  let acc = 0;
  for (let i = 0; i < items.length; i++) cum[i] = acc += weights[i];
  return { items, cum };
}

/** Total weight of the retained items ≤ x (exact: a sum of powers of two). */
export function weightAtOrBelow({ items, cum }: SortedView, x: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : cum[lo - 1];
}
