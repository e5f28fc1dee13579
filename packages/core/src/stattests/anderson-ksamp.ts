/**
 * Anderson–Darling k-sample test, as `scipy.stats.anderson_ksamp` (SciPy 1.10.1).
 */
import { TendInputError } from '../errors.js';
import { sortNumbers } from '../sort-numbers.js';
import { type NumericInput, toSortedSample } from '../validate.js';

/** Options of {@link andersonKsamp}. */
export interface AndersonKsampOptions {
  /**
   * true (default): the midrank statistic A²akN for samples that may hold ties (Scholz &
   * Stephens eq. 7); false: the right-continuous A²kN (eq. 6), meant for continuous data.
   */
  midrank?: boolean;
}

/** Result of {@link andersonKsamp}. */
export interface AndersonKsampResult {
  /** The standardized statistic (A²kN − (k − 1)) / σ_N. */
  statistic: number;
  /** Critical values at significance 25%, 10%, 5%, 2.5%, 1%, 0.5%, 0.1%. */
  criticalValues: Float64Array;
  /** Interpolated p-value, clamped to [0.001, 0.25] (see `pValueCapped`). */
  pValue: number;
  /**
   * 'cap': the statistic is below every critical value, the true p-value exceeds 0.25 and
   * 0.25 is returned; 'floor': above every critical value, the true p-value is below 0.001
   * and 0.001 is returned; 'none': interpolated. (SciPy warns instead.)
   */
  pValueCapped: 'none' | 'floor' | 'cap';
}

const FN = 'andersonKsamp';
/** Significance levels of Scholz & Stephens' Table 2 and its interpolation coefficients. */
const SIG = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
const LOG_SIG = SIG.map(Math.log);

/**
 * Anderson–Darling test that k samples come from the same distribution.
 *
 * Scholz & Stephens (1987), "K-sample Anderson–Darling tests", JASA 82: A²kN (eq. 6) or its
 * midrank form A²akN (eq. 7), standardized by its exact null variance σ²_N (eq. 4); the
 * p-value interpolates log(significance) quadratically in the critical values of Table 2
 * (b₀ + b₁/√m + b₂/m, m = k − 1) and is clamped to [0.001, 0.25] outside them. Fewer than
 * 4 observations in total give NaN, as in SciPy.
 *
 * @example
 * andersonKsamp([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]).pValue; // 0.004355977966506477
 */
export function andersonKsamp(
  samples: readonly NumericInput[],
  options: AndersonKsampOptions = {},
): AndersonKsampResult {
  const midrank = options.midrank ?? true;
  if (typeof midrank !== 'boolean') {
    throw new TendInputError(FN, 'midrank', 'invalid_option', 'must be true or false');
  }
  if (!Array.isArray(samples)) {
    throw new TendInputError(FN, 'samples', 'invalid_type', 'must be an array of samples');
  }
  const k = samples.length;
  if (k < 2) {
    throw new TendInputError(FN, 'samples', 'empty', `must hold at least two samples, got ${k}`);
  }
  const sorted: Float64Array[] = [];
  let total = 0;
  for (let i = 0; i < k; i++) {
    const s = toSortedSample(FN, `samples[${i}]`, samples[i]);
    sorted.push(s);
    total += s.length;
  }
  const N = total;
  const pooled = new Float64Array(N);
  let offset = 0;
  for (const s of sorted) {
    pooled.set(s, offset);
    offset += s.length;
  }
  sortNumbers(pooled);
  // Distinct pooled values and their multiplicities.
  const zs = new Float64Array(N);
  const counts = new Float64Array(N);
  let L = 0;
  for (let i = 0; i < N; ) {
    const v = pooled[i];
    let j = i + 1;
    while (j < N && pooled[j] === v) j++;
    zs[L] = v;
    counts[L] = j - i;
    L++;
    i = j;
  }
  if (L < 2) {
    throw new TendInputError(
      FN,
      'samples',
      'invalid_state',
      'must hold at least two distinct values',
    );
  }
  if (N < 3) {
    throw new TendInputError(FN, 'samples', 'empty', 'must hold at least 3 values in total');
  }

  const a2 = midrank ? a2Midrank(sorted, zs, counts, L, N) : a2Right(sorted, zs, counts, L, N);
  const statistic = standardize(a2, sorted, N);
  const m = k - 1;
  const criticalValues = new Float64Array(7);
  let cmin = Number.POSITIVE_INFINITY;
  let cmax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < 7; i++) {
    const c = B0[i] + B1[i] / Math.sqrt(m) + B2[i] / m;
    criticalValues[i] = c;
    cmin = Math.min(cmin, c);
    cmax = Math.max(cmax, c);
  }
  let pValue: number;
  let pValueCapped: AndersonKsampResult['pValueCapped'] = 'none';
  if (statistic < cmin) {
    pValue = 0.25;
    pValueCapped = 'cap';
  } else if (statistic > cmax) {
    pValue = 0.001;
    pValueCapped = 'floor';
  } else {
    const [c2, c1, c0] = quadraticFit(criticalValues, LOG_SIG);
    pValue = Math.exp((c2 * statistic + c1) * statistic + c0);
  }
  return { statistic, criticalValues, pValue, pValueCapped };
}

