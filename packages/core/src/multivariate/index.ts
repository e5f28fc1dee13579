/**
 * Multivariate drift: changes in how the columns behave together, which per-column tests
 * miss. `pca` + `reconstructionError` (NannyML's data-reconstruction idea, agreeing with
 * scikit-learn's StandardScaler + PCA) and `domainClassifierAuc` (a cross-validated
 * logistic-regression classifier two-sample test; 0.5 = indistinguishable). Tables are rows
 * (`number[][]`, `Float64Array[]`) or `{ columns }`; missing values are refused with the row
 * and column named, so callers impute or drop first.
 */
export {
  type DomainClassifierOptions,
  type DomainClassifierResult,
  domainClassifierAuc,
} from './domain-classifier-auc.js';
export { LogisticRegression, type LogisticRegressionOptions } from './logistic-regression.js';
export type { MatrixInput } from './matrix.js';
export { type PcaModel, type PcaOptions, pca, pcaTransform } from './pca.js';
export { reconstructionError, reconstructionErrors } from './reconstruction-error.js';
export type { Scaler } from './standard-scaler.js';
export { type SymmetricEigen, symmetricEigen } from './symmetric-eigen.js';
