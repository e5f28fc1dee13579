import { describe, expect, it } from 'vitest';
import { ascendingOrder, toPValues } from './p-values.js';

describe('toPValues', () => {
  it('returns the checked p-values as a Float64Array copy', () => {
    const p = [0.01, 0.2];
    const out = toPValues('holm', p, 0.05);
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual([0.01, 0.2]);
    expect(() => toPValues('holm', [2], 0.05)).toThrow('holm: pValues [0] is 2');
  });
});

describe('ascendingOrder', () => {
  it('sorts indices by p-value, ties in input order', () => {
    expect(Array.from(ascendingOrder(Float64Array.of(0.3, 0.1, 0.2)))).toEqual([1, 2, 0]);
    expect(Array.from(ascendingOrder(Float64Array.of(0.5, 0.1, 0.5, 0.1)))).toEqual([1, 3, 0, 2]);
  });
});
