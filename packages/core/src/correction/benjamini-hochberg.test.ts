import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import {
  correctionCases,
  expectStatsmodelsAgreement,
} from '../../test/support/correction-cases.js';
import { benjaminiHochberg } from './benjamini-hochberg.js';

describe('benjaminiHochberg', () => {
  it(`equals statsmodels multipletests(method='fdr_bh') on ${correctionCases.length} cases (ties, 0 and 1, m up to 2000)`, () => {
    expectStatsmodelsAgreement('benjaminiHochberg', benjaminiHochberg);
  });

  it('matches its doc example and hand-computed values', () => {
    const doc = benjaminiHochberg([0.01, 0.04, 0.03]);
    // Sorted 0.01, 0.03, 0.04 times 3/1, 3/2, 3/3 → 0.03, 0.045, 0.04 → running min from the top.
    expect(Array.from(doc.adjusted)).toEqual([0.01 / (1 / 3), 0.04, 0.04]);
    expect(doc.rejected).toEqual([true, true, true]);
    // Step-up: the largest i with p₍ᵢ₎ ≤ α·i/m rejects everything below it, even p₍₁₎ = 0.02 > α/4.
    const res = benjaminiHochberg([0.02, 0.03, 0.035, 0.9]);
    expect(res.rejected).toEqual([true, true, true, false]);
    expectClose(res.adjusted[0], 0.035 * (4 / 3), 'running min', { rel: 1e-15 });
  });

  it('answers an empty list with empty results', () => {
    const res = benjaminiHochberg([]);
    expect(res.adjusted.length).toBe(0);
    expect(res.rejected).toEqual([]);
  });

  it('refuses p-values outside [0, 1] and an alpha outside (0, 1)', () => {
    expect(() => benjaminiHochberg([0.5, 1.5])).toThrow(
      'benjaminiHochberg: pValues [1] is 1.5; probabilities must lie in [0, 1]',
    );
    expect(() => benjaminiHochberg([-0.1])).toThrow('benjaminiHochberg: pValues [0] is -0.1');
    expect(() => benjaminiHochberg([Number.NaN])).toThrow('benjaminiHochberg: pValues [0] is NaN');
    expect(() => benjaminiHochberg([0.5], { alpha: 0 })).toThrow('benjaminiHochberg: alpha is 0');
    expect(() => benjaminiHochberg([0.5], { alpha: 1 })).toThrow('benjaminiHochberg: alpha is 1');
    expect(() => benjaminiHochberg([0.5], { alpha: Number.NaN })).toThrow(
      'benjaminiHochberg: alpha is NaN',
    );
  });
});
