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
  const n = sorted.length;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  if (lo < 0) return sorted[0];
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[lo + 1];
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}
