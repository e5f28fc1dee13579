/**
 * The part of a report that needs one file only, done by the thread that read the file, right
 * after reading it: a seeded sample of rows for the multivariate methods, then every numerical
 * column sorted in place. Comparing two files column by column needs each column sorted, and
 * sorting where the file was read spreads the sorting over both cores at no extra start-up
 * and without holding a sorted copy beside each column.
 *
 * Sorting in place ends the columns' row order, so the rows that need it are taken first: the
 * sample (candidate rows in a seeded random order, with the values of every numerical column),
 * and the columns named in `keepOrder` (target, predictions, segments) stay as they are.
 */
import { createRng, ScaledSortedSample, sortInts, sortNumbers } from '@tend/core';
import { countCodes, type Frame, type NumericColumn, numbersOf } from './frame.js';
import { MISSING_INT, type ScaledNumbers, scaledValue } from './number-store.js';
import { type SortedNumbers, withoutTrailingNaN } from './present-values.js';
import { scaledSortedStats, sortedStats } from './sorted-stats.js';

/** What to prepare. */
export interface PrepareOptions {
  /** Columns read row by row later: not sorted. */
  keepOrder: string[];
  /** Candidate rows to sample for the multivariate methods (0: none). */
  sampleRows: number;
  seed: number;
}

/**
 * Draw `count` distinct row numbers below `rowCount`, uniformly, in random order (a partial
 * Fisher–Yates shuffle, seeded).
 *
 * @example
 * drawRows(10, 3, 0); // Int32Array [7, 2, 9]
 */
export function drawRows(rowCount: number, count: number, seed: number): Int32Array {
  const n = Math.min(count, rowCount);
  const rng = createRng(seed);
  // The shuffle touches only the first n positions and those it swaps with: keep the moved
  // entries in a map instead of an array of every row.
  const moved = new Map<number, number>();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = i + rng.nextInt(rowCount - i);
    const atJ = moved.get(j) ?? j;
    out[i] = atJ;
    moved.set(j, moved.get(i) ?? i);
  }
  return out;
}

/**
 * Sample rows, then sort the numerical columns not in `keepOrder` in place, marking them
 * `sorted` and describing them (`stats`), count each categorical column's codes (`counts`),
 * and keep the sample as `frame.rowSample` (empty when `sampleRows` is 0): `sampleFrame`
 * then `sortFrame`.
 *
 * @example
 * prepareFrame(frame, { keepOrder: ['label'], sampleRows: 40000, seed: 0 }); frame.rowSample?.rows.length; // 40000
 */
export function prepareFrame(frame: Frame, options: PrepareOptions): void {
  sampleFrame(frame, options);
  sortFrame(frame, options);
}

/**
 * The first step of {@link prepareFrame}: draw the sample of rows (`frame.rowSample`, with
 * the values of every numerical column), which must come before the columns are sorted.
 *
 * @example
 * sampleFrame(frame, { keepOrder: [], sampleRows: 40000, seed: 0 }); frame.rowSample?.columns; // ['age', 'income']
 */
export function sampleFrame(frame: Frame, options: PrepareOptions): void {
  const numeric = frame.columns.filter((c): c is NumericColumn => c.kind === 'numerical');
  const rows = drawRows(frame.rowCount, options.sampleRows, options.seed);
  const p = numeric.length;
  const values = new Float64Array(rows.length * p);
  for (let j = 0; j < p; j++) {
    const column = numeric[j];
    for (let r = 0; r < rows.length; r++) values[r * p + j] = valueAt(column, rows[r]);
  }
  frame.rowSample = { rows, columns: numeric.map((c) => c.name), values };
}

/**
 * The second step of {@link prepareFrame}: sort and describe the numerical columns not in
 * `keepOrder`, and count the categorical columns' codes.
 *
 * @example
 * sortFrame(frame, { keepOrder: ['label'], sampleRows: 0, seed: 0 }); frame.columns[0].sorted; // true
 */
export function sortFrame(frame: Frame, options: PrepareOptions): void {
  const keep = new Set(options.keepOrder);
  for (const column of frame.columns) {
    if (column.kind === 'categorical') {
      column.counts ??= countCodes(column.codes, column.dictionary.length);
      continue;
    }
    if (column.sorted) continue;
    if (keep.has(column.name)) {
      // Read row by row later, as doubles.
      if (!column.values) {
        column.values = numbersOf(column);
        delete column.scaled;
      }
      continue;
    }
    column.sorted = true;
    if (column.values) {
      sortNumbers(column.values);
      column.stats = sortedStats(withoutTrailingNaN(column.values));
    } else {
      const { ints, places } = column.scaled as ScaledNumbers;
      column.stats = scaledSortedStats(ints, sortScaled(ints), places);
    }
  }
}

/** Row `row` of a numerical column (NaN when missing), whether kept as doubles or scaled. */
function valueAt(column: NumericColumn, row: number): number {
  return column.values ? column.values[row] : scaledValue(column.scaled as ScaledNumbers, row);
}

/**
 * Sort scaled integers with the missing markers first, the values after them ascending;
 * returns the count of missing markers.
 */
function sortScaled(ints: Int32Array): number {
  let missing = 0;
  for (let i = 0; i < ints.length; i++) {
    if (ints[i] === MISSING_INT) {
      ints[i] = ints[missing];
      ints[missing++] = MISSING_INT;
    }
  }
  sortInts(ints.subarray(missing));
  return missing;
}

/**
 * The sorted non-missing values of a column `prepareFrame` sorted: the column's own array (no
 * copy) when kept as doubles; a compact column's scaled integers as a `ScaledSortedSample`,
 * whose doubles, when a test asks for them, go into `scratch` (which the next column's
 * overwrite).
 *
 * @example
 * sortedNumbersOf(column, scratch).length; // rows − missing − invalid
 */
export function sortedNumbersOf(column: NumericColumn, scratch?: Float64Array): SortedNumbers {
  if (column.values) return withoutTrailingNaN(column.values);
  const { ints, places } = column.scaled as ScaledNumbers;
  let start = 0;
  while (start < ints.length && ints[start] === MISSING_INT) start++;
  return new ScaledSortedSample(ints, start, places, scratch);
}
