import { describe, expect, it } from 'vitest';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { SketchTag } from './bytes.js';
import { KllSketch } from './kll-sketch.js';

/** Exact normalised ranks of x in sorted data: [fraction < x, fraction ≤ x]. */
function exactRanks(sorted: Float64Array, x: number): [number, number] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  const below = lo;
  hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return [below / sorted.length, lo / sorted.length];
}

const grid = [0.001, 0.005, ...Array.from({ length: 99 }, (_, i) => (i + 1) / 100), 0.995, 0.999];

function sketchOf(values: Float64Array, seed = 1, k = 200): KllSketch {
  const s = new KllSketch({ k, seed });
  for (const v of values) s.update(v);
  return s;
}

/** Largest rank error of the sketch over the quantile grid and over every retained item. */
function worstRankError(s: KllSketch, sorted: Float64Array): number {
  let worst = 0;
  const n = sorted.length;
  for (const q of grid) {
    const exactQ = sorted[Math.min(n - 1, Math.ceil(q * n) - 1)];
    worst = Math.max(worst, Math.abs(s.rank(exactQ) - exactRanks(sorted, exactQ)[1]));
    // The estimated quantile's true rank interval must come within ε of q.
    const [below, upTo] = exactRanks(sorted, s.quantile(q));
    worst = Math.max(worst, below - q, q - upTo);
  }
  for (const x of s.sortedView().items) {
    worst = Math.max(worst, Math.abs(s.rank(x) - exactRanks(sorted, x)[1]));
  }
  return worst;
}

const specs: SampleSpec[] = [
  { kind: 'normal', n: 1_000_000, seed: 11, mean: 0, sd: 1 },
  { kind: 'heavy', n: 200000, seed: 12, scale: 1 },
  { kind: 'discrete', n: 200000, seed: 13, levels: 37, lo: -3, step: 0.5 },
];

