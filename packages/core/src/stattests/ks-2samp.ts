/**
 * Two-sample Kolmogorov–Smirnov test, as `scipy.stats.ks_2samp` (SciPy 1.10.1).
 */
import { ks2sampExact } from '../distributions/ks-2samp-exact.js';
import { kstwo } from '../distributions/kstwo.js';
import { TendInputError } from '../errors.js';
import { gcd, roundHalfEven } from '../integers.js';
import { checkChoice, type NumericInput, ScaledSortedSample, toSortedSample } from '../validate.js';

/** Alternative hypotheses of the two-sample tests. */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** Options of {@link ks2samp}. */
export interface Ks2sampOptions {
  /**
   * 'two-sided' (default): the distributions differ; 'less': the CDF of `reference` lies
   * below that of `current` somewhere (D⁻); 'greater': it lies above somewhere (D⁺).
   */
  alternative?: Alternative;
  /** 'auto' (default): exact when max(n₁, n₂) ≤ 10 000, else asymptotic. */
  method?: 'auto' | 'exact' | 'asymp';
}

/** Result of {@link ks2samp}. */
export interface Ks2sampResult {
  /** D = sup |F₁ − F₂| (or D⁺, D⁻ one-sided); on the exact path rounded to the lattice h/lcm(n₁, n₂). */
  statistic: number;
  pValue: number;
  /** The value (from either sample) where the empirical CDFs are farthest apart. */
  statisticLocation: number;
  /** +1 when F_reference − F_current is largest positive there, −1 when negative. */
  statisticSign: 1 | -1;
  /** How the p-value was obtained (SciPy falls back to 'asymp' when exact fails). */
  pValueMethod: 'exact' | 'asymp';
}

const FN = 'ks2samp';
const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];
const METHODS = ['auto', 'exact', 'asymp'] as const;
/** SciPy's `MAX_AUTO_N`: 'auto' tries the exact distribution up to this size. */
const MAX_AUTO_N = 10000;
const INT32_MAX = 2147483647;

/**
 * Two-sample Kolmogorov–Smirnov test of `reference` against `current`.
 *
 * D⁺ = maxₓ (F₁(x) − F₂(x)), D⁻ = maxₓ (F₂(x) − F₁(x)) over the pooled values, with the
 * right-continuous empirical CDFs (ties included), found by one merge walk over the two
 * sorted samples. Exact p-values by lattice-path counting (Hodges 1958); asymptotic ones by
 * `kstwo.sf(D, round(n₁n₂/(n₁+n₂)))` two-sided and Hodges' eq. 5.3 one-sided,
 * exp(−2z² − 2z(m + 2n)/√(mn(m+n))/3) with z = D·√(mn/(m+n)), m ≥ n.
 *
 * @example
 * ks2samp([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]); // { statistic: 1, pValue: 0.007936507936507936, statisticLocation: 5, statisticSign: 1, pValueMethod: 'exact' }
 */
export function ks2samp(
  reference: NumericInput,
  current: NumericInput,
  options: Ks2sampOptions = {},
): Ks2sampResult {
  const alternative = options.alternative ?? 'two-sided';
  let method = options.method ?? 'auto';
  checkChoice(FN, 'alternative', alternative, ALTERNATIVES);
  checkChoice(FN, 'method', method, METHODS);
  const ext = extremesOf(reference, current);
  const n1 = reference.length;
  const n2 = current.length;
  // SciPy clips −min(F₁ − F₂) into [0, 1]; the maximum is at least 0 (at the largest value).
  const minS = Math.min(Math.max(-ext.min, 0), 1);
  const maxS = ext.max;
  let d: number;
  let statisticLocation: number;
  let statisticSign: 1 | -1;
  if (alternative === 'less' || (alternative === 'two-sided' && minS > maxS)) {
    d = minS;
    statisticLocation = ext.minAt;
    statisticSign = -1;
  } else {
    d = maxS;
    statisticLocation = ext.maxAt;
    statisticSign = 1;
  }

  if (method === 'auto') method = Math.max(n1, n2) <= MAX_AUTO_N ? 'exact' : 'asymp';
  else if (method === 'exact') {
    const g = gcd(n1, n2);
    if (n1 / g >= INT32_MAX / (n2 / g)) method = 'asymp';
  }

  let p = Number.NaN;
  if (method === 'exact') {
    const exact = ks2sampExact(n1, n2, d, alternative);
    d = exact.d;
    if (exact.ok) p = exact.pValue;
    else method = 'asymp';
  }
  if (method === 'asymp') {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    const en = (m * n) / (m + n);
    if (alternative === 'two-sided') {
      p = kstwo.sf(d, roundHalfEven(en));
    } else {
      const z = Math.sqrt(en) * d;
      const expt = -2 * (z * z) - (2 * z * (m + 2 * n)) / Math.sqrt(m * n * (m + n)) / 3;
      p = Math.exp(expt);
    }
  }
  p = Math.min(Math.max(p, 0), 1);
  return { statistic: d, pValue: p, statisticLocation, statisticSign, pValueMethod: method };
}

