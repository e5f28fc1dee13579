/**
 * Worker-thread entry of {@link sortAll}: sorts the arrays it is sent, in place, and sends
 * them back (transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { sortNumbers } from '@tend/core';

parentPort?.once('message', (arrays: Float64Array[]) => {
  for (const a of arrays) sortNumbers(a);
  parentPort?.postMessage(
    arrays,
    arrays.map((a) => a.buffer as ArrayBuffer),
  );
});
