/**
 * On large files the multivariate fit runs in the thread that read the current file, started
 * as soon as the reference is sampled. That runs from the compiled package (a worker thread
 * needs JavaScript), which `npm test` builds first; the same report from the TypeScript source
 * reads and fits on one thread, so the two must agree exactly.
 */
import { existsSync, statSync } from 'node:fs';
import { createRng } from '@tend/core';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, tempDir } from '../../test/support/temp-files.js';
import { PARALLEL_MIN_BYTES } from '../io/read-frame-pair.js';
import { buildReport } from './build-report.js';

const DIST = new URL('../../dist/report/build-report.js', import.meta.url);
if (!existsSync(DIST)) throw new Error('build the packages first: npm run build');
const compiled = (await import(DIST.href)) as typeof import('./build-report.js');

const tmp = tempDir();
afterAll(() => tmp.remove());

/** Rows of five numerical features (three decimals) and a category, `shift` added to f0. */
function rows(n: number, seed: number, shift: number): (string | number)[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => [
    ...Array.from({ length: 5 }, (_, j) =>
      (100 * rng.next() + (j === 0 ? shift : 0) + 1000 * j).toFixed(3),
    ),
    `c${rng.nextInt(4)}`,
  ]);
}
const header = ['f0', 'f1', 'f2', 'f3', 'f4', 'cat'];
// Large enough together to be read in parallel (and fitted in a worker).
const n = 110_000;
const reference = tmp.write('ref.csv', csv(header, rows(n, 1, 0)));
const current = tmp.write('cur.csv', csv(header, rows(n, 2, 10)));

describe('multivariate drift fitted early in the worker', () => {
  it('is the fit done on one thread', async () => {
    const fromWorker = await compiled.buildReport({ reference, current });
    const here = await buildReport({ reference, current });
    expect(fromWorker.dataset.drift.multivariate?.domainClassifier?.rocAuc).toBeGreaterThan(0.55);
    expect(fromWorker.dataset.drift.multivariate).toEqual(here.dataset.drift.multivariate);
  });

  it('is done again when the current file is read again with the reference kinds', async () => {
    // f2 holds a text in the current file: inferred categorical there, the file is read again
    // with the reference's kinds, and the early fit (without f2) does not stand.
    const odd = rows(n, 2, 10);
    odd[7][2] = 'n/a?';
    const mixed = tmp.write('mixed.csv', csv(header, odd));
    const fromWorker = await compiled.buildReport({ reference, current: mixed });
    const here = await buildReport({ reference, current: mixed });
    expect(fromWorker.dataset.drift.multivariate?.domainClassifier).toBeDefined();
    expect(fromWorker.dataset.drift.multivariate).toEqual(here.dataset.drift.multivariate);
  });

  it('uses files above the parallel threshold', () => {
    const size = (path: string) => statSync(path).size;
    expect(size(reference) + size(current)).toBeGreaterThan(PARALLEL_MIN_BYTES);
  });
});
