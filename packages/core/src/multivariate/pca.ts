/**
 * Principal component analysis of standardised data, as scikit-learn's
 * `make_pipeline(StandardScaler(), PCA(n_components))` with the full (LAPACK) solver: the
 * reference's columns are standardised (mean and ddof-0 standard deviation of the reference),
 * and the components are the eigenvectors of the covariance of that standardised data,
 * found by {@link symmetricEigen}. Eigenvalues of Zᶜᵀ Zᶜ / (n − 1) are sklearn's
 * `explained_variance_` (S² / (n − 1) of the SVD), so `explainedVarianceRatio` agrees with
 * sklearn's; component signs follow sklearn's `svd_flip` (the largest |score| of each
 * component is positive).
 */
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';
import { checkColumns, type Matrix, type MatrixInput, toMatrix } from './matrix.js';
import { fitScaler, type Scaler, standardize } from './standard-scaler.js';
import { symmetricEigen } from './symmetric-eigen.js';

/** Options of {@link pca}: at most one of the two (default: every component, as sklearn). */
export interface PcaOptions {
  /** Number of components to keep, 1 ≤ k ≤ min(rows, columns). */
  nComponents?: number;
  /**
   * Keep the fewest components whose cumulative explained variance ratio exceeds this
   * fraction in (0, 1), as sklearn's float `n_components` (NannyML's default is 0.65).
   */
  varianceRatio?: number;
}

/** A fitted PCA: the scaler, the components and their variances. */
export interface PcaModel {
  /** Column means and ddof-0 standard deviations of the reference (StandardScaler). */
  scaler: Scaler;
  /** Column means of the standardised reference (sklearn's `PCA.mean_`, ≈ 0). */
  center: Float64Array;
  /** `components[k]` is the k-th principal axis (unit vector over the columns). */
  components: Float64Array[];
  /** Variance along each kept component (sklearn's `explained_variance_`). */
  explainedVariance: Float64Array;
  /** Share of the total variance along each kept component (`explained_variance_ratio_`). */
  explainedVarianceRatio: Float64Array;
  nComponents: number;
  /** Columns of the fitted data. */
  nFeatures: number;
  /** Rows of the fitted data. */
  nSamples: number;
}

function chooseK(fn: string, ratio: Float64Array, options: PcaOptions, max: number): number {
  const { nComponents, varianceRatio } = options;
  if (nComponents !== undefined && varianceRatio !== undefined) {
    throw new TendInputError(
      fn,
      'nComponents',
      'invalid_option',
      'and varianceRatio cannot both be given',
    );
  }
  if (nComponents !== undefined) {
    checkNumberOption(fn, 'nComponents', nComponents, { min: 1, max, integer: true });
    return nComponents;
  }
  if (varianceRatio !== undefined) {
    checkNumberOption(fn, 'varianceRatio', varianceRatio, {
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
    });
    // np.searchsorted(cumsum, v, side='right') + 1: the first k whose cumsum exceeds v.
    let acc = 0;
    for (let k = 0; k < ratio.length; k++) {
      acc += ratio[k];
      if (acc > varianceRatio) return k + 1;
    }
    return ratio.length;
  }
  return max;
}

/**
 * Fit a PCA on the standardised reference rows (or `{ columns }`), keeping `nComponents`
 * components, or enough to explain more than `varianceRatio` of the variance, or all.
 * Needs at least 2 rows; missing values are refused (impute first).
 *
 * @example
 * pca([[1, 2], [2, 4.1], [3, 5.9], [4, 8.2]]).explainedVarianceRatio[0]; // 0.99949614901188 (sklearn: 0.999496149)
 */
export function pca(x: MatrixInput, options: PcaOptions = {}): PcaModel {
  const fn = 'pca';
  const m = toMatrix(fn, 'x', x, 2);
  const { rows: n, cols: p } = m;
  const scaler = fitScaler(m);
  const z = standardize(m, scaler);
  const center = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) center[j] += z.data[i * p + j];
  for (let j = 0; j < p; j++) center[j] /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) z.data[i * p + j] -= center[j];
  const cov = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    for (let a = 0; a < p; a++) {
      const za = z.data[o + a];
      for (let b = 0; b <= a; b++) cov[a * p + b] += za * z.data[o + b];
    }
  }
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      cov[a * p + b] /= n - 1;
      cov[b * p + a] = cov[a * p + b];
    }
  }
  const eig = symmetricEigen(cov, p);
  // The SVD of an n×p matrix has min(n, p) singular values; the rest of the covariance's
  // eigenvalues are rounding noise around 0, and negative noise is 0 as S² cannot be < 0.
  const max = Math.min(n, p);
  const variance = Float64Array.from(eig.values.subarray(0, max), (v) => Math.max(v, 0));
  let total = 0;
  for (const v of variance) total += v;
  const ratio = Float64Array.from(variance, (v) => v / total);
  const k = chooseK(fn, ratio, options, max);
  const components = eig.vectors.slice(0, k).map((vec) => {
    // svd_flip(U, Vt): the entry of U (the scores) largest in magnitude is made positive.
    let best = 0;
    let at = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += z.data[i * p + j] * vec[j];
      if (Math.abs(s) > best) {
        best = Math.abs(s);
        at = s;
      }
    }
    return at < 0 ? vec.map((c) => -c) : vec;
  });
  return {
    scaler,
    center,
    components,
    explainedVariance: variance.slice(0, k),
    explainedVarianceRatio: ratio.slice(0, k),
    nComponents: k,
    nFeatures: p,
    nSamples: n,
  };
}

/**
 * Standardise rows with the model's scaler and project them on its components: the scores
 * (sklearn's `pipeline.transform`), one Float64Array of `nComponents` per row.
 *
 * @example
 * pcaTransform(pca(reference, { nComponents: 2 }), current)[0].length; // 2
 */
export function pcaTransform(model: PcaModel, x: MatrixInput): Float64Array[] {
  const m = toMatrix('pcaTransform', 'x', x);
  checkColumns('pcaTransform', 'x', m, model.nFeatures);
  return projectRows(model, standardize(m, model.scaler)).scores;
}

/**
 * Scores and reconstructions (`inverse_transform(transform(z))`) of already standardised
 * rows; shared by pcaTransform and reconstructionErrors.
 *
 * @example
 * projectRows(model, standardize(rows, model.scaler)).reconstructed.data; // row-major ẑ
 */
export function projectRows(
  model: PcaModel,
  z: Matrix,
): { scores: Float64Array[]; reconstructed: Matrix } {
  const { rows: n, cols: p } = z;
  const { components, center } = model;
  const k = components.length;
  const scores: Float64Array[] = [];
  const out = new Float64Array(n * p);
  const c = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) c[j] = z.data[i * p + j] - center[j];
    const t = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      const v = components[a];
      let s = 0;
      for (let j = 0; j < p; j++) s += c[j] * v[j];
      t[a] = s;
    }
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += t[a] * components[a][j];
      out[i * p + j] = s + center[j];
    }
    scores.push(t);
  }
  return { scores, reconstructed: { rows: n, cols: p, data: out } };
}
