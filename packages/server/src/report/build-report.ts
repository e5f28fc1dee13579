/**
 * `tend report` without the terminal: read the reference and current files, and compute
 * data quality, per-column and dataset drift, multivariate drift, performance and the
 * test-suite conditions into one `Report`.
 */

import { checkedSorted, ScaledSortedSample } from '@tend/core';
import type { TaskWorker } from '../compiled-worker.js';
import { fileSize } from '../io/file-size.js';
import { type Column, type ColumnKind, type Frame, numbersOf } from '../io/frame.js';
import { sortedNumbersOf } from '../io/prepare-frame.js';
import { presentSorted, type SortedNumbers } from '../io/present-values.js';
import { readFramePair } from '../io/read-frame-pair.js';
import { categoryCounts, currentQuality, referenceQuality } from './column-quality.js';
import { categoricalHistogram, describeColumn, numericHistogram } from './column-summary.js';
import { type Condition, evaluateConditions } from './conditions.js';
import {
  type ColumnDriftOptions,
  checkDriftOptions,
  decideColumnDrift,
  type MeasuredDrift,
  measureColumnDrift,
} from './drift/column-drift.js';
import { datasetDrift } from './drift/dataset-drift.js';
import type { ColumnData, CorrectionMethod, DriftInput, DriftPreset } from './drift/drift-input.js';
import { ReportInputError } from './errors.js';
import {
  type EarlyMultivariate,
  multivariateDrift,
  multivariateEarly,
  SAMPLE_CANDIDATES,
} from './multivariate.js';
import { type PredictionMapping, performanceReport } from './performance.js';
import type { ColumnReport, ColumnRole, DatasetQuality, Report } from './report-types.js';
import { TEND_VERSION } from './version.js';

/** What to compare and how: the flags and config of `tend report`. */
export interface ReportOptions {
  reference: string;
  current: string;
  target?: string;
  /** The model's output columns; `kind` is inferred from the reference when absent. */
  prediction?: { kind?: PredictionMapping['kind']; columns: string[] };
  timestamp?: string;
  id?: string;
  segments?: string[];
  categorical?: string[];
  numerical?: string[];
  ignore?: string[];
  delimiter?: string;
  preset?: DriftPreset;
  /** Forced tests: '*' for all columns, or per column. */
  stattest?: Record<string, string>;
  threshold?: number;
  correction?: CorrectionMethod;
  /** Evidently's drift_share: the dataset drifts when this share of features drifts. */
  driftShare?: number;
  multivariate?: boolean;
  /** Bootstrap resamples for metric intervals (0: none). */
  bootstrap?: number;
  seed?: number;
  posLabel?: string;
  conditions?: Condition[];
  /** Progress of reading, 0 → 1 over both files. */
  onProgress?: (fraction: number) => void;
}

/** Rows up to which metric intervals are bootstrapped (the bootstrap costs rows × resamples). */
export const MAX_BOOTSTRAP_ROWS = 100_000;

function kindsOf(options: ReportOptions): Record<string, ColumnKind> {
  const kinds: Record<string, ColumnKind> = {};
  for (const c of options.numerical ?? []) kinds[c] = 'numerical';
  for (const c of options.categorical ?? []) {
    if (kinds[c])
      throw new ReportInputError(`column "${c}" is given as both numerical and categorical`);
    kinds[c] = 'categorical';
  }
  return kinds;
}

function mappedColumns(options: ReportOptions): { name: string; what: string }[] {
  const out: { name: string; what: string }[] = [];
  if (options.target) out.push({ name: options.target, what: 'target (--target)' });
  for (const c of options.prediction?.columns ?? [])
    out.push({ name: c, what: 'prediction (--prediction)' });
  if (options.timestamp) out.push({ name: options.timestamp, what: 'timestamp (--timestamp)' });
  if (options.id) out.push({ name: options.id, what: 'id (--id)' });
  for (const c of options.segments ?? []) out.push({ name: c, what: 'segment (--segment)' });
  for (const c of [...(options.categorical ?? []), ...(options.numerical ?? [])]) {
    out.push({ name: c, what: 'kind override (--categorical / --numerical)' });
  }
  return out;
}

