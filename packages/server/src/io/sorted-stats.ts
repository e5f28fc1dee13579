/**
 * What a report says about one numerical column on its own, from its sorted non-missing
 * values in two passes: pandas' `describe` (count, mean, std with ddof 1, min, quartiles by
 * linear interpolation, max) and how spread the values are (distinct values, the most frequent
 * one's share). Computed where the file was read (`prepareFrame`), so both files' columns are
 * described at the same time on the two cores.
 */
import { quantileSorted } from '@tend/core';
import type { ColumnSummary } from '../report/report-types.js';

/** Statistics of sorted non-missing values: the report's numerical summary, and the spread. */
export interface SortedStats extends Omit<ColumnSummary, 'top'> {
  distinct: number;
  /** Share of the values equal to the most frequent one (0 when there are none). */
  mostFrequentShare: number;
}

/**
 * The statistics of ascending, NaN-free values.
 *
 * @example
 * sortedStats(Float64Array.of(1, 2, 2, 4)); // { count: 4, mean: 2.25, …, distinct: 3, mostFrequentShare: 0.5 }
 */
export function sortedStats(sorted: Float64Array): SortedStats {
  const n = sorted.length;
  if (n === 0) return { count: 0, distinct: 0, mostFrequentShare: 0 };
  // One pass for the sum and the runs of equal values, one for squares about the mean.
  let sum = sorted[0];
  let distinct = 1;
  let run = 1;
  let top = 1;
  for (let i = 1; i < n; i++) {
    const v = sorted[i];
    sum += v;
    if (v === sorted[i - 1]) {
      run++;
      if (run > top) top = run;
    } else {
      distinct++;
      run = 1;
    }
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = sorted[i] - mean;
    ss += d * d;
  }
  return {
    count: n,
    mean,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN,
    min: sorted[0],
    q25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q75: quantileSorted(sorted, 0.75),
    max: sorted[n - 1],
    distinct,
    mostFrequentShare: top / n,
  };
}
