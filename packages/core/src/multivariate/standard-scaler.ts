/** Column standardisation with scikit-learn's `StandardScaler` semantics. */
import type { Matrix } from './matrix.js';

/** Per-column centre and scale of a fitted scaler. */
export interface Scaler {
  mean: Float64Array;
  /** Population standard deviation (ddof 0); 1 for a constant column, as sklearn. */
  scale: Float64Array;
}

/**
 * Fit mean and standard deviation per column (ddof 0). A column sklearn calls constant
 * (`_is_constant_feature`: var ≤ n·ε·var + (n·mean·ε)², i.e. within rounding of 0) gets
 * scale 1, so it standardises to 0 instead of dividing by ~0.
 *
 * @example
 * fitScaler({ rows: 2, cols: 1, data: Float64Array.of(1, 3) }).scale; // Float64Array [1]
 */
export function fitScaler(m: Matrix): Scaler {
  const { rows: n, cols: p, data } = m;
  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j] += data[i * p + j];
  for (let j = 0; j < p; j++) mean[j] /= n;
  const eps = 2.220446049250313e-16;
  for (let j = 0; j < p; j++) {
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = data[i * p + j] - mean[j];
      ss += d * d;
    }
    const v = ss / n;
    const bound = n * eps * v + (n * mean[j] * eps) ** 2;
    scale[j] = v <= bound ? 1 : Math.sqrt(v);
  }
  return { mean, scale };
}

/**
 * (x − mean) / scale for every row, as a new table.
 *
 * @example
 * standardize({ rows: 2, cols: 1, data: Float64Array.of(1, 3) }, fitScaler(...)).data; // [-1, 1]
 */
export function standardize(m: Matrix, s: Scaler): Matrix {
  const { rows, cols } = m;
  const data = new Float64Array(m.data.length);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      data[i * cols + j] = (m.data[i * cols + j] - s.mean[j]) / s.scale[j];
    }
  }
  return { rows, cols, data };
}
