/**
 * Worker-thread entry of {@link multivariateDrift}: fits the domain classifier and the PCA on
 * the row samples it is sent and sends back the result (`null` when there is none).
 */
import { parentPort } from 'node:worker_threads';
import { type MultivariateJob, multivariateOfRows } from './multivariate.js';

parentPort?.once('message', (job: MultivariateJob) => {
  try {
    parentPort?.postMessage({ result: multivariateOfRows(job) ?? null });
  } catch (error) {
    parentPort?.postMessage({
      failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
