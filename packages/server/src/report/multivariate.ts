/**
 * Multivariate drift of the numerical features: a domain classifier (can a model tell
 * current rows from reference rows?) and PCA reconstruction error (do current rows still lie
 * where the reference's main directions of variation predict?). Rows with a missing value in
 * any of these columns are left out; each side is subsampled (seeded, by `prepareFrame` as the
 * file is read) to keep this fast.
 */
import { domainClassifierAuc, pca, reconstructionErrors } from '@tend/core';
import {
  compiledWorkerExists,
  startWorker,
  TASK_WORKER,
  type TaskWorker,
} from '../compiled-worker.js';
import { copySample, type Frame, type RowSample } from '../io/frame.js';
import type { MultivariateDrift } from './report-types.js';

/** AUC at or above which the domain classifier calls drift (0.5: indistinguishable). */
export const DOMAIN_CLASSIFIER_THRESHOLD = 0.55;
/** Share of variance the PCA keeps, NannyML's default for data reconstruction. */
const PCA_VARIANCE = 0.65;
/** Standard errors above the reference's mean error that count as drift (NannyML's 3σ). */
const SIGMAS = 3;
/**
 * Rows per side fed to the multivariate methods: enough to see an AUC of 0.55 (its standard
 * error under no drift at 5 000 rows a side is about 0.006, so 0.55 is eight of them away),
 * and the five logistic fits take a fraction of a second.
 */
const MAX_ROWS = 5000;
/**
 * Candidate rows each file samples before its columns are sorted (`prepareFrame`): four per
 * row used, so a file with a quarter of its rows incomplete still fills the sample.
 */
export const SAMPLE_CANDIDATES = 4 * MAX_ROWS;
/** Rows of both files from which the fitting moves to a worker thread. */
const PARALLEL_MIN_ROWS = 100_000;
/** The fit as a task for a worker thread (`TaskWorker`). */
const TASK = new URL('./multivariate-task.js', import.meta.url);

/**
 * Complete rows of the named numerical columns from a frame's row sample: the first `max`
 * candidates (in their random order) with a value in every named column, back in file order,
 * row-major in one buffer. A random subset of all rows, filtered to complete ones, is a random
 * subset of the complete rows.
 */
function completeRows(sample: RowSample, names: string[], max: number): Float64Array {
  const width = sample.columns.length;
  const at = names.map((n) => sample.columns.indexOf(n));
  const kept: number[] = [];
  for (let r = 0; r < sample.rows.length && kept.length < max; r++) {
    if (at.every((j) => j >= 0 && !Number.isNaN(sample.values[r * width + j]))) kept.push(r);
  }
  kept.sort((a, b) => sample.rows[a] - sample.rows[b]);
  const p = names.length;
  const data = new Float64Array(kept.length * p);
  kept.forEach((r, k) => {
    for (let j = 0; j < p; j++) data[k * p + j] = sample.values[r * width + at[j]];
  });
  return data;
}

/** The fit's input: the complete rows of `names` in both samples, at most MAX_ROWS a side. */
function jobOf(
  reference: RowSample,
  current: RowSample,
  names: string[],
  seed: number,
): MultivariateJob {
  return {
    reference: completeRows(reference, names, MAX_ROWS),
    current: completeRows(current, names, MAX_ROWS),
    columns: names.length,
    seed,
  };
}

/** Rows of a row-major buffer of `p` columns, as views. */
function rowsOf(data: Float64Array, p: number): Float64Array[] {
  return Array.from({ length: data.length / p }, (_, r) => data.subarray(r * p, (r + 1) * p));
}

/**
 * Both multivariate measures on the numerical feature columns `names`, or undefined when
 * fewer than two columns or too few complete rows make them meaningless. On large files the
 * fitting runs in a worker thread, so the caller's per-column work goes on meanwhile. `early`
 * is the fit a worker started before the reference was sorted ({@link multivariateEarly}):
 * its result stands when it fitted these very columns (it may not have: the current file
 * re-read with the reference's kinds), else the fit is done here.
 *
 * @example
 * (await multivariateDrift(ref, cur, ['age', 'income', 'tenure'], 0))?.domainClassifier?.rocAuc; // 0.51
 */
