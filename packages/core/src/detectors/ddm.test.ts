import { describe, expect, it } from 'vitest';
import { TendInputError } from '../errors.js';
import { createRng } from '../random/xoshiro128.js';
import { Ddm } from './ddm.js';

/** 0/1 errors with rate rates[k] for lengths[k] values, seeded. */
function errors(rates: number[], lengths: number[], seed: number): number[] {
  const rng = createRng(seed);
  return rates.flatMap((p, k) =>
    Array.from({ length: lengths[k] }, () => (rng.next() < p ? 1 : 0)),
  );
}
function signals(d: Ddm, xs: number[]): { drifts: number[]; warnings: number[] } {
  const drifts: number[] = [];
  const warnings: number[] = [];
  xs.forEach((x, i) => {
    const s = d.update(x);
    if (s.drift) drifts.push(i);
    if (s.warning) warnings.push(i);
  });
  return { drifts, warnings };
}
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('Ddm', () => {
  it('has River’s defaults', () => {
    const d = new Ddm();
    expect([d.warmStart, d.warningThreshold, d.driftThreshold]).toEqual([30, 2, 3]);
  });

  it('rarely alarms on a stationary 10 % error rate (≤ 1 false alarm per 2 500 values)', () => {
    const alarms = seeds.map((s) => signals(new Ddm(), errors([0.1], [5000], s)).drifts.length);
    expect(alarms.reduce((a, b) => a + b)).toBeLessThanOrEqual(20);
    expect(alarms.filter((a) => a === 0).length).toBeGreaterThanOrEqual(5);
  });

  it('detects an error rate going from 10 % to 50 % within 200 values, warning first', () => {
    for (const s of seeds) {
      const { drifts, warnings } = signals(new Ddm(), errors([0.1, 0.5], [1000, 1000], s));
      const drift = drifts.find((i) => i >= 1000) as number;
      expect(drift - 1000, `seed ${s}`).toBeLessThan(200);
      const warning = warnings.find((i) => i >= 1000) as number;
      expect(warning, `seed ${s}`).toBeLessThan(drift);
    }
  });

  it('never signals before the warm-start', () => {
    const xs = [...Array(20).fill(0), ...Array(30).fill(1)];
    // Without a warm-start the first error after a clean run is already a drift…
    expect(signals(new Ddm({ warmStart: 0 }), xs).drifts[0]).toBe(20);
    // …with one, nothing is signalled while n ≤ warmStart.
    const { drifts, warnings } = signals(new Ddm({ warmStart: 50 }), xs);
    expect([drifts, warnings]).toEqual([[], []]);
  });

  it('refuses bad options, naming them', () => {
    expect(() => new Ddm({ warmStart: -1 })).toThrow(TendInputError);
    expect(() => new Ddm({ warmStart: 1.5 })).toThrow('Ddm: warmStart');
    expect(() => new Ddm({ warningThreshold: Number.NaN })).toThrow('Ddm: warningThreshold');
    expect(() => new Ddm({ driftThreshold: -3 })).toThrow('Ddm: driftThreshold');
  });
});
