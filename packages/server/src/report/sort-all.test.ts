/** The worker runs from the compiled package, which `npm test` builds before the tests. */
import { existsSync } from 'node:fs';
import { createRng } from '@tend/core';
import { describe, expect, it } from 'vitest';

const DIST = new URL('../../dist/report/sort-all.js', import.meta.url);
if (!existsSync(DIST)) throw new Error('build the packages first: npm run build');
const { sortAll } = (await import(DIST.href)) as typeof import('./sort-all.js');

function randomArrays(sizes: number[], seed: number): Float64Array[] {
  const rng = createRng(seed);
  return sizes.map((n) => Float64Array.from({ length: n }, () => rng.next() * 200 - 100));
}

describe('sortAll', () => {
  it('sorts every array, half of them in a worker, and keeps their order', async () => {
    const arrays = randomArrays([5000, 100, 3000, 0, 4000, 1], 1);
    const expected = arrays.map((a) => a.slice().sort());
    const sorted = await sortAll(arrays, 1); // force the worker
    expect(sorted).toEqual(expected);
    // The arrays sent to the worker came back as new ones; the rest were sorted in place.
    expect(sorted.filter((a, i) => a !== arrays[i]).length).toBeGreaterThan(0);
  });

  it('sorts on this thread alone below the threshold', async () => {
    const arrays = randomArrays([10, 20], 2);
    const sorted = await sortAll(arrays);
    sorted.forEach((a, i) => {
      expect(a).toBe(arrays[i]);
      expect(a).toEqual(a.slice().sort());
    });
  });
});
