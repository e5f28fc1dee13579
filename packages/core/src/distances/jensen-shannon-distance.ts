/**
 * Jensen–Shannon distance between two binned distributions, as
 * `scipy.spatial.distance.jensenshannon` computes it.
 */
import type { NumericInput } from '../validate.js';
import { checkLogBase, toProportionPair } from './weights.js';

/** Options of {@link jensenShannonDistance}. */
export interface JensenShannonDistanceOptions {
  /** Base of the logarithm (default e; with base 2 the distance lies in [0, 1]). */
  base?: number;
}

/**
 * Jensen–Shannon distance √(JSD) with JSD = ½·D(p‖m) + ½·D(q‖m), m = (p + q)/2, each weight
 * vector scaled to sum 1 (Lin, "Divergence measures based on the Shannon entropy", 1991;
 * `scipy.spatial.distance.jensenshannon(p, q, base)`). Symmetric; a metric. Where rounding
 * would make the divergence a hair below 0 (SciPy then answers NaN), 0 is returned.
 *
 * @example
 * jensenShannonDistance([1, 0], [0, 1], { base: 2 }); // 1
 */
export function jensenShannonDistance(
  p: NumericInput,
  q: NumericInput,
  { base = Math.E }: JensenShannonDistanceOptions = {},
): number {
  const fn = 'jensenShannonDistance';
  checkLogBase(fn, base);
  const [a, b] = toProportionPair(fn, p, q);
  let left = 0;
  let right = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const m = (x + y) / 2;
    if (x > 0) left += x * Math.log(x / m);
    if (y > 0) right += y * Math.log(y / m);
  }
  let js = left + right;
  if (base !== Math.E) js /= Math.log(base);
  return js > 0 ? Math.sqrt(js / 2) : 0;
}
