import { describe, expect, it } from 'vitest';
import { sample } from '../../test/support/samples.js';
import { TendInputError } from '../errors.js';
import { Cusum, type CusumOptions } from './cusum.js';

const normal = (means: number[], n: number, seed: number): number[] =>
  means.flatMap((mean, k) =>
    Array.from(sample({ kind: 'normal', n, seed: seed * 10 + k, mean, sd: 1 })),
  );
function drifts(o: CusumOptions, xs: number[]): number[] {
  const d = new Cusum(o);
  return xs.flatMap((x, i) => (d.update(x).drift ? [i] : []));
}
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('Cusum', () => {
  it('has River’s (Montgomery’s) defaults', () => {
    const c = new Cusum();
    expect([c.minInstances, c.slack, c.threshold, c.mode]).toEqual([30, 0.5, 5, 'both']);
  });

  it('false alarms on N(0, 1): a few per thousand at h = 5σ, far fewer at h = 10σ', () => {
    const count = (o: CusumOptions) =>
      seeds.map((s) => drifts(o, normal([0], 5000, s)).length).reduce((a, b) => a + b);
    const h5 = count({});
    const h10 = count({ threshold: 10 });
    // Two-sided ARL₀ with known μ, σ is about 235 at h = 5; the estimated reference adds some.
    expect(h5).toBeGreaterThan(50);
    expect(h5).toBeLessThan(250);
    expect(h10).toBeLessThanOrEqual(10);
  });

  it('detects a 3σ shift within 20 values at h = 10σ', () => {
    for (const s of seeds) {
      const first = drifts({ threshold: 10 }, normal([0, 3], 1000, s)).find((i) => i >= 1000);
      expect((first as number) - 1000, `seed ${s}`).toBeLessThan(20);
    }
  });

  it('freezes its reference after the warm-up and watches only its mode', () => {
    // Warm-up 0,1,0,1…: μ₀ = 0.5, σ ≈ 0.51; then a drop to −5 is a 'down' change only.
    const xs = [...Array.from({ length: 30 }, (_, i) => i % 2), ...Array(10).fill(-5)];
    expect(drifts({ mode: 'up' }, xs)).toEqual([]);
    expect(drifts({ mode: 'down' }, xs)[0]).toBe(30);
    expect(drifts({}, xs)[0]).toBe(30);
  });

  it('refuses bad options, naming them', () => {
    expect(() => new Cusum({ slack: -1 })).toThrow(TendInputError);
    expect(() => new Cusum({ slack: -1 })).toThrow('Cusum: slack');
    expect(() => new Cusum({ threshold: 0 })).toThrow('Cusum: threshold');
    expect(() => new Cusum({ minInstances: 0 })).toThrow('Cusum: minInstances');
    expect(() => new Cusum({ mode: 'x' as never })).toThrow('Cusum: mode');
  });
});
