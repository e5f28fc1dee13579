/**
 * Kolmogorov's limiting distribution of √n·Dn (`scipy.stats.kstwobign`), with the series and
 * the Newton inversion of SciPy's `scipy.special.kolmogorov` / `kolmogi` (cephes
 * kolmogorov.c, after van Mulbregt 2018, arXiv:1803.00426), accurate in both tails.
 */
import { TendInputError } from '../errors.js';
import { clip01 } from './clip01.js';

const EPS = 2.220446049250313e-16;
const MAXITER = 500;
const CUTOVER = 0.82;
/** Below this x, every term of the small-x series underflows (exp(−746)). */
const X_ZERO = Math.PI / Math.sqrt(746 * 8);
const LOG_SQRT_2PI = 0.9189385332046728;

/** sf, cdf and density of the limiting distribution at x, computed together. */
interface KolmogorovProbs {
  sf: number;
  cdf: number;
  pdf: number;
}

/**
 * K(x) = P(√n·Dn ≤ x) as n → ∞, with its complement and derivative. For x ≤ 0.82 the Jacobi
 * theta form K(x) = √(2π)/x · Σ_{k≥1} exp(−(2k−1)²π²/(8x²)); above it
 * 1 − K(x) = 2·Σ_{k≥1} (−1)^(k−1) exp(−2k²x²). Each series is cut after the terms that
 * matter in double precision and summed in Horner form.
 */
function kolmogorovProbs(x: number): KolmogorovProbs {
  if (Number.isNaN(x)) return { sf: Number.NaN, cdf: Number.NaN, pdf: Number.NaN };
  if (x <= X_ZERO) return { sf: 1, cdf: 0, pdf: 0 };
  let sf: number;
  let cdf: number;
  let pdf: number;
  if (x <= CUTOVER) {
    // u = exp(−π²/(8x²)), w = √(2π)/x, K = w·u·(1 + u^8 + u^24 + u^48)
    const w = Math.sqrt(2 * Math.PI) / x;
    const logu8 = (-Math.PI * Math.PI) / (x * x);
    const u = Math.exp(logu8 / 8);
    let p = 1;
    let dd = 0;
    if (u === 0) {
      p = Math.exp(logu8 / 8 + Math.log(w));
    } else {
      const u8 = Math.exp(logu8);
      const u8cub = u8 ** 3;
      p = 1 + u8cub * p;
      dd = 25 + u8cub * dd;
      p = 1 + u8 * u8 * p;
      dd = 9 + u8 * u8 * dd;
      p = 1 + u8 * p;
      dd = 1 + u8 * dd;
      dd = ((Math.PI * Math.PI) / 4 / (x * x)) * dd - p;
      dd *= (w * u) / x;
      p = w * u * p;
    }
    cdf = p;
    sf = 1 - p;
    pdf = dd;
  } else {
    // v = exp(−2x²), 1 − K = 2v(1 − v³(1 − v⁵(1 − v⁷)))
    const v = Math.exp(-2 * x * x);
    const vsq = v * v;
    const v3 = v ** 3;
    let p = 1;
    let dd = 0;
    let vpwr = v3 * v3 * v;
    p = 1 - vpwr * p;
    dd = 9 - vpwr * dd;
    vpwr = v3 * vsq;
    p = 1 - vpwr * p;
    dd = 4 - vpwr * dd;
    vpwr = v3;
    p = 1 - vpwr * p;
    dd = 1 - vpwr * dd;
    sf = 2 * v * p;
    cdf = 1 - sf;
    pdf = 8 * v * x * dd;
  }
  return { sf: clip01(sf), cdf: clip01(cdf), pdf: Math.max(0, pdf) };
}

function withinTol(x: number, y: number, atol: number, rtol: number): boolean {
  return Math.abs(x - y) <= atol + rtol * Math.abs(y);
}

