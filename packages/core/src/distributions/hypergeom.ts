/**
 * The hypergeometric distribution with SciPy's parameters (scipy.stats.hypergeom): k successes
 * in N draws without replacement from a population of M holding n successes. The mass is
 * computed as Loader's saddle-point form ("Fast and accurate computation of binomial
 * probabilities", 2000; R's dhyper): three binomial masses, each from Stirling remainders and
 * the deviance bd0, so it keeps full relative accuracy for populations in the millions where
 * the difference of log-gammas would lose digits. The cdf and sf sum the smaller tail by
 * the ratio of consecutive masses, as Boost (which SciPy 1.10 calls) does.
 */
import { gammaln, lgammaCorrection } from '../special/gamma.js';
import { checkNumberOption } from '../validate.js';

const HALF_LOG_2PI = 0.9189385332046728;
const LOG_2PI = 1.8378770664093453;

/** log(n!) − log(√(2πn)·(n/e)^n), the Stirling remainder of an integer n ≥ 1. */
function stirlerr(n: number): number {
  if (n >= 10) return lgammaCorrection(n);
  return gammaln(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_2PI;
}

/** Deviance x·log(x/np) + np − x without cancellation when x ≈ np (Loader's bd0). */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / np) + np - x;
}

/** log of the binomial mass C(n, x)·p^x·q^(n−x), with p + q = 1 given separately. */
function logBinom(x: number, n: number, p: number, q: number): number {
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  return lc - 0.5 * (LOG_2PI + Math.log(x) + Math.log1p(-x / n));
}

interface Params {
  M: number;
  n: number;
  N: number;
  lo: number;
  hi: number;
}

function check(fn: string, M: number, n: number, N: number): Params {
  checkNumberOption(fn, 'M', M, { min: 0, integer: true });
  checkNumberOption(fn, 'n', n, { min: 0, max: M, integer: true });
  checkNumberOption(fn, 'N', N, { min: 0, max: M, integer: true });
  return { M, n, N, lo: Math.max(0, N - (M - n)), hi: Math.min(n, N) };
}

function checkK(fn: string, k: number): void {
  if (typeof k !== 'number' || Number.isNaN(k)) checkNumberOption(fn, 'k', k);
}

/** log P(X = k) for an integer k inside the support. */
function logMass(k: number, { M, n, N }: Params): number {
  if (N === 0 || N === M) return 0;
  const p = N / M;
  const q = (M - N) / M;
  return logBinom(k, n, p, q) + logBinom(N - k, M - n, p, q) - logBinom(N, M, p, q);
}

/** P(X = j−1)/P(X = j) = j·(M − n − N + j) / ((n − j + 1)(N − j + 1)). */
function ratioDown(j: number, { M, n, N }: Params): number {
  return (j * (M - n - N + j)) / ((n - j + 1) * (N - j + 1));
}

/** P(X ≤ k) for lo ≤ k < hi, summed downward from k (the terms shrink away from the mode). */
function lowerSum(k: number, par: Params): number {
  let term = Math.exp(logMass(k, par));
  let sum = term;
  for (let j = k; j > par.lo; j--) {
    term *= ratioDown(j, par);
    sum += term;
    if (term <= 1e-17 * sum) break;
  }
  return sum;
}

/** P(X > k) for lo ≤ k < hi, summed upward from k + 1. */
function upperSum(k: number, par: Params): number {
  let term = Math.exp(logMass(k + 1, par));
  let sum = term;
  for (let j = k + 2; j <= par.hi; j++) {
    term /= ratioDown(j, par);
    sum += term;
    if (term <= 1e-17 * sum) break;
  }
  return sum;
}

/** [P(X ≤ k), P(X > k)], the smaller one summed directly and the other as its complement. */
function tails(k: number, par: Params): [number, number] {
  const j = Math.floor(k);
  if (j < par.lo) return [0, 1];
  if (j >= par.hi) return [1, 0];
  const mode = Math.floor(((par.N + 1) * (par.n + 1)) / (par.M + 2));
  if (j < mode) {
    const c = lowerSum(j, par);
    return [c, 1 - c];
  }
  const s = upperSum(j, par);
  return [1 - s, s];
}

/**
 * Hypergeometric distribution (scipy.stats.hypergeom): population M, n successes in it,
 * N draws; X = successes drawn, supported on max(0, N − (M − n)) … min(n, N). M, n, N must be
 * integers with 0 ≤ n, N ≤ M; k may be any number (non-integers have mass 0, cdf floors).
 *
 * @example
 * hypergeom.pmf(1, 20, 7, 12); // 0.0043343653250774074
 */
export const hypergeom = {
  /**
   * P(X = k).
   *
   * @example
   * hypergeom.pmf(4, 20, 7, 12); // 0.3575851393188852
   */
  pmf(k: number, M: number, n: number, N: number): number {
    checkK('hypergeom.pmf', k);
    return Math.exp(hypergeom.logpmf(k, M, n, N));
  },
  /**
   * log P(X = k), finite where the mass underflows.
   *
   * @example
   * hypergeom.logpmf(0, 2000, 1000, 1000); // -1382.26799353748
   */
  logpmf(k: number, M: number, n: number, N: number): number {
    const par = check('hypergeom.logpmf', M, n, N);
    checkK('hypergeom.logpmf', k);
    if (!Number.isInteger(k) || k < par.lo || k > par.hi) return Number.NEGATIVE_INFINITY;
    return logMass(k, par);
  },
  /**
   * P(X ≤ k): the one-sided p-value of Fisher's exact test.
   *
   * @example
   * hypergeom.cdf(2, 20, 7, 12); // 0.05211558307533552
   */
  cdf(k: number, M: number, n: number, N: number): number {
    const par = check('hypergeom.cdf', M, n, N);
    checkK('hypergeom.cdf', k);
    return tails(k, par)[0];
  },
  /**
   * P(X > k).
   *
   * @example
   * hypergeom.sf(5, 20, 7, 12); // 0.10557275541795713
   */
  sf(k: number, M: number, n: number, N: number): number {
    const par = check('hypergeom.sf', M, n, N);
    checkK('hypergeom.sf', k);
    return tails(k, par)[1];
  },
};
