import { describe, expect, it } from 'vitest';
import { TendInputError } from '../errors.js';
import { createRng } from '../random/xoshiro128.js';
import { HddmA, type HddmAOptions } from './hddm-a.js';

function errors(rates: number[], lengths: number[], seed: number): number[] {
  const rng = createRng(seed);
  return rates.flatMap((p, k) =>
    Array.from({ length: lengths[k] }, () => (rng.next() < p ? 1 : 0)),
  );
}
function signals(o: HddmAOptions, xs: number[]): { drifts: number[]; warnings: number[] } {
  const d = new HddmA(o);
  const out = xs.map((x) => d.update(x));
  return {
    drifts: out.flatMap((s, i) => (s.drift ? [i] : [])),
    warnings: out.flatMap((s, i) => (s.warning ? [i] : [])),
  };
}
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('HddmA', () => {
  it('has River’s defaults', () => {
    const h = new HddmA();
    expect([h.driftConfidence, h.warningConfidence, h.twoSidedTest]).toEqual([0.001, 0.005, false]);
  });

  it('stays silent on a stationary 10 % error rate', () => {
    for (const s of seeds) expect(signals({}, errors([0.1], [5000], s)).drifts).toEqual([]);
  });

  it('detects 10 % → 50 % within 100 values, warning first', () => {
    for (const s of seeds) {
      const { drifts, warnings } = signals({}, errors([0.1, 0.5], [1000, 1000], s));
      const drift = drifts.find((i) => i >= 1000) as number;
      expect(drift - 1000, `seed ${s}`).toBeLessThan(100);
      expect(warnings.find((i) => i >= 1000) as number, `seed ${s}`).toBeLessThan(drift);
    }
  });

  it('sees a falling error rate only when two-sided', () => {
    for (const s of seeds) {
      const xs = errors([0.5, 0.1], [1000, 1000], s);
      expect(signals({}, xs).drifts.filter((i) => i >= 1000)).toEqual([]);
      const found = signals({ twoSidedTest: true }, xs).drifts.find((i) => i >= 1000) as number;
      expect(found - 1000, `seed ${s}`).toBeLessThan(150);
    }
  });

  it('refuses bad options, naming them', () => {
    expect(() => new HddmA({ driftConfidence: 0 })).toThrow(TendInputError);
    expect(() => new HddmA({ driftConfidence: 1 })).toThrow('HddmA: driftConfidence');
    expect(() => new HddmA({ warningConfidence: -0.1 })).toThrow('HddmA: warningConfidence');
    expect(() => new HddmA({ twoSidedTest: 1 as never })).toThrow('HddmA: twoSidedTest');
  });
});
