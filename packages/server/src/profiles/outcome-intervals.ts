/**
 * Confidence intervals of the metrics an outcome profile answers (`outcome-metrics.ts`), for
 * windows too large to resample row by row: each from the profile's sums, matrix and sketches,
 * by an established method that the result names (`method`). z = Φ⁻¹((1 + confidence)/2).
 *
 * - A mean of per-row losses (MAE, MSE, MAPE, log loss, Brier score, multiclass log loss): the
 *   normal approximation mean ± z·s/√n, s² the losses' sample variance (ddof 1) from Σloss and
 *   Σloss²; a non-negative loss's lower bound is clamped at 0. RMSE: the square roots of the
 *   MSE's bounds.
 * - R² and explained variance: the delta method for 1 − (a ratio of means) (`ratioInterval`).
 * - ROC AUC: Hanley & McNeil's standard error ("The meaning and use of the area under a ROC
 *   curve", Radiology 143, 1982); one-vs-rest averages combine the classes' as independent
 *   estimates. Each bound is widened by the sketches' `errorBound`, then clamped to [0, 1].
 * - Median absolute error: the distribution-free order-statistic interval, the quantiles of
 *   |r| at 0.5 ∓ z·√(0.25/n), each rank widened by the sketch's rank error.
 * - Expected calibration error: a parametric bootstrap over its 10 bins (bin counts
 *   multinomial, hits within a bin binomial, each bin's mean confidence fixed).
 * - Confusion-matrix metrics: the multinomial bootstrap of the matrix (`confusionBootstrap`).
 * - Average precision, read from more than 20 000 rows or from a large window's stored scores
 *   (`outcome-scores.ts`; no profile answers it): the logit interval of Boyd, Eng & Page ("Area
 *   under the precision-recall curve: point estimates and confidence intervals", ECML PKDD
 *   2013) (`averagePrecisionInterval`).
 * - Max error: none — the largest error has no sampling interval.
 */
import { type Moments, ndtri, TendInputError } from '@tend/core';
import { confusionBootstrap, performanceMetric } from '../monitors/performance-metric.js';
import {
  type Confusion,
  confusionMetric,
  metricFromProfile,
  ovrAucs,
  type ProfileValue,
  profileRows,
} from './outcome-metrics.js';
import { ECE_BINS, type OutcomeProfile, type Residuals, rankError } from './outcome-profile.js';

/** An interval and the method that gave it, or why there is none. */
export type ProfileInterval =
  | { low: number; high: number; method: string; resamples?: number }
  | { skipped: string };

/** The interval's two-sided coverage, and the resamples of the bootstrapped ones. */
export interface IntervalOptions {
  confidence: number;
  resamples: number;
}

const MEAN = 'normal approximation of a mean';
const zOf = (confidence: number) => ndtri((1 + confidence) / 2);
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/**
 * The normal interval of a mean from the sum and the sum of squares of n values:
 * Σx/n ± z·s/√n, s² = (Σx² − (Σx)²/n)/(n − 1), z = Φ⁻¹((1 + confidence)/2).
 *
 * @example
 * meanInterval(10, 30, 4, 0.95); // { low: 1.2348486881183401, high: 3.76515131188166 }
 */
export function meanInterval(
  sum: number,
  sumSq: number,
  n: number,
  confidence: number,
): { low: number; high: number } {
  const mean = sum / n;
  const s2 = Math.max(0, (sumSq - sum * mean) / (n - 1));
  const half = zOf(confidence) * Math.sqrt(s2 / n);
  return { low: mean - half, high: mean + half };
}

/**
 * Hanley & McNeil's (1982) standard error of a ROC AUC from n₊ positives and n₋ negatives:
 * SE² = (A(1 − A) + (n₊ − 1)(Q₁ − A²) + (n₋ − 1)(Q₂ − A²))/(n₊n₋), Q₁ = A/(2 − A),
 * Q₂ = 2A²/(1 + A).
 *
 * @example
 * hanleyMcNeilSe(0.75, 30, 70); // 0.05698639293368057
 */
