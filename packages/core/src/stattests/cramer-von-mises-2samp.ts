/**
 * Two-sample Cramér–von Mises test, as `scipy.stats.cramervonmises_2samp` (SciPy 1.10.1).
 */
import { TendInputError } from '../errors.js';
import { lcm } from '../integers.js';
import { kv } from '../special/bessel-k.js';
import { gammaln } from '../special/gamma.js';
import { checkChoice, type NumericInput, toSortedSample } from '../validate.js';

/** Options of {@link cramerVonMises2samp}. */
export interface CramerVonMises2sampOptions {
  /**
   * 'auto' (default): 'exact' when both samples hold at most 20 values, else 'asymptotic'
   * (SciPy 1.10.1's rule); 'exact': count the lattice paths (ties use mid-ranks in the
   * statistic, but the null distribution assumes none, as in SciPy); 'asymptotic': the
   * limiting distribution of the one-sample statistic after standardising T.
   */
  method?: 'auto' | 'exact' | 'asymptotic';
}

/** Result of {@link cramerVonMises2samp}. */
export interface CramerVonMises2sampResult {
  /** T = U / (mn(m+n)) − (4mn − 1) / (6(m+n)) (Anderson 1962, eq. 9). */
  statistic: number;
  pValue: number;
}

const FN = 'cramerVonMises2samp';
const METHODS = ['auto', 'exact', 'asymptotic'] as const;
/** SciPy's 'auto' rule: exact while max(m, n) ≤ 20. */
const MAX_AUTO_EXACT = 20;
/** π^1.5 exactly as Python's `np.pi**1.5` rounds it (a libm `pow` may differ by one ulp). */
const PI_POW_1_5 = 5.568327996831708;

/**
 * Two-sample Cramér–von Mises test of `reference` against `current` (Anderson 1962).
 *
 * With rᵢ the mid-ranks in the pooled sample of the sorted values of x (size m) and sⱼ those
 * of y (size n): U = m·Σ(rᵢ − i)² + n·Σ(sⱼ − j)² and T = U/(mn(m+n)) − (4mn − 1)/(6(m+n)).
 * Exact p-value P(U' ≥ U) by the path-counting recursion of Xiao, Gordon & Yakovlev (2006);
 * asymptotic by standardising T with its mean and variance (Anderson 1962, eqs. 11, 14, 15)
 * and 1 − F∞ of the limiting Cramér–von Mises law (Csörgő & Faraway 1996, eq. 1.2).
 *
 * @example
 * cramerVonMises2samp([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]); // { statistic: 0.8500000000000001, pValue: 0.007936507936507936 }
 */
export function cramerVonMises2samp(
  reference: NumericInput,
  current: NumericInput,
  options: CramerVonMises2sampOptions = {},
): CramerVonMises2sampResult {
  let method = options.method ?? 'auto';
  checkChoice(FN, 'method', method, METHODS);
  const x = toSortedSample(FN, 'reference', reference, { minLength: 2 });
  const y = toSortedSample(FN, 'current', current, { minLength: 2 });
  const nx = x.length;
  const ny = y.length;
  if (method === 'auto') method = Math.max(nx, ny) > MAX_AUTO_EXACT ? 'asymptotic' : 'exact';
  if (method === 'exact' && binomial(nx + ny, nx) > Number.MAX_SAFE_INTEGER) {
    // The path counts would no longer be exact in doubles (SciPy's uint64 overflows later).
    throw new TendInputError(
      FN,
      'method',
      'invalid_option',
      `'exact' needs C(m+n, m) ≤ 2^53 − 1; got sizes ${nx} and ${ny}, use 'asymptotic'`,
    );
  }

  const { sx, sy } = rankDeviations(x, y);
  const u = nx * sx + ny * sy;
  const k = nx * ny;
  const N = nx + ny;
  const t = u / (k * N) - (4 * k - 1) / (6 * N);

  let p: number;
  if (method === 'exact') {
    p = pValueExact(u, nx, ny);
  } else {
    const et = (1 + 1 / N) / 6;
    const vt = ((N + 1) * (4 * k * N - 3 * (nx * nx + ny * ny) - 2 * k)) / (45 * N * N * 4 * k);
    const tn = 1 / 6 + (t - et) / Math.sqrt(45 * vt);
    // Below 0.003 the limiting CDF is under 1.3e-18: SciPy returns 1 without the series.
    p = tn < 0.003 ? 1 : Math.max(0, 1 - cdfCvmInf(tn));
  }
  return { statistic: t, pValue: p };
}

/**
 * Σ(rᵢ − i)² over x and Σ(sⱼ − j)² over y (1-based positions within each sorted sample),
 * with mid-ranks from one merge walk: a pooled group of t equal values after p smaller ones
 * ranks p + (t + 1)/2, as `rankdata(method='average')`. Each square is a multiple of ¼, so
 * the sums are exact (whatever the order) below 2^51.
 */
function rankDeviations(x: Float64Array, y: Float64Array): { sx: number; sy: number } {
  const n1 = x.length;
  const n2 = y.length;
  let i = 0;
  let j = 0;
  let sx = 0;
  let sy = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && x[i] <= y[j]) ? x[i] : y[j];
    const i0 = i;
    const j0 = j;
    while (i < n1 && x[i] === v) i++;
    while (j < n2 && y[j] === v) j++;
    const rank = i0 + j0 + (i - i0 + (j - j0) + 1) / 2;
    for (let a = i0; a < i; a++) {
      const d = rank - (a + 1);
      sx += d * d;
    }
    for (let b = j0; b < j; b++) {
      const d = rank - (b + 1);
      sy += d * d;
    }
  }
  return { sx, sy };
}

