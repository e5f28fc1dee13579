/**
 * Worker-thread entry of {@link readFramePair}: reads one file (and prepares it for a report
 * when asked: `prepareFrame`) and posts back the Frame, its typed arrays transferred rather
 * than copied, or the read error as plain data. Then it serves one task (`serveTask`) if the
 * parent keeps it for one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveTask } from '../compiled-worker.js';
import { copySample } from './frame.js';
import { type PrepareOptions, prepareFrame } from './prepare-frame.js';
import { ReadError } from './read-error.js';
import { readFrame } from './read-frame.js';
import type { ReadOptions } from './read-options.js';

const { path, options, prepare } = workerData as {
  path: string;
  options: ReadOptions;
  prepare?: PrepareOptions;
};
try {
  const frame = await readFrame(path, options);
  if (prepare) prepareFrame(frame, prepare);
  const buffers = frame.columns.map((c) =>
    c.kind === 'categorical' ? c.codes.buffer : (c.values ?? c.scaled!.ints).buffer,
  );
  // A task may need the sample of rows after the frame has gone (a multivariate fit): a copy.
  const sample = frame.rowSample;
  const context = sample && { rowSample: copySample(sample) };
  if (sample) buffers.push(sample.rows.buffer, sample.values.buffer);
  parentPort?.postMessage({ frame }, buffers as ArrayBuffer[]);
  // Warm, with the shared code compiled, the thread then runs one more task if sent one.
  if (parentPort) serveTask(parentPort, context);
} catch (error) {
  if (error instanceof ReadError) {
    parentPort?.postMessage({
      readError: {
        file: error.file,
        code: error.code,
        message: error.message,
        line: error.line,
        column: error.column,
      },
    });
  } else {
    parentPort?.postMessage({
      failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}
