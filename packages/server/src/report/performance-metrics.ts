/**
 * Which metrics a task gets, each a function of (true labels or values, predictions) so the
 * same closure feeds both the point estimate and the bootstrap. Names are scikit-learn's
 * scorer names in camelCase: accuracy, f1, rocAuc, r2, …
 */
import {
  accuracyScore,
  averagePrecisionScore,
  balancedAccuracyScore,
  brierScoreLoss,
  expectedCalibrationError,
  explainedVarianceScore,
  f1Score,
  type Label,
  logLoss,
  matthewsCorrcoef,
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  medianAbsoluteError,
  precisionScore,
  r2Score,
  recallScore,
  rocAucScore,
  rootMeanSquaredError,
} from '@tend/core';

/** A metric over row-aligned arrays of truths and predictions. */
export type MetricFn<T, P> = (yTrue: T[], yPred: P[]) => number;

/**
 * The label metrics of a binary task whose positive class is `pos`.
 *
 * @example
 * binaryLabelMetrics('1').f1(['1', '0', '1'], ['1', '0', '0']); // 0.6666666666666666
 */
export function binaryLabelMetrics(pos: Label): Record<string, MetricFn<Label, Label>> {
  const opts = { posLabel: pos, zeroDivision: 0 as const };
  return {
    accuracy: (t, p) => accuracyScore(t, p),
    balancedAccuracy: (t, p) => balancedAccuracyScore(t, p),
    precision: (t, p) => precisionScore(t, p, opts),
    recall: (t, p) => recallScore(t, p, opts),
    f1: (t, p) => f1Score(t, p, opts),
    mcc: (t, p) => matthewsCorrcoef(t, p),
  };
}

/**
 * The score metrics of a binary task: ranking and calibration of P(positive).
 *
 * @example
 * binaryScoreMetrics('1').rocAuc(['0', '1', '1'], [0.2, 0.9, 0.6]); // 1
 */
export function binaryScoreMetrics(pos: Label): Record<string, MetricFn<Label, number>> {
  const y01 = (t: Label[]) => t.map((v) => (v === pos ? 1 : 0));
  return {
    rocAuc: (t, s) => rocAucScore(y01(t), s),
    averagePrecision: (t, s) => averagePrecisionScore(y01(t), s),
    logLoss: (t, s) => logLoss(y01(t), s, { labels: [0, 1] }),
    brierScore: (t, s) => brierScoreLoss(y01(t), s),
    expectedCalibrationError: (t, s) => expectedCalibrationError(y01(t), s),
  };
}

/**
 * The label metrics of a multiclass task.
 *
 * @example
 * multiclassLabelMetrics().accuracy(['a', 'b', 'c'], ['a', 'b', 'b']); // 0.6666666666666666
 */
export function multiclassLabelMetrics(): Record<string, MetricFn<Label, Label>> {
  return {
    accuracy: (t, p) => accuracyScore(t, p),
    balancedAccuracy: (t, p) => balancedAccuracyScore(t, p),
    precisionMacro: (t, p) => precisionScore(t, p, { average: 'macro', zeroDivision: 0 }),
    recallMacro: (t, p) => recallScore(t, p, { average: 'macro', zeroDivision: 0 }),
    f1Macro: (t, p) => f1Score(t, p, { average: 'macro', zeroDivision: 0 }),
    f1Weighted: (t, p) => f1Score(t, p, { average: 'weighted', zeroDivision: 0 }),
  };
}

/**
 * The probability metrics of a multiclass task; `classes` name the columns, sorted.
 *
 * @example
 * multiclassProbaMetrics(['a', 'b', 'c']).logLoss(['a', 'c'], [[0.8, 0.1, 0.1], [0.2, 0.2, 0.6]]); // 0.3669845875401002
 */
export function multiclassProbaMetrics(
  classes: Label[],
): Record<string, MetricFn<Label, number[]>> {
  return {
    rocAucOvrMacro: (t, p) => rocAucScore(t, p, { labels: classes, average: 'macro' }),
    rocAucOvrWeighted: (t, p) => rocAucScore(t, p, { labels: classes, average: 'weighted' }),
    logLoss: (t, p) => logLoss(t, p, { labels: classes }),
  };
}

/**
 * The metrics of a regression task.
 *
 * @example
 * regressionMetrics().mae([1, 2, 3], [1, 2, 5]); // 0.6666666666666666
 */
export function regressionMetrics(): Record<string, MetricFn<number, number>> {
  return {
    mae: (t, p) => meanAbsoluteError(t, p),
    mse: (t, p) => meanSquaredError(t, p),
    rmse: (t, p) => rootMeanSquaredError(t, p),
    mape: (t, p) => meanAbsolutePercentageError(t, p),
    medianAbsoluteError: (t, p) => medianAbsoluteError(t, p),
    maxError: (t, p) => maxError(t, p),
    r2: (t, p) => r2Score(t, p),
    explainedVariance: (t, p) => explainedVarianceScore(t, p),
  };
}
