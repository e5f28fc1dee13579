import {
  accuracyScore,
  createRng,
  fairnessGaps,
  ks2samp,
  meanAbsoluteError,
  rocAucScore,
} from '@tend/core';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, tempDir } from '../../test/support/temp-files.js';
import { buildReport } from './build-report.js';
import { ReportInputError } from './errors.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** A hand-checkable pair: 10 reference rows, 8 current rows. */
const quality = {
  reference: tmp.write(
    'q-ref.csv',
    csv(
      ['age', 'city', 'flag', 'gone'],
      [
        [20, 'a', 1, 1],
        [30, 'b', 1, 1],
        [40, 'a', 1, 1],
        [50, 'b', 1, 1],
        [60, 'a', 1, 1],
        ['', 'a', 1, 1],
        [25, 'b', 1, 1],
        [35, 'a', 1, 1],
        [45, '', 1, 1],
        [55, 'b', 1, 1],
      ],
    ),
  ),
  current: tmp.write(
    'q-cur.csv',
    csv(
      ['age', 'city', 'flag', 'extra'],
      [
        [10, 'a', 1, 0],
        [70, 'c', 1, 0],
        ['oops', 'c', 1, 0],
        ['', 'd', 1, 0],
        [30, 'a', 1, 0],
        [30, 'a', 1, 0],
        [40, 'b', 1, 0],
        [50, 'b', 1, 0],
      ],
    ),
  ),
};

describe('buildReport: data quality', async () => {
  const report = await buildReport({ ...quality, multivariate: false });
  const col = (name: string) => report.columns.find((c) => c.name === name)!;

  it('counts missing, unparsable, out-of-range and new values per column', () => {
    expect(col('age').quality.reference.missingShare).toBe(1 / 10);
    expect(col('age').quality.current.missingShare).toBe(1 / 8);
    expect(col('age').quality.current.invalidCount).toBe(1); // 'oops'
    expect(col('age').quality.current.outOfRangeCount).toBe(2); // 10 and 70 outside [20, 60]
    expect(col('city').quality.current.newCategoryCount).toBe(3); // c, c, d
    expect(col('city').quality.current.newCategories).toEqual(['c', 'd']);
    expect(col('flag').quality.reference.nearConstant).toBe(true);
    expect(col('age').quality.reference.nearConstant).toBe(false);
  });

  it('reports duplicates, columns missing or added, and the change in volume', () => {
    const q = report.dataset.quality;
    expect(q.duplicateRows).toEqual({ reference: 0, current: 1 });
    expect(q.missingColumns).toEqual(['gone']);
    expect(q.addedColumns).toEqual(['extra']);
    expect(q.volumeChange).toBe(-0.2);
    expect(q.referenceRows).toBe(10);
    expect(q.currentRows).toBe(8);
  });

  it('summarises numbers as pandas describe does', () => {
    const s = col('age').summary.reference;
    // 20 25 30 35 40 45 50 55 60 (the empty cell left out)
    expect(s.count).toBe(9);
    expect(s.mean).toBe(40);
    expect(s.median).toBe(40);
    expect(s.q25).toBe(30);
    expect(s.q75).toBe(50);
    expect(s.std).toBeCloseTo(Math.sqrt(1500 / 8), 12);
    expect(col('city').summary.reference.top).toEqual([
      { value: 'a', count: 5 },
      { value: 'b', count: 4 },
    ]);
  });
});

function normals(n: number, seed: number, shift = 0): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    let s = 0;
    for (let k = 0; k < 12; k++) s += rng.next();
    return Number((s - 6 + shift).toFixed(6));
  });
}

describe('buildReport: drift', () => {
  const x = normals(300, 1);
  const y = normals(250, 2, 0.4);
  const z = normals(300, 3);
  const w = normals(250, 4);
  const ref = tmp.write(
    'd-ref.csv',
    csv(
      ['x', 'z'],
      x.map((v, i) => [v, z[i]]),
    ),
  );
  const cur = tmp.write(
    'd-cur.csv',
    csv(
      ['x', 'z'],
      y.map((v, i) => [v, w[i]]),
    ),
  );

  it('forcing ks reproduces ks2samp exactly', async () => {
    const report = await buildReport({
      reference: ref,
      current: cur,
      stattest: { '*': 'ks' },
      multivariate: false,
    });
    const direct = ks2samp(x, y);
    const d = report.columns.find((c) => c.name === 'x')!.drift!;
    expect(d.method).toBe('ks');
    expect(d.statistic).toBe(direct.statistic);
    expect(d.pValue).toBe(direct.pValue);
  });

  it('flags the shifted column, not the stable one, and computes the dataset share', async () => {
    const report = await buildReport({ reference: ref, current: cur, multivariate: false });
    expect(report.dataset.drift.driftedColumns).toEqual(['x']);
    expect(report.dataset.drift.share).toBe(0.5);
    expect(report.dataset.drift.drifted).toBe(true);
    expect(report.dataset.drift.correction).toBe('benjamini-hochberg');
  });

  it('adds multivariate drift lines that see the shift', async () => {
    const report = await buildReport({ reference: ref, current: cur });
    const mv = report.dataset.drift.multivariate!;
    expect(mv.domainClassifier!.rocAuc).toBeGreaterThan(0.55);
    // Two uncorrelated columns need both components for 65 % of the variance: keeping all of
    // them reconstructs every row exactly, so the measure is left out rather than shown as noise.
    expect(mv.pcaReconstruction).toBeUndefined();
  });
});