/**
 * Exact P(U' ≥ u) for sizes m, n (Xiao, Gordon & Yakovlev 2006, Algorithm 1). With
 * L = lcm(m, n), a = L/m, b = L/n, every ordering of the pooled sample is a lattice path
 * from (0, 0) to (n, m) and U' is an affine function of ζ = Σ (a·v − b·u)² over the path's
 * points (u, v). Each point holds the frequency table of ζ over the paths reaching it: the
 * merge of its left and lower neighbours' tables shifted by its own term. ζ only grows
 * along a path, so every value at or above the threshold is pooled into one bucket.
 */
function pValueExact(u: number, m: number, n: number): number {
  const L = lcm(m, n);
  const a = L / m;
  const b = L / n;
  const mn = m * n;
  // SciPy: lcm**2 * (m + n) * (6*s - mn*(4*mn - 1)) // (6*mn**2), in float64.
  const zeta = floorDivide(L * L * (m + n) * (6 * u - mn * (4 * mn - 1)), 6 * mn * mn);
  if (!(zeta > 0)) return 1;

  // Row u of the lattice: cell v holds sorted distinct ζ values and their path counts.
  let values: Float64Array[] = [Float64Array.of(0)];
  let counts: Float64Array[] = [Float64Array.of(1)];
  for (let v = 1; v <= m; v++) {
    values.push(new Float64Array(0));
    counts.push(new Float64Array(0));
  }
  for (let uu = 0; uu <= n; uu++) {
    const nextValues: Float64Array[] = [];
    const nextCounts: Float64Array[] = [];
    let leftValues: Float64Array = new Float64Array(0);
    let leftCounts: Float64Array = new Float64Array(0);
    for (let v = 0; v <= m; v++) {
      const d = a * v - b * uu;
      const merged = mergeShift(leftValues, leftCounts, values[v], counts[v], d * d, zeta);
      leftValues = merged.values;
      leftCounts = merged.counts;
      nextValues.push(leftValues);
      nextCounts.push(leftCounts);
    }
    values = nextValues;
    counts = nextCounts;
  }
  const finalValues = values[m];
  const finalCounts = counts[m];
  let total = 0;
  let atLeast = 0;
  for (let i = 0; i < finalValues.length; i++) {
    total += finalCounts[i];
    if (finalValues[i] >= zeta) atLeast += finalCounts[i];
  }
  // `total` is C(m+n, m), exact below 2^53 (checked by the caller).
  return atLeast / total;
}

/**
 * Merge two ascending frequency tables, adding `shift` to every value and pooling values
 * at or above `cap` into the single value `cap`.
 */
function mergeShift(
  va: Float64Array,
  ca: Float64Array,
  vb: Float64Array,
  cb: Float64Array,
  shift: number,
  cap: number,
): { values: Float64Array; counts: Float64Array } {
  const values = new Float64Array(va.length + vb.length);
  const counts = new Float64Array(va.length + vb.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < va.length || j < vb.length) {
    let v: number;
    let c: number;
    if (j >= vb.length || (i < va.length && va[i] < vb[j])) {
      v = va[i];
      c = ca[i++];
    } else if (i >= va.length || vb[j] < va[i]) {
      v = vb[j];
      c = cb[j++];
    } else {
      v = va[i];
      c = ca[i++] + cb[j++];
    }
    v = Math.min(v + shift, cap);
    if (k > 0 && values[k - 1] === v) counts[k - 1] += c;
    else {
      values[k] = v;
      counts[k++] = c;
    }
  }
  return { values: values.subarray(0, k), counts: counts.subarray(0, k) };
}

/**
 * CDF of the limiting Cramér–von Mises distribution (Csörgő & Faraway 1996, eq. 1.2/1.3):
 * Σₖ Γ(k+½)/(Γ(k+1) π^{3/2} √x) · √(4k+1) · e^{−q} K_{1/4}(q), q = (4k+1)²/(16x), summed
 * until a term falls below 1e-7, exactly as SciPy's `_cdf_cvm_inf` does (so its inaccuracy
 * for large x is reproduced too).
 */
function cdfCvmInf(x: number): number {
  let total = 0;
  for (let k = 0; ; k++) {
    const u = Math.exp(gammaln(k + 0.5) - gammaln(k + 1)) / (PI_POW_1_5 * Math.sqrt(x));
    const y = 4 * k + 1;
    const q = (y * y) / (16 * x);
    const z = u * Math.sqrt(y) * Math.exp(-q) * kv(0.25, q);
    total += z;
    if (!(Math.abs(z) >= 1e-7)) return total;
  }
}

/**
 * NumPy's float floor division `a // b` (npy_divmod): the quotient of a − fmod(a, b),
 * snapped to the nearest integer, so it agrees with SciPy bit for bit.
 */
function floorDivide(a: number, b: number): number {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) {
    mod += b;
    div -= 1;
  }
  if (div === 0) return 0;
  let floordiv = Math.floor(div);
  if (div - floordiv > 0.5) floordiv += 1;
  return floordiv;
}

/** C(n, k) in doubles (only compared against 2^53 here). */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) c = (c * (n - k + i)) / i;
  return c;
}
