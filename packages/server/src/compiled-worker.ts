import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Whether a worker thread's entry can be started: it is compiled JavaScript that exists. From
 * TypeScript source (the tests) it is not, and callers do the work on this thread instead.
 *
 * @example
 * compiledWorkerExists(new URL('./io/read-worker.js', import.meta.url)); // true after `npm run build`
 */
export function compiledWorkerExists(entry: URL): boolean {
  return entry.pathname.endsWith('.js') && existsSync(fileURLToPath(entry));
}

/** A worker started ahead of its one job, so that its start-up overlaps other work. */
export interface StandbyWorker {
  /**
   * Send the job (transferring `transfer`) and resolve with the first message the worker
   * sends back; the worker is ended then. A `{ failure }` reply or an uncaught error in the
   * worker rejects. Once only.
   */
  run<T>(message: unknown, transfer?: ArrayBuffer[]): Promise<T>;
  /** End the worker without a job. */
  stop(): void;
}

/**
 * Start a compiled worker entry now and give it its job later.
 *
 * @example
 * const standby = startWorker(new URL('./report/multivariate-worker.js', import.meta.url)); // … later: await standby.run(job)
 */
export function startWorker(entry: URL): StandbyWorker {
  const worker = new Worker(entry);
  // Idle, it must not keep the process alive (a report that fails before its job ends then).
  worker.unref();
  // An error before the job is sent is kept for the job's promise.
  let early: unknown;
  const onEarly = (error: unknown) => {
    early = error;
  };
  worker.once('error', onEarly);
  return {
    run<T>(message: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
      return new Promise((resolve, reject) => {
        if (early !== undefined) {
          reject(early);
          return;
        }
        worker.off('error', onEarly);
        worker.ref();
        worker.once('message', (reply: T | { failure: string }) => {
          void worker.terminate();
          if (reply !== null && typeof reply === 'object' && 'failure' in reply) {
            reject(new Error(`${fileURLToPath(entry)} failed: ${reply.failure}`));
          } else resolve(reply as T);
        });
        worker.once('error', reject);
        worker.postMessage(message, transfer);
      });
    },
    stop() {
      void worker.terminate();
    },
  };
}
