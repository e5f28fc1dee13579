import { describe, expect, it } from 'vitest';
import { type CategoricalColumn, countCodes, type Frame, type NumericColumn } from './frame.js';
import { drawRows, prepareFrame } from './prepare-frame.js';

const num = (name: string, values: number[]): NumericColumn => ({
  name,
  kind: 'numerical',
  values: Float64Array.from(values),
  missing: values.filter(Number.isNaN).length,
  invalid: 0,
});

describe('drawRows', () => {
  it('draws distinct rows, the same for the same seed, every row when asked for more', () => {
    const a = drawRows(1000, 200, 3);
    expect(new Set(a).size).toBe(200);
    expect(Math.max(...a)).toBeLessThan(1000);
    expect(drawRows(1000, 200, 3)).toEqual(a);
    expect(drawRows(1000, 200, 4)).not.toEqual(a);
    expect([...drawRows(50, 80, 1)].sort((x, y) => x - y)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
  });

  it('draws each row about equally often', () => {
    const hits = new Float64Array(20);
    for (let seed = 0; seed < 2000; seed++) for (const r of drawRows(20, 5, seed)) hits[r]++;
    // 2000 draws of 5 in 20: each row expects 500 hits, sd ≈ 19.
    for (const h of hits) expect(Math.abs(h - 500)).toBeLessThan(100);
  });
});

describe('prepareFrame', () => {
  it('samples rows with their values, then sorts the columns not kept in order', () => {
    const x = num('x', [5, Number.NaN, 1, 4, 2, 3]);
    const y = num('y', [60, 50, 40, 30, 20, 10]);
    const keep = num('keep', [1, 2, 3, 4, 5, 6]);
    const frame: Frame = {
      source: 'f.csv',
      format: 'csv',
      rowCount: 6,
      columns: [x, y, keep],
      duplicateRows: 0,
    };
    const rowValues = (r: number) => [[5, Number.NaN, 1, 4, 2, 3][r], 60 - 10 * r, r + 1];
    prepareFrame(frame, { keepOrder: ['keep'], sampleRows: 4, seed: 9 });
    const sample = frame.rowSample!;
    expect(sample.columns).toEqual(['x', 'y', 'keep']);
    expect(sample.rows).toEqual(drawRows(6, 4, 9));
    sample.rows.forEach((r, k) => {
      expect(Array.from(sample.values.subarray(k * 3, k * 3 + 3))).toEqual(rowValues(r));
    });
    expect(Array.from(x.values!)).toEqual([1, 2, 3, 4, 5, Number.NaN]);
    expect(x.sorted).toBe(true);
    expect(Array.from(y.values!)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(Array.from(keep.values!)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(keep.sorted).toBeUndefined();
    expect(x.stats).toMatchObject({ count: 5, mean: 3, min: 1, max: 5, distinct: 5 });
    expect(keep.stats).toBeUndefined();
  });
});

describe('countCodes', () => {
  it('counts each code, skips the missing ones, at any length', () => {
    for (let n = 0; n < 12; n++) {
      const codes = Int32Array.from({ length: n }, (_, i) => ((i * 7) % 5) - 1);
      const naive = new Float64Array(4);
      for (const c of codes) if (c >= 0) naive[c]++;
      expect(countCodes(codes, 4)).toEqual(naive);
    }
  });

  it('is what prepareFrame leaves on a categorical column', () => {
    const column: CategoricalColumn = {
      name: 'c',
      kind: 'categorical',
      codes: Int32Array.of(1, -1, 1, 0, 1),
      dictionary: ['a', 'b'],
      missing: 1,
      invalid: 0,
    };
    const frame: Frame = {
      source: 'f.csv',
      format: 'csv',
      rowCount: 5,
      columns: [column],
      duplicateRows: 0,
    };
    prepareFrame(frame, { keepOrder: [], sampleRows: 0, seed: 0 });
    expect(column.counts).toEqual(Float64Array.of(1, 3));
  });
});
