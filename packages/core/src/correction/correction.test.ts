import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { benjaminiHochberg, bonferroni, holm } from './index.js';

type Method = 'bonferroni' | 'holm' | 'benjaminiHochberg';
interface CorrectionFixture {
  cases: {
    name: string;
    pValues: number[] | SampleSpec;
    skewed: boolean;
    alpha: number;
    expected: Record<Method, { adjusted: number[]; rejected: boolean[] }>;
  }[];
}
const fx = loadFixture<CorrectionFixture>('correction.json');
const methods = { bonferroni, holm, benjaminiHochberg };

function pValuesOf(c: CorrectionFixture['cases'][number]): Float64Array {
  const p = sample(c.pValues);
  if (c.skewed) for (let i = 0; i < p.length; i++) p[i] = p[i] * p[i] * p[i];
  return p;
}

describe('multiple-testing corrections against statsmodels multipletests', () => {
  for (const name of Object.keys(methods) as Method[]) {
    it(`${name} agrees on adjusted p-values and rejections (ties, 0 and 1, n up to 2000)`, () => {
      for (const c of fx.cases) {
        const res = methods[name](pValuesOf(c), { alpha: c.alpha });
        const exp = c.expected[name];
        expect(res.adjusted.length).toBe(exp.adjusted.length);
        for (let i = 0; i < exp.adjusted.length; i++) {
          expectClose(res.adjusted[i], exp.adjusted[i], `${c.name} α=${c.alpha} [${i}]`, {
            rel: 1e-12,
          });
        }
        expect(res.rejected, `${c.name} α=${c.alpha}`).toEqual(exp.rejected);
      }
    });
  }

  it('match their doc examples', () => {
    const near = (a: Float64Array, b: number[]) =>
      b.forEach((x, i) => expectClose(a[i], x, `[${i}]`, { rel: 1e-15 }));
    near(bonferroni([0.01, 0.04, 0.3]).adjusted, [0.03, 0.12, 0.9]);
    near(holm([0.01, 0.04, 0.03]).adjusted, [0.03, 0.06, 0.06]);
    near(benjaminiHochberg([0.01, 0.04, 0.03]).adjusted, [0.03, 0.04, 0.04]);
    expect(holm([0.01, 0.04, 0.03]).rejected).toEqual([true, false, false]);
    expect(benjaminiHochberg([0.01, 0.04, 0.03]).rejected).toEqual([true, true, true]);
  });

  it('answer an empty list with empty results', () => {
    for (const f of Object.values(methods)) {
      const res = f([]);
      expect(res.adjusted.length).toBe(0);
      expect(res.rejected).toEqual([]);
    }
  });

  it('refuse p-values outside [0, 1] and a bad alpha', () => {
    for (const f of Object.values(methods)) {
      expect(() => f([0.5, 1.5])).toThrow(`${f.name}: pValues [1] is 1.5`);
      expect(() => f([Number.NaN])).toThrow(`${f.name}: pValues [0] is NaN`);
      expect(() => f([0.5], { alpha: 0 })).toThrow(`${f.name}: alpha is 0`);
      expect(() => f([0.5], { alpha: 1 })).toThrow(`${f.name}: alpha is 1`);
    }
  });
});
