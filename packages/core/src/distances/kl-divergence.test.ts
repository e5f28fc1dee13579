import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { distanceCases } from '../../test/support/distance-cases.js';
import { num } from '../../test/support/fixtures.js';
import { klDivergence } from './kl-divergence.js';

const cases = distanceCases;

describe('klDivergence', () => {
  it(`agrees with scipy.stats.entropy (base e and 2, Evidently smoothing 0.0001 and 0.01) (${cases.length} cases: weight vectors and reference-quantile bins)`, () => {
    expect(cases.length).toBe(34);
    for (const c of cases) {
      expectClose(klDivergence(c.p, c.q), num(c.expected.kl), `${c.name} kl`);
      expectClose(
        klDivergence(c.p, c.q, { base: 2 }),
        num(c.expected.klBase2),
        `${c.name} klBase2`,
      );
      expectClose(
        klDivergence(c.p, c.q, { epsilon: 0.0001 }),
        num(c.expected.klEps),
        `${c.name} klEps`,
      );
      expectClose(
        klDivergence(c.p, c.q, { epsilon: 0.01 }),
        num(c.expected.klEps01),
        `${c.name} klEps01`,
      );
    }
  });

  it('matches its doc example and hand-computed values, with and without smoothing', () => {
    expect(klDivergence([0.5, 0.5], [0.9, 0.1])).toBe(0.5108256237659907);
    // A bin empty in q only: infinite without smoothing; 0·log(0/q) = 0.
    expect(klDivergence([1, 1], [1, 0])).toBe(Number.POSITIVE_INFINITY);
    expectClose(klDivergence([1, 0], [1, 1]), Math.LN2, 'p empty bin', { rel: 1e-15 });
    // ε = 0.01: q = [1, 0] → [1, 0.01] → re-normalised [1/1.01, 0.01/1.01]; p = [½, ½].
    const q0 = 1 / 1.01;
    const q1 = 0.01 / 1.01;
    const expected = 0.5 * Math.log(0.5 / q0) + 0.5 * Math.log(0.5 / q1);
    expectClose(klDivergence([1, 1], [1, 0], { epsilon: 0.01 }), expected, 'smoothed', {
      rel: 1e-14,
    });
    // Not symmetric: p = [¼, ¾], q = [½, ½] one way and the other.
    expectClose(klDivergence([1, 3], [1, 1]), 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), 'p‖q', {
      rel: 1e-14,
    });
    expectClose(klDivergence([1, 1], [1, 3]), 0.5 * Math.log(2) + 0.5 * Math.log(2 / 3), 'q‖p', {
      rel: 1e-14,
    });
  });

  it('leaves its inputs untouched when smoothing', () => {
    const p = Float64Array.of(1, 0, 3);
    const q = Float64Array.of(0, 2, 2);
    klDivergence(p, q, { epsilon: 0.0001 });
    expect(Array.from(p)).toEqual([1, 0, 3]);
    expect(Array.from(q)).toEqual([0, 2, 2]);
  });

  it('refuses bad weights, naming the function and the argument', () => {
    expect(() => klDivergence([1, 2], [1, 2, 3])).toThrow(
      'klDivergence: q has 3 values but p has 2',
    );
    expect(() => klDivergence([1, -1], [1, 2])).toThrow(
      'klDivergence: p [1] is -1; weights must be ≥ 0',
    );
    expect(() => klDivergence([1, 1], [0, 0])).toThrow('klDivergence: q sums to 0');
    expect(() => klDivergence([1, Number.NaN], [1, 1])).toThrow('klDivergence: p [1] is NaN');
    expect(() => klDivergence([1, 1], [1, Number.POSITIVE_INFINITY])).toThrow(
      'klDivergence: q [1] is Infinity',
    );
    expect(() => klDivergence([], [])).toThrow('klDivergence: p must hold at least one value');
    expect(() => klDivergence([1], [1], { base: 1 })).toThrow('klDivergence: base is 1');
    expect(() => klDivergence([1], [1], { base: -2 })).toThrow('klDivergence: base is -2');
    expect(() => klDivergence([1], [1], { epsilon: -0.1 })).toThrow(
      'klDivergence: epsilon is -0.1',
    );
    expect(() => klDivergence([1], [1], { epsilon: 2 })).toThrow('klDivergence: epsilon is 2');
  });
});
