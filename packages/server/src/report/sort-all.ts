/**
 * Sort many numeric columns at once on both cores: half of them in a worker thread while this
 * thread sorts the rest. On a million rows a sort costs 20–150 ms, and a report sorts every
 * numerical column of both files, so this halves the largest part of its column work.
 */
import { sortNumbers } from '@tend/core';
import { compiledWorkerExists, runWorker } from '../compiled-worker.js';

/** Below this many values in all, a worker's start-up costs more than it saves. */
export const PARALLEL_SORT_MIN_VALUES = 2_000_000;

const WORKER = new URL('./sort-worker.js', import.meta.url);

/**
 * Sort every array ascending (as `Float64Array.prototype.sort`, by `sortNumbers`), returning the sorted arrays
 * in the same order. Arrays sent to the worker are transferred: the returned array replaces
 * the one passed in, which must not be used afterwards. An array may be a view of a larger
 * buffer; the whole buffer travels, so no two arrays may share one.
 *
 * @example
 * const [a, b] = await sortAll([Float64Array.of(2, 1), Float64Array.of(5, 3)]); // [1, 2], [3, 5]
 */
export async function sortAll(
  arrays: Float64Array[],
  minValues = PARALLEL_SORT_MIN_VALUES,
): Promise<Float64Array[]> {
  const total = arrays.reduce((s, a) => s + a.length, 0);
  if (total < minValues || arrays.length < 2 || !compiledWorkerExists(WORKER))
    return arrays.map((a) => sortNumbers(a));
  // Deal the arrays, largest first, to whichever side has fewer values so far.
  const order = arrays.map((_, i) => i).sort((i, j) => arrays[j].length - arrays[i].length);
  const mine: number[] = [];
  const theirs: number[] = [];
  let mineSize = 0;
  let theirSize = 0;
  for (const i of order) {
    if (theirSize <= mineSize) {
      theirs.push(i);
      theirSize += arrays[i].length;
    } else {
      mine.push(i);
      mineSize += arrays[i].length;
    }
  }
  const out = arrays.slice();
  const sent = theirs.map((i) => arrays[i]);
  const pending = runWorker<Float64Array[]>(
    WORKER,
    sent,
    sent.map((a) => a.buffer as ArrayBuffer),
  );
  for (const i of mine) out[i] = sortNumbers(arrays[i]);
  const back = await pending;
  theirs.forEach((i, k) => {
    out[i] = back[k];
  });
  return out;
}
