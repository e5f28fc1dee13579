/**
 * The multivariate fit as a task for a worker thread (`TaskWorker.run`): either a fit of two
 * row samples sent whole ({@link multivariateDrift}), or, in the thread that read the current
 * file, of the reference's sample sent against the thread's own ({@link multivariateEarly}).
 */
import type { RowSample } from '../io/frame.js';
import {
  type EarlyJob,
  type EarlyMultivariate,
  earlyOfSamples,
  type MultivariateJob,
  multivariateOfRows,
} from './multivariate.js';
import type { MultivariateDrift } from './report-types.js';

/**
 * Run a job sent to the worker: an early one when it names columns, else a whole one.
 *
 * @example
 * runJob({ reference, current, columns: 3, seed: 0 })?.domainClassifier?.rocAuc; // 0.51
 */
export function runJob(
  job: MultivariateJob | EarlyJob,
  context?: { rowSample?: RowSample },
): MultivariateDrift | EarlyMultivariate | null {
  if ('names' in job) {
    const current = context?.rowSample;
    if (!current) throw new Error('this thread holds no sample of rows for an early fit');
    return earlyOfSamples(job, current);
  }
  return multivariateOfRows(job) ?? null;
}
