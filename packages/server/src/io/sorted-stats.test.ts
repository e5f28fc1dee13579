import { describe, expect, it } from 'vitest';
import { sortedStats } from './sorted-stats.js';

describe('sortedStats', () => {
  it("gives pandas' describe and the spread of the values", () => {
    // pandas.Series([1, 2, 2, 4]).describe(): mean 2.25, std 1.258306, quartiles 1.75 2 2.5
    const s = sortedStats(Float64Array.of(1, 2, 2, 4));
    expect(s).toMatchObject({
      count: 4,
      mean: 2.25,
      min: 1,
      q25: 1.75,
      median: 2,
      q75: 2.5,
      max: 4,
    });
    expect(s.std).toBeCloseTo(1.2583057392117916, 15);
    expect(s.distinct).toBe(3);
    expect(s.mostFrequentShare).toBe(0.5);
  });

  it('handles no values and one value', () => {
    expect(sortedStats(new Float64Array(0))).toEqual({
      count: 0,
      distinct: 0,
      mostFrequentShare: 0,
    });
    const one = sortedStats(Float64Array.of(7));
    expect(one).toMatchObject({
      count: 1,
      mean: 7,
      min: 7,
      max: 7,
      distinct: 1,
      mostFrequentShare: 1,
    });
    expect(one.std).toBeNaN();
  });
});
