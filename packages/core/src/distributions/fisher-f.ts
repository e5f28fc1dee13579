/**
 * Fisher–Snedecor F distribution with dfn, dfd > 0 (scipy.stats.f). With u = dfn·x/(dfn·x +
 * dfd) and 1 − u = dfd/(dfn·x + dfd) formed separately, cdf = I_u(dfn/2, dfd/2) and
 * sf = I_{1−u}(dfd/2, dfn/2) (SciPy's fdtr / fdtrc), each accurate in its own tail. Quantiles
 * start from betaincinv and are polished by Newton steps on the log of the tail that holds
 * the target:
 * SciPy's fdtri forms 1 − q first and so loses relative accuracy for q below ~1e-8; this
 * implementation does not.
 */
import { betaincPair, logPowerTerms } from '../special/beta.js';
import { betaincinv } from '../special/betaincinv.js';
import { checkNumberOption } from '../validate.js';

function checkDfs(fn: string, dfn: number, dfd: number): void {
  checkNumberOption(fn, 'dfn', dfn, { min: 0, exclusiveMin: true });
  checkNumberOption(fn, 'dfd', dfd, { min: 0, exclusiveMin: true });
}

function checkQ(fn: string, q: number): void {
  checkNumberOption(fn, 'q', q, { min: 0, max: 1 });
}

/** [u, 1 − u] for x > 0, without overflow of dfn·x. */
function split(x: number, dfn: number, dfd: number): [number, number] {
  const mx = dfn * x;
  if (mx <= dfd) return [mx / (mx + dfd), dfd / (mx + dfd)];
  const r = dfd / dfn / x; // < 1
  return [1 / (1 + r), r / (1 + r)];
}

function lower(x: number, dfn: number, dfd: number): number {
  const [u, w] = split(x, dfn, dfd);
  return betaincPair(dfn / 2, dfd / 2, u, w);
}

function upper(x: number, dfn: number, dfd: number): number {
  const [u, w] = split(x, dfn, dfd);
  return betaincPair(dfd / 2, dfn / 2, w, u);
}

function logDensity(x: number, dfn: number, dfd: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 0 || x === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (x === 0) {
    if (dfn < 2) return Number.POSITIVE_INFINITY;
    return dfn === 2 ? 0 : Number.NEGATIVE_INFINITY;
  }
  const [u, w] = split(x, dfn, dfd);
  // f(x) = u^(dfn/2)·(1−u)^(dfd/2) / (x·B(dfn/2, dfd/2))
  return logPowerTerms(dfn / 2, dfd / 2, u, w) - Math.log(x);
}

/** x with P(F ≤ x) = p (fromUpper = false) or P(F > x) = p (fromUpper = true), 0 < p ≤ ½. */
function quantile(p: number, dfn: number, dfd: number, fromUpper: boolean): number {
  // start from betaincinv; where 1 − w (or 1 − u) rounds to 0, from the other tail instead
  let x: number;
  if (fromUpper) {
    const w = betaincinv(dfd / 2, dfn / 2, p); // dfd/(dfn·x + dfd)
    x = (dfd * (1 - w)) / (dfn * w);
    if (!(x > 0)) {
      const u = betaincinv(dfn / 2, dfd / 2, 1 - p);
      x = (dfd * u) / (dfn * (1 - u));
    }
  } else {
    const u = betaincinv(dfn / 2, dfd / 2, p);
    x = (dfd * u) / (dfn * (1 - u));
    if (!Number.isFinite(x)) {
      const w = betaincinv(dfd / 2, dfn / 2, 1 - p);
      x = (dfd * (1 - w)) / (dfn * w);
    }
  }
  if (!Number.isFinite(x)) return x;
  if (!(x > 0)) x = Number.MIN_VALUE;
  // Newton on log T against log x: both tails are close to power laws in x, so this is
  // nearly linear and converges in a few steps from the betaincinv start
  const logP = Math.log(p);
  let lastStep = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 100; i++) {
    const tail = fromUpper ? upper(x, dfn, dfd) : lower(x, dfn, dfd);
    const g = Math.log(tail) - logP;
    // d log T / d log x = ±x·f(x)/T, formed in logs: f(x) alone underflows far out
    const slope =
      (fromUpper ? -1 : 1) * Math.exp(Math.log(x) + logDensity(x, dfn, dfd) - Math.log(tail));
    if (g === 0 || !(Number.isFinite(g) && slope !== 0 && Number.isFinite(slope))) break;
    const step = Math.max(-20, Math.min(20, g / slope));
    const next = x * Math.exp(-step);
    if (!(next > 0 && Number.isFinite(next))) break;
    x = next;
    if (Math.abs(step) <= 2e-16 || (Math.abs(step) <= 1e-13 && Math.abs(step) >= lastStep)) break;
    lastStep = Math.abs(step);
  }
  return x;
}

