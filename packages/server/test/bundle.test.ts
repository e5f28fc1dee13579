/**
 * The `tend` command as users run it: `bin/tend.js`, which loads the esbuild bundle that
 * `npm run build` writes to dist/bundle/ (the root `test` script builds first). Large enough
 * files take the worker-thread paths, so the bundle's workers are found and run too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PARALLEL_MIN_BYTES } from '../src/io/read-frame-pair.js';
import { buildReport } from '../src/report/build-report.js';
import { csv, tempDir } from './support/temp-files.js';

const BIN = fileURLToPath(new URL('../bin/tend.js', import.meta.url));
const BUNDLE = new URL('../dist/bundle/main.js', import.meta.url);
if (!existsSync(BUNDLE)) throw new Error('build the packages first: npm run build');

const tmp = tempDir();
afterAll(() => tmp.remove());

function tend(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
}

describe('bin/tend.js (the bundle)', () => {
  it('answers --help', () => {
    const r = tend(['report', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: tend report/);
  });

  it('reports on files large enough for its worker threads as one thread does', async () => {
    // 320 000 rows a file (~9 MB together): the parallel read and the multivariate worker run.
    const rows = (shift: number) =>
      Array.from({ length: 320_000 }, (_, i) => [
        ((i * 7919) % 1000) / 10 + shift,
        (i * 104729) % 97,
        ((i * 31) % 1000) / 100,
        ['a', 'b', 'c'][i % 3],
      ]);
    const ref = tmp.write('ref.csv', csv(['x', 'y', 'z', 'k'], rows(0)));
    const cur = tmp.write('cur.csv', csv(['x', 'y', 'z', 'k'], rows(30)));
    expect(statSync(ref).size + statSync(cur).size).toBeGreaterThan(PARALLEL_MIN_BYTES);
    const out = tmp.write('report.json', '');
    const r = tend(['report', ref, cur, '--json', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const fromBundle = JSON.parse(readFileSync(out, 'utf8'));
    // From the TypeScript source, where no worker can start: everything on this thread.
    const direct = await buildReport({ reference: ref, current: cur });
    const strip = (x: { generatedAt?: string }) => ({ ...x, generatedAt: undefined });
    expect(strip(fromBundle)).toEqual(strip(JSON.parse(JSON.stringify(direct))));
    expect(fromBundle.dataset.drift.multivariate.domainClassifier.rocAuc).toBeGreaterThan(0.5);
    expect(fromBundle.columns.find((c: { name: string }) => c.name === 'x').drift.drifted).toBe(
      true,
    );
  });
});
