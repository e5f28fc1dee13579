/**
 * The straight-line trend of a metric across monitoring windows: ordinary least squares of y
 * on t (weighted, when each window counts for a different number of labelled predictions), as
 * `scipy.stats.linregress` and statsmodels' `OLS`/`WLS`, and the confidence band of the
 * fitted line (statsmodels' `get_prediction(...).conf_int()`).
 */
import { studentT } from '../distributions/student-t.js';
import { TendInputError } from '../errors.js';
import { checkNumberOption, checkSameLength, toSample } from '../validate.js';

/** Options of {@link linearTrend}. */
export interface LinearTrendOptions {
  /**
   * A positive weight per point (e.g. the number of labelled predictions in each window): the
   * fit minimises Σ wᵢ·(yᵢ − a − b·tᵢ)², as statsmodels' `WLS(y, X, weights=w)`. Omitted: all 1.
   */
  weights?: ArrayLike<number>;
}

/**
 * The fitted line y ≈ intercept + slope·t and its uncertainty. `rValue`, `pValue` and the
 * standard errors are those of `scipy.stats.linregress` (unweighted) and of statsmodels'
 * `WLS(...).fit()` (weighted: `rsquared`, `pvalues[1]`, `bse`).
 */
export interface LinearTrend {
  /** Change of y per unit of t. */
  slope: number;
  /** Fitted value at t = 0 (an extrapolation when t is, say, a Unix time). */
  intercept: number;
  /** Standard error of the slope, s/√Sₜₜ with Sₜₜ = Σ wᵢ(tᵢ − t̄)². */
  slopeStdErr: number;
  /** Standard error of the intercept, s·√(1/Σwᵢ + t̄²/Sₜₜ). */
  interceptStdErr: number;
  /**
   * Pearson's correlation of t and y (weighted by w when given), in [−1, 1]; 0 when y is
   * constant, as SciPy.
   */
  rValue: number;
  /** Two-sided p-value of the t-test of slope = 0 on n − 2 degrees of freedom. */
  pValue: number;
  /** Number of points. */
  n: number;
  /** Degrees of freedom of the residuals, n − 2. */
  df: number;
  /**
   * s = √(Σ wᵢ·eᵢ² / (n − 2)) with eᵢ the residuals: their standard deviation (at weight 1
   * when weighted, statsmodels' `√scale`).
   */
  residualStd: number;
  /** t̄ = Σ wᵢtᵢ / Σ wᵢ: the line pivots there and its confidence band is narrowest there. */
  tMean: number;
  /** ȳ = Σ wᵢyᵢ / Σ wᵢ, the fitted value at `tMean`. */
  yMean: number;
  /** Standard error of the fitted value at `tMean`, s/√Σwᵢ. */
  yMeanStdErr: number;
  /** The largest t, i.e. the latest window: where {@link forecastCrossing} looks from. */
  tMax: number;
}

const FN = 'linearTrend';

/**
 * Fit the straight line y ≈ intercept + slope·t by least squares (weighted when
 * `options.weights` is given), with the standard errors and the t-test of slope = 0 on n − 2
 * degrees of freedom. Agrees with `scipy.stats.linregress` (slope, intercept, rvalue, pvalue,
 * stderr, intercept_stderr) and with statsmodels' `WLS` (params, bse, pvalues).
 *
 * Sums are taken about the (weighted) means, each mean refined by a second pass, so that t far
 * from 0 (Unix times) loses no precision, and the residual sum of squares is summed from the
 * residuals themselves rather than as Sᵧᵧ − b·Sₜᵧ, which cancels when the fit is close.
 * Where y is constant the slope is 0 with p = 1 and r = 0, as SciPy; where the points lie
 * exactly on a line, the standard errors are 0 (or round-off) and p is 0 (or tiny).
 *
 * Throws `TendInputError` naming the argument when t has fewer than 3 values, when y or the
 * weights differ from t in length, when a value is not finite, when a weight is not > 0, or
 * when all t are equal.
 *
 * @example
 * linearTrend([0, 1, 2, 3], [0.9, 0.88, 0.87, 0.85]).slope; // -0.016000000000000014
 */
