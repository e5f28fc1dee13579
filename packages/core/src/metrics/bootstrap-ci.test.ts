import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { TendInputError } from '../errors.js';
import { createRng } from '../random/xoshiro128.js';
import {
  accuracyScore,
  bootstrapCi,
  type Label,
  meanAbsoluteError,
  quantileSorted,
  rocAucScore,
} from './index.js';

function expectRefusal(f: () => unknown, argument: string): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error, `bootstrapCi should refuse ${argument}`).toBeInstanceOf(TendInputError);
  expect((error as TendInputError).fn).toBe('bootstrapCi');
  expect((error as TendInputError).argument).toBe(argument);
}

const yTrue = [0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1];
const yPred = [0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1];

describe('bootstrapCi', () => {
  it('matches its doc example and the metric on the full data', () => {
    expect(bootstrapCi(accuracyScore, [1, 0, 1, 1], [1, 0, 0, 1], { seed: 1 }).estimate).toBe(0.75);
    const r = bootstrapCi(accuracyScore, yTrue, yPred);
    expect(r.estimate).toBe(accuracyScore(yTrue, yPred));
    expect(r.nResamples).toBe(1000);
    expect(r.nSkipped).toBe(0);
    expect(r.low).toBeLessThan(r.estimate);
    expect(r.high).toBeGreaterThan(r.estimate);
  });

  it('gives the same interval for the same seed and another for another seed', () => {
    const a = bootstrapCi(accuracyScore, yTrue, yPred, { seed: 7, nResamples: 300 });
    const b = bootstrapCi(accuracyScore, yTrue, yPred, { seed: 7, nResamples: 300 });
    const c = bootstrapCi(accuracyScore, yTrue, yPred, { seed: 8, nResamples: 300 });
    expect(b).toEqual(a);
    expect([c.low, c.high, c.standardError]).not.toEqual([a.low, a.high, a.standardError]);
  });

  it('resamples rows with createRng(seed).nextInt(n) and takes NumPy linear quantiles', () => {
    const t = [1.5, 2, 3.25, 4, 8, 1, 0.5, 2.5];
    const p = [1, 2.5, 3, 5, 6, 1, 1, 2];
    const res = bootstrapCi(meanAbsoluteError, t, p, {
      seed: 3,
      nResamples: 50,
      confidenceLevel: 0.9,
    });
    const rng = createRng(3);
    const values: number[] = [];
    for (let b = 0; b < 50; b++) {
      const idx = t.map(() => rng.nextInt(t.length));
      values.push(
        meanAbsoluteError(
          idx.map((i) => t[i]),
          idx.map((i) => p[i]),
        ),
      );
    }
    const sorted = Float64Array.from(values).sort();
    // α/2 computed as scipy.stats.bootstrap does: (1 − 0.9)/2 = 0.04999999999999999.
    const alpha = (1 - 0.9) / 2;
    expect(res.low).toBe(quantileSorted(sorted, alpha));
    expect(res.high).toBe(quantileSorted(sorted, 1 - alpha));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    expectClose(res.standardError, sd, 'standard error', { rel: 1e-12 });
    const basic = bootstrapCi(meanAbsoluteError, t, p, {
      seed: 3,
      nResamples: 50,
      confidenceLevel: 0.9,
      method: 'basic',
    });
    expectClose(basic.low, 2 * res.estimate - res.high, 'basic low');
    expectClose(basic.high, 2 * res.estimate - res.low, 'basic high');
  });

  it('quantileSorted follows NumPy on hand-checked values', () => {
    const x = Float64Array.of(1, 2, 3, 4);
    expect(quantileSorted(x, 0.25)).toBe(1.75);
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 1)).toBe(4);
    expect(quantileSorted(x, 0.5)).toBe(2.5);
    expect(quantileSorted(Float64Array.of(5), 0.3)).toBe(5);
  });

  it('skips and counts resamples where the metric is undefined', () => {
    const y = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0];
    const s = [0.1, 0.2, 0.3, 0.1, 0.5, 0.4, 0.2, 0.3, 0.6, 0.7, 0.4, 0.2];
    const r = bootstrapCi((a: Label[], b: number[]) => rocAucScore(a, b), y, s, {
      nResamples: 400,
    });
    expect(r.nSkipped).toBeGreaterThan(0);
    expect(r.nResamples + r.nSkipped).toBe(400);
    expect(r.high).toBeLessThanOrEqual(1);
  });

  it('covers the true accuracy in about 95% of repeated simulations', () => {
    const truth = 0.8;
    const data = createRng(2024);
    let covered = 0;
    const sims = 150;
    for (let s = 0; s < sims; s++) {
      const y = Array.from({ length: 100 }, () => data.nextInt(2));
      const p = y.map((v) => (data.next() < truth ? v : 1 - v));
      const r = bootstrapCi(accuracyScore, y, p, { seed: s, nResamples: 300 });
      if (r.low <= truth && truth <= r.high) covered++;
    }
    expect(covered / sims).toBeGreaterThan(0.9);
    expect(covered / sims).toBeLessThan(0.99);
  });

  it('propagates errors that are not input errors', () => {
    expect(() =>
      bootstrapCi(
        () => {
          throw new RangeError('bug');
        },
        [1],
        [1],
      ),
    ).toThrow(RangeError);
  });

  it('refuses bad options and inputs, naming the argument', () => {
    expectRefusal(() => bootstrapCi(accuracyScore, yTrue, yPred, { nResamples: 1 }), 'nResamples');
    expectRefusal(
      () => bootstrapCi(accuracyScore, yTrue, yPred, { nResamples: 2.5 }),
      'nResamples',
    );
    expectRefusal(
      () => bootstrapCi(accuracyScore, yTrue, yPred, { confidenceLevel: 1 }),
      'confidenceLevel',
    );
    expectRefusal(
      () => bootstrapCi(accuracyScore, yTrue, yPred, { confidenceLevel: 0 }),
      'confidenceLevel',
    );
    expectRefusal(() => bootstrapCi(accuracyScore, yTrue, yPred, { seed: -1 }), 'seed');
    expectRefusal(
      () => bootstrapCi(accuracyScore, yTrue, yPred, { method: 'bca' as never }),
      'method',
    );
    expectRefusal(() => bootstrapCi('acc' as never, yTrue, yPred), 'metric');
    expectRefusal(() => bootstrapCi(accuracyScore, [0, 1], [0]), 'yPred');
    expectRefusal(() => bootstrapCi(accuracyScore, [], []), 'yTrue');
    expectRefusal(() => bootstrapCi(accuracyScore, null as never, []), 'yTrue');
    expectRefusal(() => bootstrapCi(() => Number.NaN, [1, 2], [1, 2]), 'metric');
    let calls = 0;
    const onlyOnce = () => {
      calls++;
      if (calls > 1) throw new TendInputError('m', 'yTrue', 'invalid_state', 'undefined');
      return 1;
    };
    expectRefusal(() => bootstrapCi(onlyOnce, [1, 2], [1, 2], { nResamples: 5 }), 'metric');
  });
});
