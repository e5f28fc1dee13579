/**
 * Dataset drift from the columns' verdicts: the share of tested feature columns that drifted,
 * flagged at Evidently's rule (share ≥ drift_share, 0.5 by default).
 */
import type { ColumnDrift, DatasetDrift } from '../report-types.js';
import { type CorrectionMethod, DriftConfigError } from './drift-input.js';

/** Options of {@link datasetDrift}. */
export interface DatasetDriftOptions {
  /** Evidently's `drift_share`: the dataset drifts when share ≥ this (default 0.5). */
  shareThreshold?: number;
  /** The correction the column verdicts were taken under (see `defaultCorrection`). */
  correction: CorrectionMethod;
}

/**
 * The dataset-drift line of the report for feature columns `names` and their verdicts
 * `drifts` (same order; undefined for a column not tested, which counts in neither the
 * drifted nor the tested columns). As Evidently's `get_dataset_drift`: share = drifted /
 * tested, drifted when share ≥ shareThreshold. With no column tested the share is 0 and the
 * dataset is not drifted. Prediction, target and multivariate lines are the caller's.
 *
 * @example
 * datasetDrift(['a', 'b'], [undefined, undefined], { correction: 'none' }).testedColumns; // 0
 */
export function datasetDrift(
  names: readonly string[],
  drifts: readonly (ColumnDrift | undefined)[],
  { shareThreshold = 0.5, correction }: DatasetDriftOptions,
): DatasetDrift {
  if (names.length !== drifts.length) {
    throw new DriftConfigError(
      undefined,
      'columns',
      `datasetDrift: ${names.length} column names but ${drifts.length} drift results`,
    );
  }
  if (!(shareThreshold > 0 && shareThreshold <= 1)) {
    throw new DriftConfigError(
      undefined,
      '--drift-share',
      `drift share threshold is ${shareThreshold}; expected a number in (0, 1]`,
    );
  }
  const driftedColumns = names.filter((_, i) => drifts[i]?.drifted === true);
  const testedColumns = drifts.filter((d) => d !== undefined).length;
  const share = testedColumns === 0 ? 0 : driftedColumns.length / testedColumns;
  const percent = `${Number((shareThreshold * 100).toPrecision(4))} %`;
  const rule =
    testedColumns === 0
      ? `dataset drifts when ≥ ${percent} of tested features drift; no feature was tested`
      : `dataset drifts when ≥ ${percent} of tested features drift`;
  return {
    driftedColumns,
    testedColumns,
    share,
    drifted: testedColumns > 0 && share >= shareThreshold,
    shareThreshold,
    rule,
    correction,
  };
}
