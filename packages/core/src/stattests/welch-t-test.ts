/**
 * Welch's unequal-variances t-test, as `scipy.stats.ttest_ind(equal_var=False)`
 * (SciPy 1.10.1).
 */
import { studentT } from '../distributions/student-t.js';
import { checkChoice, type NumericInput, toSample } from '../validate.js';
import type { Alternative } from './ks-2samp.js';

/** Options of {@link welchTTest}. */
export interface WelchTTestOptions {
  /**
   * 'two-sided' (default): the means differ; 'less': the mean of `reference` is less than
   * that of `current`; 'greater': it is greater.
   */
  alternative?: Alternative;
}

/** Result of {@link welchTTest}. */
export interface WelchTTestResult {
  /** t = (x̄₁ − x̄₂) / √(s₁²/n₁ + s₂²/n₂). */
  statistic: number;
  pValue: number;
  /** Welch–Satterthwaite degrees of freedom; 1 where undefined (both variances 0), as SciPy. */
  df: number;
}

const FN = 'welchTTest';
const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];

/**
 * Welch's t-test of `reference` against `current` (Welch 1947).
 *
 * t = (x̄₁ − x̄₂) / √(v₁ + v₂) with vᵢ = sᵢ²/nᵢ (sample variances, ddof 1), and the
 * Welch–Satterthwaite df = (v₁ + v₂)² / (v₁²/(n₁−1) + v₂²/(n₂−1)); p from Student's t with
 * that df. Means and variances are summed pairwise in NumPy's order so the results agree with
 * SciPy to the last bits even for data far from zero. As in SciPy, a sample of one value has
 * no variance and gives NaN; two constant samples give t = ±∞ (p = 0) or NaN when equal.
 *
 * @example
 * welchTTest([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]); // { statistic: -5, pValue: 0.0010528257933665392, df: 8 }
 */
export function welchTTest(
  reference: NumericInput,
  current: NumericInput,
  options: WelchTTestOptions = {},
): WelchTTestResult {
  const alternative = options.alternative ?? 'two-sided';
  checkChoice(FN, 'alternative', alternative, ALTERNATIVES);
  const a = toSample(FN, 'reference', reference);
  const b = toSample(FN, 'current', current);
  const n1 = a.length;
  const n2 = b.length;
  const [m1, v1] = meanAndVariance(a);
  const [m2, v2] = meanAndVariance(b);

  const vn1 = v1 / n1;
  const vn2 = v2 / n2;
  let df = (vn1 + vn2) ** 2 / (vn1 ** 2 / (n1 - 1) + vn2 ** 2 / (n2 - 1));
  if (Number.isNaN(df)) df = 1;
  const t = (m1 - m2) / Math.sqrt(vn1 + vn2);

  // SciPy's _ttest_finish evaluates the CDF (stdtr) at t, −t or −|t|.
  let p: number;
  if (alternative === 'less') p = tCdf(t, df);
  else if (alternative === 'greater') p = tCdf(-t, df);
  else p = tCdf(-Math.abs(t), df) * 2;
  return { statistic: t, pValue: p, df };
}

/** Student's t CDF, with the limits at ±∞ and NaN passed through. */
function tCdf(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  if (t === Number.POSITIVE_INFINITY) return 1;
  return studentT.cdf(t, df);
}

/**
 * Mean and variance (ddof 1) as SciPy's `_var` computes them: the mean of the squared
 * deviations times n/(n−1), each mean a pairwise sum divided by n.
 */
function meanAndVariance(x: Float64Array): [number, number] {
  const n = x.length;
  const mean = pairwiseSum(x, 0, n) / n;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    sq[i] = d * d;
  }
  // n/(n−1) is +∞ for one value, so the variance is 0·∞ = NaN, as in SciPy.
  return [mean, (pairwiseSum(sq, 0, n) / n) * (n / (n - 1))];
}

/**
 * NumPy's pairwise summation of x[from … from+n) (`DOUBLE_pairwise_sum`): plain loop below
 * 8 values, eight interleaved accumulators up to 128, else split in two (the first half a
 * multiple of 8). Its error grows as O(log n) and matching its order keeps results bit-equal.
 */
function pairwiseSum(x: Float64Array, from: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += x[from + i];
    return res;
  }
  if (n <= 128) {
    let r0 = x[from];
    let r1 = x[from + 1];
    let r2 = x[from + 2];
    let r3 = x[from + 3];
    let r4 = x[from + 4];
    let r5 = x[from + 5];
    let r6 = x[from + 6];
    let r7 = x[from + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const o = from + i;
      r0 += x[o];
      r1 += x[o + 1];
      r2 += x[o + 2];
      r3 += x[o + 3];
      r4 += x[o + 4];
      r5 += x[o + 5];
      r6 += x[o + 6];
      r7 += x[o + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += x[from + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(x, from, n2) + pairwiseSum(x, from + n2, n - n2);
}
