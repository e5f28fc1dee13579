/**
 * PCA reconstruction error, the measure behind NannyML's `DataReconstructionDriftCalculator`:
 * rows are standardised with the reference's scaler, compressed onto the reference's
 * principal components and decompressed (`inverse_transform(transform(z))`); how far they
 * land from where they started grows when the joint structure of the columns (their
 * correlations) departs from the reference, even if every column's own distribution holds.
 *
 * Relation to NannyML: NannyML also imputes, frequency-encodes categories, defaults to
 * 65 % explained variance, and averages the Euclidean distance ‖z − ẑ‖ per row over a chunk.
 * Here the per-row error is the mean squared error (‖z − ẑ‖² / columns), i.e. sklearn's
 * `mean_squared_error(z, ẑ)` over a chunk: same ranking of rows, no square root, and
 * independent of the number of columns. Missing values are refused (impute first), and
 * categorical columns must already be encoded by the caller.
 */
import { checkColumns, type MatrixInput, toMatrix } from './matrix.js';
import { type PcaModel, projectRows } from './pca.js';
import { standardize } from './standard-scaler.js';

/**
 * Per-row reconstruction error: mean over the columns of (z − ẑ)², z the row standardised
 * by the model's reference scaler, ẑ its projection back from the kept components.
 *
 * @example
 * reconstructionErrors(pca(reference, { varianceRatio: 0.65 }), current); // Float64Array, one per row
 */
export function reconstructionErrors(model: PcaModel, x: MatrixInput): Float64Array {
  const fn = 'reconstructionErrors';
  const m = toMatrix(fn, 'x', x);
  checkColumns(fn, 'x', m, model.nFeatures);
  const z = standardize(m, model.scaler);
  const { reconstructed } = projectRows(model, z);
  const { rows: n, cols: p } = z;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) {
      const d = z.data[i * p + j] - reconstructed.data[i * p + j];
      s += d * d;
    }
    out[i] = s / p;
  }
  return out;
}

/**
 * Mean reconstruction error of the rows: the mean of {@link reconstructionErrors}, equal to
 * sklearn's `mean_squared_error(z, pca.inverse_transform(pca.transform(z)))`. Compare the
 * current data's value with the reference's own: a clear rise means the columns no longer
 * relate to each other as in the reference.
 *
 * @example
 * reconstructionError(pca([[0, 0], [1, 1], [2, 2.1]], { nComponents: 2 }), [[3, 3]]); // ≈ 0 (all components kept)
 */
export function reconstructionError(model: PcaModel, x: MatrixInput): number {
  const e = reconstructionErrors(model, x);
  let s = 0;
  for (let i = 0; i < e.length; i++) s += e[i];
  return s / e.length;
}
