/**
 * What the per-column drift step takes in: one column's non-missing values in both datasets,
 * and the names of the choices a report can make (preset, multiple-testing correction).
 */
import type { ScaledSortedSample } from '@tend/core';

/**
 * What the per-column drift step takes in: one column's non-missing values in both datasets,
 * and the names of the choices a report can make (preset, multiple-testing correction).
 */

/**
 * One dataset's values of a column, missing values already removed: numbers, or categories
 * as their labels or as counts per label (the cheaper form on large data: the tests on
 * categories only ever count). Numbers are doubles, or the sorted scaled integers of a
 * compact column (`ScaledSortedSample`), which every core test takes. A numerical column's
 * values stay numbers even when few and repeated.
 */
export type ColumnData = Float64Array | ScaledSortedSample | string[] | Map<string, number>;

/**
 * How many values a column's data holds.
 *
 * @example
 * valueCount(new Map([['a', 3], ['b', 2]])); // 5
 */
export function valueCount(data: ColumnData): number {
  if (!(data instanceof Map)) return (data as ArrayLike<unknown>).length;
  let n = 0;
  for (const c of data.values()) n += c;
  return n;
}

/** One feature column to test for drift. */
export interface DriftInput {
  name: string;
  /** Datetime columns are not tested for drift (as in Evidently), so they never come here. */
  kind: 'numerical' | 'categorical';
  /** The reference's non-missing values: numbers when numerical, labels when categorical. */
  reference: ColumnData;
  /** The current dataset's non-missing values, of the same type as `reference`. */
  current: ColumnData;
}

/** Which rule picks each column's test and decides drift. */
export type DriftPreset = 'evidently' | 'tend';

/** Multiple-testing correction across the columns' p-values. */
export type CorrectionMethod = 'benjamini-hochberg' | 'holm' | 'bonferroni' | 'none';

/**
 * A drift option that cannot be honoured for a column: an unknown test, a test that does not
 * accept the column's kind, a bad threshold. The message names the column and the option.
 *
 * @example
 * new DriftConfigError('age', '--stattest', "--stattest age=chisquare: …").column; // 'age'
 */
export class DriftConfigError extends Error {
  override readonly name = 'DriftConfigError';
  constructor(
    /** The column concerned, or undefined when the option is wrong for every column. */
    readonly column: string | undefined,
    /** The option at fault, as on the command line: `--stattest`, `--threshold`, … */
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}
