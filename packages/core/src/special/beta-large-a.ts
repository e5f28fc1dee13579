/**
 * I_x(a, b) for a large and b moderate by the asymptotic expansion of DiDonato & Morris
 * ("Significant digit computation of the incomplete beta function ratios", ACM TOMS 18, 1992,
 * §9; TOMS 708's BGRAT). With ν = a + (b−1)/2 and z = −ν·log x it is a series in Q(b, z) and
 * powers of 1/ν², free of the cancellation that the continued fraction suffers when a is
 * huge and x is near 1 — the Student t tail at df ~ 1e7 and the F tails with one df ~ 1e7
 * are exactly that case. The expansion wants b ≤ 1; a larger b is brought down to
 * b₀ = b − n ∈ (0, 1] by I_x(a, b) = I_x(a, b₀) + Σ_{i<n} (the recurrence DLMF 8.17.20, all
 * terms positive, as TOMS 708's BUP).
 */
import { logPowerTerms } from './beta.js';
import { gammaln, lgammaCorrection } from './gamma.js';
import { gammainccScaled, logGammaPrefactor } from './gammainc.js';

const TERMS = 30;
const TOL = 1e-16;

/** log(Γ(a)/Γ(a+b)) for a ≥ 10 by Stirling remainders (TOMS 708's algdiv(b, a)). */
function logGammaRatio(a: number, b: number): number {
  const s = a + b;
  return (
    -(a - 0.5) * Math.log1p(b / a) - b * Math.log(s) + b + lgammaCorrection(a) - lgammaCorrection(s)
  );
}

/**
 * I_x(a, b) − I_x(a, b₀) for b = b₀ + n: Σ_{i=0}^{n−1} y^(b₀+i)·x^a / ((b₀+i)·B(b₀+i, a)),
 * each term from the previous by the ratio y·(a + b₀ + i − 1)/(b₀ + i).
 */
function shiftSum(a: number, b0: number, n: number, x: number, y: number): number {
  // the terms can grow by ~a·y per step: rescale so that neither they nor the prefactor
  // leave the double range before the final product
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let i = 1; i < n; i++) {
    term *= (y * (a + b0 + i - 1)) / (b0 + i);
    sum += term;
    if (sum > 1e250) {
      term *= 1e-250;
      sum *= 1e-250;
      logScale += 575.6462732485114; // 250·log 10
    }
  }
  return Math.exp(logPowerTerms(b0, a, y, x) + logScale + Math.log(sum) - Math.log(b0));
}

/**
 * I_x(a, b) for a ≥ 15 and b > 0 (b ≤ 1 directly, larger b through the shift), given x and
 * y = 1 − x separately, for x ≥ 0.3; NaN if the expansion cannot be formed (then the caller
 * uses another method).
 *
 * @example
 * betaincLargeA(1000, 0.5, 0.999, 0.001); // 0.1572472742667241
 */
export function betaincLargeA(a: number, b: number, x: number, y: number): number {
  if (b <= 1) return expansion(a, b, x, y);
  const n = Math.ceil(b) - 1;
  const b0 = b - n;
  return expansion(a, b0, x, y) + shiftSum(a, b0, n, x, y);
}

/** The expansion itself, for 0 < b ≤ 1. */
function expansion(a: number, b: number, x: number, y: number): number {
  const bm1 = b - 1;
  const nu = a + 0.5 * bm1;
  const lnx = y > 0.375 ? Math.log(x) : Math.log1p(-y);
  const z = -nu * lnx;
  if (!(b * z > 0)) return Number.NaN;
  // r = e^(−z)·z^b/Γ(b); u = r·Γ(a+b)/(Γ(a)·ν^b), the factor taken out of the series
  const logR = b < 10 ? b * Math.log(z) - z - gammaln(b) : logGammaPrefactor(b, z);
  const logU = logR - (logGammaRatio(a, b) + b * Math.log(nu));
  const u = Math.exp(logU);
  const v = 0.25 / (nu * nu);
  const t2 = 0.25 * lnx * lnx;
  const c = new Float64Array(TERMS);
  const d = new Float64Array(TERMS);
  let j = gammainccScaled(b, z); // Q(b, z)/r
  let sum = j;
  let t = 1;
  let cn = 1;
  let n2 = 0;
  for (let n = 1; n <= TERMS; n++) {
    const bp2n = b + n2;
    j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v;
    n2 += 2;
    t *= t2;
    cn /= n2 * (n2 + 1);
    c[n - 1] = cn;
    let s = 0;
    let coef = b - n;
    for (let i = 1; i < n; i++) {
      s += coef * c[i - 1] * d[n - 1 - i];
      coef += b;
    }
    d[n - 1] = bm1 * cn + s / n;
    const dj = d[n - 1] * j;
    sum += dj;
    if (sum <= 0) return Number.NaN;
    if (Math.abs(dj) <= TOL * sum) break;
  }
  return u > 0 ? u * sum : Math.exp(logU + Math.log(sum));
}
