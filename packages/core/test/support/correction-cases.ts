/**
 * The cases of `fixtures/correction.json` (statsmodels' multipletests), and the one check every
 * correction runs against them.
 */
import { expect } from 'vitest';
import type { CorrectionResult } from '../../src/correction/p-values.js';
import { expectClose } from './close.js';
import { loadFixture } from './fixtures.js';
import { type SampleSpec, sample } from './samples.js';

interface CorrectionFixture {
  cases: {
    name: string;
    pValues: number[] | SampleSpec;
    skewed: boolean;
    alpha: number;
    expected: Record<string, { adjusted: number[]; rejected: boolean[] }>;
  }[];
}

/** The fixture's cases: ties, 0 and 1, m up to 2000. */
export const correctionCases = loadFixture<CorrectionFixture>('correction.json').cases;

/** A case's p-values: explicit, a recipe, or a recipe cubed (many small values). */
function pValuesOf(c: CorrectionFixture['cases'][number]): Float64Array {
  const p = sample(c.pValues);
  if (c.skewed) for (let i = 0; i < p.length; i++) p[i] = p[i] * p[i] * p[i];
  return p;
}

/**
 * Assert that `correct` gives statsmodels' adjusted p-values (within 1e-12) and rejections
 * under the fixture's key `method` ('bonferroni', 'holm' or 'benjaminiHochberg') on every case.
 */
export function expectStatsmodelsAgreement(
  method: string,
  correct: (pValues: Float64Array, options: { alpha: number }) => CorrectionResult,
): void {
  expect(correctionCases.length).toBe(50);
  for (const c of correctionCases) {
    const res = correct(pValuesOf(c), { alpha: c.alpha });
    const exp = c.expected[method];
    expect(res.adjusted.length, c.name).toBe(exp.adjusted.length);
    for (let i = 0; i < exp.adjusted.length; i++) {
      expectClose(res.adjusted[i], exp.adjusted[i], `${c.name} α=${c.alpha} [${i}]`, {
        rel: 1e-12,
      });
    }
    expect(res.rejected, `${c.name} α=${c.alpha}`).toEqual(exp.rejected);
  }
}
