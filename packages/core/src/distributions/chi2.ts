/**
 * The chi-squared distribution with df degrees of freedom (scipy.stats.chi2): a gamma
 * distribution of shape k = df/2 and scale 2, so every method goes through the regularised
 * incomplete gamma functions at (df/2, x/2), as SciPy's chdtr / chdtrc / chdtri do.
 */
import { gammaln } from '../special/gamma.js';
import { gammainc, gammaincc, logGammaPrefactor } from '../special/gammainc.js';
import { gammainccinv, gammaincinv } from '../special/gammaincinv.js';
import { checkNumberOption } from '../validate.js';

const LN2 = Math.LN2;

function checkDf(fn: string, df: number): void {
  checkNumberOption(fn, 'df', df, { min: 0, exclusiveMin: true });
}

function checkQ(fn: string, q: number): void {
  checkNumberOption(fn, 'q', q, { min: 0, max: 1 });
}

/** log density; NaN passes through. */
function logDensity(x: number, df: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 0 || x === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  const k = df / 2;
  if (x === 0) {
    if (k < 1) return Number.POSITIVE_INFINITY;
    return k === 1 ? -LN2 : Number.NEGATIVE_INFINITY;
  }
  // (x/2)^k·e^(−x/2)/Γ(k) / x, the prefactor taken through log1pmx for large k so the
  // density keeps its digits at df ~ 1e6 (SciPy's xlogy form loses ~log10(df) of them)
  if (k >= 10) return logGammaPrefactor(k, x / 2) - Math.log(x);
  return (k - 1) * Math.log(x) - x / 2 - gammaln(k) - k * LN2;
}

/**
 * Chi-squared distribution (scipy.stats.chi2) with df > 0 degrees of freedom (not necessarily
 * an integer): cdf P(df/2, x/2), sf Q(df/2, x/2), quantiles by their inverses. `x` may be any
 * number (below 0 the cdf is 0); q must lie in [0, 1].
 *
 * @example
 * chi2.sf(3.8414588206941285, 1); // 0.050000000000000024
 */
export const chi2 = {
  /**
   * Density x^(df/2−1)·e^(−x/2) / (2^(df/2)·Γ(df/2)).
   *
   * @example
   * chi2.pdf(2, 3); // 0.20755374871029736
   */
  pdf(x: number, df: number): number {
    checkDf('chi2.pdf', df);
    return Math.exp(logDensity(x, df));
  },
  /**
   * log density, finite where the density underflows.
   *
   * @example
   * chi2.logpdf(2000, 3); // -997.1184873034337
   */
  logpdf(x: number, df: number): number {
    checkDf('chi2.logpdf', df);
    return logDensity(x, df);
  },
  /**
   * P(X ≤ x) = P(df/2, x/2) (scipy.special.chdtr).
   *
   * @example
   * chi2.cdf(1, 2); // 0.3934693402873665
   */
  cdf(x: number, df: number): number {
    checkDf('chi2.cdf', df);
    if (Number.isNaN(x)) return x;
    return x <= 0 ? 0 : gammainc(df / 2, x / 2);
  },
  /**
   * P(X > x) = Q(df/2, x/2) (scipy.special.chdtrc), accurate far into the upper tail: the
   * p-value of a chi-squared statistic.
   *
   * @example
   * chi2.sf(100, 3); // 1.554159431389603e-21
   */
  sf(x: number, df: number): number {
    checkDf('chi2.sf', df);
    if (Number.isNaN(x)) return x;
    return x <= 0 ? 1 : gammaincc(df / 2, x / 2);
  },
  /**
   * Quantile 2·gammaincinv(df/2, q): 0 at q = 0, +∞ at q = 1.
   *
   * @example
   * chi2.ppf(0.95, 1); // 3.8414588206941285
   */
  ppf(q: number, df: number): number {
    checkDf('chi2.ppf', df);
    checkQ('chi2.ppf', q);
    return 2 * gammaincinv(df / 2, q);
  },
  /**
   * Inverse survival function 2·gammainccinv(df/2, q) (scipy.special.chdtri), so that
   * sf(isf(q)) = q even for q ~ 1e-300.
   *
   * @example
   * chi2.isf(0.05, 1); // 3.8414588206941302
   */
  isf(q: number, df: number): number {
    checkDf('chi2.isf', df);
    checkQ('chi2.isf', q);
    return 2 * gammainccinv(df / 2, q);
  },
};