function checkMapped(frame: Frame, options: ReportOptions): void {
  const names = new Set(frame.columns.map((c) => c.name));
  for (const { name, what } of mappedColumns(options)) {
    if (!names.has(name)) {
      throw new ReportInputError(
        `${frame.source}: the ${what} column "${name}" is not in the file (columns: ${[...names].slice(0, 20).join(', ')})`,
      );
    }
  }
  if (options.target) {
    const target = frame.columns.find((c) => c.name === options.target) as Column;
    const present = frame.rowCount - target.missing - target.invalid;
    if (present <= 0) {
      throw new ReportInputError(
        `${frame.source}: the target column "${options.target}" has no values`,
      );
    }
  }
}

/**
 * The column's non-missing values as the drift step takes them: numbers sorted, categories
 * as counts per label (counted by code, never as a million strings).
 */
function driftData(column: Column, sorted?: SortedNumbers): ColumnData {
  // Checked once here, the sorted values go to every test without a copy (`checkedSorted`).
  if (column.kind !== 'categorical') {
    if (sorted instanceof ScaledSortedSample) return sorted;
    return checkedSorted(sorted ?? presentSorted(column));
  }
  const counts = categoryCounts(column);
  const out = new Map<string, number>();
  column.dictionary.forEach((label, code) => {
    if (counts[code] > 0) out.set(label, (out.get(label) ?? 0) + counts[code]);
  });
  return out;
}

function roleOf(name: string, options: ReportOptions): ColumnRole {
  if (name === options.target) return 'target';
  if (options.prediction?.columns.includes(name)) return 'prediction';
  if (options.segments?.includes(name)) return 'segment';
  return 'feature';
}

function datasetQuality(reference: Frame, current: Frame): DatasetQuality {
  const refNames = new Set(reference.columns.map((c) => c.name));
  const curNames = new Set(current.columns.map((c) => c.name));
  const missingShare = (f: Frame) => {
    const cells = f.rowCount * f.columns.length;
    const missing = f.columns.reduce((s, c) => s + c.missing, 0);
    return cells === 0 ? 0 : missing / cells;
  };
  return {
    referenceRows: reference.rowCount,
    currentRows: current.rowCount,
    volumeChange:
      reference.rowCount === 0 ? 0 : (current.rowCount - reference.rowCount) / reference.rowCount,
    duplicateRows: { reference: reference.duplicateRows, current: current.duplicateRows },
    missingColumns: [...refNames].filter((n) => !curNames.has(n)),
    addedColumns: [...curNames].filter((n) => !refNames.has(n)),
    missingShare: { reference: missingShare(reference), current: missingShare(current) },
  };
}

/**
 * The sorted non-missing values of a numerical column: most were sorted in place as their
 * file was read (`prepareFrame`), and a compact one among them is read as its scaled
 * integers, its doubles written into `scratch` (which the next column's overwrite) only if a
 * test needs them; the few kept in row order (target, predictions, segments) are sorted as
 * copies here. Undefined for a categorical column.
 */
function sortedOf(column: Column, scratch: Float64Array): SortedNumbers | undefined {
  if (column.kind === 'categorical') return undefined;
  return column.sorted ? sortedNumbersOf(column, scratch) : presentSorted(column);
}

/**
 * The reference's columns a report compares when the current file has them too: all but the
 * ignored ones, the timestamp and the id.
 */
function comparableColumns(reference: Frame, options: ReportOptions): Column[] {
  const left = new Set([...(options.ignore ?? []), options.timestamp, options.id]);
  return reference.columns.filter((c) => !left.has(c.name));
}

/**
 * The reference's numerical feature columns that the report compares when the current file
 * has them too: those multivariate drift fits on.
 */
function numericFeaturesOf(reference: Frame, options: ReportOptions): string[] {
  return comparableColumns(reference, options)
    .filter((c) => c.kind === 'numerical' && roleOf(c.name, options) === 'feature')
    .map((c) => c.name);
}

/**
 * Both files read (and prepared where they are read), their mapped columns checked, and the
 * prediction mapping resolved; with multivariate drift on, the fit the worker that read the
 * current file started as soon as the reference was sampled.
 */
