import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import type { Alternative } from './ks-2samp.js';
import { welchTTest } from './welch-t-test.js';

interface WelchCase {
  label: string;
  x: SampleSpec | number[];
  y: SampleSpec | number[];
  alternative: Alternative;
  statistic: number | string;
  pValue: number | string;
  df: number | string;
}
const fx = loadFixture<{ welchTTest: WelchCase[] }>('stattests-numeric.json');

describe('welchTTest', () => {
  it('matches scipy.stats.ttest_ind(equal_var=False)', () => {
    expect(fx.welchTTest.length).toBeGreaterThan(100);
    for (const c of fx.welchTTest) {
      const label = `${c.label} ${c.alternative}`;
      const r = welchTTest(sample(c.x), sample(c.y), { alternative: c.alternative });
      expectClose(r.statistic, num(c.statistic), `${label} statistic`);
      expectClose(r.pValue, num(c.pValue), `${label} p-value`);
      expectClose(r.df, num(c.df), `${label} df`);
    }
  });

  it('splits the two-sided p-value into the one-sided ones', () => {
    const x = [2.1, 3.4, 1.9, 5.0, 4.2, 3.3];
    const y = [1.0, 0.4, 2.2, 1.7, 0.9];
    const two = welchTTest(x, y).pValue;
    const less = welchTTest(x, y, { alternative: 'less' }).pValue;
    const greater = welchTTest(x, y, { alternative: 'greater' }).pValue;
    expectClose(less + greater, 1, 'less + greater');
    expectClose(two, 2 * Math.min(less, greater), 'two-sided');
    expect(welchTTest(y, x).statistic).toBe(-welchTTest(x, y).statistic);
  });

  it('keeps precision far from zero (pairwise sums as NumPy)', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [6, 7, 8, 9, 10];
    const shifted = welchTTest(
      x.map((v) => v + 1e9),
      y.map((v) => v + 1e9),
    );
    expect(shifted.statistic).toBe(-5);
    expect(shifted.df).toBe(8);
  });

  it('gives NaN for a single value and ±∞ for distinct constants, as SciPy', () => {
    const one = welchTTest([1], [2, 3]);
    expect(one.statistic).toBeNaN();
    expect(one.pValue).toBeNaN();
    const constant = welchTTest([1, 1, 1], [2, 2]);
    expect(constant.statistic).toBe(Number.NEGATIVE_INFINITY);
    expect(constant.pValue).toBe(0);
    expect(constant.df).toBe(1);
    expect(welchTTest([1, 1, 1], [2, 2], { alternative: 'greater' }).pValue).toBe(1);
  });

  it('runs the doc example', () => {
    expect(welchTTest([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])).toEqual({
      statistic: -5,
      pValue: 0.0010528257933665392,
      df: 8,
    });
  });

  it('refuses bad input', () => {
    expect(() => welchTTest([], [1])).toThrow(/welchTTest: reference must hold at least one value/);
    expect(() => welchTTest([1], [])).toThrow(/welchTTest: current must hold at least one value/);
    expect(() => welchTTest([1, 2], [Number.NaN])).toThrow(/welchTTest: current \[0\] is NaN/);
    expect(() => welchTTest([1, 2], [1, 2], { alternative: 'up' as Alternative })).toThrow(
      /welchTTest: alternative is "up"/,
    );
  });
});
