/**
 * The normal distribution N(loc, scale²) with the methods of scipy.stats.norm. Every method
 * standardises z = (x − loc)/scale and calls the special functions SciPy uses: ndtr,
 * log_ndtr and ndtri.
 */
import { logNdtr, ndtr, ndtri } from '../special/ndtr.js';
import { checkNumberOption } from '../validate.js';

const SQRT_2PI = 2.5066282746310002;

function checkParams(fn: string, loc: number, scale: number): void {
  checkNumberOption(fn, 'loc', loc);
  checkNumberOption(fn, 'scale', scale, { min: 0, exclusiveMin: true });
}

function checkQ(fn: string, q: number): void {
  checkNumberOption(fn, 'q', q, { min: 0, max: 1 });
}

/**
 * Normal distribution (scipy.stats.norm): density φ(z)/scale with z = (x − loc)/scale,
 * Φ(z) = ½·erfc(−z/√2) and its inverse. Parameters: loc (default 0), scale > 0 (default 1).
 * `x` may be ±∞ or NaN (NaN in, NaN out); q must lie in [0, 1].
 *
 * @example
 * normal.sf(1.96); // 0.02499789514822043
 */
export const normal = {
  /**
   * Density e^(−z²/2) / (√(2π)·scale).
   *
   * @example
   * normal.pdf(0); // 0.3989422804014327
   */
  pdf(x: number, loc = 0, scale = 1): number {
    checkParams('normal.pdf', loc, scale);
    const z = (x - loc) / scale;
    return Math.exp(-(z * z) / 2) / SQRT_2PI / scale;
  },
  /**
   * Cumulative distribution Φ((x − loc)/scale).
   *
   * @example
   * normal.cdf(-1.96); // 0.02499789514822043
   */
  cdf(x: number, loc = 0, scale = 1): number {
    checkParams('normal.cdf', loc, scale);
    return ndtr((x - loc) / scale);
  },
  /**
   * Survival function 1 − Φ(z) = Φ(−z), accurate in relative terms far in the upper tail.
   *
   * @example
   * normal.sf(10); // 7.619853024160496e-24
   */
  sf(x: number, loc = 0, scale = 1): number {
    checkParams('normal.sf', loc, scale);
    return ndtr(-(x - loc) / scale);
  },
  /**
   * log Φ(z), finite where Φ underflows.
   *
   * @example
   * normal.logcdf(-40); // -804.6084420137539
   */
  logcdf(x: number, loc = 0, scale = 1): number {
    checkParams('normal.logcdf', loc, scale);
    return logNdtr((x - loc) / scale);
  },
  /**
   * log(1 − Φ(z)) = log Φ(−z).
   *
   * @example
   * normal.logsf(40); // -804.6084420137539
   */
  logsf(x: number, loc = 0, scale = 1): number {
    checkParams('normal.logsf', loc, scale);
    return logNdtr(-(x - loc) / scale);
  },
  /**
   * Quantile loc + scale·Φ⁻¹(q); −∞ at q = 0 and +∞ at q = 1.
   *
   * @example
   * normal.ppf(0.975); // 1.9599639845400538
   */
  ppf(q: number, loc = 0, scale = 1): number {
    checkParams('normal.ppf', loc, scale);
    checkQ('normal.ppf', q);
    return loc + scale * ndtri(q);
  },
  /**
   * Inverse survival function loc − scale·Φ⁻¹(q), so sf(isf(q)) = q.
   *
   * @example
   * normal.isf(0.025); // 1.959963984540054
   */
  isf(q: number, loc = 0, scale = 1): number {
    checkParams('normal.isf', loc, scale);
    checkQ('normal.isf', q);
    return loc + scale * -ndtri(q);
  },
};