export function linearTrend(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  options: LinearTrendOptions = {},
): LinearTrend {
  const ts = toSample(FN, 't', t, { minLength: 3 });
  const ys = toSample(FN, 'y', y);
  checkSameLength(FN, 't', ts, 'y', ys);
  const n = ts.length;
  let w: Float64Array | undefined;
  if (options.weights !== undefined) {
    w = toSample(FN, 'weights', options.weights);
    checkSameLength(FN, 't', ts, 'weights', w);
    for (let i = 0; i < n; i++) {
      if (!(w[i] > 0)) {
        throw new TendInputError(FN, 'weights', 'out_of_range', `[${i}] is ${w[i]}; must be > 0`);
      }
    }
  }
  let tMax = ts[0];
  let distinct = false;
  for (let i = 1; i < n; i++) {
    if (ts[i] !== ts[0]) distinct = true;
    if (ts[i] > tMax) tMax = ts[i];
  }
  if (!distinct) {
    throw new TendInputError(
      FN,
      't',
      'invalid_state',
      `holds one value (${ts[0]}) ${n} times; a trend needs at least two distinct times`,
    );
  }

  let sw = n;
  if (w) {
    sw = 0;
    for (let i = 0; i < n; i++) sw += w[i];
    if (!Number.isFinite(sw)) {
      throw new TendInputError(FN, 'weights', 'out_of_range', 'sum to infinity; scale them down');
    }
  }
  const tMean = weightedMean(ts, w, sw);
  const yMean = weightedMean(ys, w, sw);

  let stt = 0;
  let sty = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    const dt = ts[i] - tMean;
    const dy = ys[i] - yMean;
    stt += wi * dt * dt;
    sty += wi * dt * dy;
    syy += wi * dy * dy;
  }
  const slope = sty / stt;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const e = ys[i] - yMean - slope * (ts[i] - tMean);
    sse += (w ? w[i] : 1) * e * e;
  }
  const df = n - 2;
  const residualStd = Math.sqrt(sse / df);
  const slopeStdErr = residualStd / Math.sqrt(stt);
  const yMeanStdErr = residualStd / Math.sqrt(sw);

  // √(Sₜₜ·Sᵧᵧ) as SciPy, split into two roots only where the product over- or underflows
  const product = stt * syy;
  const root =
    Number.isFinite(product) && product > 0 ? Math.sqrt(product) : Math.sqrt(stt) * Math.sqrt(syy);
  const rValue = syy === 0 ? 0 : Math.max(-1, Math.min(1, sty / root));

  // t = b / se(b); exact data give ±∞ (p = 0), constant data 0/0 (p = 1, as SciPy's r = 0)
  let pValue: number;
  if (slopeStdErr === 0) pValue = slope === 0 ? 1 : 0;
  else {
    const tStat = Math.abs(slope / slopeStdErr);
    pValue = Number.isFinite(tStat) ? 2 * studentT.sf(tStat, df) : 0;
  }

  return {
    slope,
    intercept: yMean - slope * tMean,
    slopeStdErr,
    interceptStdErr: Math.hypot(yMeanStdErr, slopeStdErr * tMean),
    rValue,
    pValue,
    n,
    df,
    residualStd,
    tMean,
    yMean,
    yMeanStdErr,
    tMax,
  };
}

/** Σ wᵢxᵢ / Σ wᵢ, corrected by the mean of the deviations from it (a second pass). */
function weightedMean(x: Float64Array, w: Float64Array | undefined, sw: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (w ? w[i] : 1) * x[i];
  const m = s / sw;
  let c = 0;
  for (let i = 0; i < x.length; i++) c += (w ? w[i] : 1) * (x[i] - m);
  return m + c / sw;
}

/** Options of {@link predictTrend}. */
export interface PredictTrendOptions {
  /** Two-sided coverage of the band, in (0, 1) (default 0.95). */
  confidence?: number;
}

/** The fitted line at one t and the confidence band of its mean there. */
export interface TrendPrediction {
  /** Fitted value ȳ + slope·(t − t̄). */
  mean: number;
  /** Its standard error √(s²/Σw + se(slope)²·(t − t̄)²) (statsmodels' `se_mean`). */
  meanStdErr: number;
  /** mean − t_{n−2, 1−α/2}·meanStdErr, α = 1 − confidence (`mean_ci_lower`). */
  lower: number;
  /** mean + t_{n−2, 1−α/2}·meanStdErr (`mean_ci_upper`). */
  upper: number;
}

/**
 * The fitted line at `at` and the confidence band of the line's mean there, as statsmodels'
 * `results.get_prediction([1, at]).summary_frame(alpha)` (mean, mean_se, mean_ci_lower,
 * mean_ci_upper). The band covers where the true line lies, not where a new point will
 * fall, and widens away from `trend.tMean` as a hyperbola.
 *
 * @example
 * predictTrend(linearTrend([0, 1, 2, 3], [0.9, 0.88, 0.87, 0.85]), 5).mean; // 0.819
 */
export function predictTrend(
  trend: LinearTrend,
  at: number,
  options: PredictTrendOptions = {},
): TrendPrediction {
  const fn = 'predictTrend';
  checkTrend(fn, trend);
  checkNumberOption(fn, 'at', at);
  const q = bandQuantile(fn, trend.df, options.confidence ?? 0.95);
  const d = at - trend.tMean;
  const mean = trend.yMean + trend.slope * d;
  const meanStdErr = Math.hypot(trend.yMeanStdErr, trend.slopeStdErr * d);
  return { mean, meanStdErr, lower: mean - q * meanStdErr, upper: mean + q * meanStdErr };
}

/**
 * Throw unless `trend` carries the finite fields a band needs, as {@link linearTrend} returns.
 *
 * @example
 * checkTrend('predictTrend', linearTrend([0, 1, 2], [1, 2, 4])); // passes
 */
export function checkTrend(fn: string, trend: LinearTrend): void {
  const ok =
    trend != null &&
    typeof trend === 'object' &&
    [trend.slope, trend.tMean, trend.yMean, trend.tMax].every(
      (v) => typeof v === 'number' && Number.isFinite(v),
    ) &&
    trend.slopeStdErr >= 0 &&
    trend.yMeanStdErr >= 0 &&
    Number.isFinite(trend.slopeStdErr) &&
    Number.isFinite(trend.yMeanStdErr) &&
    trend.df >= 1;
  if (!ok) {
    throw new TendInputError(
      fn,
      'trend',
      'invalid_type',
      'must be a result of linearTrend, with finite slope, tMean, yMean, tMax and standard errors',
    );
  }
}

/**
 * t_{df, 1−α/2} with α = 1 − confidence, after checking that confidence lies in (0, 1).
 *
 * @example
 * bandQuantile('predictTrend', 9, 0.95); // 2.2621571627982053
 */
export function bandQuantile(fn: string, df: number, confidence: number): number {
  checkNumberOption(fn, 'confidence', confidence, {
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
  });
  return studentT.isf((1 - confidence) / 2, df);
}
