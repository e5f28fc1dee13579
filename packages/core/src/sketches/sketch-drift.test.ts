import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { hellingerDistance, histogram, jensenShannonDistance, psi } from '../distances/index.js';
import { kstwobign } from '../distributions/kolmogorov.js';
import { kstwo } from '../distributions/kstwo.js';
import { KllSketch } from './kll-sketch.js';
import {
  binnedFromSketches,
  hellingerFromSketches,
  jensenShannonFromSketches,
  ksFromSketches,
  psiFromSketches,
} from './sketch-drift.js';

interface KsCase {
  label: string;
  a: SampleSpec;
  b: SampleSpec;
  statistic: number;
  pValue: number | string;
}
const fx = loadFixture<{ ks: KsCase[] }>('sketches.json');

function sketchOf(x: ArrayLike<number>, seed = 1): KllSketch {
  const s = new KllSketch({ seed });
  for (let i = 0; i < x.length; i++) s.update(x[i]);
  return s;
}

/** Exact two-sample D by sorting both samples and walking their distinct values. */
function exactD(x: Float64Array, y: Float64Array): number {
  const a = x.slice().sort();
  const b = y.slice().sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length || j < b.length) {
    const v = Math.min(i < a.length ? a[i] : Infinity, j < b.length ? b[j] : Infinity);
    while (i < a.length && a[i] <= v) i++;
    while (j < b.length && b[j] <= v) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

describe('ksFromSketches', () => {
  it('runs the doc example', () => {
    const a = new KllSketch();
    const b = new KllSketch();
    for (const v of [1, 2, 3]) {
      a.update(v);
      b.update(v + 10);
    }
    expect(ksFromSketches(a, b).statistic).toBe(1);
    expect(ksFromSketches(a, b).statisticSign).toBe(1);
    expect(ksFromSketches(b, a).statisticSign).toBe(-1);
  });

  it('stays within errorBound of the exact D (scipy.stats.ks_2samp) on every fixture case', () => {
    for (const c of fx.ks) {
      const x = sample(c.a);
      const y = sample(c.b);
      const d = exactD(x, y);
      expectClose(d, c.statistic, `${c.label} exact D vs SciPy`);
      const r = ksFromSketches(sketchOf(x, 1), sketchOf(y, 2));
      expect(Math.abs(r.statistic - d), c.label).toBeLessThanOrEqual(r.errorBound);
      const en = (x.length * y.length) / (x.length + y.length);
      const pv = (t: number) =>
        en <= 1000 ? kstwo.sf(t, Math.round(en)) : kstwobign.sf(Math.sqrt(en) * t);
      expect(r.pValue).toBe(pv(r.statistic));
      // The exact D's p-value lies in the interval.
      expect(pv(d)).toBeGreaterThanOrEqual(r.pValueInterval[0]);
      expect(pv(d)).toBeLessThanOrEqual(r.pValueInterval[1]);
      if (x.length < 200) {
        // Exact sketches: no error, and SciPy's asymptotic p-value.
        expect(r.errorBound).toBe(0);
        expect(r.statistic).toBe(d);
        expectClose(r.pValue, num(c.pValue), `${c.label} pValue`);
      } else {
        expectClose(r.errorBound, 2 * new KllSketch().normalizedRankError(), c.label);
      }
    }
  });

  it('stays within errorBound for sketches merged from 10 parts', () => {
    const x = sample({ kind: 'normal', n: 200000, seed: 301, mean: 0, sd: 1 });
    const y = sample({ kind: 'normal', n: 150000, seed: 302, mean: 0.02, sd: 1.05 });
    const parts = (v: Float64Array, seed: number) => {
      const m = new KllSketch({ seed });
      const size = v.length / 10;
      for (let p = 0; p < 10; p++)
        m.merge(sketchOf(v.subarray(p * size, (p + 1) * size), seed + p + 1));
      return m;
    };
    const r = ksFromSketches(parts(x, 10), parts(y, 40));
    expect(Math.abs(r.statistic - exactD(x, y))).toBeLessThanOrEqual(r.errorBound);
  });

  it('refuses empty or foreign sketches', () => {
    const s = sketchOf([1, 2]);
    expect(() => ksFromSketches(new KllSketch(), s)).toThrow(/ksFromSketches: a has seen no/);
    expect(() => ksFromSketches(s, {} as KllSketch)).toThrow(
      /ksFromSketches: b must be a KllSketch/,
    );
  });
});

describe('binned distances from sketches', () => {
  it('runs the doc examples', () => {
    const r = new KllSketch();
    for (let i = 1; i <= 100; i++) r.update(i);
    expect(Array.from(binnedFromSketches(r, r, { bins: 4 }).referenceCounts)).toEqual([
      25, 25, 25, 25,
    ]);
    expect(psiFromSketches(r, r).statistic).toBe(0);
    expect(jensenShannonFromSketches(r, r).statistic).toBe(0);
    expect(hellingerFromSketches(r, r).statistic).toBe(0);
    expect(hellingerFromSketches(r, r).errorBound).toBe(0);
  });

  it('equals the exact binning while both sketches hold every value', () => {
    const x = sample({ kind: 'discrete', n: 180, seed: 311, levels: 6, lo: 0, step: 1 });
    const y = sample({ kind: 'uniform', n: 150, seed: 312, lo: -1, hi: 6 });
    const b = binnedFromSketches(sketchOf(x), sketchOf(y), { bins: 10 });
    expect(b.edges.length).toBeLessThan(9); // ties merged duplicate edges
    expect(Array.from(b.referenceCounts)).toEqual(Array.from(histogram(x, b.edges)));
    expect(Array.from(b.currentCounts)).toEqual(Array.from(histogram(y, b.edges)));
    expect(b.totalVariationError).toEqual([0, 0]);
  });

  it('keeps bins, JS and Hellinger within their bounds of the exact values at the same edges', () => {
    const x = sample({ kind: 'heavy', n: 200000, seed: 321, scale: 1 });
    const y = sample({ kind: 'normal', n: 100000, seed: 322, mean: 0.1, sd: 3 });
    const ref = sketchOf(x, 3);
    const cur = sketchOf(y, 4);
    for (const bins of [5, 10, 20]) {
      const b = binnedFromSketches(ref, cur, { bins });
      expect(b.edges.length).toBe(bins - 1);
      const ex = histogram(x, b.edges);
      const ey = histogram(y, b.edges);
      let tvr = 0;
      let tvc = 0;
      for (let i = 0; i < ex.length; i++) {
        const dr = Math.abs(b.referenceCounts[i] / ref.n - ex[i] / x.length);
        const dc = Math.abs(b.currentCounts[i] / cur.n - ey[i] / y.length);
        expect(dr).toBeLessThanOrEqual(b.referenceError);
        expect(dc).toBeLessThanOrEqual(b.currentError);
        tvr += dr / 2;
        tvc += dc / 2;
      }
      expect(tvr).toBeLessThanOrEqual(b.totalVariationError[0]);
      expect(tvc).toBeLessThanOrEqual(b.totalVariationError[1]);
      const js = jensenShannonFromSketches(ref, cur, { bins, base: 2 });
      expect(
        Math.abs(js.statistic - jensenShannonDistance(ex, ey, { base: 2 })),
      ).toBeLessThanOrEqual(js.errorBound!);
      const h = hellingerFromSketches(ref, cur, { bins });
      expect(Math.abs(h.statistic - hellingerDistance(ex, ey))).toBeLessThanOrEqual(h.errorBound!);
      const p = psiFromSketches(ref, cur, { bins, epsilon: 0.001 });
      expect(p.statistic).toBe(psi(b.referenceCounts, b.currentCounts, { epsilon: 0.001 }));
      expect(p.errorBound).toBeNull();
      // Not a bound, a sanity check: the estimate is near the exact PSI at these edges.
      expect(Math.abs(p.statistic - psi(ex, ey, { epsilon: 0.001 }))).toBeLessThan(0.05);
    }
  });

  it('refuses bad input', () => {
    const s = sketchOf([1, 2, 3]);
    expect(() => binnedFromSketches(s, s, { bins: 0 })).toThrow(/binnedFromSketches: bins is 0/);
    expect(() => psiFromSketches(new KllSketch(), s)).toThrow(
      /psiFromSketches: reference has seen no/,
    );
    expect(() => hellingerFromSketches(s, null as unknown as KllSketch)).toThrow(
      /hellingerFromSketches: current must be a KllSketch/,
    );
    expect(() => jensenShannonFromSketches(s, s, { base: 1 })).toThrow(
      /jensenShannonDistance: base/,
    );
    expect(() => psiFromSketches(s, s, { epsilon: -1 })).toThrow(/psi: epsilon/);
  });
});
