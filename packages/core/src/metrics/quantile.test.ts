import { describe, expect, it } from 'vitest';
import { quantileAt, quantileSorted } from './quantile.js';

describe('quantileSorted and quantileAt', () => {
  it("match NumPy's linear quantile at the ends, between and on values", () => {
    // np.quantile([1, 2, 3, 4], [0, 0.25, 0.5, 0.9, 1]) = [1, 1.75, 2.5, 3.7, 4]
    const sorted = Float64Array.of(1, 2, 3, 4);
    const cases: [number, number][] = [
      [0, 1],
      [0.25, 1.75],
      [0.5, 2.5],
      [0.9, 3.7],
      [1, 4],
    ];
    for (const [q, expected] of cases) {
      expect(quantileSorted(sorted, q)).toBeCloseTo(expected, 14);
      expect(quantileAt(4, q, (i) => ((i + 1) * 1000) / 1000)).toBe(quantileSorted(sorted, q));
    }
  });

  it('reads only the two neighbours of the virtual index', () => {
    const read: number[] = [];
    quantileAt(1_000_000, 0.5, (i) => {
      read.push(i);
      return i;
    });
    expect(read).toEqual([499_999, 500_000]);
  });
});
