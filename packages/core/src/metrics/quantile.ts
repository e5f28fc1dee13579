/** NumPy's default ('linear') quantile, for bootstrap percentile intervals. */

/**
 * `np.quantile(x, q)` with method 'linear' (Hyndman & Fan type 7), NumPy 1.24 bit for bit:
 * virtual index h = (n − 1)·q, lerp between the neighbours, computed from the upper
 * neighbour when the fraction is ≥ 0.5 as NumPy's `_lerp` does. `sorted` must be ascending.
 *
 * @example
 * quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25); // 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  return quantileAt(sorted.length, q, (i) => sorted[i]);
}

/**
 * {@link quantileSorted} of n ascending values read through `at(i)`, for values kept in
 * another form (scaled integers): only the two neighbours of the virtual index are read.
 *
 * @example
 * quantileAt(4, 0.25, (i) => [10, 20, 30, 40][i] / 10); // 1.75
 */
export function quantileAt(n: number, q: number, at: (i: number) => number): number {
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  if (lo >= n - 1) return at(n - 1);
  if (lo < 0) return at(0);
  const t = h - lo;
  const a = at(lo);
  const b = at(lo + 1);
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}