async function readAndCheck(
  options: ReportOptions,
  kinds: Record<string, ColumnKind>,
): Promise<[Frame, Frame, PredictionMapping | undefined, Promise<EarlyMultivariate> | undefined]> {
  let early: Promise<EarlyMultivariate> | undefined;
  let fitting: TaskWorker | undefined;
  const multivariate = options.multivariate !== false;
  const [reference, current] = await readFramePair(
    options.reference,
    options.current,
    {
      kinds,
      compact: true,
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      // Sample rows for multivariate drift, then sort the columns, where each file is read.
      prepare: {
        keepOrder: mappedColumns(options).map((m) => m.name),
        sampleRows: multivariate ? SAMPLE_CANDIDATES : 0,
        seed: options.seed ?? 0,
      },
      ...(multivariate
        ? {
            onReferenceSample: (sampled: Frame, worker: TaskWorker | undefined) => {
              if (!worker) return;
              fitting = worker;
              const names = numericFeaturesOf(sampled, options);
              early = multivariateEarly(sampled, names, options.seed ?? 0, worker);
              // Awaited later, unless reading fails first (and ends the worker).
              early.catch(() => undefined);
            },
          }
        : {}),
      onProgress: (half, read, total) =>
        options.onProgress?.((half + (total === 0 ? 1 : read / total)) / 2),
    },
    fileSize(options.reference) + fileSize(options.current),
  );
  try {
    checkMapped(reference, options);
    const prediction = options.prediction && resolvePrediction(reference, options.prediction);
    checkMapped(current, options);
    return [reference, current, prediction, early];
  } catch (error) {
    // A mapping the files refute ends the fit that will not be reported.
    fitting?.stop();
    throw error;
  }
}

/**
 * Build the whole report.
 *
 * @example
 * (await buildReport({ reference: 'ref.csv', current: 'cur.csv' })).dataset.drift.share; // 0.25
 */
