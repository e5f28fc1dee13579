import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { cramerVonMises2samp } from './cramer-von-mises-2samp.js';

interface CvmCase {
  label: string;
  x: SampleSpec | number[];
  y: SampleSpec | number[];
  method: 'auto' | 'exact' | 'asymptotic';
  statistic: number | string;
  pValue: number | string;
}
const fx = loadFixture<{ cramerVonMises2samp: CvmCase[] }>('stattests-numeric.json');

describe('cramerVonMises2samp', () => {
  it('matches scipy.stats.cramervonmises_2samp', () => {
    expect(fx.cramerVonMises2samp.length).toBeGreaterThan(35);
    for (const c of fx.cramerVonMises2samp) {
      const label = `${c.label} ${c.method}`;
      const r = cramerVonMises2samp(sample(c.x), sample(c.y), { method: c.method });
      expectClose(r.statistic, num(c.statistic), `${label} statistic`);
      expectClose(r.pValue, num(c.pValue), `${label} p-value`);
    }
  });

  it('switches from exact to asymptotic above 20 values in either sample', () => {
    const x = Array.from({ length: 20 }, (_, i) => i / 20);
    const y = Array.from({ length: 20 }, (_, i) => 0.3 + i / 23);
    const at20 = cramerVonMises2samp(x, y);
    expect(at20.pValue).toBe(cramerVonMises2samp(x, y, { method: 'exact' }).pValue);
    expect(at20.pValue).not.toBe(cramerVonMises2samp(x, y, { method: 'asymptotic' }).pValue);
    const y21 = [...y, 1.5];
    expect(cramerVonMises2samp(x, y21).pValue).toBe(
      cramerVonMises2samp(x, y21, { method: 'asymptotic' }).pValue,
    );
  });

  it('is symmetric in its two samples', () => {
    const x = [0.3, 1.2, -0.7, 2.2, 0.9, 1.1];
    const y = [1.9, 2.5, 0.4, 3.1, 2.8];
    for (const method of ['exact', 'asymptotic'] as const) {
      const a = cramerVonMises2samp(x, y, { method });
      const b = cramerVonMises2samp(y, x, { method });
      expectClose(a.statistic, b.statistic, `${method} statistic`);
      expectClose(a.pValue, b.pValue, `${method} p-value`);
    }
  });

  it('runs the doc example', () => {
    expect(cramerVonMises2samp([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])).toEqual({
      statistic: 0.8500000000000001,
      pValue: 0.007936507936507936,
    });
  });

  it('refuses bad input', () => {
    expect(() => cramerVonMises2samp([1], [1, 2])).toThrow(
      /cramerVonMises2samp: reference must hold at least 2 values, got 1/,
    );
    expect(() => cramerVonMises2samp([1, 2], [])).toThrow(/cramerVonMises2samp: current must hold/);
    expect(() => cramerVonMises2samp([1, 2], [3, Number.NaN])).toThrow(
      /cramerVonMises2samp: current \[1\] is NaN/,
    );
    expect(() => cramerVonMises2samp([1, 2], [3, 4], { method: 'fast' as 'auto' })).toThrow(
      /cramerVonMises2samp: method is "fast"/,
    );
    const big = Array.from({ length: 40 }, (_, i) => i);
    expect(() => cramerVonMises2samp(big, big, { method: 'exact' })).toThrow(
      /cramerVonMises2samp: method 'exact' needs C\(m\+n, m\)/,
    );
  });
});
