import { createRng } from '@tend/core';
import { describe, expect, it } from 'vitest';
import { describeNumbers, numericHistogram } from './column-summary.js';

describe('numericHistogram', () => {
  it('counts as numpy.histogram does over 20 equal bins spanning both samples', () => {
    const rng = createRng(4);
    const ref = Float64Array.from({ length: 5000 }, () => Math.round(rng.next() * 100) / 10).sort();
    const cur = Float64Array.from(
      { length: 3000 },
      () => 2 + Math.round(rng.next() * 100) / 10,
    ).sort();
    const h = numericHistogram(ref, cur);
    if (h.kind !== 'numerical') throw new Error('expected numerical bins');
    const lo = 0;
    const width = Math.max(ref[ref.length - 1], cur[cur.length - 1]) / 20;
    const naive = (xs: Float64Array) => {
      const out = new Array<number>(20).fill(0);
      for (const x of xs) out[Math.min(19, Math.floor((x - lo) / width))]++;
      return out;
    };
    expect(h.edges).toHaveLength(21);
    expect(h.reference).toEqual(naive(ref));
    expect(h.current).toEqual(naive(cur));
    expect(h.reference.reduce((a, b) => a + b, 0)).toBe(5000);
  });

  it('gives one bin of width 1 to a constant column, and none to an empty one', () => {
    const h = numericHistogram(Float64Array.of(3, 3), Float64Array.of(3));
    expect(h.kind === 'numerical' && h.edges[0]).toBe(2.5);
    expect(h.reference.reduce((a, b) => a + b, 0)).toBe(2);
    expect(numericHistogram(new Float64Array(0), new Float64Array(0))).toEqual({
      kind: 'numerical',
      edges: [],
      reference: [],
      current: [],
    });
  });
});

describe('describeNumbers', () => {
  it('follows pandas describe: ddof-1 std and linear quartiles', () => {
    const d = describeNumbers(Float64Array.of(1, 2, 3, 4));
    expect(d).toMatchObject({
      count: 4,
      mean: 2.5,
      min: 1,
      q25: 1.75,
      median: 2.5,
      q75: 3.25,
      max: 4,
    });
    expect(d.std).toBeCloseTo(Math.sqrt(5 / 3), 14);
  });
});
