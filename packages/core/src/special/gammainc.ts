/**
 * Regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), each accurate in
 * its own tail (chi2.sf far in the tail is Q). The regimes follow Cephes' igam/igamc as
 * SciPy 1.10 uses them: the power series of P for x ≤ max(a, 1), Legendre's continued
 * fraction for Q when x > max(a, 1), and a series for Q at small x and small a. The prefactor
 * x^a·e^(−x)/Γ(a) is computed through log1pmx and the Stirling remainder for a ≥ 10, so its
 * error does not grow with a (DLMF 8.11, Temme 1996 §11.3).
 */
import { gammaln, lgamma1p, lgammaCorrection } from './gamma.js';
import { log1pmx } from './log1pmx.js';

const EPS = 1.1102230246251565e-16;
const LOG_2PI = 1.8378770664093453;
const MAX_ITER = 1_000_000;

/** log( x^a·e^(−x) / Γ(a) ), accurate in relative terms for large a. */
export function logGammaPrefactor(a: number, x: number): number {
  if (a < 10) return a * Math.log(x) - x - gammaln(a);
  const t = (x - a) / a;
  const core = t > -0.5 ? a * log1pmx(t) : a * Math.log(x / a) + (a - x);
  return core + 0.5 * (Math.log(a) - LOG_2PI) - lgammaCorrection(a);
}

/** P(a, x) by its power series: (prefactor/a)·Σ x^n / ((a+1)…(a+n)). */
function lowerSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  let denom = a;
  for (let n = 0; n < MAX_ITER; n++) {
    denom += 1;
    term *= x / denom;
    sum += term;
    if (term <= EPS * sum) break;
  }
  return (Math.exp(logGammaPrefactor(a, x)) * sum) / a;
}

/** Legendre's continued fraction for Q(a, x) / (x^a·e^(−x)/Γ(a)), x > max(a, 1) (modified Lentz). */
function legendreFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPS) break;
  }
  return h;
}

/** Q(a, x) by Legendre's continued fraction, for x > max(a, 1). */
function upperFraction(a: number, x: number): number {
  return Math.exp(logGammaPrefactor(a, x)) * legendreFraction(a, x);
}

/**
 * Q(a, x) divided by its prefactor x^a·e^(−x)/Γ(a), finite where both underflow (x ≳ 700):
 * the piece the large-a incomplete beta expansion needs.
 *
 * @example
 * gammainccScaled(1, 800); // 0.00125 (Q(1, x) = e^(−x), so the ratio is 1/x)
 */
export function gammainccScaled(a: number, x: number): number {
  if (x > 1 && x > a) return legendreFraction(a, x);
  return gammaincc(a, x) / Math.exp(logGammaPrefactor(a, x));
}

/**
 * Q(a, x) for x ≤ 1.1 and small a: 1 − x^a/Γ(a+1) − (x^a/Γ(a))·Σ_{n≥1} (−x)^n / (n!(a+n)),
 * with the first difference taken by expm1 so that Q keeps its digits as a → 0.
 */
function upperSmallX(a: number, x: number): number {
  let sum = 0;
  let factor = 1;
  for (let n = 1; n < 200; n++) {
    factor *= -x / n;
    const term = factor / (a + n);
    sum += term;
    if (Math.abs(term) <= EPS * Math.abs(sum)) break;
  }
  const logxa = a * Math.log(x) - lgamma1p(a); // log(x^a / Γ(a+1))
  return -Math.expm1(logxa) - a * Math.exp(logxa) * sum;
}

/** Whether Q at x ≤ 1.1 is better computed directly (Cephes' rule) than as 1 − P. */
function useUpperSmallX(a: number, x: number): boolean {
  if (x <= 0.5) return -0.4 / Math.log(x) >= a;
  return x * 1.1 >= a;
}

/**
 * Regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a)
 * (scipy.special.gammainc). NaN for a < 0 or x < 0, as SciPy.
 *
 * @example
 * gammainc(2, 3); // 0.8008517265285443
 */
export function gammainc(a: number, x: number): number {
  if (!(a >= 0 && x >= 0)) return Number.NaN;
  if (a === 0) return x > 0 ? 1 : Number.NaN;
  if (x === 0) return 0;
  if (a === Number.POSITIVE_INFINITY) return x === a ? Number.NaN : 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x > 1 && x > a) return 1 - upperFraction(a, x);
  return lowerSeries(a, x);
}

/**
 * Regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x)
 * (scipy.special.gammaincc), accurate in relative terms far into the tail (Q ~ 1e-300).
 *
 * @example
 * gammaincc(2, 3); // 0.1991482734714557
 */
export function gammaincc(a: number, x: number): number {
  if (!(a >= 0 && x >= 0)) return Number.NaN;
  if (a === 0) return x > 0 ? 0 : Number.NaN;
  if (x === 0) return 1;
  if (a === Number.POSITIVE_INFINITY) return x === a ? Number.NaN : 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x > 1.1) return x < a ? 1 - lowerSeries(a, x) : upperFraction(a, x);
  return useUpperSmallX(a, x) ? upperSmallX(a, x) : 1 - lowerSeries(a, x);
}
