/**
 * Kullback–Leibler divergence D(p‖q) = Σ pᵢ·ln(pᵢ/qᵢ) between two binned distributions,
 * as `scipy.stats.entropy(p, q, base)` computes it.
 */
import { checkNumberOption, type NumericInput } from '../validate.js';
import { checkLogBase, fillZeros, toProportionPair } from './weights.js';

/** Options of {@link klDivergence}. */
export interface KlDivergenceOptions {
  /** Base of the logarithm (default e: nats; 2 gives bits). */
  base?: number;
  /**
   * Smoothing of empty bins (default 0: none). When > 0, zero proportions are replaced as
   * Evidently's `kl_div` test does through `get_binned_data`: by `epsilon`, or by the smallest
   * non-zero proportion / 10⁶ when that is ≤ `epsilon`; both vectors are then re-normalised,
   * as `scipy.stats.entropy` does. Evidently uses 0.0001.
   */
  epsilon?: number;
}

/**
 * Kullback–Leibler divergence of `p` from `q` (each weight vector scaled to sum 1):
 * D(p‖q) = Σ pᵢ·log(pᵢ/qᵢ) / log(base), with 0·log(0/q) = 0 and p·log(p/0) = ∞
 * (Kullback & Leibler, 1951; `scipy.stats.entropy(p, q, base)`). Not symmetric.
 *
 * @example
 * klDivergence([0.5, 0.5], [0.9, 0.1]); // 0.5108256237659907
 */
export function klDivergence(
  p: NumericInput,
  q: NumericInput,
  { base = Math.E, epsilon = 0 }: KlDivergenceOptions = {},
): number {
  const fn = 'klDivergence';
  checkLogBase(fn, base);
  checkNumberOption(fn, 'epsilon', epsilon, { min: 0, max: 1 });
  const [a, b] = toProportionPair(fn, p, q);
  if (epsilon > 0) {
    renormalise(fillZeros(a, epsilon));
    renormalise(fillZeros(b, epsilon));
  }
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x === 0) continue;
    const y = b[i];
    s += y === 0 ? Number.POSITIVE_INFINITY : x * Math.log(x / y);
  }
  return base === Math.E ? s : s / Math.log(base);
}

function renormalise(p: Float64Array): void {
  let total = 0;
  for (let i = 0; i < p.length; i++) total += p[i];
  for (let i = 0; i < p.length; i++) p[i] = p[i] / total;
}
