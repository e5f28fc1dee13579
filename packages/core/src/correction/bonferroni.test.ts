import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { bonferroni } from './bonferroni.js';

interface CorrectionFixture {
  cases: {
    name: string;
    pValues: number[] | SampleSpec;
    skewed: boolean;
    alpha: number;
    expected: Record<string, { adjusted: number[]; rejected: boolean[] }>;
  }[];
}
const fx = loadFixture<CorrectionFixture>('correction.json');

/** The fixture's p-values: explicit, a recipe, or a recipe cubed (many small values). */
function pValuesOf(c: CorrectionFixture['cases'][number]): Float64Array {
  const p = sample(c.pValues);
  if (c.skewed) for (let i = 0; i < p.length; i++) p[i] = p[i] * p[i] * p[i];
  return p;
}

describe('bonferroni', () => {
  it(`equals statsmodels multipletests(method='bonferroni') on ${fx.cases.length} cases (ties, 0 and 1, m up to 2000)`, () => {
    expect(fx.cases.length).toBe(50);
    for (const c of fx.cases) {
      const res = bonferroni(pValuesOf(c), { alpha: c.alpha });
      const exp = c.expected.bonferroni;
      expect(res.adjusted.length, c.name).toBe(exp.adjusted.length);
      for (let i = 0; i < exp.adjusted.length; i++) {
        expectClose(res.adjusted[i], exp.adjusted[i], `${c.name} α=${c.alpha} [${i}]`, {
          rel: 1e-12,
        });
      }
      expect(res.rejected, `${c.name} α=${c.alpha}`).toEqual(exp.rejected);
    }
  });

  it('matches its doc example and hand-computed values', () => {
    expect(Array.from(bonferroni([0.01, 0.04, 0.3]).adjusted)).toEqual([0.03, 0.12, 0.3 * 3]);
    // m = 4, α/m = 0.0125: only 0.01 is rejected; 0.4·4 is clipped at 1.
    const res = bonferroni([0.01, 0.0125, 0.02, 0.4]);
    expect(Array.from(res.adjusted)).toEqual([0.04, 0.05, 0.08, 1]);
    expect(res.rejected).toEqual([true, true, false, false]);
  });

  it('answers an empty list with empty results', () => {
    const res = bonferroni([]);
    expect(res.adjusted.length).toBe(0);
    expect(res.rejected).toEqual([]);
  });

  it('refuses p-values outside [0, 1] and an alpha outside (0, 1)', () => {
    expect(() => bonferroni([0.5, 1.5])).toThrow(
      'bonferroni: pValues [1] is 1.5; probabilities must lie in [0, 1]',
    );
    expect(() => bonferroni([-0.1])).toThrow('bonferroni: pValues [0] is -0.1');
    expect(() => bonferroni([Number.NaN])).toThrow('bonferroni: pValues [0] is NaN');
    expect(() => bonferroni([0.5], { alpha: 0 })).toThrow('bonferroni: alpha is 0');
    expect(() => bonferroni([0.5], { alpha: 1 })).toThrow('bonferroni: alpha is 1');
    expect(() => bonferroni([0.5], { alpha: Number.NaN })).toThrow('bonferroni: alpha is NaN');
  });
});