export async function buildReport(options: ReportOptions): Promise<Report> {
  const kinds = kindsOf(options);
  const ignored = new Set(options.ignore ?? []);
  const preset = options.preset ?? 'tend';
  // Reading is most of the time on large files: each file counts for half of the bar.
  const [reference, current, prediction, early] = await readAndCheck(options, kinds);

  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const compared = comparableColumns(reference, options).filter((c) => currentByName.has(c.name));
  // Multivariate drift fits its models (on large files in the worker that read the current
  // file, started before the reference was sorted) while the columns are done.
  const numericFeatures = numericFeaturesOf(reference, options).filter((n) => currentByName.has(n));
  const multivariate =
    options.multivariate === false
      ? Promise.resolve(undefined)
      : multivariateDrift(reference, current, numericFeatures, options.seed ?? 0, early);
  // Awaited below; should a column's test throw first, its failure must not go unhandled.
  multivariate.catch(() => undefined);

  const driftOptions: ColumnDriftOptions = { preset };
  if (options.stattest) driftOptions.stattest = options.stattest;
  if (options.threshold !== undefined) driftOptions.threshold = options.threshold;
  if (options.correction) driftOptions.correction = options.correction;
  checkDriftOptions(driftOptions);
  // One column at a time: its sorted values (a new array for a compact column) serve its
  // quality, summary, chart and test, then go, so a report never holds every column twice.
  const columns: ColumnReport[] = [];
  const measured: (MeasuredDrift | undefined)[] = [];
  const scratch = [new Float64Array(reference.rowCount), new Float64Array(current.rowCount)];
  for (const ref of compared) {
    const cur = currentByName.get(ref.name) as Column;
    const refSorted = sortedOf(ref, scratch[0]);
    const curSorted = sortedOf(cur, scratch[1]);
    const report: ColumnReport = {
      name: ref.name,
      kind: ref.kind,
      role: roleOf(ref.name, options),
      kindSource: kinds[ref.name] ? 'given' : 'inferred',
      quality: {
        reference: referenceQuality(ref, reference.rowCount, refSorted),
        current: currentQuality(cur, current.rowCount, ref, curSorted, refSorted),
      },
      summary: {
        reference: describeColumn(ref, refSorted),
        current: describeColumn(cur, curSorted),
      },
    };
    if (ref.kind === 'categorical' && cur.kind === 'categorical') {
      report.histogram = categoricalHistogram(ref, cur);
    } else if (refSorted && curSorted) {
      report.histogram = numericHistogram(refSorted, curSorted);
    }
    const input: DriftInput | undefined =
      ref.kind === 'datetime'
        ? undefined
        : {
            name: ref.name,
            kind: ref.kind,
            reference: driftData(ref, refSorted),
            current: driftData(cur, curSorted),
          };
    measured.push(input && measureColumnDrift(input, driftOptions));
    columns.push(report);
  }

  // Features are corrected together; prediction and target are judged on their own.
  const decide = (roles: ColumnRole[], o: ColumnDriftOptions) => {
    const at = columns.flatMap((c, i) => (roles.includes(c.role) ? [i] : []));
    const decided = decideColumnDrift(
      at.map((i) => measured[i]),
      o,
    );
    at.forEach((i, k) => {
      const d = decided[k];
      if (d) columns[i].drift = d;
    });
  };
  decide(['feature', 'segment'], driftOptions);
  decide(['target', 'prediction'], { ...driftOptions, correction: 'none' });

  const featureColumns = columns.filter((c) => c.role === 'feature');
  const drift = datasetDrift(
    featureColumns.map((c) => c.name),
    featureColumns.map((c) => c.drift),
    {
      correction: driftOptions.correction ?? (preset === 'tend' ? 'benjamini-hochberg' : 'none'),
      shareThreshold: options.driftShare ?? 0.5,
    },
  );
  const lineOf = (name: string | undefined) => {
    const c = columns.find((x) => x.name === name);
    return c?.drift ? { column: c.name, ...c.drift } : undefined;
  };
  const predictionLine = lineOf(
    options.prediction?.columns.length === 1 ? options.prediction.columns[0] : undefined,
  );
  if (predictionLine) drift.prediction = predictionLine;
  const targetLine = lineOf(options.target);
  if (targetLine) drift.target = targetLine;
  const mv = await multivariate;
  if (mv) drift.multivariate = mv;

  const report: Report = {
    schemaVersion: 1,
    generatedAt: new Date().toISOString(),
    tendVersion: TEND_VERSION,
    reference: info(reference),
    current: info(current),
    mapping: {
      segments: options.segments ?? [],
      ignored: [...ignored],
    },
    settings: { preset, stattest: options.stattest ?? {} },
    dataset: { quality: datasetQuality(reference, current), drift },
    columns,
  };
  if (options.threshold !== undefined) report.settings.threshold = options.threshold;
  if (options.target) report.mapping.target = options.target;
  if (prediction) report.mapping.prediction = prediction;
  if (options.timestamp) report.mapping.timestamp = options.timestamp;
  if (options.id) report.mapping.id = options.id;
  if (options.target && prediction) {
    report.performance = performanceReport(reference, current, {
      target: options.target,
      prediction,
      segments: options.segments ?? [],
      nResamples: options.bootstrap ?? 200,
      seed: options.seed ?? 0,
      maxBootstrapRows: MAX_BOOTSTRAP_ROWS,
      ...(options.posLabel === undefined ? {} : { posLabel: options.posLabel }),
    });
  }
  if (options.conditions && options.conditions.length > 0) {
    report.conditions = evaluateConditions(report, options.conditions);
  }
  return report;
}

/**
 * The prediction mapping with its kind: several columns are probabilities, one per class; one
 * numerical column with a value strictly between 0 and 1 (and none outside [0, 1]) is a score;
 * anything else holds labels (or, for regression, values).
 *
 * @example
 * resolvePrediction(frame, { columns: ['p'] }).kind; // 'score'
 */
export function resolvePrediction(
  frame: Frame,
  prediction: NonNullable<ReportOptions['prediction']>,
): PredictionMapping {
  if (prediction.columns.length === 0) throw new ReportInputError('--prediction names no column');
  if (prediction.kind) return { kind: prediction.kind, columns: prediction.columns };
  if (prediction.columns.length > 1) return { kind: 'probabilities', columns: prediction.columns };
  const column = frame.columns.find((c) => c.name === prediction.columns[0]) as Column;
  if (column.kind !== 'numerical') return { kind: 'label', columns: prediction.columns };
  let fractional = false;
  for (const v of numbersOf(column)) {
    if (Number.isNaN(v)) continue;
    if (v < 0 || v > 1) return { kind: 'label', columns: prediction.columns };
    if (v > 0 && v < 1) fractional = true;
  }
  return { kind: fractional ? 'score' : 'label', columns: prediction.columns };
}

function info(frame: Frame): Report['reference'] {
  return {
    path: frame.source,
    format: frame.format,
    rows: frame.rowCount,
    columns: frame.columns.length,
  };
}