/**
 * F distribution (scipy.stats.f) with dfn, dfd > 0 (not necessarily integers). `x` may be any
 * number (below 0 the cdf is 0); q must lie in [0, 1].
 *
 * @example
 * fisherF.sf(3.5, 3, 20); // 0.034493103885124374
 */
export const fisherF = {
  /**
   * Density u^(dfn/2)·(1−u)^(dfd/2) / (x·B(dfn/2, dfd/2)), u = dfn·x/(dfn·x + dfd).
   *
   * @example
   * fisherF.pdf(1, 5, 10); // 0.4954797834866386
   */
  pdf(x: number, dfn: number, dfd: number): number {
    checkDfs('fisherF.pdf', dfn, dfd);
    return Math.exp(logDensity(x, dfn, dfd));
  },
  /**
   * log density.
   *
   * @example
   * fisherF.logpdf(1e6, 5, 10); // -75.35571490903305
   */
  logpdf(x: number, dfn: number, dfd: number): number {
    checkDfs('fisherF.logpdf', dfn, dfd);
    return logDensity(x, dfn, dfd);
  },
  /**
   * P(F ≤ x) (scipy.special.fdtr).
   *
   * @example
   * fisherF.cdf(1, 5, 10); // 0.5348805734621996
   */
  cdf(x: number, dfn: number, dfd: number): number {
    checkDfs('fisherF.cdf', dfn, dfd);
    if (Number.isNaN(x)) return x;
    return x <= 0 ? 0 : lower(x, dfn, dfd);
  },
  /**
   * P(F > x) (scipy.special.fdtrc): the p-value of an F statistic.
   *
   * @example
   * fisherF.sf(100, 5, 10); // 3.3169075992101e-8
   */
  sf(x: number, dfn: number, dfd: number): number {
    checkDfs('fisherF.sf', dfn, dfd);
    if (Number.isNaN(x)) return x;
    return x <= 0 ? 1 : upper(x, dfn, dfd);
  },
  /**
   * Quantile: 0 at q = 0, +∞ at q = 1.
   *
   * @example
   * fisherF.ppf(0.95, 3, 20); // 3.0983912121407804
   */
  ppf(q: number, dfn: number, dfd: number): number {
    checkDfs('fisherF.ppf', dfn, dfd);
    checkQ('fisherF.ppf', q);
    if (q === 0) return 0;
    if (q === 1) return Number.POSITIVE_INFINITY;
    return q <= 0.5 ? quantile(q, dfn, dfd, false) : quantile(1 - q, dfn, dfd, true);
  },
  /**
   * Inverse survival function: x with P(F > x) = q, accurate for tiny q.
   *
   * @example
   * fisherF.isf(0.05, 3, 20); // 3.09839121214078
   */
  isf(q: number, dfn: number, dfd: number): number {
    checkDfs('fisherF.isf', dfn, dfd);
    checkQ('fisherF.isf', q);
    if (q === 0) return Number.POSITIVE_INFINITY;
    if (q === 1) return 0;
    return q <= 0.5 ? quantile(q, dfn, dfd, true) : quantile(1 - q, dfn, dfd, false);
  },
};
