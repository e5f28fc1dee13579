/**
 * Tables of numbers as the multivariate methods take them: rows (`number[][]`,
 * `Float64Array[]`) or columns (`{ columns }`, the shape a column store such as a data frame
 * already holds, so no transposed copy is needed by the caller). Internally a table is one
 * row-major Float64Array. Missing values are refused with the row and column named: PCA and
 * logistic regression have no meaning for them, so callers impute (or drop rows) first.
 */
import { TendInputError } from '../errors.js';

/** Numbers by rows, or by columns when wrapped as `{ columns }`. */
export type MatrixInput =
  | ArrayLike<ArrayLike<number>>
  | { readonly columns: ArrayLike<ArrayLike<number>> };

/** A checked table: `data[i * cols + j]` is row i, column j. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

function isColumns(x: MatrixInput): x is { readonly columns: ArrayLike<ArrayLike<number>> } {
  return typeof x === 'object' && x !== null && 'columns' in x && !Array.isArray(x);
}

function badCell(fn: string, name: string, i: number, j: number, v: unknown): TendInputError {
  if (typeof v !== 'number') {
    return new TendInputError(
      fn,
      name,
      'invalid_type',
      `row ${i}, column ${j} is ${v === undefined ? 'missing' : typeof v}, not a number`,
    );
  }
  return new TendInputError(
    fn,
    name,
    'not_finite',
    `row ${i}, column ${j} is ${v}; values must be finite (impute missing values first)`,
  );
}

/**
 * Copy a table into a row-major Float64Array after checking that it has at least `minRows`
 * rows, at least one column, rows (or columns) of equal length and only finite numbers.
 *
 * @example
 * toMatrix('pca', 'x', [[1, 2], [3, 4]]).data; // Float64Array [1, 2, 3, 4]
 */
export function toMatrix(fn: string, name: string, x: MatrixInput, minRows = 1): Matrix {
  if (x == null || typeof x !== 'object') {
    throw new TendInputError(fn, name, 'invalid_type', 'must be an array of rows or { columns }');
  }
  const byColumns = isColumns(x);
  const outer = byColumns ? x.columns : x;
  if (outer == null || typeof outer.length !== 'number') {
    throw new TendInputError(fn, name, 'invalid_type', 'must be an array of rows or { columns }');
  }
  const first = outer[0];
  if (outer.length > 0 && (first == null || typeof first !== 'object')) {
    throw new TendInputError(
      fn,
      name,
      'invalid_type',
      `must be an array of rows (each an array of numbers) or { columns }; [0] is ${first === null ? 'null' : typeof first}`,
    );
  }
  const inner = outer.length === 0 || first == null ? 0 : first.length;
  const rows = byColumns ? inner : outer.length;
  const cols = byColumns ? outer.length : inner;
  if (rows < minRows) {
    throw new TendInputError(
      fn,
      name,
      'empty',
      `must hold at least ${minRows} row${minRows === 1 ? '' : 's'}, got ${rows}`,
    );
  }
  if (!(cols >= 1)) throw new TendInputError(fn, name, 'empty', 'must hold at least one column');
  const data = new Float64Array(rows * cols);
  for (let a = 0; a < outer.length; a++) {
    const line = outer[a];
    if (line == null || typeof line !== 'object' || typeof line.length !== 'number') {
      throw new TendInputError(
        fn,
        name,
        'invalid_type',
        `${byColumns ? 'column' : 'row'} ${a} is not an array of numbers`,
      );
    }
    if (line.length !== inner) {
      throw new TendInputError(
        fn,
        name,
        'length_mismatch',
        `${byColumns ? 'column' : 'row'} ${a} has ${line.length} values but ${byColumns ? 'column' : 'row'} 0 has ${inner}`,
      );
    }
    for (let b = 0; b < inner; b++) {
      const v = line[b];
      const i = byColumns ? b : a;
      const j = byColumns ? a : b;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw badCell(fn, name, i, j, v);
      data[i * cols + j] = v;
    }
  }
  return { rows, cols, data };
}

/**
 * Throw unless a table has the expected number of columns.
 *
 * @example
 * checkColumns('pcaTransform', 'x', { rows: 1, cols: 2, data: new Float64Array(2) }, 2); // passes
 */
export function checkColumns(fn: string, name: string, m: Matrix, cols: number): void {
  if (m.cols !== cols) {
    throw new TendInputError(
      fn,
      name,
      'length_mismatch',
      `has ${m.cols} columns but the model was fitted on ${cols}`,
    );
  }
}

/**
 * The rows of `m` at `indices`, in that order.
 *
 * @example
 * takeRows({ rows: 2, cols: 1, data: Float64Array.of(5, 6) }, [1]).data; // Float64Array [6]
 */
export function takeRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const { cols } = m;
  const data = new Float64Array(indices.length * cols);
  for (let r = 0; r < indices.length; r++) {
    data.set(m.data.subarray(indices[r] * cols, indices[r] * cols + cols), r * cols);
  }
  return { rows: indices.length, cols, data };
}