export function hanleyMcNeilSe(auc: number, positives: number, negatives: number): number {
  const a2 = auc * auc;
  const q1 = auc / (2 - auc);
  const q2 = (2 * a2) / (1 + auc);
  const v =
    (auc * (1 - auc) + (positives - 1) * (q1 - a2) + (negatives - 1) * (q2 - a2)) /
    (positives * negatives);
  return Math.sqrt(Math.max(0, v));
}

/**
 * The logit interval of an average precision (Boyd, Eng & Page 2013): η = logit(AP),
 * τ = 1/√(n₊·AP·(1 − AP)), interval expit(η ∓ z·τ), n₊ the positives.
 *
 * @example
 * averagePrecisionInterval(0.6343, 9060, 0.95); // { low: 0.6243, high: 0.6442, method: 'logit (Boyd et al. 2013)' }
 */
export function averagePrecisionInterval(
  ap: number,
  positives: number,
  confidence: number,
): ProfileInterval {
  if (!(ap > 0 && ap < 1) || positives < 1) {
    return { skipped: `an average precision of ${ap} has no logit interval` };
  }
  const eta = Math.log(ap / (1 - ap));
  const tau = 1 / Math.sqrt(positives * ap * (1 - ap));
  const z = zOf(confidence);
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return {
    low: expit(eta - z * tau),
    high: expit(eta + z * tau),
    method: 'logit (Boyd et al. 2013)',
  };
}

/** The central fourth moment of a Moments' values (its variance squared when they are equal). */
function fourth(m: Moments): number {
  const v = m.variance(0);
  const k = m.kurtosis({ fisher: false });
  return Number.isNaN(k) ? v * v : k * v * v;
}

/**
 * The delta method for value = 1 − A/B, A and B the means of per-row terms a and b: its
 * influence on row i is −(aᵢ − A)/B + (A/B²)(bᵢ − B), so
 * Var(value) ≈ (Var a − 2ρ·Cov(a, b) + ρ²·Var b)/(n·B²), ρ = A/B, the (co)variances those of
 * the rows (ddof 0); value ± z·√Var, at most 1.
 */
function ratioInterval(
  value: number,
  terms: { a: number; b: number; varA: number; varB: number; cov: number; n: number },
  z: number,
): ProfileInterval {
  const { a, b, varA, varB, cov, n } = terms;
  if (!(b > 0)) return { skipped: 'the labels do not vary: the value is set, not estimated' };
  const rho = a / b;
  const v = Math.max(0, varA - 2 * rho * cov + rho * rho * varB) / (n * b * b);
  const half = z * Math.sqrt(v);
  return { low: value - half, high: Math.min(1, value + half), method: 'delta method' };
}

/**
 * R² = 1 − mean(r²)/mean((y − ȳ)²) and explained variance = 1 − var(r)/var(y) by the delta
 * method, their (co)variances from the profile's raw sums. With d = y − ȳ and e = r − r̄:
 * Var(r²) = Σr⁴/n − mean(r²)²; Var(d²) = μ₄(y) − μ₂(y)², Var(e²) = μ₄(r) − μ₂(r)² (Moments);
 * E[r²d²] = (Σr²y² − 2ȳΣr²y + ȳ²Σr²)/n, E[r·d²] = (Σry² − 2ȳΣry)/n + r̄ȳ², and
 * E[e²d²] = E[r²d²] − 2r̄·E[r·d²] + r̄²·var(y); Cov(x, d²) = E[x·d²] − E[x]·var(y).
 */
function residualRatio(name: string, value: number, r: Residuals, z: number): ProfileInterval {
  const n = r.n;
  const yBar = r.y.mean;
  const b = r.y.variance(0);
  const varB = fourth(r.y) - b * b;
  const sq = r.sq.value;
  const r2d2 = (r.r2y2.value - 2 * yBar * r.r2y.value + yBar * yBar * sq) / n;
  if (name === 'r2') {
    const a = sq / n;
    const varA = r.r4.value / n - a * a;
    return ratioInterval(value, { a, b, varA, varB, cov: r2d2 - a * b, n }, z);
  }
  const rBar = r.r.mean;
  const a = r.r.variance(0);
  const rd2 = (r.ry2.value - 2 * yBar * r.ry.value) / n + rBar * yBar * yBar;
  const e2d2 = r2d2 - 2 * rBar * rd2 + rBar * rBar * b;
  const varA = fourth(r.r) - a * a;
  return ratioInterval(value, { a, b, varA, varB, cov: e2d2 - a * b, n }, z);
}

