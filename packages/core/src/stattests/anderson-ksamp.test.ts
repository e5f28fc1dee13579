import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { andersonKsamp } from './anderson-ksamp.js';

interface AndersonCase {
  label: string;
  samples: (SampleSpec | number[])[];
  midrank: boolean;
  statistic: number | string;
  criticalValues: number[];
  pValue: number | string;
  pValueCapped: 'none' | 'floor' | 'cap';
}
const fx = loadFixture<{ andersonKsamp: AndersonCase[] }>('stattests-numeric.json');

describe('andersonKsamp', () => {
  it('matches scipy.stats.anderson_ksamp', () => {
    for (const c of fx.andersonKsamp) {
      const label = `${c.label} midrank=${c.midrank}`;
      const r = andersonKsamp(c.samples.map(sample), { midrank: c.midrank });
      expectClose(r.statistic, num(c.statistic), `${label} statistic`);
      expectClose(r.pValue, num(c.pValue), `${label} p-value`);
      expect(r.pValueCapped, label).toBe(c.pValueCapped);
      c.criticalValues.forEach((v, i) => {
        expectClose(r.criticalValues[i], v, `${label} critical value ${i}`, { rel: 1e-14 });
      });
    }
  });

  it('runs the doc example', () => {
    expect(
      andersonKsamp([
        [1, 2, 3, 4, 5],
        [6, 7, 8, 9, 10],
      ]).pValue,
    ).toBeCloseTo(0.004355977966506477, 15);
  });

  it('returns NaN for three observations in total, as SciPy', () => {
    const r = andersonKsamp([[1], [2, 3]]);
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
  });

  it('refuses bad input', () => {
    expect(() => andersonKsamp([[1, 2, 3]])).toThrow(
      /andersonKsamp: samples must hold at least two samples/,
    );
    expect(() => andersonKsamp([[1, 2], []])).toThrow(
      /andersonKsamp: samples\[1\] must hold at least one value/,
    );
    expect(() =>
      andersonKsamp([
        [1, 1],
        [1, 1],
      ]),
    ).toThrow(/two distinct values/);
    expect(() => andersonKsamp([[1], [2]])).toThrow(/at least 3 values/);
    expect(() =>
      andersonKsamp([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow(/samples\[1\] \[1\] is NaN/);
  });
});
