/** Total variation distance between two binned distributions. */
import type { NumericInput } from '../validate.js';
import { toProportionPair } from './weights.js';

/**
 * Total variation distance δ = ½·Σ|pᵢ − qᵢ|, each weight vector scaled to sum 1: the largest
 * difference in probability the two distributions give one event; in [0, 1].
 *
 * @example
 * totalVariationDistance([0.5, 0.5], [0.9, 0.1]); // 0.4
 */
export function totalVariationDistance(p: NumericInput, q: NumericInput): number {
  const [a, b] = toProportionPair('totalVariationDistance', p, q);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return 0.5 * s;
}
