/**
 * Exact null distribution of the two-sample Kolmogorov–Smirnov statistic, computed the way
 * `scipy.stats.ks_2samp` (1.10) does in its exact mode, so p-values agree to the last digits.
 */

import { gcd, roundHalfEven } from '../integers.js';
import { checkChoice, checkNumberOption } from '../validate.js';

/** Result of {@link ks2sampExact}. */
export interface Ks2sampExactResult {
  /** False where SciPy gives up on the exact method (overflow or a result outside [0, 1]). */
  ok: boolean;
  /** The statistic rounded to the lattice h / lcm(n1, n2), as SciPy returns it. */
  d: number;
  /** P(D ≥ d) under the null hypothesis (NaN when SciPy would overflow). */
  pValue: number;
}

const ALTERNATIVES = ['two-sided', 'less', 'greater'] as const;

/**
 * Exact p-value of the two-sample KS statistic `d` for samples of sizes `n1`, `n2`.
 *
 * The statistic is first rounded to the lattice, h = round(d·lcm(n1, n2)). Two-sided:
 * for n1 = n2 the alternating series 2·Σ(−1)^(k+1)·C(2n, n−kh)/C(2n, n) in Horner form,
 * otherwise the lattice-path "inside" recursion of Hodges (1958) written for 1 − p as in
 * Viehmann (2021, arXiv:2102.08037). One-sided: for n1 = n2, C(2n, n−h)/C(2n, n) =
 * Π_{j<h}(n−j)/(n+j+1); otherwise the proportion of lattice paths that touch the line
 * x/n1 − y/n2 = h/lcm (the count Hodges obtains by his first-passage method), which SciPy
 * abandons once C(n1+n2, n1) overflows a double.
 *
 * @example
 * ks2sampExact(5, 5, 0.6, 'two-sided'); // { ok: true, d: 0.6, pValue: 0.35714285714285715 }
 */
export function ks2sampExact(
  n1: number,
  n2: number,
  d: number,
  alternative: 'two-sided' | 'less' | 'greater',
): Ks2sampExactResult {
  const fn = 'ks2sampExact';
  checkNumberOption(fn, 'n1', n1, { min: 1, integer: true });
  checkNumberOption(fn, 'n2', n2, { min: 1, integer: true });
  checkNumberOption(fn, 'd', d, { min: 0, max: 1 });
  checkChoice(fn, 'alternative', alternative, ALTERNATIVES);

  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const dLattice = h / lcm;
  if (h === 0) return { ok: true, d: dLattice, pValue: 1 };

  let prob: number;
  if (alternative === 'two-sided') {
    prob = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideBand(n1, n2, g, h);
  } else if (n1 === n2) {
    prob = 1;
    for (let j = 0; j < h; j++) prob *= (n1 - j) / (n1 + j + 1);
  } else {
    if (!Number.isFinite(scipyBinomCentral(n1 + n2, Math.min(n1, n2)))) {
      return { ok: false, d: dLattice, pValue: Number.NaN };
    }
    prob = probCrossLine(n1, n2, g, h);
  }
  const ok = prob >= 0 && prob <= 1;
  return { ok, d: dLattice, pValue: prob };
}

/**
 * P(D_{n,n} ≥ h/n) = 2·Σ_{k≥1} (−1)^(k+1) C(2n, n−kh)/C(2n, n), evaluated from the last term
 * back as P = A_k·(1 − P) where A_k = Π_{j<h} (n−kh−j)/(n+kh+j+1), which avoids cancellation.
 */
function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let a = 1;
    const kh = k * h;
    for (let j = 0; j < h; j++) a = ((n - kh - j) * a) / (n + kh + j + 1);
    p = a * (1 - p);
  }
  return 2 * p;
}

/**
 * Share of the C(m+n, n) monotone lattice paths from (0, 0) to (m, n) that leave the band
 * |x·n/g − y·m/g| < h, column by column with a sliding window. Each cell holds the share of
 * the paths reaching it that already left the band, so the recursion only averages values in
 * [0, 1]: P(i, j) = (i·P(i−1, j) + j·P(i, j−1)) / (i + j), and P = 1 outside the band.
 */
function probOutsideBand(n1: number, n2: number, g: number, h: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const a = new Float64Array(lenA).fill(1);
  a.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    const shift = minj - lastminj;
    const width = maxj - minj;
    for (let jj = 0; jj < width; jj++) {
      val = (a[jj + shift] * i + val * (jj + minj)) / (i + jj + minj);
      a[jj] = val;
    }
    curlen = width;
    if (lastlen > curlen) a.fill(1, width, width + (lastlen - curlen));
  }
  return a[maxj - minj - 1];
}

/**
 * Share of the lattice paths from (0, 0) to (m, n) that touch the line x·n/g − y·m/g = h
 * (one-sided statistic, n1 ≠ n2), by the same share-of-paths recursion with one barrier.
 */
function probCrossLine(n1: number, n2: number, g: number, h: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const mg = m / g;
  const ng = n / g;
  const a = new Float64Array(n + 1);
  for (let i = 1; i <= m; i++) {
    const minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    let val = minj === 0 ? 0 : 1;
    for (let j = minj; j <= n; j++) {
      val = (a[j] * i + val * j) / (i + j);
      a[j] = val;
    }
  }
  return a[n];
}

/**
 * `scipy.special.binom(N, k)` for 0 ≤ k ≤ N/2, only as far as SciPy's overflow to +∞
 * matters: k < 20 multiplies out (always finite here); otherwise SciPy takes
 * 1/(N+1)/B(N−k+1, k+1) with B from log-gamma, which is +∞ once B underflows.
 */
function scipyBinomCentral(N: number, k: number): number {
  if (k < 20) return 1;
  const a = N - k + 1;
  const b = k + 1;
  const beta = Math.exp(lgammaLarge(a) + lgammaLarge(b) - lgammaLarge(a + b));
  return 1 / (N + 1) / beta;
}

/** log Γ(x) for x ≥ 20 by Stirling's series (absolute error near 1e-16·x·log x). */
function lgammaLarge(x: number): number {
  const p = 1 / (x * x);
  const series =
    (((-5.952380952380952e-4 * p + 7.936507936507937e-4) * p - 2.777777777777778e-3) * p +
      0.08333333333333333) /
    x;
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + series;
}