/** Extremes of F₁ − F₂ over the pooled values and where NumPy's argmin/argmax put them. */
interface CdfExtremes {
  /** Whether every value met was above the one before (both samples ascending). */
  ascending: boolean;
  min: number;
  minAt: number;
  max: number;
  maxAt: number;
}

/**
 * The extremes of F₁ − F₂: over the scaled integers themselves when both samples are kept so
 * with the same places (their order and ties are those of the doubles), else over the doubles.
 */
function extremesOf(reference: NumericInput, current: NumericInput): CdfExtremes {
  if (
    reference instanceof ScaledSortedSample &&
    current instanceof ScaledSortedSample &&
    reference.places === current.places &&
    reference.length > 0 &&
    current.length > 0
  ) {
    const ext = cdfExtremes(
      reference.ints.subarray(reference.start),
      current.ints.subarray(current.start),
    );
    if (!ext.ascending) {
      throw new TendInputError(
        FN,
        'reference, current',
        'invalid_state',
        'hold scaled integers that are not ascending; sort them first',
      );
    }
    return {
      ...ext,
      minAt: ext.minAt / reference.power,
      maxAt: ext.maxAt / reference.power,
    };
  }
  return cdfExtremes(
    toSortedSample(FN, 'reference', reference),
    toSortedSample(FN, 'current', current),
  );
}

/**
 * One merge walk over two ascending samples evaluating c₁/n₁ − c₂/n₂ at each distinct pooled
 * value, where cᵢ counts the values ≤ it. SciPy takes argmin/argmax over the concatenation
 * [sorted x, sorted y], so a value of x wins a tie with a value of y, and the smallest value
 * wins within each sample: the extremes are tracked separately over x's and y's values.
 */
function cdfExtremes(x: Float64Array | Int32Array, y: Float64Array | Int32Array): CdfExtremes {
  const n1 = x.length;
  const n2 = y.length;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxXAt = Number.NaN;
  let minX = Number.POSITIVE_INFINITY;
  let minXAt = Number.NaN;
  let maxY = Number.NEGATIVE_INFINITY;
  let maxYAt = Number.NaN;
  let minY = Number.POSITIVE_INFINITY;
  let minYAt = Number.NaN;
  let i = 0;
  let j = 0;
  // Each step takes the smaller head and every copy of it: over ascending samples the values
  // met rise strictly, so one comparison per value checks both samples on the way.
  let previous = Number.NEGATIVE_INFINITY;
  let ascending = true;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && x[i] <= y[j]) ? x[i] : y[j];
    if (v <= previous) ascending = false;
    previous = v;
    const i0 = i;
    const j0 = j;
    while (i < n1 && x[i] === v) i++;
    while (j < n2 && y[j] === v) j++;
    const diff = i / n1 - j / n2;
    if (i > i0) {
      if (diff > maxX) {
        maxX = diff;
        maxXAt = x[i0];
      }
      if (diff < minX) {
        minX = diff;
        minXAt = x[i0];
      }
    }
    if (j > j0) {
      if (diff > maxY) {
        maxY = diff;
        maxYAt = y[j0];
      }
      if (diff < minY) {
        minY = diff;
        minYAt = y[j0];
      }
    }
  }
  const xMax = maxX >= maxY;
  const xMin = minX <= minY;
  return {
    ascending,
    max: xMax ? maxX : maxY,
    maxAt: xMax ? maxXAt : maxYAt,
    min: xMin ? minX : minY,
    minAt: xMin ? minXAt : minYAt,
  };
}
