/**
 * Inverses of the regularised incomplete gamma functions in x (scipy.special.gammaincinv and
 * gammainccinv). Each solves for the smaller tail (P when the target is below ½, Q above), so
 * the residual keeps relative accuracy far into either tail. The start is Wilson–Hilferty for
 * a > 1 and the leading term of the series (P ≈ x^a/Γ(a+1)) otherwise, as in Numerical Recipes'
 * invgammp; Newton steps on the log of the tail, kept inside a bisection bracket, converge to
 * a few ulps.
 */
import { gammaln, lgamma1p } from './gamma.js';
import { gammainc, gammaincc, logGammaPrefactor } from './gammainc.js';

/** Initial estimate of x with P(a, x) = p (or Q(a, x) = q, p = 1 − q). */
function start(a: number, p: number, q: number): number {
  if (a > 1) {
    const small = Math.min(p, q);
    const t = Math.sqrt(-2 * Math.log(small));
    let z = t - (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481));
    if (p < q) z = -z;
    const w = 1 - 1 / (9 * a) + z / (3 * Math.sqrt(a));
    const x = a * w * w * w;
    if (x > 1e-3 * a) return x;
    return Math.exp((Math.log(p) + lgamma1p(a)) / a);
  }
  // P(a, x) ≈ x^a / Γ(a + 1) for small x; Q(a, x) ≈ x^(a−1)·e^(−x)/Γ(a) for large x
  const lower = Math.exp((Math.log(p) + lgamma1p(a)) / a);
  if (p < 0.5 || lower < 1) return Math.min(lower, 1);
  const x0 = Math.max(1, -Math.log(q) - gammaln(a));
  return Math.max(1, x0 + (a - 1) * Math.log(x0));
}

/**
 * x with T(a, x) = target, T = P (upper = false) or Q (upper = true), target ≤ ½ or so.
 * p and q are the pair (P target, Q target) for the starting point. Newton's method runs on
 * log T(x) − log target: in the far tails T is close to an exponential in x, so the log is
 * nearly linear there and Newton converges in a few steps where the raw residual would crawl.
 */
function solve(a: number, p: number, q: number, upper: boolean): number {
  const target = upper ? q : p;
  const logTarget = Math.log(target);
  const tail = upper ? gammaincc : gammainc;
  let x = start(a, p, q);
  if (!(x > 0 && Number.isFinite(x))) x = Math.max(a, 1);
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let lastChange = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 300; i++) {
    const t = tail(a, x);
    const g = Math.log(t) - logTarget;
    if (g === 0) return x;
    // P rises with x, Q falls: bracket the root on the correct side
    if (g < 0 !== upper) lo = x;
    else hi = x;
    const density = Math.exp(logGammaPrefactor(a, x)) / x; // dP/dx
    const slope = (upper ? -density : density) / t; // d log T / dx
    let next = x - g / slope;
    if (!(next > lo && next < hi)) {
      if (hi === Number.POSITIVE_INFINITY) next = Math.max(2 * x, x + 1);
      else if (lo === 0) next = hi / 16;
      else next = hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    }
    const change = Math.abs(next - x);
    x = next;
    if (x < Number.MIN_VALUE * 4) return x;
    // stop once the step is at rounding level, or has stopped shrinking near it
    if (change <= 1e-16 * x || (change <= 1e-13 * x && change >= lastChange)) break;
    if (Number.isFinite(hi) && hi - lo <= 4e-16 * hi) break;
    lastChange = change;
  }
  return x;
}

/**
 * x ≥ 0 with P(a, x) = p, the inverse of {@link gammainc} in x (scipy.special.gammaincinv).
 * 0 at p = 0, +∞ at p = 1, NaN for a < 0 or p outside [0, 1].
 *
 * @example
 * gammaincinv(2, 0.8008517265285442); // 2.9999999999999996
 */
export function gammaincinv(a: number, p: number): number {
  if (!(a >= 0 && p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (a === 0) return 0;
  if (a === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  return p <= 0.5 ? solve(a, p, 1 - p, false) : solve(a, p, 1 - p, true);
}

/**
 * x ≥ 0 with Q(a, x) = q, the inverse of {@link gammaincc} in x
 * (scipy.special.gammainccinv): chi2.isf far in the tail goes through here.
 *
 * @example
 * gammainccinv(1, 0.05); // 2.995732273553991 (= −log 0.05)
 */
export function gammainccinv(a: number, q: number): number {
  if (!(a >= 0 && q >= 0 && q <= 1)) return Number.NaN;
  if (q === 0) return Number.POSITIVE_INFINITY;
  if (q === 1) return 0;
  if (a === 0) return 0;
  if (a === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  return q <= 0.5 ? solve(a, 1 - q, q, true) : solve(a, 1 - q, q, false);
}
