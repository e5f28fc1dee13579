import { describe, expect, it } from 'vitest';
import {
  correctionCases,
  expectStatsmodelsAgreement,
} from '../../test/support/correction-cases.js';
import { holm } from './holm.js';

describe('holm', () => {
  it(`equals statsmodels multipletests(method='holm') on ${correctionCases.length} cases (ties, 0 and 1, m up to 2000)`, () => {
    expectStatsmodelsAgreement('holm', holm);
  });

  it('matches its doc example and hand-computed values', () => {
    const doc = holm([0.01, 0.04, 0.03]);
    // Sorted 0.01, 0.03, 0.04 times 3, 2, 1 → 0.03, 0.06, 0.04 → running max 0.03, 0.06, 0.06.
    expect(Array.from(doc.adjusted)).toEqual([0.03, 0.06, 0.06]);
    // 0.01 ≤ 0.05/3 rejected; 0.03 > 0.05/2 stops the step-down.
    expect(doc.rejected).toEqual([true, false, false]);
    // Step-down stops at the first failure even if a later p-value would pass its own bar.
    const res = holm([0.001, 0.02, 0.021, 0.049], { alpha: 0.05 });
    expect(res.rejected).toEqual([true, false, false, false]);
    // 0.001·4, 0.02·3, 0.021·2, 0.049·1 → running max 0.004, 0.06, 0.06, 0.06.
    expect(Array.from(res.adjusted)).toEqual([0.001 * 4, 0.02 * 3, 0.02 * 3, 0.02 * 3]);
  });

  it('answers an empty list with empty results', () => {
    const res = holm([]);
    expect(res.adjusted.length).toBe(0);
    expect(res.rejected).toEqual([]);
  });

  it('refuses p-values outside [0, 1] and an alpha outside (0, 1)', () => {
    expect(() => holm([0.5, 1.5])).toThrow(
      'holm: pValues [1] is 1.5; probabilities must lie in [0, 1]',
    );
    expect(() => holm([-0.1])).toThrow('holm: pValues [0] is -0.1');
    expect(() => holm([Number.NaN])).toThrow('holm: pValues [0] is NaN');
    expect(() => holm([0.5], { alpha: 0 })).toThrow('holm: alpha is 0');
    expect(() => holm([0.5], { alpha: 1 })).toThrow('holm: alpha is 1');
    expect(() => holm([0.5], { alpha: Number.NaN })).toThrow('holm: alpha is NaN');
  });
});
