import { createRng } from '@tend/core';
import { describe, expect, it } from 'vitest';
import { countDuplicateRows } from './duplicate-rows.js';
import type { Column } from './frame.js';

const num = (name: string, values: number[]): Column => ({
  name,
  kind: 'numerical',
  values: Float64Array.from(values),
  missing: 0,
  invalid: 0,
});
const cat = (name: string, codes: number[], dictionary: string[]): Column => ({
  name,
  kind: 'categorical',
  codes: Int32Array.from(codes),
  dictionary,
  missing: 0,
  invalid: 0,
});

describe('countDuplicateRows', () => {
  it('counts rows equal to an earlier row in every column', () => {
    const columns = [num('a', [1, 1, 1, 2, 1]), cat('b', [0, 0, 1, 0, 0], ['x', 'y'])];
    // rows: (1,x) (1,x) (1,y) (2,x) (1,x): rows 2 and 5 repeat row 1
    expect(countDuplicateRows(columns, 5)).toBe(2);
  });

  it('treats 0 and −0 as equal, missing as equal to missing, and missing unlike any value', () => {
    expect(countDuplicateRows([num('a', [0, -0])], 2)).toBe(1);
    expect(countDuplicateRows([num('a', [NaN, NaN, 0])], 3)).toBe(1);
    expect(countDuplicateRows([cat('c', [-1, -1, 0], ['x'])], 3)).toBe(1);
  });

  it('tells apart rows whose cells are the same values in other columns', () => {
    // (1,2) and (2,1) are different rows
    expect(countDuplicateRows([num('a', [1, 2]), num('b', [2, 1])], 2)).toBe(0);
    expect(
      countDuplicateRows([cat('a', [0, 1], ['p', 'q']), cat('b', [1, 0], ['p', 'q'])], 2),
    ).toBe(0);
  });

  it('is 0 for no rows, one row or no columns', () => {
    expect(countDuplicateRows([], 10)).toBe(0);
    expect(countDuplicateRows([num('a', [1])], 1)).toBe(0);
    expect(countDuplicateRows([num('a', [])], 0)).toBe(0);
  });

  it('agrees with an exact count on 20 000 random rows with many repeats', () => {
    const rng = createRng(11);
    const n = 20_000;
    const a = Array.from({ length: n }, () => Math.floor(rng.next() * 20) / 4);
    const b = Array.from({ length: n }, () => Math.floor(rng.next() * 30));
    const c = Array.from({ length: n }, () =>
      rng.next() < 0.1 ? NaN : Math.floor(rng.next() * 3),
    );
    const exact = new Set(a.map((_, i) => `${a[i]}|${b[i]}|${c[i]}`));
    const columns = [num('a', a), cat('b', b, Array.from({ length: 30 }, String)), num('c', c)];
    expect(countDuplicateRows(columns, n)).toBe(n - exact.size);
  });
});
