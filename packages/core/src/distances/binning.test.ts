import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { binCategorical, binNumeric, histogram, quantileBinEdges } from './binning.js';

interface BinningFixture {
  binned: {
    name: string;
    reference: SampleSpec;
    current: SampleSpec;
    bins: number;
    edges: number[];
    referenceCounts: number[];
    currentCounts: number[];
  }[];
  quantiles: { reference: SampleSpec | number[]; bins: number; edges: number[] }[];
}
const fx = loadFixture<BinningFixture>('distances.json');

describe('quantileBinEdges', () => {
  it('equals np.unique(np.quantile(reference, k/bins)) bit for bit', () => {
    for (const q of fx.quantiles) {
      expect(Array.from(quantileBinEdges(sample(q.reference), q.bins))).toEqual(q.edges);
    }
    for (const b of fx.binned) {
      expect(Array.from(quantileBinEdges(sample(b.reference), b.bins)), b.name).toEqual(b.edges);
    }
  });

  it('matches its doc example and merges duplicate edges', () => {
    expect(Array.from(quantileBinEdges([1, 2, 3, 4, 5], 4))).toEqual([2, 3, 4]);
    expect(Array.from(quantileBinEdges([0, 0, 0, 0, 1], 10))).toEqual([
      0, 0.20000000000000018, 0.6000000000000001,
    ]);
    expect(Array.from(quantileBinEdges([7, 7, 7], 10))).toEqual([7]);
    expect(Array.from(quantileBinEdges([1, 2, 3], 1))).toEqual([]);
  });

  it('refuses bad input', () => {
    expect(() => quantileBinEdges([], 10)).toThrow('quantileBinEdges: reference must hold');
    expect(() => quantileBinEdges([1, Number.NaN])).toThrow(
      'quantileBinEdges: reference [1] is NaN',
    );
    expect(() => quantileBinEdges([1, 2], 0)).toThrow('quantileBinEdges: bins is 0');
    expect(() => quantileBinEdges([1, 2], 2.5)).toThrow('quantileBinEdges: bins is 2.5');
  });
});

describe('histogram', () => {
  it('counts in right-closed bins with open outer bins', () => {
    expect(Array.from(histogram([0, 1, 1.5, 2, 9], [1, 2]))).toEqual([2, 2, 1]);
    expect(Array.from(histogram([-1e300, 1e300], [0]))).toEqual([1, 1]);
    expect(Array.from(histogram([1, 2, 3], []))).toEqual([3]);
    expect(Array.from(histogram([], [0]))).toEqual([0, 0]);
  });

  it('refuses edges that do not increase strictly', () => {
    expect(() => histogram([1], [1, 1])).toThrow('histogram: edges [1] is 1, not above [0] = 1');
    expect(() => histogram([1], [2, Number.NaN])).toThrow('histogram: edges [1] is NaN');
  });
});

describe('binNumeric', () => {
  it('counts both samples as NumPy searchsorted does, n up to 100 000', () => {
    for (const b of fx.binned) {
      const res = binNumeric(sample(b.reference), sample(b.current), { bins: b.bins });
      expect(Array.from(res.edges), b.name).toEqual(b.edges);
      expect(Array.from(res.reference), b.name).toEqual(b.referenceCounts);
      expect(Array.from(res.current), b.name).toEqual(b.currentCounts);
    }
  });

  it('matches its doc example and keeps current values outside the reference range', () => {
    const res = binNumeric([1, 2, 3, 4], [3, 4, 5, 6], { bins: 2 });
    expect(Array.from(res.edges)).toEqual([2.5]);
    expect(Array.from(res.reference)).toEqual([2, 2]);
    expect(Array.from(res.current)).toEqual([0, 4]);
    expect(Array.from(binNumeric([0, 1], [-5, 50], { bins: 2 }).current)).toEqual([1, 1]);
  });

  it('refuses bad input', () => {
    expect(() => binNumeric([1], [])).toThrow('binNumeric: current must hold at least one value');
    expect(() => binNumeric([1], [2], { bins: -1 })).toThrow('binNumeric: bins is -1');
    expect(() => binNumeric([1], [Number.POSITIVE_INFINITY])).toThrow(
      'binNumeric: current [0] is Infinity',
    );
  });
});

describe('binCategorical', () => {
  it('aligns the counts over the union of categories', () => {
    const res = binCategorical(['a', 'b', 'a'], ['b', 'c']);
    expect(res.categories).toEqual(['a', 'b', 'c']);
    expect(Array.from(res.reference)).toEqual([2, 1, 0]);
    expect(Array.from(res.current)).toEqual([0, 1, 1]);
    expect(() => binCategorical([], ['a'])).toThrow('binCategorical: reference must hold');
  });
});
