import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { averageRanks, mergedRankSum, tieTerm } from './ranks.js';

interface RankCase {
  a: SampleSpec | number[];
  ranks: number[] | null;
  rankSum: number;
  rankSquares: number;
  checksum: number;
  tieTerm: number;
}
const fx = loadFixture<{ ranks: RankCase[] }>('stattests-numeric.json');

describe('averageRanks', () => {
  it('matches scipy.stats.rankdata(method="average") and the tie term', () => {
    for (const c of fx.ranks) {
      const a = sample(c.a);
      const r = averageRanks(a);
      if (c.ranks) expect(Array.from(r.ranks)).toEqual(c.ranks);
      let sum = 0;
      let squares = 0;
      let checksum = 0;
      for (let i = 0; i < r.ranks.length; i++) {
        sum += r.ranks[i];
        squares += r.ranks[i] * r.ranks[i];
        checksum += r.ranks[i] * (i + 1);
      }
      const label = `n=${a.length}`;
      expectClose(sum, c.rankSum, `${label} rank sum`, { rel: 1e-12 });
      expectClose(squares, c.rankSquares, `${label} rank squares`, { rel: 1e-12 });
      expectClose(checksum, c.checksum, `${label} checksum`, { rel: 1e-12 });
      expect(r.tieTerm, label).toBe(c.tieTerm);
    }
  });

  it('runs the doc example', () => {
    expect(averageRanks([10, 20, 10, 30])).toEqual({
      ranks: Float64Array.of(1.5, 3, 1.5, 4),
      tieTerm: 6,
    });
    expect(tieTerm(Float64Array.of(1, 1, 2, 3, 3, 3))).toBe(30);
  });

  it('refuses empty and non-finite input', () => {
    expect(() => averageRanks([])).toThrow(/averageRanks: a must hold at least one value/);
    expect(() => averageRanks([1, Number.NaN])).toThrow(/averageRanks: a \[1\] is NaN/);
  });
});

describe('mergedRankSum', () => {
  it('equals the rank sum of the pooled average ranks', () => {
    const x = sample({ kind: 'discrete', n: 300, seed: 1, levels: 9, lo: 0, step: 1 }).sort();
    const y = sample({ kind: 'discrete', n: 200, seed: 2, levels: 9, lo: 0, step: 1 }).sort();
    const pooled = new Float64Array(500);
    pooled.set(x);
    pooled.set(y, 300);
    const all = averageRanks(pooled);
    let expected = 0;
    for (let i = 0; i < 300; i++) expected += all.ranks[i];
    expect(mergedRankSum(x, y)).toEqual({ rankSumX: expected, tieTerm: all.tieTerm });
    expect(mergedRankSum(Float64Array.of(1, 3), Float64Array.of(2, 3))).toEqual({
      rankSumX: 4.5,
      tieTerm: 6,
    });
  });
});
