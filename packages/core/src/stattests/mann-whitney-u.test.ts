import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import type { Alternative } from './ks-2samp.js';
import { mannWhitneyU } from './mann-whitney-u.js';

interface MwuCase {
  label: string;
  x: SampleSpec | number[];
  y: SampleSpec | number[];
  alternative: Alternative;
  method: 'auto' | 'exact' | 'asymptotic';
  useContinuity: boolean;
  statistic: number;
  pValue: number | string;
  reference: 'scipy' | 'exact-integer';
}
const fx = loadFixture<{ mannWhitneyU: MwuCase[] }>('stattests-numeric.json');

describe('mannWhitneyU', () => {
  it('matches scipy.stats.mannwhitneyu', () => {
    expect(fx.mannWhitneyU.length).toBeGreaterThan(100);
    for (const c of fx.mannWhitneyU) {
      const label = `${c.label} ${c.alternative} ${c.method} continuity=${c.useContinuity}`;
      const r = mannWhitneyU(sample(c.x), sample(c.y), {
        alternative: c.alternative,
        method: c.method,
        useContinuity: c.useContinuity,
      });
      expectClose(r.statistic, c.statistic, `${label} statistic`);
      expectClose(r.pValue, num(c.pValue), `${label} p-value`);
    }
  });

  it('takes the exact path when one sample has at most 8 values and none tie', () => {
    // SciPy 1.10's rule: asymptotic only when both sizes exceed 8 or a value repeats.
    const x = [0.13, 0.42, 0.93];
    const y = Array.from({ length: 30 }, (_, i) => i / 32);
    const auto = mannWhitneyU(x, y);
    expect(auto.pValue).toBe(mannWhitneyU(x, y, { method: 'exact' }).pValue);
    expect(auto.pValue).not.toBe(mannWhitneyU(x, y, { method: 'asymptotic' }).pValue);
    const tied = [0.13, 0.42, 0.5]; // 0.5 = 16/32 is also in y
    expect(mannWhitneyU(tied, y).pValue).toBe(
      mannWhitneyU(tied, y, { method: 'asymptotic' }).pValue,
    );
  });

  it('returns U of the first sample, and U₁ + U₂ = n₁n₂ when swapped', () => {
    const x = [19, 22, 16, 29, 24];
    const y = [20, 11, 17, 12];
    const a = mannWhitneyU(x, y);
    const b = mannWhitneyU(y, x);
    expect(a.statistic + b.statistic).toBe(20);
    expect(a.pValue).toBe(b.pValue);
    expect(mannWhitneyU(x, y, { alternative: 'greater' }).pValue).toBe(
      mannWhitneyU(y, x, { alternative: 'less' }).pValue,
    );
  });

  it('runs the doc example', () => {
    expect(mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12])).toEqual({
      statistic: 17,
      pValue: 0.1111111111111111,
    });
  });

  it('accepts typed arrays and leaves the input unsorted', () => {
    const a = Float64Array.of(3, 1, 2);
    mannWhitneyU(a, [0.5, 2.5]);
    expect(Array.from(a)).toEqual([3, 1, 2]);
  });

  it('refuses bad input', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(/mannWhitneyU: x must hold at least one value/);
    expect(() => mannWhitneyU([1], [])).toThrow(/mannWhitneyU: y must hold at least one value/);
    expect(() => mannWhitneyU([1], [Number.NaN])).toThrow(/mannWhitneyU: y \[0\] is NaN/);
    expect(() => mannWhitneyU([Number.POSITIVE_INFINITY], [1])).toThrow(
      /mannWhitneyU: x \[0\] is Infinity/,
    );
    expect(() => mannWhitneyU([1], [2], { alternative: 'up' as Alternative })).toThrow(
      /mannWhitneyU: alternative is "up"/,
    );
    expect(() => mannWhitneyU([1], [2], { method: 'fast' as 'auto' })).toThrow(
      /mannWhitneyU: method is "fast"/,
    );
    expect(() => mannWhitneyU([1], [2], { useContinuity: 1 as unknown as boolean })).toThrow(
      /mannWhitneyU: useContinuity must be true or false/,
    );
  });
});
