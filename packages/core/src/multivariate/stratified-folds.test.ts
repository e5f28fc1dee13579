import { describe, expect, it } from 'vitest';
import { createRng } from '../random/xoshiro128.js';
import { sampleIndices, stratifiedFolds } from './stratified-folds.js';

describe('stratifiedFolds', () => {
  it('deals each class evenly over the folds', () => {
    const labels = Uint8Array.from({ length: 103 }, (_, i) => (i < 71 ? 0 : 1));
    const folds = stratifiedFolds(labels, 5, createRng(1));
    for (const c of [0, 1]) {
      const counts = [0, 0, 0, 0, 0];
      labels.forEach((l, i) => {
        if (l === c) counts[folds[i]]++;
      });
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      expect(counts.reduce((s, v) => s + v, 0)).toBe(c === 0 ? 71 : 32);
    }
  });

  it('is the same for a seed and shuffles with it', () => {
    const labels = Uint8Array.from({ length: 40 }, (_, i) => i % 2);
    const a = stratifiedFolds(labels, 4, createRng(9));
    expect(stratifiedFolds(labels, 4, createRng(9))).toEqual(a);
    expect(stratifiedFolds(labels, 4, createRng(10))).not.toEqual(a);
    expect(stratifiedFolds(Uint8Array.of(0, 0, 1, 1), 2, createRng(0))).toSatisfy(
      (f: Uint32Array) => f[0] !== f[1] && f[2] !== f[3],
    );
  });
});

describe('sampleIndices', () => {
  it('draws distinct ascending indices, seeded', () => {
    const s = sampleIndices(1000, 100, createRng(4));
    expect(s).toHaveLength(100);
    expect(new Set(s).size).toBe(100);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    expect(sampleIndices(1000, 100, createRng(4))).toEqual(s);
    expect(sampleIndices(10, 3, createRng(0)).every((v) => v < 10)).toBe(true);
  });
});
