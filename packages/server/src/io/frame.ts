/**
 * A dataset read into memory column by column: what every reader (CSV, NDJSON, Parquet)
 * produces and what `tend report` computes on. Numbers travel as Float64Array with NaN for a
 * missing value; categories are dictionary-encoded (Int32Array codes, −1 for missing), so a
 * million rows of 25 columns stay a few hundred megabytes at most and never exist as text.
 */

import { type ScaledNumbers, scaledToFloats } from './number-store.js';
import type { SortedStats } from './sorted-stats.js';

/** How a column is treated: numbers, categories, or timestamps (kept as epoch milliseconds). */
export type ColumnKind = 'numerical' | 'categorical' | 'datetime';

/** Counts every column carries about its cells. */
export interface CellCounts {
  /** Cells that are empty, null, or a missing marker ("", "NA", "NaN", "null", "None"). */
  missing: number;
  /**
   * Cells present but not of the column's kind: text in a numerical or datetime column.
   * They are stored as missing values and counted here, never silently coerced.
   */
  invalid: number;
}

/** A numerical (or datetime, as epoch ms) column. */
export interface NumericColumn extends CellCounts {
  name: string;
  kind: 'numerical' | 'datetime';
  /**
   * One value per row; NaN where the cell was missing or invalid. Absent when the values are
   * kept `scaled` instead (read with `compact`); `numbersOf` gives them either way.
   */
  values?: Float64Array;
  /** The values as scaled integers (`NumberStore`), when read with `compact` and they allow it. */
  scaled?: ScaledNumbers;
  /**
   * Set once the values are sorted ascending in place (NaN last) for a report
   * (`prepareFrame`): they are then no longer in row order.
   */
  sorted?: boolean;
  /** Statistics of the sorted non-missing values, computed with the sorting. */
  stats?: SortedStats;
}

/** A categorical column, dictionary-encoded. */
export interface CategoricalColumn extends CellCounts {
  name: string;
  kind: 'categorical';
  /** One code per row: an index into `dictionary`, or −1 where the cell was missing. */
  codes: Int32Array;
  /** The distinct values in order of first appearance. */
  dictionary: string[];
  /** Rows per dictionary entry (missing rows not counted), once `prepareFrame` counted them. */
  counts?: Float64Array;
}

/**
 * Rows per code below `size` (negative codes, the missing cells, not counted). Four counters
 * per code take turns, so that runs of one code do not wait on the same memory cell.
 *
 * @example
 * countCodes(Int32Array.of(0, 1, 0, -1), 2); // Float64Array [2, 1]
 */
export function countCodes(codes: Int32Array, size: number): Float64Array {
  const lanes = new Int32Array(4 * size);
  const n = codes.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a = codes[i];
    const b = codes[i + 1];
    const c = codes[i + 2];
    const d = codes[i + 3];
    if (a >= 0) lanes[a]++;
    if (b >= 0) lanes[size + b]++;
    if (c >= 0) lanes[2 * size + c]++;
    if (d >= 0) lanes[3 * size + d]++;
  }
  for (; i < n; i++) if (codes[i] >= 0) lanes[codes[i]]++;
  const counts = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    counts[k] = lanes[k] + lanes[size + k] + lanes[2 * size + k] + lanes[3 * size + k];
  }
  return counts;
}

export type Column = NumericColumn | CategoricalColumn;

/** The kinds a reader should give columns, by name (the reference's, when reading current). */
export type Schema = ReadonlyMap<string, ColumnKind>;

/** A dataset read from one file. */
export interface Frame {
  /** The path it was read from, as given. */
  source: string;
  format: 'csv' | 'ndjson' | 'parquet';
  rowCount: number;
  /** In the file's column order. */
  columns: Column[];
  /** Rows that repeat an earlier row exactly (every cell equal). */
  duplicateRows: number;
  /** Rows sampled before the columns were sorted (`prepareFrame`), for multivariate drift. */
  rowSample?: RowSample;
}

/** Candidate rows of a frame, in a seeded random order, with their numerical values. */
export interface RowSample {
  /** Row numbers in the file, in the random order they were drawn. */
  rows: Int32Array;
  /** The numerical columns sampled, in frame order. */
  columns: string[];
  /** Row-major: `values[r * columns.length + j]` is column j of sampled row r (NaN: missing). */
  values: Float64Array;
}

/**
 * A sample of rows in arrays of its own: one to keep when the other is sent to another thread.
 *
 * @example
 * copySample(frame.rowSample).values !== frame.rowSample.values; // true
 */
export function copySample(sample: RowSample): RowSample {
  return { ...sample, rows: sample.rows.slice(), values: sample.values.slice() };
}

/**
 * A numerical column's values as doubles in one array (NaN where missing): its `values`, or
 * the doubles its scaled integers stand for (a new array).
 *
 * @example
 * numbersOf(column)[0]; // 31
 */
export function numbersOf(column: NumericColumn): Float64Array {
  if (column.values) return column.values;
  return scaledToFloats(column.scaled as ScaledNumbers);
}

/**
 * Find a column by name.
 *
 * @example
 * columnOf(frame, 'age')?.kind; // 'numerical'
 */
export function columnOf(frame: Frame, name: string): Column | undefined {
  return frame.columns.find((c) => c.name === name);
}
