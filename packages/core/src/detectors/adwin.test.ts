import { describe, expect, it } from 'vitest';
import { sample } from '../../test/support/samples.js';
import { TendInputError } from '../errors.js';
import { createRng } from '../random/xoshiro128.js';
import { Adwin, type AdwinOptions } from './adwin.js';

const normal = (means: number[], n: number, seed: number): number[] =>
  means.flatMap((mean, k) =>
    Array.from(sample({ kind: 'normal', n, seed: seed * 10 + k, mean, sd: 1 })),
  );
function errors(rates: number[], n: number, seed: number): number[] {
  const rng = createRng(seed);
  return rates.flatMap((p) => Array.from({ length: n }, () => (rng.next() < p ? 1 : 0)));
}
function drifts(o: AdwinOptions, xs: number[]): number[] {
  const a = new Adwin(o);
  return xs.flatMap((x, i) => (a.update(x).drift ? [i] : []));
}
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('Adwin', () => {
  it('has River’s defaults', () => {
    const a = new Adwin();
    expect([a.delta, a.clock, a.maxBuckets, a.minWindowLength, a.gracePeriod]).toEqual([
      0.002, 32, 5, 5, 10,
    ]);
  });

  it('stays silent on stationary streams (normal and 0/1)', () => {
    for (const s of seeds) {
      expect(drifts({}, normal([0], 5000, s))).toEqual([]);
      expect(drifts({}, errors([0.1], 5000, s))).toEqual([]);
    }
  });

  it('detects a 2σ mean shift within two clock ticks, and sooner with clock 1', () => {
    for (const s of seeds) {
      const xs = normal([0, 2], 1000, s);
      const first = drifts({}, xs).find((i) => i >= 1000) as number;
      expect(first - 1000, `seed ${s}`).toBeLessThan(64);
      const eager = drifts({ clock: 1 }, xs).find((i) => i >= 1000) as number;
      expect(eager, `seed ${s}`).toBeLessThanOrEqual(first);
    }
  });

  it('keeps a window whose mean tracks the stream, and shrinks it at a change', () => {
    const a = new Adwin({ clock: 1 });
    const xs = normal([5], 3000, 3);
    for (const x of xs) a.update(x);
    // The compressed buckets still hold every value: width and sum are exact.
    expect(a.width).toBe(3000);
    expect(a.estimation).toBeCloseTo(xs.reduce((p, q) => p + q) / xs.length, 10);
    const shifted = normal([9], 200, 4);
    let before = -1;
    let after = -1;
    for (const x of shifted) {
      const w = a.width;
      const mean = a.estimation;
      if (a.update(x).drift && after < 0) {
        before = w + 1;
        after = a.width;
        // The oldest buckets are cut away, so the recent, higher values weigh more.
        expect(a.estimation).toBeGreaterThan(mean);
      }
    }
    expect(before).toBeGreaterThan(3000);
    expect(after).toBeLessThan(before / 4);
  });

  it('refuses bad options, naming them', () => {
    expect(() => new Adwin({ delta: 0 })).toThrow(TendInputError);
    expect(() => new Adwin({ delta: 1.5 })).toThrow('Adwin: delta');
    expect(() => new Adwin({ clock: 0 })).toThrow('Adwin: clock');
    expect(() => new Adwin({ maxBuckets: 1 })).toThrow('Adwin: maxBuckets');
    expect(() => new Adwin({ minWindowLength: 2.5 })).toThrow('Adwin: minWindowLength');
    expect(() => new Adwin({ gracePeriod: -1 })).toThrow('Adwin: gracePeriod');
  });
});
