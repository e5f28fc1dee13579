/** Hellinger distance between two binned distributions. */
import type { NumericInput } from '../validate.js';
import { toProportionPair } from './weights.js';

/**
 * Hellinger distance H = √(½·Σ(√pᵢ − √qᵢ)²), each weight vector scaled to sum 1
 * (Hellinger, 1909); 0 for identical distributions, 1 for disjoint supports.
 *
 * @example
 * hellingerDistance([1, 0], [0, 1]); // 1
 */
export function hellingerDistance(p: NumericInput, q: NumericInput): number {
  const [a, b] = toProportionPair('hellingerDistance', p, q);
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.sqrt(a[i]) - Math.sqrt(b[i]);
    s += d * d;
  }
  return Math.min(1, Math.sqrt(0.5 * s));
}
