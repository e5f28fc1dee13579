/** Bootstrap confidence interval of any metric, seeded and reproducible. */
import { TendInputError } from '../errors.js';
import { createRng } from '../random/xoshiro128.js';
import { checkChoice, checkNumberOption, checkSameLength } from '../validate.js';
import { quantileSorted } from './quantile.js';

/** Options of {@link bootstrapCi}. */
export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  nResamples?: number;
  /** Two-sided coverage in (0, 1) (default 0.95). */
  confidenceLevel?: number;
  /** Seed of the xoshiro128** stream drawing the resamples (default 0). */
  seed?: number;
  /** 'percentile' (default): the α/2 and 1 − α/2 quantiles of the resampled metric. */
  method?: 'percentile' | 'basic';
}

/** The metric on all rows, its interval, and what the resampling did. */
export interface BootstrapResult {
  estimate: number;
  low: number;
  high: number;
  /** Standard deviation (ddof 1) of the resampled metric, as scipy.stats.bootstrap reports. */
  standardError: number;
  /** Resamples on which the metric was defined and used. */
  nResamples: number;
  /** Resamples skipped because the metric was undefined there (error or non-finite value). */
  nSkipped: number;
}

/**
 * Percentile bootstrap (Efron & Tibshirani, 1993, ch. 13): draw n row indices with
 * replacement from `createRng(seed)` (`nextInt(n)`, row by row, resample by resample),
 * evaluate `metric` on the resampled rows of yTrue and yPred together, and take NumPy's
 * linear quantiles α/2 and 1 − α/2 of the values. 'basic' reflects them about the estimate
 * (2θ̂ − q_high, 2θ̂ − q_low). A resample on which the metric throws `TendInputError` or
 * returns a non-finite number (ROC AUC with one class drawn) is skipped and counted in
 * `nSkipped`; the metric must be defined on the full data, and at least two resamples must
 * succeed.
 *
 * @example
 * bootstrapCi(accuracyScore, [1, 0, 1, 1], [1, 0, 0, 1], { seed: 1 }).estimate; // 0.75
 */
export function bootstrapCi<T, P>(
  metric: (yTrue: T[], yPred: P[]) => number,
  yTrue: ArrayLike<T>,
  yPred: ArrayLike<P>,
  options: BootstrapOptions = {},
): BootstrapResult {
  const fn = 'bootstrapCi';
  const { nResamples = 1000, confidenceLevel = 0.95, seed = 0, method = 'percentile' } = options;
  if (typeof metric !== 'function') {
    throw new TendInputError(
      fn,
      'metric',
      'invalid_type',
      'must be a function (yTrue, yPred) => number',
    );
  }
  checkNumberOption(fn, 'nResamples', nResamples, { min: 2, integer: true });
  checkNumberOption(fn, 'confidenceLevel', confidenceLevel, {
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
  });
  checkNumberOption(fn, 'seed', seed, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
  checkChoice(fn, 'method', method, ['percentile', 'basic']);
  if (yTrue == null || typeof yTrue !== 'object' || typeof yTrue.length !== 'number') {
    throw new TendInputError(fn, 'yTrue', 'invalid_type', 'must be an array');
  }
  if (yPred == null || typeof yPred !== 'object' || typeof yPred.length !== 'number') {
    throw new TendInputError(fn, 'yPred', 'invalid_type', 'must be an array');
  }
  const n = yTrue.length;
  if (n === 0) throw new TendInputError(fn, 'yTrue', 'empty', 'must hold at least one value');
  checkSameLength(fn, 'yTrue', yTrue, 'yPred', yPred);
  const t = Array.from(yTrue);
  const p = Array.from(yPred);
  const estimate = metric(t, p);
  if (!Number.isFinite(estimate)) {
    throw new TendInputError(
      fn,
      'metric',
      'invalid_state',
      `is ${estimate} on the full data; it must be finite`,
    );
  }
  const rng = createRng(seed);
  const values: number[] = [];
  let nSkipped = 0;
  const bt = new Array<T>(n);
  const bp = new Array<P>(n);
  for (let b = 0; b < nResamples; b++) {
    for (let j = 0; j < n; j++) {
      const k = rng.nextInt(n);
      bt[j] = t[k];
      bp[j] = p[k];
    }
    let v: number;
    try {
      v = metric(bt.slice(), bp.slice());
    } catch (e) {
      if (e instanceof TendInputError) {
        nSkipped++;
        continue;
      }
      throw e;
    }
    if (Number.isFinite(v)) values.push(v);
    else nSkipped++;
  }
  if (values.length < 2) {
    throw new TendInputError(
      fn,
      'metric',
      'invalid_state',
      `is undefined on ${nSkipped} of ${nResamples} resamples; too few remain for an interval`,
    );
  }
  const sorted = Float64Array.from(values).sort();
  const alpha = 1 - confidenceLevel;
  const qLow = quantileSorted(sorted, alpha / 2);
  const qHigh = quantileSorted(sorted, 1 - alpha / 2);
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const basic = method === 'basic';
  return {
    estimate,
    low: basic ? 2 * estimate - qHigh : qLow,
    high: basic ? 2 * estimate - qLow : qHigh,
    standardError: Math.sqrt(ss / (values.length - 1)),
    nResamples: values.length,
    nSkipped,
  };
}
