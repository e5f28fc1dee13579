import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { distanceCases } from '../../test/support/distance-cases.js';
import { num } from '../../test/support/fixtures.js';
import { hellingerDistance } from './hellinger-distance.js';

const cases = distanceCases;

describe('hellingerDistance', () => {
  it(`agrees with the textbook formula √(½·Σ(√p − √q)²) (${cases.length} cases: weight vectors and reference-quantile bins)`, () => {
    expect(cases.length).toBe(34);
    for (const c of cases) {
      expectClose(hellingerDistance(c.p, c.q), num(c.expected.hellinger), `${c.name} hellinger`);
    }
  });

  it('matches its doc example, is symmetric, 0 on identical and 1 on disjoint inputs', () => {
    expect(hellingerDistance([1, 0], [0, 1])).toBe(1);
    expect(hellingerDistance([3, 1, 4], [3, 1, 4])).toBe(0);
    expect(hellingerDistance([3, 1, 4], [1, 5, 9])).toBe(hellingerDistance([1, 5, 9], [3, 1, 4]));
    // ½·((√½ − 1)² + (√½)²) = 1 − √½.
    expectClose(hellingerDistance([1, 1], [1, 0]), Math.sqrt(1 - Math.SQRT1_2), 'hand', {
      rel: 1e-15,
    });
  });

  it('refuses bad weights, naming the function and the argument', () => {
    expect(() => hellingerDistance([1, 2], [1, 2, 3])).toThrow(
      'hellingerDistance: q has 3 values but p has 2',
    );
    expect(() => hellingerDistance([1, -1], [1, 2])).toThrow(
      'hellingerDistance: p [1] is -1; weights must be ≥ 0',
    );
    expect(() => hellingerDistance([1, 1], [0, 0])).toThrow('hellingerDistance: q sums to 0');
    expect(() => hellingerDistance([1, Number.NaN], [1, 1])).toThrow(
      'hellingerDistance: p [1] is NaN',
    );
    expect(() => hellingerDistance([1, 1], [1, Number.POSITIVE_INFINITY])).toThrow(
      'hellingerDistance: q [1] is Infinity',
    );
    expect(() => hellingerDistance([], [])).toThrow(
      'hellingerDistance: p must hold at least one value',
    );
  });
});
