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

/**
 * Start a compiled worker entry, send it `message` (transferring `transfer`), and resolve with
 * the first message it sends back; the worker is ended then. An `{ failure }` reply or an
 * uncaught error in the worker rejects.
 *
 * @example
 * const result = await runWorker<{ result: unknown }>(new URL('./report/multivariate-worker.js', import.meta.url), job);
 */
export function runWorker<T>(
  entry: URL,
  message: unknown,
  transfer: ArrayBuffer[] = [],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry);
    worker.once('message', (reply: T | { failure: string }) => {
      void worker.terminate();
      if (reply !== null && typeof reply === 'object' && 'failure' in reply) {
        reject(new Error(`${fileURLToPath(entry)} failed: ${reply.failure}`));
      } else resolve(reply as T);
    });
    worker.once('error', reject);
    worker.postMessage(message, transfer);
  });
}
