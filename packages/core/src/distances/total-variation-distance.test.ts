import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { distanceCases } from '../../test/support/distance-cases.js';
import { num } from '../../test/support/fixtures.js';
import { totalVariationDistance } from './total-variation-distance.js';

const cases = distanceCases;

describe('totalVariationDistance', () => {
  it(`agrees with ½·Σ|p − q| (${cases.length} cases: weight vectors and reference-quantile bins)`, () => {
    expect(cases.length).toBe(34);
    for (const c of cases) {
      expectClose(totalVariationDistance(c.p, c.q), num(c.expected.tvd), `${c.name} tvd`);
    }
  });

  it('matches its doc example and a hand-computed value', () => {
    expect(totalVariationDistance([0.5, 0.5], [0.9, 0.1])).toBe(0.4);
    // Counts [1, 3] vs [3, 1]: ½·(|¼ − ¾| + |¾ − ¼|) = ½.
    expect(totalVariationDistance([1, 3], [3, 1])).toBe(0.5);
    expect(totalVariationDistance([2, 0], [0, 5])).toBe(1);
  });

  it('refuses bad weights, naming the function and the argument', () => {
    expect(() => totalVariationDistance([1, 2], [1, 2, 3])).toThrow(
      'totalVariationDistance: q has 3 values but p has 2',
    );
    expect(() => totalVariationDistance([1, -1], [1, 2])).toThrow(
      'totalVariationDistance: p [1] is -1; weights must be ≥ 0',
    );
    expect(() => totalVariationDistance([1, 1], [0, 0])).toThrow(
      'totalVariationDistance: q sums to 0',
    );
    expect(() => totalVariationDistance([1, Number.NaN], [1, 1])).toThrow(
      'totalVariationDistance: p [1] is NaN',
    );
    expect(() => totalVariationDistance([1, 1], [1, Number.POSITIVE_INFINITY])).toThrow(
      'totalVariationDistance: q [1] is Infinity',
    );
    expect(() => totalVariationDistance([], [])).toThrow(
      'totalVariationDistance: p must hold at least one value',
    );
  });
});
