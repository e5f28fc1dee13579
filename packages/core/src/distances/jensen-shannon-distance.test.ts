import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { distanceCases } from '../../test/support/distance-cases.js';
import { num } from '../../test/support/fixtures.js';
import { jensenShannonDistance } from './jensen-shannon-distance.js';

const cases = distanceCases;

describe('jensenShannonDistance', () => {
  it(`agrees with scipy.spatial.distance.jensenshannon (base e and 2) (${cases.length} cases: weight vectors and reference-quantile bins)`, () => {
    expect(cases.length).toBe(34);
    for (const c of cases) {
      expectClose(jensenShannonDistance(c.p, c.q), num(c.expected.js), `${c.name} js`);
      expectClose(
        jensenShannonDistance(c.p, c.q, { base: 2 }),
        num(c.expected.jsBase2),
        `${c.name} jsBase2`,
      );
    }
  });

  it('matches its doc example, is symmetric and 0 on identical inputs', () => {
    expect(jensenShannonDistance([1, 0], [0, 1], { base: 2 })).toBe(1);
    // Disjoint supports: JSD = ln 2 nats.
    expectClose(jensenShannonDistance([1, 0], [0, 1]), Math.sqrt(Math.LN2), 'nats', { rel: 1e-15 });
    expect(jensenShannonDistance([2, 7, 1], [2, 7, 1])).toBe(0);
    expect(jensenShannonDistance([2, 7, 1], [3, 1, 4])).toBe(
      jensenShannonDistance([3, 1, 4], [2, 7, 1]),
    );
  });

  it('refuses bad weights, naming the function and the argument', () => {
    expect(() => jensenShannonDistance([1, 2], [1, 2, 3])).toThrow(
      'jensenShannonDistance: q has 3 values but p has 2',
    );
    expect(() => jensenShannonDistance([1, -1], [1, 2])).toThrow(
      'jensenShannonDistance: p [1] is -1; weights must be ≥ 0',
    );
    expect(() => jensenShannonDistance([1, 1], [0, 0])).toThrow(
      'jensenShannonDistance: q sums to 0',
    );
    expect(() => jensenShannonDistance([1, Number.NaN], [1, 1])).toThrow(
      'jensenShannonDistance: p [1] is NaN',
    );
    expect(() => jensenShannonDistance([1, 1], [1, Number.POSITIVE_INFINITY])).toThrow(
      'jensenShannonDistance: q [1] is Infinity',
    );
    expect(() => jensenShannonDistance([], [])).toThrow(
      'jensenShannonDistance: p must hold at least one value',
    );
    expect(() => jensenShannonDistance([1], [1], { base: 0 })).toThrow(
      'jensenShannonDistance: base is 0; the base of a logarithm must be a finite number > 0 and ≠ 1',
    );
    expect(() => jensenShannonDistance([1], [1], { base: 1 })).toThrow(
      'jensenShannonDistance: base is 1',
    );
  });
});