function regressionInterval(name: string, value: number, r: Residuals, z: number, c: number) {
  const n = r.n;
  const mean = (sum: number, sumSq: number): ProfileInterval => {
    const { low, high } = meanInterval(sum, sumSq, n, c);
    return { low: Math.max(0, low), high, method: MEAN };
  };
  switch (name) {
    case 'mae':
      return mean(r.abs.value, r.sq.value);
    case 'mse':
      return mean(r.sq.value, r.r4.value);
    case 'rmse': {
      const { low, high } = meanInterval(r.sq.value, r.r4.value, n, c);
      return {
        low: Math.sqrt(Math.max(0, low)),
        high: Math.sqrt(high),
        method: `${MEAN} (the MSE), square-rooted`,
      };
    }
    case 'mape':
      return mean(r.ape.value, r.apeSq.value);
    case 'maxError':
      return { skipped: 'the largest error has no sampling interval' };
    case 'medianAbsoluteError': {
      const s = r.absR;
      const eps = rankError(s);
      const d = z * Math.sqrt(0.25 / n);
      return {
        low: s.quantile(clamp(0.5 - d - eps, 0, 1)),
        high: s.quantile(clamp(0.5 + d + eps, 0, 1)),
        method: 'order statistics',
      };
    }
    default:
      return residualRatio(name, value, r, z);
  }
}

/** The expected calibration error's parametric bootstrap, its bins drawn as a 10 × 2 matrix. */
function eceBootstrap(
  profile: OutcomeProfile,
  positiveLabel: string,
  options: IntervalOptions,
): ProfileInterval {
  const cs = profile.classes.get(positiveLabel);
  if (cs === undefined) return { skipped: 'no scores of the positive class' };
  // Bin b → hit / miss counts: a multinomial over these cells is a multinomial of the bins'
  // counts and, within each, a binomial of its hits; the bin's mean confidence stays fixed.
  const bins = new Map<string, Map<string, number>>();
  const conf = new Map<string, number>();
  for (let b = 0; b < ECE_BINS; b++) {
    const w = cs.eceCount[b];
    if (w === 0) continue;
    bins.set(
      String(b),
      new Map([
        ['hit', cs.eceHits[b]],
        ['miss', w - cs.eceHits[b]],
      ]),
    );
    conf.set(String(b), cs.eceConf[b].value / w);
  }
  const ece = (c: Confusion) => {
    let sum = 0;
    let n = 0;
    for (const [b, row] of c) {
      const hits = row.get('hit') ?? 0;
      const w = hits + (row.get('miss') ?? 0);
      sum += Math.abs(hits - w * (conf.get(b) as number));
      n += w;
    }
    return sum / n;
  };
  const ci = confusionBootstrap(ece, bins, {
    nResamples: options.resamples,
    confidenceLevel: options.confidence,
    seed: 0,
  });
  return {
    low: ci.low,
    high: ci.high,
    method: 'parametric bootstrap over the calibration bins',
    resamples: ci.nResamples,
  };
}

/** ROC AUC ± (z·SE + the sketches' bound), in [0, 1]. */
function aucInterval(measured: ProfileValue, se: number, z: number, method: string) {
  const half = z * se + (measured.errorBound ?? 0);
  return {
    low: Math.max(0, measured.value - half),
    high: Math.min(1, measured.value + half),
    method,
  };
}

