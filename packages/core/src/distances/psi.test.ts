import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { distanceCases } from '../../test/support/distance-cases.js';
import { num } from '../../test/support/fixtures.js';
import { binNumeric } from './binning.js';
import { psi } from './psi.js';

const cases = distanceCases;
const ONE_TO_EIGHT = [1, 2, 3, 4, 5, 6, 7, 8];

describe('psi', () => {
  it(`agrees with Evidently's formula and smoothing (${cases.length} cases; ε = 0.0001, 0, 0.01)`, () => {
    expect(cases.length).toBe(34);
    for (const c of cases) {
      expectClose(psi(c.p, c.q), num(c.expected.psi), `${c.name} psi`);
      expectClose(psi(c.p, c.q, { epsilon: 0 }), num(c.expected.psiEps0), `${c.name} ε=0`);
      expectClose(psi(c.p, c.q, { epsilon: 0.01 }), num(c.expected.psiEps01), `${c.name} ε=0.01`);
    }
  });

  it('counts current values outside the reference range in the open outer bins', () => {
    // np.quantile([1 … 8], 0.5) = 4.5: bins (−∞, 4.5], (4.5, ∞); reference [4, 4]. Every
    // current value lies outside [1, 8]: −10, −20, −30 in the first bin, 60 in the last.
    const b = binNumeric(ONE_TO_EIGHT, [-10, -20, -30, 60], { bins: 2 });
    expect(Array.from(b.edges)).toEqual([4.5]);
    expect(Array.from(b.reference)).toEqual([4, 4]);
    expect(Array.from(b.current)).toEqual([3, 1]);
    // p = [½, ½], q = [¾, ¼]: (½ − ¾)·ln(⅔) + (½ − ¼)·ln 2 = ¼·ln 1.5 + ¼·ln 2 = ¼·ln 3.
    expectClose(psi(b.reference, b.current), 0.25 * Math.log(3), 'outside range', { rel: 1e-14 });
    // A value on an edge goes to the bin on its left (right-closed bins).
    const onEdge = binNumeric(ONE_TO_EIGHT, [4.5, 4.5, 0, 100], { bins: 2 });
    expect(Array.from(onEdge.current)).toEqual([3, 1]);
  });

  it('smooths an empty current bin with ε = 0.0001, without re-normalising', () => {
    // Edges [2.75, 4.5, 6.25] (quartiles of 1 … 8), reference [2, 2, 2, 2]; current [1, 1, 7, 8]
    // fills bins 1 and 4 only: q = [½, 0, 0, ½] → [½, 1e-4, 1e-4, ½].
    const b = binNumeric(ONE_TO_EIGHT, [1, 1, 7, 8], { bins: 4 });
    expect(Array.from(b.edges)).toEqual([2.75, 4.5, 6.25]);
    expect(Array.from(b.current)).toEqual([2, 0, 0, 2]);
    const expected =
      2 * (0.25 - 0.5) * Math.log(0.25 / 0.5) + 2 * (0.25 - 1e-4) * Math.log(0.25 / 1e-4);
    expectClose(psi(b.reference, b.current), expected, 'ε = 0.0001', { rel: 1e-14 });
    // Unsmoothed, the empty bin makes PSI infinite.
    expect(psi(b.reference, b.current, { epsilon: 0 })).toBe(Number.POSITIVE_INFINITY);
  });

  it('fills with the smallest non-zero proportion / 10⁶ when that is ≤ ε', () => {
    // Reference [1, 0, 99999]: p = [1e-5, 0, 0.99999]; 1e-5 ≤ 1e-4 so the empty bin gets 1e-11.
    const p = [1 / 100000, 1e-11, 99999 / 100000];
    const q = 1 / 3;
    const expected = p.reduce((s, x) => s + (x - q) * Math.log(x / q), 0);
    expectClose(psi([1, 0, 99999], [1, 1, 1]), expected, 'tiny fill', { rel: 1e-14 });
  });

  it('adds nothing for a bin empty on both sides', () => {
    // [½, 0, ½] vs [¼, 0, ¾]: ¼·ln 2 + ¼·ln 1.5 = ¼·ln 3, with or without smoothing.
    expectClose(psi([1, 0, 1], [1, 0, 3], { epsilon: 0 }), 0.25 * Math.log(3), 'ε = 0', {
      rel: 1e-14,
    });
    expectClose(psi([1, 0, 1], [1, 0, 3]), 0.25 * Math.log(3), 'ε default', { rel: 1e-14 });
  });

  it('matches its doc example, is symmetric and 0 on identical inputs, leaves inputs alone', () => {
    expect(psi([0.25, 0.25, 0.5], [0.2, 0.3, 0.5])).toBe(0.020273255405408214);
    // Evidently sums (reference − current)·ln(reference/current); each term is symmetric.
    expectClose(
      psi([3, 1, 4, 1, 5], [2, 7, 1, 8, 2]),
      psi([2, 7, 1, 8, 2], [3, 1, 4, 1, 5]),
      'sym',
    );
    expect(psi([3, 1, 4], [6, 2, 8])).toBe(0);
    const r = Float64Array.of(1, 0, 3);
    const c = Float64Array.of(0, 2, 2);
    psi(r, c);
    expect(Array.from(r)).toEqual([1, 0, 3]);
    expect(Array.from(c)).toEqual([0, 2, 2]);
  });

  it('refuses bad weights and a bad epsilon, naming the argument', () => {
    expect(() => psi([1, 2], [1])).toThrow('psi: current has 1 values but reference has 2');
    expect(() => psi([0, 0], [1, 1])).toThrow('psi: reference sums to 0');
    expect(() => psi([1, -1], [1, 1])).toThrow('psi: reference [1] is -1; weights must be ≥ 0');
    expect(() => psi([1, 1], [1, Number.NaN])).toThrow('psi: current [1] is NaN');
    expect(() => psi([], [])).toThrow('psi: reference must hold at least one value');
    expect(() => psi([1, 1], [1, 1], { epsilon: -1 })).toThrow('psi: epsilon is -1');
    expect(() => psi([1, 1], [1, 1], { epsilon: 2 })).toThrow('psi: epsilon is 2');
  });
});
