/**
 * A probability clipped into [0, 1], as SciPy's `_clip_prob` (rounding can leave a sum a hair
 * outside). NaN passes through.
 *
 * @example
 * clip01(1.0000000000000002); // 1
 */
export function clip01(p: number): number {
  return p < 0 ? 0 : Math.min(p, 1);
}