describe('buildReport: performance', () => {
  const n = 400;
  const rng = createRng(9);
  const rows = Array.from({ length: n }, (_, i) => {
    const y = rng.next() < 0.4 ? 1 : 0;
    const score = Number(Math.min(1, Math.max(0, 0.3 * y + 0.7 * rng.next())).toFixed(4));
    return [y, score, i % 3 === 0 ? 'north' : 'south', rng.next() * 10];
  });
  const ref = tmp.write('p-ref.csv', csv(['y', 'score', 'region', 'v'], rows.slice(0, 200)));
  const cur = tmp.write('p-cur.csv', csv(['y', 'score', 'region', 'v'], rows.slice(200)));
  const part = rows.slice(200);
  const yTrue = part.map((r) => String(r[0]));
  const score = part.map((r) => r[1] as number);
  const yPred = score.map((s) => (s >= 0.5 ? '1' : '0'));

  it('infers a binary task with a score and matches the core metrics', async () => {
    const report = await buildReport({
      reference: ref,
      current: cur,
      target: 'y',
      prediction: { columns: ['score'] },
      segments: ['region'],
      bootstrap: 50,
    });
    expect(report.mapping.prediction).toEqual({ kind: 'score', columns: ['score'] });
    const perf = report.performance!;
    expect(perf.task).toBe('binary');
    expect(perf.current.accuracy.value).toBe(accuracyScore(yTrue, yPred));
    expect(perf.current.rocAuc.value).toBe(rocAucScore(yTrue.map(Number), score));
    expect(perf.current.accuracy.low).toBeLessThanOrEqual(perf.current.accuracy.value);
    expect(perf.current.accuracy.high).toBeGreaterThanOrEqual(perf.current.accuracy.value);
    expect(perf.segments.map((s) => s.value).sort()).toEqual(['north', 'south']);
    const gaps = perf.fairness.find((f) => f.dataset === 'current')!;
    const region = part.map((r) => r[2] as string);
    const direct = fairnessGaps(yTrue, yPred, region, {
      privileged: gaps.privileged,
      favorableLabel: '1',
    });
    expect(gaps.statisticalParityDifference).toBe(direct.statisticalParityDifference);
    expect(gaps.averageOddsDifference).toBe(direct.averageOddsDifference);
  });

  it('treats a many-valued numerical target as regression', async () => {
    const report = await buildReport({
      reference: ref,
      current: cur,
      target: 'v',
      prediction: { columns: ['score'] },
      bootstrap: 0,
      multivariate: false,
    });
    expect(report.performance!.task).toBe('regression');
    const v = part.map((r) => r[3] as number);
    expect(report.performance!.current.mae.value).toBeCloseTo(meanAbsoluteError(v, score), 12);
    expect(report.performance!.current.mae.low).toBeUndefined();
  });

  it('names a mapped column that is not in the file', async () => {
    await expect(buildReport({ reference: ref, current: cur, target: 'nope' })).rejects.toThrow(
      /the target \(--target\) column "nope" is not in the file/,
    );
    await expect(
      buildReport({ reference: ref, current: cur, target: 'nope' }),
    ).rejects.toBeInstanceOf(ReportInputError);
  });

  it('refuses a target without values', async () => {
    const empty = tmp.write(
      'p-empty.csv',
      csv(
        ['y', 'score'],
        [
          ['', 0.5],
          ['', 0.2],
        ],
      ),
    );
    await expect(
      buildReport({
        reference: empty,
        current: empty,
        target: 'y',
        prediction: { columns: ['score'] },
      }),
    ).rejects.toThrow(/target column "y" has no values/);
  });
});

describe('buildReport: mapping', () => {
  const ref = tmp.write(
    'm-ref.ndjson',
    `${Array.from({ length: 30 }, (_, i) => JSON.stringify({ zip: 10000 + (i % 3), n: i, note: `r${i}` })).join('\n')}\n`,
  );
  const cur = tmp.write(
    'm-cur.ndjson',
    `${Array.from({ length: 30 }, (_, i) => JSON.stringify({ zip: 10000 + (i % 4), n: i + 5, note: `c${i}` })).join('\n')}\n`,
  );

  it('reads NDJSON, takes kind overrides, states where kinds came from, and ignores columns', async () => {
    const report = await buildReport({
      reference: ref,
      current: cur,
      categorical: ['zip'],
      ignore: ['note'],
      multivariate: false,
    });
    expect(report.reference.format).toBe('ndjson');
    expect(report.columns.map((c) => [c.name, c.kind, c.kindSource])).toEqual([
      ['zip', 'categorical', 'given'],
      ['n', 'numerical', 'inferred'],
    ]);
    expect(report.mapping.ignored).toEqual(['note']);
    const zip = report.columns[0];
    expect(zip.quality.current.newCategories).toEqual(['10003']);
  });

  it('refuses a column given as both numerical and categorical', async () => {
    await expect(
      buildReport({ reference: ref, current: cur, categorical: ['n'], numerical: ['n'] }),
    ).rejects.toThrow(/column "n" is given as both numerical and categorical/);
  });
});
