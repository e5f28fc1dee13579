/** L∞ (Chebyshev) distance between two binned distributions. */
import type { NumericInput } from '../validate.js';
import { toProportionPair } from './weights.js';

/**
 * L∞ distance maxᵢ |pᵢ − qᵢ|, each weight vector scaled to sum 1 (the Chebyshev distance,
 * `scipy.spatial.distance.chebyshev` of the two proportion vectors); in [0, 1].
 *
 * @example
 * lInfinityDistance([0.5, 0.3, 0.2], [0.2, 0.3, 0.5]); // 0.3
 */
export function lInfinityDistance(p: NumericInput, q: NumericInput): number {
  const [a, b] = toProportionPair('lInfinityDistance', p, q);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > m) m = d;
  }
  return m;
}
