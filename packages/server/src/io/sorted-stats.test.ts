import { describe, expect, it } from 'vitest';
import { scaledSortedStats, sortedStats } from './sorted-stats.js';

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

describe('scaledSortedStats', () => {
  it('describes scaled integers as sortedStats describes their doubles', () => {
    // Sorted with repeats, a negative part and 3 places: k / 1000.
    const ints = Int32Array.from({ length: 1001 }, (_, i) => Math.floor((i - 300) ** 3 / 7919));
    ints.sort();
    const scaled = scaledSortedStats(ints, 0, 3);
    const doubles = sortedStats(Float64Array.from(ints, (k) => k / 1000));
    for (const key of ['count', 'min', 'q25', 'median', 'q75', 'max', 'distinct'] as const) {
      expect(scaled[key]).toBe(doubles[key]);
    }
    expect(scaled.mostFrequentShare).toBe(doubles.mostFrequentShare);
    expect(scaled.mean).toBeCloseTo(doubles.mean as number, 14);
    expect(Math.abs((scaled.std as number) / (doubles.std as number) - 1)).toBeLessThan(1e-14);
  });

  it('starts after the missing markers and handles none or one value', () => {
    const ints = Int32Array.of(-7, -7, 125, 250, 250);
    expect(scaledSortedStats(ints, 2, 2)).toMatchObject({
      count: 3,
      min: 1.25,
      median: 2.5,
      max: 2.5,
      distinct: 2,
    });
    expect(scaledSortedStats(ints, 2, 2).mean).toBeCloseTo(6.25 / 3, 15);
    expect(scaledSortedStats(ints, 5, 2)).toEqual({ count: 0, distinct: 0, mostFrequentShare: 0 });
    expect(scaledSortedStats(Int32Array.of(7), 0, 0).std).toBeNaN();
  });
});

describe('standard deviation of many sorted values', () => {
  it('stays within 2e-15 of the exact value, where a running sum is 8e-15 off', () => {
    // 300 000 sorted integers 18…89, as an age column: the exact variance from integer sums.
    const n = 300_000;
    const ints = Int32Array.from({ length: n }, (_, i) => 18 + ((i * 7919) % 72)).sort();
    let s1 = 0n;
    let s2 = 0n;
    for (const k of ints) {
      s1 += BigInt(k);
      s2 += BigInt(k) * BigInt(k);
    }
    const num = BigInt(n) * s2 - s1 * s1;
    const den = BigInt(n) * BigInt(n - 1);
    const exact = Math.sqrt(Number(num) / Number(den));
    const fromInts = scaledSortedStats(ints, 0, 0).std as number;
    const fromDoubles = sortedStats(Float64Array.from(ints)).std as number;
    expect(Math.abs(fromInts / exact - 1)).toBeLessThan(2e-15);
    expect(Math.abs(fromDoubles / exact - 1)).toBeLessThan(2e-15);
  });
});