/** A²akN of Scholz & Stephens eq. 7, before standardization. */
function a2Midrank(
  sorted: Float64Array[],
  zs: Float64Array,
  counts: Float64Array,
  L: number,
  N: number,
): number {
  let a2 = 0;
  for (const s of sorted) {
    const n = s.length;
    let below = 0; // pooled values < z_j
    let p = 0; // values of s ≤ z_j once advanced
    let inner = 0;
    for (let j = 0; j < L; j++) {
      const z = zs[j];
      const lj = counts[j];
      const p0 = p;
      while (p < n && s[p] <= z) p++;
      // s holds only pooled values, so those it gained since z_{j−1} all equal z_j.
      const f = p - p0;
      const mij = p - f / 2;
      const bj = below + lj / 2;
      const t = N * mij - bj * n;
      inner += ((lj / N) * (t * t)) / (bj * (N - bj) - (N * lj) / 4);
      below += lj;
    }
    a2 += inner / n;
  }
  return (a2 * (N - 1)) / N;
}

/** A²kN of Scholz & Stephens eq. 6 (right-continuous), before standardization. */
function a2Right(
  sorted: Float64Array[],
  zs: Float64Array,
  counts: Float64Array,
  L: number,
  N: number,
): number {
  let a2 = 0;
  for (const s of sorted) {
    const n = s.length;
    let bj = 0;
    let p = 0;
    let inner = 0;
    for (let j = 0; j < L - 1; j++) {
      const z = zs[j];
      const lj = counts[j];
      while (p < n && s[p] <= z) p++;
      bj += lj;
      const t = N * p - bj * n;
      inner += ((lj / N) * (t * t)) / (bj * (N - bj));
    }
    a2 += inner / n;
  }
  return a2;
}

/** (A² − (k − 1)) / σ_N with σ²_N from Scholz & Stephens eq. 4. */
function standardize(a2: number, sorted: Float64Array[], N: number): number {
  const k = sorted.length;
  const k2 = k * k;
  let H = 0;
  for (const s of sorted) H += 1 / s.length;
  // hs[j] = Σ_{i=N−1−j}^{N−1} 1/i for j = 0 … N−3; h = Σ_{i=1}^{N−1} 1/i; g = Σ_j hs[j]/(j+2).
  let hs = 0;
  let g = 0;
  for (let j = 0; j < N - 2; j++) {
    hs += 1 / (N - 1 - j);
    g += hs / (j + 2);
  }
  const h = hs + 1;
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * k2 + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * k2 + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * k2 - 4 * h * k;
  const sigmasq = (a * N ** 3 + b * N ** 2 + c * N + d) / ((N - 1) * (N - 2) * (N - 3));
  return (a2 - (k - 1)) / Math.sqrt(sigmasq);
}

/**
 * Least-squares quadratic through (x, y), highest power first, as `numpy.polyfit(x, y, 2)`:
 * columns of the Vandermonde matrix scaled to unit norm, then Householder QR.
 */
function quadraticFit(x: ArrayLike<number>, y: ArrayLike<number>): [number, number, number] {
  const rows = x.length;
  const A: number[][] = [];
  const scale = [0, 0, 0];
  for (let i = 0; i < rows; i++) {
    const row = [x[i] * x[i], x[i], 1];
    A.push(row);
    for (let j = 0; j < 3; j++) scale[j] += row[j] * row[j];
  }
  for (let j = 0; j < 3; j++) scale[j] = Math.sqrt(scale[j]);
  for (const row of A) for (let j = 0; j < 3; j++) row[j] /= scale[j];
  const b = Array.from(y);
  for (let j = 0; j < 3; j++) {
    let norm = 0;
    for (let i = j; i < rows; i++) norm += A[i][j] * A[i][j];
    norm = Math.sqrt(norm);
    const alpha = A[j][j] > 0 ? -norm : norm;
    const v: number[] = [];
    for (let i = j; i < rows; i++) v.push(A[i][j]);
    v[0] -= alpha;
    let vv = 0;
    for (const e of v) vv += e * e;
    if (vv === 0) continue;
    for (let col = j; col < 3; col++) {
      let dot = 0;
      for (let i = j; i < rows; i++) dot += v[i - j] * A[i][col];
      const f = (2 * dot) / vv;
      for (let i = j; i < rows; i++) A[i][col] -= f * v[i - j];
    }
    let dot = 0;
    for (let i = j; i < rows; i++) dot += v[i - j] * b[i];
    const f = (2 * dot) / vv;
    for (let i = j; i < rows; i++) b[i] -= f * v[i - j];
  }
  const coef = [0, 0, 0];
  for (let j = 2; j >= 0; j--) {
    let s = b[j];
    for (let col = j + 1; col < 3; col++) s -= A[j][col] * coef[col];
    coef[j] = s / A[j][j];
  }
  return [coef[0] / scale[0], coef[1] / scale[1], coef[2] / scale[2]];
}
