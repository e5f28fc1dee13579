/**
 * Mann–Whitney U rank test on two independent samples, as `scipy.stats.mannwhitneyu`
 * (SciPy 1.10.1).
 */
import { normal } from '../distributions/normal.js';
import { TendInputError } from '../errors.js';
import { checkChoice, type NumericInput, toSortedSample } from '../validate.js';
import type { Alternative } from './ks-2samp.js';
import { mergedRankSum } from './ranks.js';

/** Options of {@link mannWhitneyU}. */
export interface MannWhitneyUOptions {
  /**
   * 'two-sided' (default); 'less': the distribution of `x` is stochastically less than that
   * of `y`; 'greater': stochastically greater.
   */
  alternative?: Alternative;
  /** Subtract ½ from |U − mn/2| in the normal approximation (default true). */
  useContinuity?: boolean;
  /**
   * 'auto' (default): 'exact' when one sample has at most 8 values and there are no ties,
   * else 'asymptotic' (SciPy 1.10.1's rule); 'exact': the exact null distribution, which
   * ignores ties; 'asymptotic': the normal approximation with tie correction.
   */
  method?: 'auto' | 'exact' | 'asymptotic';
}

/** Result of {@link mannWhitneyU}. */
export interface MannWhitneyUResult {
  /** U of `x`: R₁ − n₁(n₁ + 1)/2, with R₁ the sum of x's average ranks in the pooled sample. */
  statistic: number;
  pValue: number;
}

const FN = 'mannWhitneyU';
const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];
const METHODS = ['auto', 'exact', 'asymptotic'] as const;

/**
 * Mann–Whitney U test of `x` against `y` (Mann & Whitney 1947).
 *
 * U₁ = R₁ − n₁(n₁+1)/2; one-sided tests use U₁ ('greater') or U₂ = n₁n₂ − U₁ ('less'),
 * two-sided max(U₁, U₂) with the p-value doubled and clipped to 1. Exact: P(U ≥ u) from the
 * null counts, the coefficients of the Gaussian binomial [n₁+n₂ choose n₁]_q (the recursion
 * of Di Bucchianico 1999, Thm 2.5, that SciPy memoises). Asymptotic:
 * z = (U − n₁n₂/2 − ½) / √(n₁n₂/12 · ((n+1) − Σ(t³−t)/(n(n−1)))), p = Φ(−z). All values
 * tied give σ = 0: p = 1 with the continuity correction, NaN without it, as in SciPy.
 *
 * @example
 * mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]); // { statistic: 17, pValue: 0.1111111111111111 }
 */
export function mannWhitneyU(
  x: NumericInput,
  y: NumericInput,
  options: MannWhitneyUOptions = {},
): MannWhitneyUResult {
  const alternative = options.alternative ?? 'two-sided';
  const useContinuity = options.useContinuity ?? true;
  let method = options.method ?? 'auto';
  checkChoice(FN, 'alternative', alternative, ALTERNATIVES);
  checkChoice(FN, 'method', method, METHODS);
  if (typeof useContinuity !== 'boolean') {
    throw new TendInputError(FN, 'useContinuity', 'invalid_option', 'must be true or false');
  }
  const xs = toSortedSample(FN, 'x', x);
  const ys = toSortedSample(FN, 'y', y);
  const n1 = xs.length;
  const n2 = ys.length;
  const { rankSumX, tieTerm } = mergedRankSum(xs, ys);
  if (method === 'auto') method = (n1 > 8 && n2 > 8) || tieTerm > 0 ? 'asymptotic' : 'exact';

  const u1 = rankSumX - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
  const factor = alternative === 'two-sided' ? 2 : 1;
  let p: number;
  if (method === 'exact') {
    p = mwuSf(Math.trunc(u), n1, n2);
  } else {
    const n = n1 + n2;
    const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    let numerator = u - (n1 * n2) / 2;
    if (useContinuity) numerator -= 0.5;
    p = normal.sf(numerator / s);
  }
  p *= factor;
  return { statistic: u1, pValue: Math.min(Math.max(p, 0), 1) };
}

/**
 * P(U ≥ u) under the null for sizes m, n, summed from the left as P(U ≤ mn − u) by the
 * symmetry of the distribution, as SciPy does. The counts c_k of U = k are the coefficients
 * of Π_{i=1..m'} (1 − q^(n'+i)) / (1 − q^i) with m' = min(m, n), n' = max(m, n); only
 * c₀ … c_K are needed, and each factor updates them in place (multiply by 1 − q^s, then
 * divide by 1 − q^i as a running sum with stride i). O(min(m, n) · K) time, O(K) memory.
 */
function mwuSf(u: number, m: number, n: number): number {
  const K = m * n - u;
  if (K < 0) return 0;
  const mm = Math.min(m, n);
  const nn = Math.max(m, n);
  const c = new Float64Array(K + 1);
  c[0] = 1;
  for (let i = 1; i <= mm; i++) {
    const s = nn + i;
    for (let k = K; k >= s; k--) c[k] -= c[k - s];
    for (let k = i; k <= K; k++) c[k] += c[k - i];
  }
  let count = 0;
  for (let k = 0; k <= K; k++) count += c[k];
  let total = 1;
  for (let i = 1; i <= mm; i++) total = (total * (nn + i)) / i;
  return count / total;
}
