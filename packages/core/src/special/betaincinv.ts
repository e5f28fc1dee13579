/**
 * Inverse of the regularised incomplete beta function in x (scipy.special.betaincinv). The
 * starting point is the normal approximation of Abramowitz & Stegun 26.5.22 when a, b ≥ 1 and
 * the leading terms of either tail otherwise (as in Numerical Recipes' invbetai); Halley
 * steps on the residual, kept inside a bisection bracket, then converge to full precision.
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
      (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  if (p < t / w) return (a * w * p) ** (1 / a);
  return 1 - (b * w * (1 - p)) ** (1 / b);
}

/**
 * x in [0, 1] with I_x(a, b) = p, for a, b > 0 (no argument checks: callers validate).
 *
 * @example
 * betaincinv(2, 3, 0.5248); // 0.4
 */
export function betaincinv(a: number, b: number, p: number): number {
  if (!(a > 0 && b > 0 && p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  // Work on the smaller tail so the residual keeps relative accuracy.
  if (p > 0.5) return 1 - betaincinvUpper(b, a, 1 - p);
  return betaincinvUpper(a, b, p);
}

/** x with I_x(a, b) = p, p ≤ ½, by safeguarded Halley iteration. */
function betaincinvUpper(a: number, b: number, p: number): number {
  let x = start(a, b, p);
  let lo = 0;
  let hi = 1;
  if (!(x > 0 && x < 1)) x = 0.5;
  const logNorm = -betaln(a, b);
  const a1 = a - 1;
  const b1 = b - 1;
  for (let i = 0; i < 200; i++) {
    const f = betaincPair(a, b, x, 1 - x) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp(a1 * Math.log(x) + b1 * Math.log1p(-x) + logNorm);
    const u = f / density;
    let step = u / (1 - 0.5 * Math.min(1, u * (a1 / x - b1 / (1 - x))));
    if (!Number.isFinite(step)) step = x - 0.5 * (lo + hi);
    let next = x - step;
    if (!(next > lo && next < hi)) next = lo > 0 || hi < 1 ? 0.5 * (lo + hi) : x / 2;
    if (lo === 0 && next < x / 1e3 && f > 0) next = Math.max(next, x / 1e3);
    const change = Math.abs(next - x);
    x = next;
    if (change <= 4e-16 * x || hi - lo <= 4e-16 * x) break;
  }
  return x;
}
