/**
 * Read the reference and current files at the same time, one of them in a worker thread, so
 * the two cores share the largest part of a report's work.
 *
 * The current file is read without the reference's schema (both are read at once) and its
 * kinds inferred on their own; wherever a column's inferred kind differs from the
 * reference's, the current file is read again with the reference's schema, so the result is
 * always what reading it with that schema gives: values that do not parse as the
 * reference's kind counted as invalid, never coerced. Kinds inferred from the same cells
 * agree with kinds given, so when they agree no second read is needed.
 */
import { Worker } from 'node:worker_threads';
import { compiledWorkerExists, holdWorker, type TaskWorker } from '../compiled-worker.js';
import type { Frame } from './frame.js';
import { type PrepareOptions, prepareFrame, sampleFrame, sortFrame } from './prepare-frame.js';
import { ReadError, type ReadErrorCode } from './read-error.js';
import { checkFile, readFrame } from './read-frame.js';
import type { ReadOptions } from './read-options.js';

/** Files smaller than this (both together, bytes) are read one after the other. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

/** The compiled worker; absent when running from TypeScript source (tests), then no worker. */
const WORKER = new URL('./read-worker.js', import.meta.url);

/**
 * Read a file in a worker thread; `stop()` ends the worker early (the other read failed).
 * With `keep`, the worker stays after sending the frame, for one task (`worker`).
 */
function inWorker(
  path: string,
  options: ReadOptions,
  prepare: PrepareOptions | undefined,
  keep: boolean,
): { frame: Promise<Frame>; stop(): void; worker: TaskWorker } {
  const thread = new Worker(WORKER, { workerData: { path, options, prepare } });
  const worker = holdWorker(thread, 'the thread that read the current file', true);
  const frame = new Promise<Frame>((resolve, reject) => {
    thread.once('message', (message) => {
      if (message.frame) {
        resolve(message.frame as Frame);
        if (keep) {
          worker.settle();
          return;
        }
      } else if (message.readError) {
        const e = message.readError;
        const place: { line?: number; column?: string } = {};
        if (e.line !== undefined) place.line = e.line;
        if (e.column !== undefined) place.column = e.column;
        const error = new ReadError(e.file, e.code as ReadErrorCode, '', place);
        error.message = e.message;
        reject(error);
      } else reject(new Error(`reading ${path} in a worker failed: ${message.failure}`));
      void thread.terminate();
    });
    thread.once('error', reject);
  });
  return { frame, stop: () => void thread.terminate(), worker };
}

/**
 * Whether the worker can be used here: the compiled file exists (not when running from source).
 *
 * @example
 * canUseWorker(); // true after `npm run build`
 */
export function canUseWorker(): boolean {
  return compiledWorkerExists(WORKER);
}

/**
 * Read both files; the current one with the reference's kinds (see the module comment).
 * `progress` reports each file's bytes as `readFrame` does. With `onReferenceSample`, the
 * worker thread reading the current file is kept for one task and handed over, with the
 * reference, as soon as the reference's rows are sampled (before its columns are sorted), so
 * that a task on the two samples can start while this thread sorts; the callback runs or stops
 * it. Both files read here (small files), the callback gets no worker.
 *
 * @example
 * const [reference, current] = await readFramePair('ref.csv', 'cur.csv', {}, 300e6);
 */
export async function readFramePair(
  referencePath: string,
  currentPath: string,
  options: Omit<ReadOptions, 'schema' | 'onProgress'> & {
    onProgress?: (file: 0 | 1, read: number, total: number) => void;
    /**
     * Prepare each frame for a report where it was read (`prepareFrame`); the current file's
     * rows are drawn with `seed + 1`.
     */
    prepare?: PrepareOptions;
    onReferenceSample?: (reference: Frame, worker: TaskWorker | undefined) => void;
  },
  totalBytes: number,
): Promise<[Frame, Frame]> {
  const { onProgress, prepare, onReferenceSample, ...common } = options;
  // A missing or empty file is said at once, before a minute of reading the other one.
  await checkFile(referencePath);
  await checkFile(currentPath);
  // The current file's sample is drawn with the next seed, so the two files' draws differ.
  const currentPrepare = prepare && { ...prepare, seed: prepare.seed + 1 };
  const { kinds: given, ...rest } = common;
  const refOptions: ReadOptions = { ...common };
  if (onProgress) refOptions.onProgress = (r, t) => onProgress(0, r, t);
  // The reference is sampled, handed to `onReferenceSample` (with the worker, when one reads
  // the current file), then sorted.
  const readReference = async (worker?: TaskWorker) => {
    const frame = await readFrame(referencePath, refOptions);
    if (prepare) sampleFrame(frame, prepare);
    onReferenceSample?.(frame, worker);
    if (prepare) sortFrame(frame, prepare);
    return frame;
  };
  const readCurrent = async (o: ReadOptions) => {
    const frame = await readFrame(currentPath, o);
    if (currentPrepare) prepareFrame(frame, currentPrepare);
    return frame;
  };
  const withSchema = (reference: Frame): ReadOptions => {
    // The reference's kinds already hold the user's overrides.
    const o: ReadOptions = {
      ...rest,
      schema: new Map(reference.columns.map((c) => [c.name, c.kind])),
    };
    if (onProgress) o.onProgress = (r, t) => onProgress(1, r, t);
    return o;
  };
  if (totalBytes < PARALLEL_MIN_BYTES || !canUseWorker()) {
    const reference = await readReference();
    return [reference, await readCurrent(withSchema(reference))];
  }
  // The worker holds no progress callback (functions do not cross threads): the bar follows
  // the reference, read here at the same pace. The user's kind overrides go as a schema,
  // which, unlike `kinds`, does not insist that every column it names is in the file.
  const currentOptions: ReadOptions = { ...rest, schema: new Map(Object.entries(given ?? {})) };
  const keep = onReferenceSample !== undefined;
  const job = inWorker(currentPath, currentOptions, currentPrepare, keep);
  // The worker may fail (a missing file, a ragged row) while this thread still reads the
  // reference: hold its outcome, so its error is reported below and never left unhandled.
  const outcome = job.frame.then(
    (frame) => ({ frame }),
    (error: unknown) => ({ error }),
  );
  let reference: Frame;
  try {
    reference = await readReference(keep ? job.worker : undefined);
  } catch (error) {
    job.stop();
    throw error;
  }
  const settled = await outcome;
  if ('error' in settled) throw settled.error;
  const current = settled.frame;
  const kinds = new Map(reference.columns.map((c) => [c.name, c.kind]));
  const agree = current.columns.every((c) => !kinds.has(c.name) || kinds.get(c.name) === c.kind);
  if (agree) return [reference, current];
  return [reference, await readCurrent(withSchema(reference))];
}
