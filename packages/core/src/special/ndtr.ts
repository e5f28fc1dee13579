/**
 * The standard normal CDF Φ, its logarithm and its inverse, as scipy.special's ndtr,
 * log_ndtr and ndtri. Φ goes through erf near 0 and erfc in the tails (as Cephes' ndtr);
 * log Φ through the scaled erfcx below −1 (as SciPy's Faddeeva-based log_ndtr); Φ⁻¹ starts
 * from Abramowitz & Stegun 26.2.23 and polishes with Halley's method on a residual scaled by
 * the density (the Mills ratio), so it keeps full relative accuracy down to p = 5e-324.
 */
import { erf, erfc, erfcx } from './erf.js';

const SQRT1_2 = Math.SQRT1_2;
const SQRT_2PI = 2.5066282746310002;
const SQRT_PI_2 = 1.2533141373155003; // √(π/2)

/**
 * Standard normal cumulative distribution Φ(x) = ½·erfc(−x/√2) (scipy.special.ndtr).
 *
 * @example
 * ndtr(-1.96); // 0.02499789514822043
 */
export function ndtr(x: number): number {
  const t = x * SQRT1_2;
  if (Math.abs(t) < SQRT1_2) return 0.5 + 0.5 * erf(t);
  const y = 0.5 * erfc(Math.abs(t));
  return t > 0 ? 1 - y : y;
}

/**
 * log Φ(x), finite far below the underflow of Φ (scipy.special.log_ndtr):
 * log(erfcx(−x/√2)/2) − x²/2 for x < −1, log1p(−erfc(x/√2)/2) otherwise.
 *
 * @example
 * logNdtr(-40); // -804.6084420137539
 */
export function logNdtr(x: number): number {
  const t = x * SQRT1_2;
  if (x < -1) return Math.log(erfcx(-t) / 2) - t * t;
  return Math.log1p(-erfc(t) / 2);
}

/** Abramowitz & Stegun 26.2.23: Φ⁻¹(p) for 0 < p ≤ ½ to within 4.5e-4. */
function startingPoint(p: number): number {
  const t = Math.sqrt(-2 * Math.log(p));
  const num = 2.515517 + t * (0.802853 + t * 0.010328);
  const den = 1 + t * (1.432788 + t * (0.189269 + t * 0.001308));
  return num / den - t;
}

/** Φ⁻¹(p) for 0 < p < 0.075: Halley on (Φ(z) − p)/φ(z) computed without under/overflow. */
function lowerTail(p: number): number {
  let z = startingPoint(p);
  const logp = Math.log(p);
  for (let i = 0; i < 8; i++) {
    // Φ(z)/φ(z) = √(π/2)·erfcx(−z/√2); p/φ(z) = √(2π)·exp(log p + z²/2)
    const delta = SQRT_PI_2 * erfcx(-z * SQRT1_2) - SQRT_2PI * Math.exp(logp + 0.5 * z * z);
    const step = delta / (1 + 0.5 * z * delta);
    z -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(z)) break;
  }
  return z;
}

/** Φ⁻¹(½ + q) for |q| ≤ 0.425: Halley on (erf(z/√2)/2 − q)/φ(z). */
function central(q: number): number {
  let z =
    Math.abs(q) < 0.1 ? q * SQRT_2PI : q < 0 ? startingPoint(0.5 + q) : -startingPoint(0.5 - q);
  for (let i = 0; i < 8; i++) {
    const delta = ((0.5 * erf(z * SQRT1_2) - q) * SQRT_2PI) / Math.exp(-0.5 * z * z);
    const step = delta / (1 + 0.5 * z * delta);
    z -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(z)) break;
  }
  return z;
}

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p) (scipy.special.ndtri): −∞ at 0, +∞ at 1, NaN
 * outside [0, 1].
 *
 * @example
 * ndtri(0.975); // 1.9599639845400538
 */
export function ndtri(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p < 0.075) return lowerTail(p);
  if (p > 0.925) return -lowerTail(1 - p);
  return central(p - 0.5);
}
