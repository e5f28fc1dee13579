import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { createRng } from '../random/xoshiro128.js';
import { ScaledSortedSample } from '../validate.js';
import { type Alternative, ks2samp } from './ks-2samp.js';

interface KsCase {
  label: string;
  x: SampleSpec | number[];
  y: SampleSpec | number[];
  alternative: Alternative;
  method: 'auto' | 'exact' | 'asymp';
  statistic: number;
  pValue: number;
  location: number;
  sign: 1 | -1;
  pValueMethod: 'exact' | 'asymp';
}
const fx = loadFixture<{ ks2samp: KsCase[] }>('stattests-numeric.json');

describe('ks2samp', () => {
  it('matches scipy.stats.ks_2samp', () => {
    for (const c of fx.ks2samp) {
      const label = `${c.label} ${c.alternative} ${c.method}`;
      const r = ks2samp(sample(c.x), sample(c.y), { alternative: c.alternative, method: c.method });
      expectClose(r.statistic, c.statistic, `${label} statistic`);
      expectClose(r.pValue, c.pValue, `${label} p-value`);
      expect(r.statisticLocation, `${label} location`).toBe(c.location);
      expect(r.statisticSign, `${label} sign`).toBe(c.sign);
      expect(r.pValueMethod, `${label} method`).toBe(c.pValueMethod);
    }
  });

  it('runs the doc example', () => {
    expect(ks2samp([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])).toEqual({
      statistic: 1,
      pValue: 0.007936507936507936,
      statisticLocation: 5,
      statisticSign: 1,
      pValueMethod: 'exact',
    });
  });

  it('accepts typed arrays and leaves the input unsorted', () => {
    const a = Float64Array.of(3, 1, 2);
    ks2samp(a, [0.5, 2.5]);
    expect(Array.from(a)).toEqual([3, 1, 2]);
  });

  it('refuses bad input', () => {
    expect(() => ks2samp([], [1])).toThrow(/ks2samp: reference must hold at least one value/);
    expect(() => ks2samp([1], [Number.NaN])).toThrow(/ks2samp: current \[0\] is NaN/);
    expect(() => ks2samp([1], [Number.NEGATIVE_INFINITY])).toThrow(
      /ks2samp: current \[0\] is -Infinity/,
    );
    expect(() => ks2samp([1], [2], { alternative: 'bigger' as Alternative })).toThrow(
      /ks2samp: alternative is "bigger"/,
    );
    expect(() => ks2samp([1], [2], { method: 'fast' as 'auto' })).toThrow(
      /ks2samp: method is "fast"/,
    );
  });
});

describe('ks2samp on scaled integers', () => {
  const rng = createRng(11);
  /** Sorted decimals of `places` places, with ties, as scaled integers. */
  const scaled = (n: number, shift: number, places: number) =>
    Int32Array.from({ length: n }, () =>
      Math.round((rng.next() * 3 + shift) * 10 ** places),
    ).sort();

  it('gives what the doubles give, statistic, location, sign and p-value alike', () => {
    for (const [n1, n2, places, shift] of [
      [2000, 3000, 2, 0.1],
      [20_000, 15_000, 1, 0],
      [500, 700, 0, 0.4],
      [30_000, 30_000, 3, -0.05],
    ]) {
      const a = scaled(n1, 0, places);
      const b = scaled(n2, shift, places);
      const fromInts = ks2samp(
        new ScaledSortedSample(a, 0, places),
        new ScaledSortedSample(b, 0, places),
      );
      const fromDoubles = ks2samp(
        Float64Array.from(a, (k) => k / 10 ** places),
        Float64Array.from(b, (k) => k / 10 ** places),
      );
      expect(fromInts).toEqual(fromDoubles);
    }
  });

  it('starts after `start`, and falls back to the doubles when the places differ', () => {
    const a = Int32Array.of(-9, -9, 100, 150, 150, 300);
    const b = Int32Array.of(12, 20, 31);
    const fromInts = ks2samp(new ScaledSortedSample(a, 2, 2), new ScaledSortedSample(b, 0, 1));
    expect(fromInts).toEqual(ks2samp([1, 1.5, 1.5, 3], [1.2, 2, 3.1]));
  });

  it('refuses integers that are not ascending, and an empty sample', () => {
    const up = new ScaledSortedSample(Int32Array.of(1, 2, 3), 0, 0);
    for (const ints of [Int32Array.of(3, 1), Int32Array.of(1, 2, 2, 1), Int32Array.of(0, 5, 4)]) {
      const down = new ScaledSortedSample(ints, 0, 0);
      expect(() => ks2samp(down, up)).toThrow(/not ascending/);
      expect(() => ks2samp(up, down)).toThrow(/not ascending/);
      // Places differ: the doubles are made, and checked as they are.
      expect(() => ks2samp(new ScaledSortedSample(ints, 0, 1), up)).toThrow(/not ascending/);
    }
    expect(() => ks2samp(new ScaledSortedSample(Int32Array.of(1), 1, 0), [1])).toThrow(
      /at least one/,
    );
  });
});