export async function multivariateDrift(
  reference: Frame,
  current: Frame,
  names: string[],
  seed: number,
  early?: Promise<EarlyMultivariate>,
): Promise<MultivariateDrift | undefined> {
  const started = await early?.catch(() => undefined);
  if (started && started.names.join('\n') === names.join('\n')) {
    return started.result ?? undefined;
  }
  if (names.length < 2 || !reference.rowSample || !current.rowSample) return undefined;
  const job = jobOf(reference.rowSample, current.rowSample, names, seed);
  const large = reference.rowCount + current.rowCount >= PARALLEL_MIN_ROWS;
  if (!large || !compiledWorkerExists(TASK) || !compiledWorkerExists(TASK_WORKER)) {
    return multivariateOfRows(job);
  }
  const result = await startWorker(TASK_WORKER).run<MultivariateDrift | null>(TASK, job, [
    job.reference.buffer as ArrayBuffer,
    job.current.buffer as ArrayBuffer,
  ]);
  return result ?? undefined;
}

/** What a fit started early gives: the columns it fitted (see {@link multivariateEarly}) and its result. */
export interface EarlyMultivariate {
  names: string[];
  result: MultivariateDrift | null;
}

/** The task of {@link multivariateEarly}: the reference's sample, the columns and the seed. */
export interface EarlyJob {
  reference: RowSample;
  names: string[];
  seed: number;
}

/**
 * Start the multivariate fit in `worker`, the thread that read the current file and keeps its
 * sample of rows, as soon as the reference is sampled: on `names` (the reference's numerical
 * features) that the current sample also holds. The worker is otherwise idle until this
 * thread has sorted the reference, so the fit leaves the report's critical path.
 *
 * @example
 * const early = multivariateEarly(reference, ['age', 'income'], 0, worker); // … multivariateDrift(…, early)
 */
export function multivariateEarly(
  reference: Frame,
  names: string[],
  seed: number,
  worker: TaskWorker,
): Promise<EarlyMultivariate> {
  const sample = reference.rowSample as RowSample;
  // A copy: this thread keeps its sample for a fit of its own, should this one not stand.
  const copy = copySample(sample);
  const job: EarlyJob = { reference: copy, names, seed };
  return worker.run<EarlyMultivariate>(TASK, job, [
    copy.rows.buffer as ArrayBuffer,
    copy.values.buffer as ArrayBuffer,
  ]);
}

/**
 * The worker's part of {@link multivariateEarly}: the fit on the columns of `names` that both
 * samples hold.
 *
 * @example
 * earlyOfSamples({ reference, names: ['a', 'b'], seed: 0 }, currentSample).names; // ['a', 'b']
 */
export function earlyOfSamples(job: EarlyJob, current: RowSample): EarlyMultivariate {
  const names = job.names.filter((n) => current.columns.includes(n));
  if (names.length < 2) return { names, result: null };
  const result = multivariateOfRows(jobOf(job.reference, current, names, job.seed));
  return { names, result: result ?? null };
}

/** What the multivariate step computes on: two row samples, row-major. */
export interface MultivariateJob {
  reference: Float64Array;
  current: Float64Array;
  columns: number;
  seed: number;
}

/**
 * The two measures on sampled rows (the worker's part of {@link multivariateDrift}).
 *
 * @example
 * multivariateOfRows({ reference, current, columns: 3, seed: 0 })?.pcaReconstruction?.drifted; // false
 */
export function multivariateOfRows(job: MultivariateJob): MultivariateDrift | undefined {
  const { columns, seed } = job;
  const ref = rowsOf(job.reference, columns);
  const cur = rowsOf(job.current, columns);
  if (ref.length < 20 || cur.length < 20) return undefined;
  const out: MultivariateDrift = {};
  const folds = 5;
  const dc = domainClassifierAuc(ref, cur, { folds, seed, maxRows: MAX_ROWS });
  out.domainClassifier = {
    rocAuc: dc.rocAuc,
    folds,
    seed,
    threshold: DOMAIN_CLASSIFIER_THRESHOLD,
    drifted: dc.rocAuc >= DOMAIN_CLASSIFIER_THRESHOLD,
  };
  const model = pca(ref, { varianceRatio: PCA_VARIANCE });
  // Keeping every component reconstructs any row exactly: the error is rounding noise and
  // says nothing, so the measure is left out.
  if (model.nComponents >= columns) return out;
  const refErrors = reconstructionErrors(model, ref);
  const curErrors = reconstructionErrors(model, cur);
  const mean = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const referenceError = mean(refErrors);
  const currentError = mean(curErrors);
  let ss = 0;
  for (const e of refErrors) ss += (e - referenceError) ** 2;
  const sd = Math.sqrt(ss / (refErrors.length - 1));
  const threshold = referenceError + (SIGMAS * sd) / Math.sqrt(curErrors.length);
  out.pcaReconstruction = {
    components: model.nComponents,
    referenceError,
    currentError,
    relativeChange: referenceError === 0 ? 0 : currentError / referenceError - 1,
    threshold,
    drifted: currentError > threshold,
  };
  return out;
}
