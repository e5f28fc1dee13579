import { describe, expect, it } from 'vitest';
import { sample } from '../../test/support/samples.js';
import { TendInputError } from '../errors.js';
import { PageHinkley, type PageHinkleyOptions } from './page-hinkley.js';

const normal = (means: number[], n: number, seed: number): number[] =>
  means.flatMap((mean, k) =>
    Array.from(sample({ kind: 'normal', n, seed: seed * 10 + k, mean, sd: 1 })),
  );
function drifts(o: PageHinkleyOptions, xs: number[]): number[] {
  const d = new PageHinkley(o);
  return xs.flatMap((x, i) => (d.update(x).drift ? [i] : []));
}
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('PageHinkley', () => {
  it('has River’s defaults', () => {
    const p = new PageHinkley();
    expect([p.minInstances, p.delta, p.threshold, p.alpha, p.mode]).toEqual([
      30,
      0.005,
      50,
      1 - 0.0001,
      'both',
    ]);
  });

  it('false-alarms at most once per 1 000 N(0, 1) values at the defaults', () => {
    const total = seeds.map((s) => drifts({}, normal([0], 5000, s)).length).reduce((a, b) => a + b);
    expect(total).toBeLessThanOrEqual(50);
    // A larger threshold buys fewer alarms.
    const calm = seeds.map((s) => drifts({ threshold: 100 }, normal([0], 5000, s)).length);
    expect(calm.reduce((a, b) => a + b)).toBeLessThan(total / 2);
  });

  it('detects a +2σ shift within 50 values', () => {
    for (const s of seeds) {
      const first = drifts({}, normal([0, 2], 1000, s)).find((i) => i >= 1000) as number;
      expect(first - 1000, `seed ${s}`).toBeLessThan(50);
    }
  });

  it('watches only the direction its mode names', () => {
    let missedByUp = 0;
    for (const s of seeds) {
      const xs = normal([0, -2], 1000, s);
      const soon = (o: PageHinkleyOptions) => drifts(o, xs).some((i) => i >= 1000 && i < 1050);
      if (!soon({ mode: 'up' })) missedByUp += 1;
      expect(soon({ mode: 'down' }), `seed ${s}`).toBe(true);
      expect(soon({ mode: 'both' }), `seed ${s}`).toBe(true);
    }
    expect(missedByUp).toBe(seeds.length);
  });

  it('refuses bad options, naming them', () => {
    expect(() => new PageHinkley({ mode: 'sideways' as never })).toThrow(TendInputError);
    expect(() => new PageHinkley({ mode: 'sideways' as never })).toThrow('PageHinkley: mode');
    expect(() => new PageHinkley({ minInstances: 0 })).toThrow('PageHinkley: minInstances');
    expect(() => new PageHinkley({ threshold: 0 })).toThrow('PageHinkley: threshold');
    expect(() => new PageHinkley({ alpha: 1.1 })).toThrow('PageHinkley: alpha');
    expect(() => new PageHinkley({ delta: -1 })).toThrow('PageHinkley: delta');
  });
});