function intervalOf(
  task: string,
  name: string,
  positiveLabel: string,
  profile: OutcomeProfile,
  measured: ProfileValue,
  options: IntervalOptions,
): ProfileInterval {
  const z = zOf(options.confidence);
  const c = options.confidence;
  const { input } = performanceMetric(task, name, positiveLabel);
  if (input === 'label') {
    const pos = task === 'binary_classification' ? positiveLabel : null;
    const ci = confusionBootstrap((m) => confusionMetric(name, pos, m), profile.confusion, {
      nResamples: options.resamples,
      confidenceLevel: c,
      seed: 0,
    });
    const method = 'multinomial bootstrap over the confusion matrix';
    return { low: ci.low, high: ci.high, method, resamples: ci.nResamples };
  }
  if (input === 'number') {
    return regressionInterval(name, measured.value, profile.residuals as Residuals, z, c);
  }
  if (input === 'proba') {
    let rows = 0;
    for (const k of profile.probaLabels.values()) rows += k;
    if (name === 'logLoss') {
      // A row without any score lost log K (`metricFromProfile`).
      const empty = Math.log(profile.classes.size);
      const sum = profile.probaLogLoss.value + profile.probaEmpty * empty;
      const sumSq = profile.probaLogLossSq.value + profile.probaEmpty * empty * empty;
      const { low, high } = meanInterval(sum, sumSq, rows, c);
      return { low: Math.max(0, low), high, method: MEAN };
    }
    // The classes' AUCs, averaged (weighted by support) as independent estimates.
    const weighted = name === 'rocAucOvrWeighted';
    let variance = 0;
    let weight = 0;
    for (const a of ovrAucs(profile)) {
      const w = weighted ? a.positives : 1;
      variance += (w * hanleyMcNeilSe(a.value, a.positives, a.negatives)) ** 2;
      weight += w;
    }
    return aucInterval(measured, Math.sqrt(variance) / weight, z, 'Hanley–McNeil, averaged');
  }
  const cs = profile.classes.get(positiveLabel);
  if (cs === undefined) return { skipped: 'no scores of the positive class' };
  switch (name) {
    case 'rocAuc': {
      const se = hanleyMcNeilSe(measured.value, cs.positives, cs.n - cs.positives);
      return aucInterval(measured, se, z, 'Hanley–McNeil');
    }
    case 'logLoss': {
      const { low, high } = meanInterval(cs.logLoss.value, cs.logLossSq.value, cs.n, c);
      return { low: Math.max(0, low), high, method: MEAN };
    }
    case 'brierScore': {
      const { low, high } = meanInterval(cs.brier.value, cs.brierSq.value, cs.n, c);
      return { low: Math.max(0, low), high: Math.min(1, high), method: MEAN };
    }
    case 'expectedCalibrationError':
      return eceBootstrap(profile, positiveLabel, options);
    default:
      return { skipped: `${name} has no interval from a profile` };
  }
}

/**
 * The confidence interval of the metric `name` of a `task` model read from an outcome profile
 * (`metricFromProfile`), at `confidence`, by the method this module's header names for it;
 * `{ skipped }` with the reason where there is none (the max error, fewer than 2 rows, a
 * metric undefined on the profile or on too many resamples).
 *
 * @example
 * profileInterval('regression', 'mae', '1', profile, { confidence: 0.95, resamples: 200 }); // { low: 4.01, high: 4.09, method: 'normal approximation of a mean' }
 */
export function profileInterval(
  task: string,
  name: string,
  positiveLabel: string,
  profile: OutcomeProfile,
  options: IntervalOptions,
): ProfileInterval {
  if (profileRows(task, name, positiveLabel, profile) < 2) {
    return { skipped: 'fewer than 2 labelled predictions' };
  }
  try {
    const measured = metricFromProfile(task, name, positiveLabel, profile);
    const ci = intervalOf(task, name, positiveLabel, profile, measured, options);
    if ('skipped' in ci || (Number.isFinite(ci.low) && Number.isFinite(ci.high))) return ci;
    return { skipped: `the ${ci.method} interval is not finite` };
  } catch (e) {
    if (e instanceof TendInputError) return { skipped: e.message };
    throw e;
  }
}
