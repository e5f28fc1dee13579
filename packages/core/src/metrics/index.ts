/**
 * scikit-learn's metrics in camelCase (agreeing with scikit-learn 1.2 within 1e-12), the
 * expected calibration error, and a seeded bootstrap confidence interval for any of them.
 *
 * Labels are integers or strings (one kind per call), ordered as `np.unique` orders them.
 * Averages: 'binary' (default of the precision/recall/F family, as sklearn), 'micro',
 * 'macro', 'weighted', or null for per-class arrays. `zeroDivision` 'warn' acts as 0 (sklearn
 * also warns; Tend does not print). Deviations from sklearn, all refusals rather than silent
 * coercions: negative sample weights, probabilities outside [0, 1] in logLoss, and logLoss
 * labels absent from `labels` throw `TendInputError`; rocAucScore implements one-vs-rest only.
 */
export {
  type AccuracyOptions,
  accuracyScore,
  type BalancedAccuracyOptions,
  balancedAccuracyScore,
} from './accuracy-score.js';
export { type BootstrapOptions, type BootstrapResult, bootstrapCi } from './bootstrap-ci.js';
export { type BrierScoreOptions, brierScoreLoss } from './brier-score-loss.js';
export type { Average, ClassScoreOptions, ZeroDivision } from './class-counts.js';
export {
  type ConfusionMatrixOptions,
  type ConfusionMatrixResult,
  confusionMatrix,
} from './confusion-matrix.js';
export { type CalibrationOptions, expectedCalibrationError } from './expected-calibration-error.js';
export { explainedVarianceScore } from './explained-variance-score.js';
export { f1Score, fbetaScore, precisionScore, recallScore } from './f-scores.js';
export type { Label } from './labels.js';
export { type LogLossOptions, logLoss } from './log-loss.js';
export { matthewsCorrcoef } from './matthews-corrcoef.js';
export { maxError } from './max-error.js';
export { meanAbsoluteError } from './mean-absolute-error.js';
export { meanAbsolutePercentageError } from './mean-absolute-percentage-error.js';
export {
  type MeanSquaredErrorOptions,
  meanSquaredError,
  rootMeanSquaredError,
} from './mean-squared-error.js';
export { medianAbsoluteError } from './median-absolute-error.js';
export {
  averagePrecisionScore,
  type PrecisionRecallCurveOptions,
  type PrecisionRecallCurveResult,
  precisionRecallCurve,
} from './precision-recall-curve.js';
export {
  type PrfsAveraged,
  type PrfsOptions,
  type PrfsPerClass,
  precisionRecallFscoreSupport,
} from './precision-recall-fscore-support.js';
export { quantileAt, quantileSorted } from './quantile.js';
export { type R2Options, r2Score } from './r2-score.js';
export type { RegressionOptions } from './regression-inputs.js';
export { type RocAucOptions, rocAucScore } from './roc-auc-score.js';
export { type RocCurveOptions, type RocCurveResult, rocCurve } from './roc-curve.js';