/** x with 1 − K(x) = psf and K(x) = pcdf (psf + pcdf = 1): bracketed Newton as in cephes. */
function kolmogInverse(psf: number, pcdf: number): number {
  if (pcdf === 0) return 0;
  if (psf === 0) return Number.POSITIVE_INFINITY;
  let a: number;
  let b: number;
  let x: number;
  if (pcdf <= 0.5) {
    // K(x) ≈ √(2π)/x·exp(−π²/(8x²)): two fixed-point steps from each side give a bracket
    const logp = Math.log(pcdf);
    const c = 2 * Math.SQRT2;
    a = Math.PI / (c * Math.sqrt(-(logp + logp / 2 - LOG_SQRT_2PI)));
    b = Math.PI / (c * Math.sqrt(-(logp + 0 - LOG_SQRT_2PI)));
    a = Math.PI / (c * Math.sqrt(-(logp + Math.log(a) - LOG_SQRT_2PI)));
    b = Math.PI / (c * Math.sqrt(-(logp + Math.log(b) - LOG_SQRT_2PI)));
    x = (a + b) / 2;
  } else {
    // 1 − K(x) ≈ 2·exp(−2x²); invert p = q − q⁴ + q⁹ − … by its series in p
    const jiggerb = 256 * EPS;
    const pba = psf / (1 - Math.exp(-4)) / 2;
    const pbb = (psf * (1 - jiggerb)) / 2;
    a = Math.sqrt(-0.5 * Math.log(pba));
    b = Math.sqrt(-0.5 * Math.log(pbb));
    const p = psf / 2;
    const p2 = p * p;
    const p3 = p * p * p;
    let q0 = 1 + p3 * (1 + p3 * (4 + p2 * (-1 + p * (22 + p2 * (-13 + 140 * p)))));
    q0 *= p;
    x = Math.sqrt(-Math.log(q0) / 2);
    if (x < a || x > b) x = (a + b) / 2;
  }
  for (let iter = 0; ; iter++) {
    const x0 = x;
    const probs = kolmogorovProbs(x0);
    const df = pcdf < 0.5 ? pcdf - probs.cdf : probs.sf - psf;
    if (df === 0) break;
    if (df > 0 && x > a) a = x;
    else if (df < 0 && x < b) b = x;
    const dfdx = -probs.pdf;
    if (Math.abs(dfdx) <= 0) x = (a + b) / 2;
    else x = x0 - df / dfdx;
    if (x >= a && x <= b) {
      if (withinTol(x, x0, EPS, 2 * EPS)) break;
      if (x === a || x === b) {
        x = (a + b) / 2;
        if (x === a || x === b) break;
      }
    } else {
      x = (a + b) / 2;
      if (withinTol(x, x0, EPS, 2 * EPS)) break;
    }
    if (iter + 1 > MAXITER) break;
  }
  return x;
}

function checkX(fn: string, x: number): void {
  if (typeof x !== 'number' || Number.isNaN(x)) {
    throw new TendInputError(fn, 'x', 'not_finite', `is ${String(x)}; expected a number`);
  }
}

function checkQ(fn: string, q: number): void {
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
    throw new TendInputError(
      fn,
      'q',
      'out_of_range',
      `is ${String(q)}; probabilities must lie in [0, 1]`,
    );
  }
}

/**
 * Kolmogorov's limiting distribution K(x) = lim P(√n·Dn ≤ x) = 1 − 2·Σ_{k≥1}(−1)^(k−1)e^(−2k²x²)
 * (Kolmogorov 1933), as `scipy.stats.kstwobign`: `sf` is `scipy.special.kolmogorov`, `cdf`
 * is `kolmogc`, `isf` is `kolmogi`, `ppf` is `kolmogci`.
 *
 * @example
 * kstwobign.sf(1.3580986393225507); // 0.049999999999999975
 */
export const kstwobign = {
  /**
   * P(K ≤ x).
   *
   * @example
   * kstwobign.cdf(1); // 0.7300003283226455
   */
  cdf(x: number): number {
    checkX('kstwobign.cdf', x);
    return kolmogorovProbs(x).cdf;
  },
  /**
   * P(K > x), `scipy.special.kolmogorov`.
   *
   * @example
   * kstwobign.sf(1); // 0.26999967167735456
   */
  sf(x: number): number {
    checkX('kstwobign.sf', x);
    return kolmogorovProbs(x).sf;
  },
  /**
   * x with P(K ≤ x) = q, `scipy.special.kolmogci`.
   *
   * @example
   * kstwobign.ppf(0.5); // 0.8275735551899059
   */
  ppf(q: number): number {
    checkQ('kstwobign.ppf', q);
    return kolmogInverse(1 - q, q);
  },
  /**
   * x with P(K > x) = q, `scipy.special.kolmogi`.
   *
   * @example
   * kstwobign.isf(0.05); // 1.3580986393225507
   */
  isf(q: number): number {
    checkQ('kstwobign.isf', q);
    return kolmogInverse(q, 1 - q);
  },
};
