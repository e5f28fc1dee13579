/**
 * The log-gamma function and its pieces: log|Γ(x)| for real x, log Γ(1+a) accurate near
 * a = 0, and the Stirling remainder used by the incomplete gamma and beta prefactors. The
 * regularised incomplete gamma functions live in `gammainc.ts` and are re-exported here.
 */

export { gammainc, gammaincc } from './gammainc.js';

const HALF_LOG_2PI = 0.9189385332046728;
const EULER = 0.5772156649015329;

/** ζ(k) − 1 for k = 2 … 39 (Taylor coefficients of log Γ around 2). */
const ZETA_M1 = [
  0.6449340668482264, 0.2020569031595943, 0.08232323371113819, 0.03692775514336993,
  0.01734306198444914, 0.008349277381922827, 0.00407735619794434, 0.0020083928260822143,
  0.0009945751278180853, 0.0004941886041194645, 0.0002460865533080483, 0.00012271334757848915,
  6.124813505870483e-5, 3.058823630702049e-5, 1.528225940865187e-5, 7.637197637899763e-6,
  3.81729326499984e-6, 1.908212716553939e-6, 9.539620338727962e-7, 4.769329867878064e-7,
  2.38450502727733e-7, 1.1921992596531106e-7, 5.960818905125948e-8, 2.980350351465228e-8,
  1.4901554828365043e-8, 7.45071178983543e-9, 3.725334024788457e-9, 1.862659723513049e-9,
  9.313274324196682e-10, 4.656629065033784e-10, 2.3283118336765053e-10, 1.164155017270052e-10,
  5.820772087902701e-11, 2.9103850444971e-11, 1.4551921891041985e-11, 7.275959835057482e-12,
  3.637979547378651e-12, 1.818989650307066e-12,
];

/** log Γ(2 + t) for |t| ≤ 0.5: (1 − γ)·t + Σ_{k≥2} (−1)^k (ζ(k) − 1) t^k / k. */
function lgammaNear2(t: number): number {
  let sum = 0;
  let power = -t;
  for (let k = 2; k <= ZETA_M1.length + 1; k++) {
    power *= -t;
    const term = (ZETA_M1[k - 2] * power) / k;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return (1 - EULER) * t + sum;
}

/** B_{2k} / (2k(2k−1)), k = 1 … 8: the coefficients of Stirling's series. */
const STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
];

/** sin(πx) with exact argument reduction, so zeros at the integers are exact. */
function sinpi(x: number): number {
  let r = x % 2; // exact
  if (r > 1) r -= 2;
  else if (r < -1) r += 2;
  const sign = r < 0 ? -1 : 1;
  r = Math.abs(r); // in [0, 1]
  if (r > 0.5) r = 1 - r;
  return sign * (r === 0.5 ? 1 : Math.sin(Math.PI * r));
}

/**
 * Stirling remainder log Γ(x) − [(x − ½)·log x − x + ½·log 2π] for x ≥ 10, by its asymptotic
 * series Σ B_{2k} / (2k(2k−1)·x^(2k−1)); absolute error below 1e-18 there.
 *
 * @example
 * lgammaCorrection(10); // 0.00833056343336287
 */
export function lgammaCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  let sum = STIRLING[STIRLING.length - 1];
  for (let k = STIRLING.length - 2; k >= 0; k--) sum = sum * r2 + STIRLING[k];
  return sum * r;
}

/**
 * log Γ(1 + a), accurate to a few ulps near a = 0 where Γ(1 + a) → 1 (for −0.5 ≤ a ≤ 1.5
 * by the Taylor series of log Γ around 2; elsewhere through {@link gammaln}).
 *
 * @example
 * lgamma1p(1e-10); // -5.7721566481928616e-11
 */
export function lgamma1p(a: number): number {
  if (a >= -0.5 && a <= 0.5) return lgammaNear2(a) - Math.log1p(a);
  if (a > 0.5 && a <= 1.5) return lgammaNear2(a - 1);
  return gammaln(1 + a);
}

/**
 * Natural log of the absolute value of the gamma function, log|Γ(x)| (scipy.special.gammaln).
 * Taylor series around 2 for x in [1.5, 2.5] (shifted there by Γ(x+1) = x·Γ(x) below 10),
 * Stirling's series above 10, and the reflection Γ(x)Γ(1−x) = π / sin(πx) for x < 0.
 * Returns +∞ at the poles x = 0, −1, −2, … as SciPy does.
 *
 * @example
 * gammaln(0.5); // 0.5723649429247001 (= log √π)
 */
export function gammaln(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) {
    return Number.POSITIVE_INFINITY;
  }
  if (x >= 10) {
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + lgammaCorrection(x);
  }
  if (x >= 1.5) {
    if (x <= 2.5) return lgammaNear2(x - 2);
    let product = 1;
    let z = x;
    while (z > 2.5) {
      z -= 1;
      product *= z;
    }
    return lgammaNear2(z - 2) + Math.log(product);
  }
  if (x >= 0.5) return lgammaNear2(x - 1) - Math.log1p(x - 1);
  if (x > 0) return lgammaNear2(x) - Math.log(x * (x + 1));
  // x ≤ 0: poles at the non-positive integers, reflection elsewhere
  const s = sinpi(x);
  if (s === 0) return Number.POSITIVE_INFINITY;
  return Math.log(Math.PI / Math.abs(s)) - gammaln(1 - x);
}
