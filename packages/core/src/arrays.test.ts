import { describe, expect, it } from 'vitest';
import { argsortStable, ascending, gather } from './arrays.js';
import { createRng } from './random/xoshiro128.js';

describe('gather and argsortStable', () => {
  it('run their doc examples', () => {
    expect(gather([10, 20, 30], [2, 0])).toEqual(Float64Array.of(30, 10));
    expect(argsortStable([3, 1, 3, 2])).toEqual(Uint32Array.of(1, 3, 0, 2));
  });

  it('argsortStable keeps ties in index order, as np.argsort(kind="stable")', () => {
    const rng = createRng(3);
    for (const n of [0, 1, 2, 15, 16, 17, 100, 4097]) {
      const v = Array.from({ length: n }, () => Math.floor(rng.next() * 20));
      const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => v[a] - v[b] || a - b);
      expect([...argsortStable(v)]).toEqual(expected);
    }
  });
});

describe('ascending', () => {
  it('sorts as Float64Array.prototype.sort does, and leaves sorted input as it is', () => {
    expect(ascending(Float64Array.of(3, 1, 2))).toEqual(Float64Array.of(1, 2, 3));
    const zeros = ascending(Float64Array.of(0, -0));
    expect(Object.is(zeros[0], -0) && Object.is(zeros[1], 0)).toBe(true);
    const sorted = Float64Array.of(-1, 0, 0, 2);
    expect(ascending(sorted)).toBe(sorted);
    expect(ascending(Float64Array.of(1, Number.NaN, 0))).toEqual(Float64Array.of(0, 1, Number.NaN));
  });
});
