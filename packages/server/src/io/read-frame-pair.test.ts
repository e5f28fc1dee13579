/**
 * The parallel read runs from the compiled package (a worker thread needs JavaScript), which
 * `npm test` builds before the tests run.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, tempDir } from '../../test/support/temp-files.js';
import type { TaskWorker } from '../compiled-worker.js';
import { type NumericColumn, numbersOf } from './frame.js';
import { prepareFrame } from './prepare-frame.js';
import { readFrame } from './read-frame.js';

const DIST = new URL('../../dist/io/read-frame-pair.js', import.meta.url);
if (!existsSync(DIST)) throw new Error('build the packages first: npm run build');
const { canUseWorker, readFramePair } = (await import(
  DIST.href
)) as typeof import('./read-frame-pair.js');
// The compiled package's own error class (the source's is a different class object).
const { ReadError } = (await import(
  new URL('../../dist/io/read-error.js', import.meta.url).href
)) as typeof import('./read-error.js');

const tmp = tempDir();
afterAll(() => tmp.remove());
const BIG = Number.MAX_SAFE_INTEGER; // as if the files were large: use the worker

const rows = Array.from({ length: 500 }, (_, i) => [i, `c${i % 7}`, (i * 37) % 101, i % 3]);
const ref = tmp.write('ref.csv', csv(['id', 'cat', 'x', 'code'], rows));
const cur = tmp.write(
  'cur.csv',
  csv(
    ['id', 'cat', 'x', 'code', 'extra'],
    rows.map((r) => [...r, 1]),
  ),
);

describe('readFramePair', () => {
  it('uses a worker from the built package', () => {
    expect(canUseWorker()).toBe(true);
  });

  it('gives what reading one after the other with the reference schema gives', async () => {
    const kinds = { code: 'categorical' as const };
    const [a, b] = await readFramePair(ref, cur, { kinds }, BIG);
    const seqRef = await readFrame(ref, { kinds });
    const seqCur = await readFrame(cur, {
      schema: new Map(seqRef.columns.map((c) => [c.name, c.kind])),
    });
    expect(a).toEqual(seqRef);
    expect(b).toEqual(seqCur);
    expect(b.columns.find((c) => c.name === 'code')?.kind).toBe('categorical');
  });

  it("reads the current file again with the reference's kinds when its own differ", async () => {
    const mixed = tmp.write(
      'mixed.csv',
      csv(
        ['id', 'cat', 'x', 'code'],
        rows.map((r, i) => (i === 3 ? [r[0], r[1], 'n/a?', r[3]] : r)),
      ),
    );
    const [, b] = await readFramePair(ref, mixed, {}, BIG);
    const x = b.columns.find((c) => c.name === 'x') as NumericColumn;
    expect(x.kind).toBe('numerical');
    expect(x.invalid).toBe(1);
    expect(Number.isNaN(numbersOf(x)[3])).toBe(true);
  });

  it("reports a read error of either file with the file's name and line", async () => {
    const ragged = tmp.write('ragged.csv', 'id,cat\n1,a\n2\n');
    const e1 = await readFramePair(ref, ragged, {}, BIG).catch((e) => e);
    expect(e1).toBeInstanceOf(ReadError);
    expect(e1.message).toMatch(/ragged\.csv:3: /);
    expect(e1.line).toBe(3);
    const e2 = await readFramePair(ragged, cur, {}, BIG).catch((e) => e);
    expect(e2).toBeInstanceOf(ReadError);
    expect(e2.message).toMatch(/ragged\.csv:3: /);
  });

  it('prepares each file where it is read as prepareFrame does, the current with seed + 1', async () => {
    const prepare = { keepOrder: ['id'], sampleRows: 100, seed: 5 };
    const [a, b] = await readFramePair(ref, cur, { prepare }, BIG);
    const seqRef = await readFrame(ref, {});
    prepareFrame(seqRef, prepare);
    const seqCur = await readFrame(cur, {
      schema: new Map(seqRef.columns.map((c) => [c.name, c.kind])),
    });
    prepareFrame(seqCur, { ...prepare, seed: 6 });
    expect(a).toEqual(seqRef);
    expect(b).toEqual(seqCur);
    const x = b.columns.find((c) => c.name === 'x') as NumericColumn;
    expect(x.sorted).toBe(true);
    expect((b.columns.find((c) => c.name === 'id') as NumericColumn).sorted).toBeUndefined();
    expect(b.rowSample?.rows.length).toBe(100);
    expect(a.rowSample?.rows).not.toEqual(b.rowSample?.rows);
  });

  it("reports the current file's error when its worker fails while the reference is read", async () => {
    const big = tmp.write(
      'big.csv',
      csv(
        ['a', 'b', 'c'],
        Array.from({ length: 1_000_000 }, (_, i) => [i, i % 7, `c${i % 5}`]),
      ),
    );
    const ragged = tmp.write('ragged-early.csv', 'a,b,c\n1,2,3\n4,5\n');
    const e = await readFramePair(big, ragged, {}, BIG).catch((error) => error);
    expect(e).toBeInstanceOf(ReadError);
    expect(e.code).toBe('ragged_row');
    expect(e.line).toBe(3);
    // A missing file is said before either file is read.
    const missing = await readFramePair(big, join(dirname(big), 'missing.csv'), {}, BIG).catch(
      (error) => error,
    );
    expect(missing.code).toBe('not_found');
  });

  it('hands over the sampled reference and the worker, whose task sees the current sample', async () => {
    const prepare = { keepOrder: [], sampleRows: 50, seed: 2 };
    const task = pathToFileURL(
      tmp.write(
        'sample-task.mjs',
        `export function runJob(job, context) {
  return { asked: job, columns: context.rowSample.columns, rows: [...context.rowSample.rows] };
}`,
      ),
    );
    let handed: { sorted: boolean; sample: number[]; reply: Promise<unknown> } | undefined;
    const [a, b] = await readFramePair(
      ref,
      cur,
      {
        prepare,
        onReferenceSample: (reference, worker) => {
          const x = reference.columns.find((c) => c.name === 'x') as NumericColumn;
          handed = {
            sorted: x.sorted === true,
            sample: [...(reference.rowSample?.rows ?? [])],
            reply: (worker as TaskWorker).run(task, 'hello'),
          };
        },
      },
      BIG,
    );
    expect(handed?.sorted).toBe(false); // sampled, not yet sorted
    expect(handed?.sample).toEqual([...(a.rowSample?.rows ?? [])]);
    expect((a.columns.find((c) => c.name === 'x') as NumericColumn).sorted).toBe(true);
    await expect(handed?.reply).resolves.toEqual({
      asked: 'hello',
      columns: b.rowSample?.columns,
      rows: [...(b.rowSample?.rows ?? [])],
    });
  });

  it('gives no worker when both files are read on this thread', async () => {
    const workers: unknown[] = [];
    await readFramePair(ref, cur, { onReferenceSample: (_, w) => workers.push(w) }, 1000);
    expect(workers).toEqual([undefined]);
  });
});
