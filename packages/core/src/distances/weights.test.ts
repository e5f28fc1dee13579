import { describe, expect, it } from 'vitest';
import { checkLogBase, fillZeros, toProportionPair, toProportions } from './weights.js';

describe('toProportions / toProportionPair', () => {
  it('scale weights to sum 1 on a copy', () => {
    const w = [1, 3];
    expect(Array.from(toProportions('psi', 'reference', w))).toEqual([0.25, 0.75]);
    expect(w).toEqual([1, 3]);
    const [a, b] = toProportionPair('hellingerDistance', [1, 1], [0, 2]);
    expect(Array.from(a)).toEqual([0.5, 0.5]);
    expect(Array.from(b)).toEqual([0, 1]);
  });

  it('refuse negative, all-zero and overflowing weights', () => {
    expect(() => toProportions('f', 'p', [1, -2])).toThrow('f: p [1] is -2; weights must be ≥ 0');
    expect(() => toProportions('f', 'p', [0, 0])).toThrow('f: p sums to 0');
    expect(() => toProportions('f', 'p', [1e308, 1e308])).toThrow('f: p sums to infinity');
  });
});

describe('fillZeros', () => {
  it("replaces zeros as Evidently's get_binned_data does", () => {
    expect(Array.from(fillZeros(Float64Array.of(0, 0.5, 0.5), 0.0001))).toEqual([0.0001, 0.5, 0.5]);
    // Smallest non-zero 5e-5 ≤ 1e-4: zeros become 5e-5 / 10⁶.
    const tiny = fillZeros(Float64Array.of(0, 5e-5, 1 - 5e-5), 0.0001);
    expect(tiny[0]).toBe(5e-5 / 1e6);
    expect(Array.from(fillZeros(Float64Array.of(0, 1), 0))).toEqual([0, 1]);
    expect(Array.from(fillZeros(Float64Array.of(0.5, 0.5), 0.1))).toEqual([0.5, 0.5]);
  });
});

describe('checkLogBase', () => {
  it('accepts a finite base > 0 other than 1', () => {
    expect(() => checkLogBase('f', 2)).not.toThrow();
    expect(() => checkLogBase('f', 0.5)).not.toThrow();
    for (const b of [1, 0, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => checkLogBase('f', b)).toThrow(`f: base is ${b}`);
    }
  });
});
