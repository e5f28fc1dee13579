/**
 * Worker-thread entry of {@link readFramePair}: reads one file (and prepares it for a report
 * when asked: `prepareFrame`) and posts back the Frame, its
 * typed arrays transferred rather than copied, or the read error as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
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
  if (frame.rowSample) buffers.push(frame.rowSample.rows.buffer, frame.rowSample.values.buffer);
  parentPort?.postMessage({ frame }, buffers as ArrayBuffer[]);
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
