/**
 * Inverse of the regularised incomplete beta function in x (scipy.special.betaincinv). The
 * starting point is the normal approximation of Abramowitz & Stegun 26.5.22 when a, b ≥ 1 and
 * the leading terms of either tail otherwise (as in Numerical Recipes' invbetai); Newton
 * steps on the log of the smaller tail, kept inside a bisection bracket, converge to full
 * precision.
 */
import { betaincPair, betaln } from './beta.js';

/** Initial estimate of x with I_x(a, b) = p. */
function start(a: number, b: number, p: number): number {
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w =
      (z * Math.sqrt(al + h)) / h -
      (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  if (p < t / w) return Math.exp(Math.log(a * w * p) / a);
  return 1 - (b * w * (1 - p)) ** (1 / b);
}

/**
 * x in [0, 1] with I_x(a, b) = p, for a, b > 0 (no argument checks: callers validate).
 *
 * @example
 * betaincinv(2, 3, 0.5248); // 0.40000000000000013
 */
export function betaincinv(a: number, b: number, p: number): number {
  if (!(a > 0 && b > 0 && p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  // Work on the smaller tail so the residual keeps relative accuracy.
  if (p <= 0.5) return betaincinvUpper(a, b, p);
  const x = 1 - betaincinvUpper(b, a, 1 - p);
  // a root below ½ got from 1 − y holds only an ulp of y: polish it on I_x itself
  return x < 0.5 ? polishSmallRoot(a, b, p, x) : x;
}

/**
 * Newton on log I_x(a, b) − log p in log x, for a root x < ½ with p > ½ (well conditioned
 * there); the start is the 1 − y estimate, or x^a/(a·B(a, b)) = p where that rounded to 0.
 */
function polishSmallRoot(a: number, b: number, p: number, x0: number): number {
  const logNorm = -betaln(a, b);
  let x = x0 > 0 ? x0 : Math.exp((Math.log(p * a) - logNorm) / a);
  if (!(x > 0 && x < 1)) return x0;
  const logP = Math.log(p);
  for (let i = 0; i < 50; i++) {
    const value = betaincPair(a, b, x, 1 - x);
    const g = Math.log(value) - logP;
    // d log I / d log x = x·density / I
    const slope = Math.exp(a * Math.log(x) + (b - 1) * Math.log1p(-x) + logNorm - Math.log(value));
    if (g === 0 || !(slope > 0 && Number.isFinite(slope))) break;
    const step = Math.max(-20, Math.min(20, g / slope));
    const next = Math.min(x * Math.exp(-step), 0.5 * (x + 1));
    const change = Math.abs(next - x);
    x = next;
    if (change <= 1e-16 * x) break;
  }
  return x;
}

/**
 * x with I_x(a, b) = p, p ≤ ½, by Newton's method on log I_x − log p inside a bisection
 * bracket: in the tails I_x behaves like a power of x (or of 1 − x), so its log is close to
 * linear and Newton converges in a few steps where the raw residual would crawl.
 */
function betaincinvUpper(a: number, b: number, p: number): number {
  let x = start(a, b, p);
  if (x === 0) return 0; // the root lies below the smallest double
  let lo = 0;
  let hi = 1;
  if (!(x > 0 && x < 1)) x = 0.5;
  const logNorm = -betaln(a, b);
  const logP = Math.log(p);
  const a1 = a - 1;
  const b1 = b - 1;
  let lastChange = 1;
  for (let i = 0; i < 400; i++) {
    const value = betaincPair(a, b, x, 1 - x);
    const g = Math.log(value) - logP;
    if (g === 0) return x;
    if (g < 0) lo = x;
    else hi = x;
    const density = Math.exp(a1 * Math.log(x) + b1 * Math.log1p(-x) + logNorm);
    let next = x - (g * value) / density;
    if (!(next > lo && next < hi))
      next = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (lo === 0 && !(next > 0)) next = x / 16;
    const change = Math.abs(next - x);
    x = next;
    // near 1 the relevant precision is that of 1 − x
    const scale = Math.min(x, 1 - x);
    if (change <= 1e-16 * scale || (change <= 1e-13 * scale && change >= lastChange)) break;
    if (hi - lo <= 4e-16 * scale || x === 0) break;
    lastChange = change;
  }
  return x;
}
