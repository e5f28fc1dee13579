import { describe, expect, it } from 'vitest';
import { ks2samp } from './stattests/ks-2samp.js';
import { checkedSorted, ScaledSortedSample, sortedFromScaled, toSortedSample } from './validate.js';

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

describe('sortedFromScaled', () => {
  it('gives the doubles of ascending scaled integers, marked checked, into a buffer when given', () => {
    const ints = Int32Array.of(-2147483648, -250, 0, 125, 125, 9999);
    const out = new Float64Array(10);
    const values = sortedFromScaled(ints, 1, 2, out);
    expect(Array.from(values)).toEqual([-2.5, 0, 1.25, 1.25, 99.99]);
    expect(values.buffer).toBe(out.buffer);
    expect(toSortedSample('f', 'x', values)).toBe(values);
    expect(checkedSorted(values)).toBe(values);
    // Each is the double Number() reads from the decimal.
    expect(values[4]).toBe(Number('99.99'));
  });

  it('refuses integers that are not ascending', () => {
    expect(() => sortedFromScaled(Int32Array.of(3, 2), 0, 0)).toThrow(/not ascending/);
  });
});

describe('ScaledSortedSample', () => {
  it('reads its values from `start` on, and refuses a start or places out of range', () => {
    const s = new ScaledSortedSample(Int32Array.of(-9, 125, 250), 1, 2);
    expect(s.length).toBe(2);
    expect(s.at(1)).toBe(2.5);
    expect(Array.from(s.values())).toEqual([1.25, 2.5]);
    const ints = Int32Array.of(1, 2);
    expect(() => new ScaledSortedSample(ints, 3, 0)).toThrow(/start is 3; expected an integer/);
    expect(() => new ScaledSortedSample(ints, 0.5, 0)).toThrow(/start is 0.5/);
    expect(() => new ScaledSortedSample(ints, 0, 10)).toThrow(/places is 10/);
    expect(() => new ScaledSortedSample(ints, 0, -1)).toThrow(/places is -1/);
  });
});
