import { describe, expect, it } from 'vitest';
import {
  correctionCases,
  expectStatsmodelsAgreement,
} from '../../test/support/correction-cases.js';
import { bonferroni } from './bonferroni.js';

describe('bonferroni', () => {
  it(`equals statsmodels multipletests(method='bonferroni') on ${correctionCases.length} cases (ties, 0 and 1, m up to 2000)`, () => {
    expectStatsmodelsAgreement('bonferroni', bonferroni);
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
