/**
 * Average precision from sorted scores equals @tend/core's `averagePrecisionScore` on the same
 * rows: many ties, ±0, more rows than NumPy's pairwise block, one class only, one row.
 */
import { averagePrecisionScore, createRng, TendInputError } from '@tend/core';
import { describe, expect, it } from 'vitest';
import { averagePrecisionSorted } from './scores-average-precision.js';

/** Split rows into the positives' and the negatives' scores, each sorted. */
function split(y: number[], s: number[]) {
  const positives = Float64Array.from(s.filter((_, i) => y[i] === 1)).sort();
  const negatives = Float64Array.from(s.filter((_, i) => y[i] !== 1)).sort();
  return averagePrecisionSorted(positives, negatives);
}

describe('averagePrecisionSorted', () => {
  it('gives the example', () => {
    expect(averagePrecisionSorted(Float64Array.of(0.35, 0.8), Float64Array.of(0.1, 0.4))).toBe(
      0.8333333333333333,
    );
  });

  it('equals averagePrecisionScore to 1e-12 on rows with ties', () => {
    const rng = createRng(3);
    for (const [n, levels, share] of [
      [7, 3, 0.5],
      [200, 10, 0.3],
      [5000, 1000, 0.1],
      [30_000, 50, 0.6],
      [30_000, 1e9, 0.02],
    ]) {
      const y = Array.from({ length: n }, () => (rng.next() < share ? 1 : 0));
      const s = y.map((t) => Math.round((rng.next() + 0.3 * t) * levels) / levels);
      const expected = averagePrecisionScore(y, s);
      const got = split(y, s);
      expect(Math.abs(got - expected), `n ${n}`).toBeLessThanOrEqual(1e-12 * expected);
    }
  });

  it('ties −0 with 0, and answers 1 or 0 with one class only', () => {
    const y = [1, 0, 1, 0];
    const s = [0, -0, 0.5, 0];
    expect(split(y, s)).toBe(averagePrecisionScore(y, s));
    expect(split([1, 1, 1], [0.2, 0.2, 0.9])).toBe(1);
    expect(split([0, 0, 0], [0.2, 0.2, 0.9])).toBe(0);
    expect(Math.abs(averagePrecisionScore([0, 0, 0], [0.2, 0.2, 0.9]))).toBe(0);
    expect(split([1], [0.4])).toBe(averagePrecisionScore([1], [0.4]));
  });

  it('refuses no rows, as the rows metric does', () => {
    expect(() => averagePrecisionSorted(new Float64Array(0), new Float64Array(0))).toThrow(
      TendInputError,
    );
    expect(() => averagePrecisionScore([], [])).toThrow(TendInputError);
  });
});
