import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
