/**
 * Student's t distribution with ν > 0 degrees of freedom, not necessarily an integer (Welch's
 * test needs fractional ν), with the methods of scipy.stats.t. The tails go through the
 * incomplete beta function, P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½) (DLMF 8.17.7, SciPy's stdtr),
 * with ν/(ν+t²) and t²/(ν+t²) formed separately so that both tails and the centre keep
 * their relative accuracy. Quantiles start from betaincinv and are polished by Newton steps
 * on the log of the accurate tail, since SciPy's own stdtrit (cdflib's search) stops at ~1e-10.
 */
import { betaincPair, betaln } from '../special/beta.js';
import { betaincinv } from '../special/betaincinv.js';
import { ndtri } from '../special/ndtr.js';
import { checkNumberOption } from '../validate.js';

function checkDf(fn: string, df: number): void {
  checkNumberOption(fn, 'df', df, { min: 0, exclusiveMin: true });
}

function checkQ(fn: string, q: number): void {
  checkNumberOption(fn, 'q', q, { min: 0, max: 1 });
}

/** [ν/(ν+t²), t²/(ν+t²)], each to full relative accuracy, without overflow of t². */
function split(t: number, df: number): [number, number] {
  const a = Math.abs(t);
  if (a * a < df) {
    const s = df + a * a;
    return [df / s, (a * a) / s];
  }
  const r = df / a / a; // ν/t² ≤ 1
  return [r / (1 + r), 1 / (1 + r)];
}

/** P(T > |t|). */
function upperTail(t: number, df: number): number {
  const [y, z] = split(t, df);
  return 0.5 * betaincPair(df / 2, 0.5, y, z);
}

/** P(0 < T < |t|) = ½·I_{t²/(ν+t²)}(½, ν/2), accurate for small t. */
function centre(t: number, df: number): number {
  const [y, z] = split(t, df);
  return 0.5 * betaincPair(0.5, df / 2, z, y);
}

function logDensity(t: number, df: number): number {
  const a = Math.abs(t);
  // log(1 + t²/ν), written to survive t² overflowing
  const l =
    a * a < df ? Math.log1p((a * a) / df) : 2 * Math.log(a) - Math.log(df) + Math.log1p(df / a / a);
  return -((df + 1) / 2) * l - 0.5 * Math.log(df) - betaln(df / 2, 0.5);
}

/** t > 0 with P(T > t) = p, for 0 < p < ½: betaincinv start, then Newton on the log tail. */
function upperQuantile(p: number, df: number): number {
  const useCentre = p > 0.25;
  const target = useCentre ? 0.5 - p : p; // exact (Sterbenz) when p > ¼
  let t: number;
  if (useCentre) {
    const z = betaincinv(0.5, df / 2, 2 * target); // t²/(ν+t²)
    t = Math.sqrt((df * z) / (1 - z));
  } else {
    const y = betaincinv(df / 2, 0.5, 2 * p); // ν/(ν+t²)
    t = Math.sqrt((df * (1 - y)) / y);
  }
  if (!Number.isFinite(t)) return t;
  // where ν ≫ t², 1 − y rounds to 0: the normal quantile is then a close start
  if (!(t > 0)) t = -ndtri(p);
  // Newton on log(target function) against log t: the tail is close to a power law in t and
  // the centre close to linear, so this is nearly linear in both and converges in a few steps
  const logTarget = Math.log(target);
  let lastStep = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 100; i++) {
    // the centre rises with t and the tail falls; both have slope ± density
    const value = useCentre ? centre(t, df) : upperTail(t, df);
    const g = Math.log(value) - logTarget;
    // d log T / d log t = ±t·f(t)/T, formed in logs: f(t) alone underflows far out
    const slope =
      (useCentre ? 1 : -1) * Math.exp(Math.log(t) + logDensity(t, df) - Math.log(value));
    if (g === 0 || !(Number.isFinite(g) && slope !== 0 && Number.isFinite(slope))) break;
    const step = Math.max(-20, Math.min(20, g / slope));
    const next = t * Math.exp(-step);
    if (!(next > 0 && Number.isFinite(next))) break;
    t = next;
    if (Math.abs(step) <= 2e-16 || (Math.abs(step) <= 1e-13 && Math.abs(step) >= lastStep)) break;
    lastStep = Math.abs(step);
  }
  return t;
}

/**
 * Student's t distribution (scipy.stats.t) with df > 0 degrees of freedom. `x` may be ±∞
 * or NaN (NaN in, NaN out); q must lie in [0, 1].
 *
 * @example
 * studentT.sf(2.0, 9.5); // 0.03744317887399471
 */
export const studentT = {
  /**
   * Density (1 + x²/ν)^(−(ν+1)/2) / (√ν·B(ν/2, ½)).
   *
   * @example
   * studentT.pdf(1, 3); // 0.20674833578317203
   */
  pdf(x: number, df: number): number {
    checkDf('studentT.pdf', df);
    return Math.exp(logDensity(x, df));
  },
  /**
   * log density.
   *
   * @example
   * studentT.logpdf(1e6, 3); // -54.06570650415038
   */
  logpdf(x: number, df: number): number {
    checkDf('studentT.logpdf', df);
    return logDensity(x, df);
  },
  /**
   * P(T ≤ x) (scipy.special.stdtr).
   *
   * @example
   * studentT.cdf(-2.262157162798205, 9); // 0.02500000000000003
   */
  cdf(x: number, df: number): number {
    checkDf('studentT.cdf', df);
    if (Number.isNaN(x)) return x;
    if (x === 0) return 0.5;
    return x < 0 ? upperTail(x, df) : 0.5 + centre(x, df);
  },
  /**
   * P(T > x), accurate in relative terms far into the upper tail.
   *
   * @example
   * studentT.sf(30, 4); // 0.0000036764280488306553
   */
  sf(x: number, df: number): number {
    checkDf('studentT.sf', df);
    if (Number.isNaN(x)) return x;
    if (x === 0) return 0.5;
    return x > 0 ? upperTail(x, df) : 0.5 + centre(x, df);
  },
  /**
   * Quantile: −∞ at q = 0, +∞ at q = 1 (scipy.special.stdtrit).
   *
   * @example
   * studentT.ppf(0.975, 9); // 2.2621571627982053
   */
  ppf(q: number, df: number): number {
    checkDf('studentT.ppf', df);
    checkQ('studentT.ppf', q);
    if (q === 0.5) return 0;
    if (q === 0) return Number.NEGATIVE_INFINITY;
    if (q === 1) return Number.POSITIVE_INFINITY;
    return q < 0.5 ? -upperQuantile(q, df) : upperQuantile(1 - q, df);
  },
  /**
   * Inverse survival function: x with P(T > x) = q, accurate for q ~ 1e-300.
   *
   * @example
   * studentT.isf(0.025, 9); // 2.2621571627982053
   */
  isf(q: number, df: number): number {
    checkDf('studentT.isf', df);
    checkQ('studentT.isf', q);
    if (q === 0.5) return 0;
    if (q === 0) return Number.POSITIVE_INFINITY;
    if (q === 1) return Number.NEGATIVE_INFINITY;
    return q < 0.5 ? upperQuantile(q, df) : -upperQuantile(1 - q, df);
  },
};
