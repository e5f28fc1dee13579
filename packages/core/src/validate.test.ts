import { describe, expect, it } from 'vitest';
import { ks2samp } from './stattests/ks-2samp.js';
import { checkedSorted, toSortedSample } from './validate.js';

describe('checkedSorted and toSortedSample', () => {
  it('hands a checked array to the tests as it is, and copies anything else', () => {
    const sorted = Float64Array.of(1, 2, 2, 5);
    expect(toSortedSample('f', 'x', checkedSorted(sorted))).toBe(sorted);
    const unchecked = Float64Array.of(1, 2, 2, 5);
    const copy = toSortedSample('f', 'x', unchecked);
    expect(copy).not.toBe(unchecked);
    expect(Array.from(copy)).toEqual([1, 2, 2, 5]);
    expect(Array.from(toSortedSample('f', 'x', [3, 1, 2]))).toEqual([1, 2, 3]);
    // Still refused when shorter than the test needs.
    expect(() =>
      toSortedSample('f', 'x', checkedSorted(Float64Array.of(1)), { minLength: 2 }),
    ).toThrow(/at least 2/);
  });

  it('gives the same test results as unchecked input', () => {
    const a = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i) * 10).sort();
    const b = Float64Array.from({ length: 200 }, (_, i) => Math.cos(i) * 11).sort();
    expect(ks2samp(checkedSorted(a.slice()), checkedSorted(b.slice()))).toEqual(ks2samp(a, b));
  });

  it('refuses values that are not finite or not ascending, naming where', () => {
    expect(() => checkedSorted(Float64Array.of(1, Number.NaN))).toThrow(/\[1\] is NaN/);
    expect(() => checkedSorted(Float64Array.of(1, 3, 2))).toThrow(/\[2\] is below \[1\]/);
  });
});