describe('KllSketch', () => {
  it('runs the doc examples', () => {
    const s = new KllSketch();
    for (let i = 1; i <= 100; i++) s.update(i);
    expect(s.quantile(0.5)).toBe(50);
    const t = new KllSketch();
    for (const v of [1, 2, 3, 4]) t.update(v);
    expect(t.rank(2)).toBe(0.5);
    expect(t.quantile(0.5)).toBe(2);
    expect(t.quantiles([0, 1])).toEqual([1, 4]);
    expect(t.cdf([2])).toEqual([0.5, 1]);
    expect(new KllSketch().normalizedRankError()).toBe(2.296 / 200 ** 0.9723);
    expect(new KllSketch().normalizedRankError()).toBeCloseTo(0.01329, 5);
    expect(new KllSketch({ k: 200 }).normalizedRankError(true)).toBeCloseTo(0.0165, 4);
  });

  it('is exact while it retains every value', () => {
    const x = sample({ kind: 'uniform', n: 150, seed: 3, lo: 0, hi: 1 });
    const s = sketchOf(x);
    const sorted = x.slice().sort();
    expect(s.numRetained).toBe(150);
    for (const q of grid) expect(s.quantile(q)).toBe(sorted[Math.ceil(q * 150) - 1]);
  });

  it.each(specs)('keeps the rank error within its bound on $kind data', (spec) => {
    const x = sample(spec);
    const sorted = x.slice().sort();
    const s = sketchOf(x, spec.seed);
    expect(s.n).toBe(x.length);
    expect(s.min).toBe(sorted[0]);
    expect(s.max).toBe(sorted[sorted.length - 1]);
    expect(s.numRetained).toBeLessThan(700);
    expect(worstRankError(s, sorted)).toBeLessThanOrEqual(s.normalizedRankError());
  });

  it('merges 10 parts of a million values within the bound of the whole stream', () => {
    const x = sample({ kind: 'normal', n: 1_000_000, seed: 21, mean: 5, sd: 2 });
    const sorted = x.slice().sort();
    const merged = new KllSketch({ seed: 100 });
    for (let p = 0; p < 10; p++) {
      merged.merge(sketchOf(x.subarray(p * 100_000, (p + 1) * 100_000), 200 + p));
    }
    expect(merged.n).toBe(x.length);
    expect(merged.min).toBe(sorted[0]);
    expect(merged.max).toBe(sorted[sorted.length - 1]);
    expect(merged.numRetained).toBeLessThan(700);
    expect(worstRankError(merged, sorted)).toBeLessThanOrEqual(merged.normalizedRankError());
  });

  it('merges sketches of very different sizes either way round', () => {
    const x = sample({ kind: 'uniform', n: 150000, seed: 23, lo: -2, hi: 2 });
    const sorted = x.slice().sort();
    const big = sketchOf(x.subarray(0, 140000), 1);
    const small = sketchOf(x.subarray(140000, 149900), 2);
    const tiny = sketchOf(x.subarray(149900), 3);
    const a = new KllSketch({ seed: 4 }).merge(tiny).merge(small).merge(big);
    const b = big.merge(small).merge(tiny);
    for (const s of [a, b]) {
      expect(s.n).toBe(150000);
      expect(worstRankError(s, sorted)).toBeLessThanOrEqual(s.normalizedRankError());
    }
  });

  it('round-trips through bytes with identical answers and an identical future', () => {
    const x = sample({ kind: 'heavy', n: 50000, seed: 31, scale: 3 });
    const s = sketchOf(x.subarray(0, 40000));
    s.update(Number.NaN);
    const t = KllSketch.fromBytes(s.toBytes());
    expect(t.n).toBe(s.n);
    expect(t.nanCount).toBe(1);
    expect(t.quantiles(grid)).toEqual(s.quantiles(grid));
    expect(t.cdf([-1, 0, 1])).toEqual(s.cdf([-1, 0, 1]));
    for (const v of x.subarray(40000)) {
      s.update(v);
      t.update(v);
    }
    expect(t.toBytes()).toEqual(s.toBytes());
    expect(t.toJSON()).toEqual(s.toJSON());
  });

  it('is reproducible from its seed and depends on it', () => {
    const x = sample({ kind: 'uniform', n: 20000, seed: 41, lo: 0, hi: 1 });
    expect(sketchOf(x, 5).toBytes()).toEqual(sketchOf(x, 5).toBytes());
    expect(sketchOf(x, 5).toBytes()).not.toEqual(sketchOf(x, 6).toBytes());
  });

  it('counts NaN apart and keeps infinities', () => {
    const s = new KllSketch();
    for (const v of [Number.NaN, 1, Number.NEGATIVE_INFINITY, Number.NaN, 3]) s.update(v);
    expect(s.n).toBe(3);
    expect(s.nanCount).toBe(2);
    expect(s.min).toBe(Number.NEGATIVE_INFINITY);
    expect(s.quantile(0.5)).toBe(1);
    const e = new KllSketch();
    e.update(Number.NaN);
    expect(e.merge(s).nanCount).toBe(3);
    expect(e.n).toBe(3);
  });

  it('refuses bad input', () => {
    expect(() => new KllSketch({ k: 4 })).toThrow(/KllSketch: k is 4/);
    expect(() => new KllSketch({ k: 200.5 })).toThrow(/KllSketch: k/);
    expect(() => new KllSketch({ seed: -1 })).toThrow(/KllSketch: seed is -1/);
    const s = new KllSketch();
    expect(() => s.update('1' as unknown as number)).toThrow(/KllSketch.update: x is string/);
    expect(() => s.quantile(0.5)).toThrow(/KllSketch.quantile: sketch has seen no/);
    expect(() => s.rank(0)).toThrow(/KllSketch.rank: sketch/);
    expect(() => s.cdf([0])).toThrow(/KllSketch.cdf: sketch/);
    s.update(1);
    expect(() => s.quantile(1.5)).toThrow(/KllSketch.quantile: q is 1.5/);
    expect(() => s.rank(Number.NaN)).toThrow(/KllSketch.rank: x is NaN/);
    expect(() => s.cdf([1, 1])).toThrow(/KllSketch.cdf: splitPoints \[1\] is 1/);
    expect(() => s.merge(new KllSketch({ k: 100 }))).toThrow(/KllSketch.merge: other has k = 100/);
    expect(() => s.merge(s)).toThrow(/KllSketch.merge: other is this sketch/);
    expect(() => s.merge({} as KllSketch)).toThrow(/KllSketch.merge: other must be a KllSketch/);
  });

  it('refuses foreign, newer or truncated bytes', () => {
    const s = new KllSketch();
    for (let i = 0; i < 1000; i++) s.update(i);
    const b = s.toBytes();
    expect(() => KllSketch.fromBytes(b.slice(0, b.length - 3))).toThrow(
      /KllSketch.fromBytes: bytes is truncated/,
    );
    expect(() => KllSketch.fromBytes(new Uint8Array([0x4b]))).toThrow(/truncated: no header/);
    const tag = b.slice();
    tag[0] = 0x48;
    expect(() => KllSketch.fromBytes(tag)).toThrow(/has kind tag 0x48, expected 0x4b/);
    const version = b.slice();
    version[1] = 9;
    expect(() => KllSketch.fromBytes(version)).toThrow(/format version 9/);
    const extra = new Uint8Array(b.length + 1);
    extra.set(b);
    expect(() => KllSketch.fromBytes(extra)).toThrow(/trailing bytes/);
    expect(() => KllSketch.fromBytes([1, 2] as unknown as Uint8Array)).toThrow(/Uint8Array/);
    expect(b[0]).toBe(SketchTag.kll);
    // Levels start after the header (2), k, n, nanCount, min, max (36), coin (16) and their
    // count (4), each as a u32 size then its items; swap the first two items of a sorted level.
    const view = new DataView(b.buffer);
    let at = 58 + 4 + 8 * view.getUint32(58, true);
    let h = 1;
    while (view.getUint32(at, true) < 2) {
      at += 4 + 8 * view.getUint32(at, true);
      h++;
    }
    const first = at + 4;
    const unsorted = b.slice();
    unsorted.set(b.subarray(first + 8, first + 16), first);
    unsorted.set(b.subarray(first, first + 8), first + 8);
    expect(() => KllSketch.fromBytes(unsorted)).toThrow(
      new RegExp(`corrupt: level ${h} is not a sorted`),
    );
    const heavier = b.slice();
    new DataView(heavier.buffer).setFloat64(6, 999, true);
    expect(() => KllSketch.fromBytes(heavier)).toThrow(/retained weight 1000 differs from n = 999/);
  });
});
