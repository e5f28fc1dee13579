import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { distanceCases } from '../../test/support/distance-cases.js';
import { num } from '../../test/support/fixtures.js';
import { lInfinityDistance } from './l-infinity-distance.js';

const cases = distanceCases;

describe('lInfinityDistance', () => {
  it(`agrees with scipy.spatial.distance.chebyshev of the proportions (${cases.length} cases: weight vectors and reference-quantile bins)`, () => {
    expect(cases.length).toBe(34);
    for (const c of cases) {
      expectClose(lInfinityDistance(c.p, c.q), num(c.expected.lInf), `${c.name} lInf`);
    }
  });

  it('matches its doc example and a hand-computed value', () => {
    expect(lInfinityDistance([0.5, 0.3, 0.2], [0.2, 0.3, 0.5])).toBe(0.3);
    // Counts [1, 1, 2] vs [0, 1, 3]: max(|¼ − 0|, 0, |½ − ¾|) = ¼.
    expect(lInfinityDistance([1, 1, 2], [0, 1, 3])).toBe(0.25);
  });

  it('refuses bad weights, naming the function and the argument', () => {
    expect(() => lInfinityDistance([1, 2], [1, 2, 3])).toThrow(
      'lInfinityDistance: q has 3 values but p has 2',
    );
    expect(() => lInfinityDistance([1, -1], [1, 2])).toThrow(
      'lInfinityDistance: p [1] is -1; weights must be ≥ 0',
    );
    expect(() => lInfinityDistance([1, 1], [0, 0])).toThrow('lInfinityDistance: q sums to 0');
    expect(() => lInfinityDistance([1, Number.NaN], [1, 1])).toThrow(
      'lInfinityDistance: p [1] is NaN',
    );
    expect(() => lInfinityDistance([1, 1], [1, Number.POSITIVE_INFINITY])).toThrow(
      'lInfinityDistance: q [1] is Infinity',
    );
    expect(() => lInfinityDistance([], [])).toThrow(
      'lInfinityDistance: p must hold at least one value',
    );
  });
});
