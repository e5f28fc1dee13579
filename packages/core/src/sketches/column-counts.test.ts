import { describe, expect, it } from 'vitest';
import { createRng } from '../random/xoshiro128.js';
import { ColumnCounts } from './column-counts.js';

const pool: unknown[] = [
  0,
  -0,
  3,
  2.5,
  -1e300,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  null,
  undefined,
  '',
  'a',
  ' ',
  true,
  false,
  10n,
  {},
  [],
  new Date(0),
  Symbol('s'),
  () => 1,
];
const kind = [
  'integer',
  'integer',
  'integer',
  'number',
  'integer',
  'number',
  'missing',
  'missing',
  'missing',
  'missing',
  'string',
  'string',
  'boolean',
  'boolean',
  'other',
  'other',
  'other',
  'other',
  'other',
  'other',
];

function countsOf(values: unknown[]): ColumnCounts {
  const c = new ColumnCounts();
  for (const v of values) c.update(v);
  return c;
}

describe('ColumnCounts', () => {
  it('runs the doc examples', () => {
    expect(countsOf([1, 2.5, '', null, 'a', true]).missing).toBe(2);
    expect(countsOf([1, null]).missingFraction()).toBe(0.5);
    expect(countsOf([1]).merge(countsOf(['x'])).count).toBe(2);
    expect(ColumnCounts.fromBytes(new ColumnCounts().toBytes()).count).toBe(0);
    expect(new ColumnCounts().missingFraction()).toBeNaN();
  });

  it('puts every value in one class, and counts integers among numbers', () => {
    expect(countsOf(pool).toJSON()).toEqual({
      count: 20,
      missing: 4,
      number: 6,
      integer: 4,
      string: 2,
      boolean: 2,
      other: 6,
    });
  });

  it('merges 10 parts into the counts of the whole and round-trips through bytes', () => {
    const rng = createRng(17);
    const idx = Array.from({ length: 100000 }, () => rng.nextInt(pool.length));
    const values = idx.map((i) => pool[i]);
    const whole = countsOf(values);
    const merged = new ColumnCounts();
    for (let p = 0; p < 10; p++) merged.merge(countsOf(values.slice(p * 10000, (p + 1) * 10000)));
    expect(merged.toJSON()).toEqual(whole.toJSON());
    const expected = { missing: 0, number: 0, integer: 0, string: 0, boolean: 0, other: 0 };
    for (const i of idx) {
      const k = kind[i] as keyof typeof expected;
      expected[k]++;
      if (k === 'integer') expected.number++;
    }
    expect(whole.toJSON()).toEqual({ count: 100000, ...expected });
    const b = whole.toBytes();
    expect(b.length).toBe(58);
    expect(ColumnCounts.fromBytes(b).toJSON()).toEqual(whole.toJSON());
  });

  it('refuses bad input', () => {
    expect(() => new ColumnCounts().merge({} as ColumnCounts)).toThrow(
      /ColumnCounts.merge: other must be a ColumnCounts/,
    );
    const b = countsOf([1, 'a']).toBytes();
    expect(() => ColumnCounts.fromBytes(b.slice(0, 57))).toThrow(
      /ColumnCounts.fromBytes: bytes is truncated/,
    );
    const tag = b.slice();
    tag[0] = 0x4b;
    expect(() => ColumnCounts.fromBytes(tag)).toThrow(/kind tag 0x4b, expected 0x43/);
    const version = b.slice();
    version[1] = 3;
    expect(() => ColumnCounts.fromBytes(version)).toThrow(/format version 3/);
    const bad = b.slice();
    new DataView(bad.buffer).setFloat64(2, 5, true);
    expect(() => ColumnCounts.fromBytes(bad)).toThrow(/corrupt: counts do not add up/);
    new DataView(bad.buffer).setFloat64(2, -1, true);
    expect(() => ColumnCounts.fromBytes(bad)).toThrow(/corrupt: count is -1/);
  });
});
