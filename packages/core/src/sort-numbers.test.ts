import { describe, expect, it } from 'vitest';
import { createRng } from './random/xoshiro128.js';
import { sortInts, sortNumbers } from './sort-numbers.js';

/** Bit-for-bit equality, so −0 and +0 and NaN positions count. */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function check(values: Float64Array, label: string): void {
  const expected = values.slice().sort();
  const got = sortNumbers(values.slice());
  expect(sameBits(got, expected), label).toBe(true);
}

describe('sortNumbers', () => {
  const rng = createRng(11);
  const n = 20000;
  const decimals = (places: number, scale: number) =>
    Float64Array.from({ length: n }, () => Math.round((rng.next() - 0.3) * scale) / 10 ** places);

  it('gives exactly what Float64Array.prototype.sort gives on decimals (the counting path)', () => {
    for (const places of [0, 1, 2, 3, 4, 6, 9]) {
      check(decimals(places, 5 * n), `${places} places`);
    }
    const withSpecials = decimals(2, 1000);
    for (let i = 0; i < n; i += 97) withSpecials[i] = Number.NaN;
    for (let i = 5; i < n; i += 101) withSpecials[i] = -0;
    for (let i = 7; i < n; i += 103) withSpecials[i] = 0;
    check(withSpecials, 'NaN, −0 and +0');
    check(new Float64Array(n).fill(Number.NaN), 'all NaN');
    check(new Float64Array(n).fill(3.25), 'constant');
  });

  it('falls back to the built-in sort when the values are not few-digit decimals', () => {
    check(
      Float64Array.from({ length: n }, () => rng.next()),
      'full doubles',
    );
    const late = decimals(2, 1000);
    late[n - 1] = 0.123456789012; // the premise fails only at the last value
    check(late, 'a late non-decimal');
    check(decimals(0, 1e12), 'a range too wide to count');
    check(Float64Array.of(3, 1, 2), 'short');
    check(
      Float64Array.from({ length: n }, (_, i) => (i % 2 ? Infinity : -i)),
      'infinities',
    );
  });
});

describe('sortInts', () => {
  const rng = createRng(5);
  it('gives exactly what Int32Array.prototype.sort gives, counting or not', () => {
    for (const span of [10, 1000, 100000, 2 ** 31]) {
      const values = Int32Array.from({ length: 20000 }, () =>
        Math.floor((rng.next() - 0.5) * span),
      );
      const expected = values.slice().sort();
      expect(Array.from(sortInts(values.slice())), `span ${span}`).toEqual(Array.from(expected));
    }
    expect(Array.from(sortInts(Int32Array.of(3, -1, 2)))).toEqual([-1, 2, 3]);
  });
});
