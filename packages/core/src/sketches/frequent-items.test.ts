import { describe, expect, it } from 'vitest';
import { createRng } from '../random/xoshiro128.js';
import { FrequentItems } from './frequent-items.js';

/** A seeded Zipf(s) stream over `support` items named 'i0', 'i1', … (rank 1 most frequent). */
function zipfStream(n: number, support: number, s: number, seed: number): string[] {
  const cum = new Float64Array(support);
  let acc = 0;
  for (let i = 0; i < support; i++) cum[i] = acc += 1 / (i + 1) ** s;
  const rng = createRng(seed);
  const out: string[] = [];
  for (let j = 0; j < n; j++) {
    const u = rng.next() * acc;
    let lo = 0;
    let hi = support - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    out.push(`i${lo}`);
  }
  return out;
}

function exactCounts(stream: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of stream) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** Every true count inside its bounds, unlisted items ≤ maximumError ≤ (n − retained)/(k+1). */
function checkGuarantee(f: FrequentItems, truth: Map<string, number>): void {
  const rows = f.items();
  const listed = new Set(rows.map((r) => r.item));
  const violations: string[] = [];
  let retained = 0;
  for (const r of rows) {
    const t = truth.get(r.item as string) ?? 0;
    if (t < r.lowerBound || t > r.upperBound) {
      violations.push(`${r.item}: ${t} not in [${r.lowerBound}, ${r.upperBound}]`);
    }
    retained += r.lowerBound;
  }
  for (const [item, t] of truth) {
    if (!listed.has(item) && t > f.maximumError()) {
      violations.push(`${item}: ${t} unlisted but above ${f.maximumError()}`);
    }
  }
  expect(violations).toEqual([]);
  expect(f.maximumError()).toBeLessThanOrEqual((f.n - retained) / (f.maxItems + 1) + 1e-9);
  expect(rows.length).toBeLessThanOrEqual(2 * f.maxItems);
}

describe('FrequentItems', () => {
  it('runs the doc examples', () => {
    const f = new FrequentItems({ maxItems: 2 });
    for (const x of ['a', 'b', 'a', 'c', 'a']) f.update(x);
    expect(f.items()[0].item).toBe('a');
    const g = new FrequentItems({ maxItems: 1 });
    for (const x of ['a', 'b', 'c']) g.update(x);
    expect(g.maximumError()).toBe(1);
    const h = new FrequentItems();
    h.update('a', 3);
    expect(h.items()).toEqual([{ item: 'a', estimate: 3, lowerBound: 3, upperBound: 3 }]);
    expect(h.bounds('z')).toEqual({ item: 'z', estimate: 0, lowerBound: 0, upperBound: 0 });
    const a = new FrequentItems();
    a.update('x');
    const b = new FrequentItems();
    b.update('x');
    expect(a.merge(b).bounds('x').lowerBound).toBe(2);
  });

  it('keeps every true count within its bounds on a Zipf stream, and finds the heavy hitters', () => {
    const stream = zipfStream(1_000_000, 50_000, 1.1, 7);
    const truth = exactCounts(stream);
    const f = new FrequentItems({ maxItems: 64 });
    for (const x of stream) f.update(x);
    expect(f.n).toBe(1_000_000);
    checkGuarantee(f, truth);
    // Every item heavier than n/(k+1) must be listed (no false negatives).
    const listed = new Set(f.items().map((r) => r.item));
    const threshold = f.n / (f.maxItems + 1);
    const heavy = [...truth].filter(([, t]) => t > threshold);
    expect(heavy.length).toBeGreaterThan(5);
    for (const [item] of heavy) expect(listed.has(item)).toBe(true);
    expect(
      f
        .items()
        .slice(0, 3)
        .map((r) => r.item),
    ).toEqual(['i0', 'i1', 'i2']);
  });

  it('merges 10 parts of a million values within the guarantee (Agarwal et al.)', () => {
    const stream = zipfStream(1_000_000, 20_000, 1.0, 8);
    const truth = exactCounts(stream);
    const merged = new FrequentItems({ maxItems: 50 });
    for (let p = 0; p < 10; p++) {
      const part = new FrequentItems({ maxItems: 50 });
      for (const x of stream.slice(p * 100_000, (p + 1) * 100_000)) part.update(x);
      merged.merge(part);
    }
    expect(merged.n).toBe(1_000_000);
    checkGuarantee(merged, truth);
  });

  it('handles weights and numbers', () => {
    const f = new FrequentItems({ maxItems: 3 });
    const truth = new Map<string, number>();
    const rng = createRng(3);
    for (let i = 0; i < 5000; i++) {
      const item = rng.nextInt(4) === 0 ? 7 : rng.nextInt(200);
      const w = 0.5 + rng.next();
      f.update(item, w);
      truth.set(String(item), (truth.get(String(item)) ?? 0) + w);
    }
    for (const r of f.items()) {
      const t = truth.get(String(r.item)) ?? 0;
      expect(t).toBeGreaterThanOrEqual(r.lowerBound - 1e-9);
      expect(t).toBeLessThanOrEqual(r.upperBound + 1e-9);
    }
    expect(f.items()[0].item).toBe(7);
  });

  it('round-trips through bytes', () => {
    const f = new FrequentItems({ maxItems: 20 });
    for (const x of zipfStream(20000, 1000, 1.2, 9)) f.update(x);
    f.update(3.5, 2);
    f.update('π', 1.25);
    const back = FrequentItems.fromBytes(f.toBytes());
    expect(back.items()).toEqual(f.items());
    expect(back.maximumError()).toBe(f.maximumError());
    expect(back.n).toBe(f.n);
    expect(back.toBytes()).toEqual(f.toBytes());
    expect(back.toJSON()).toEqual(f.toJSON());
  });

  it('refuses bad input', () => {
    expect(() => new FrequentItems({ maxItems: 0 })).toThrow(/FrequentItems: maxItems is 0/);
    const f = new FrequentItems();
    expect(() => f.update(null as unknown as string)).toThrow(/FrequentItems.update: item is null/);
    expect(() => f.update('a', 0)).toThrow(/FrequentItems.update: weight is 0/);
    expect(() => f.update('a', Number.NaN)).toThrow(/weight is NaN/);
    expect(() => f.update('a', Number.POSITIVE_INFINITY)).toThrow(/weight is Infinity/);
    expect(() => f.merge(new FrequentItems({ maxItems: 5 }))).toThrow(
      /FrequentItems.merge: other has maxItems = 5/,
    );
    expect(() => f.merge(f)).toThrow(/other is this sketch/);
    expect(() => f.merge({} as FrequentItems)).toThrow(/must be a FrequentItems/);
    f.update('abc');
    const b = f.toBytes();
    expect(() => FrequentItems.fromBytes(b.slice(0, b.length - 1))).toThrow(
      /FrequentItems.fromBytes: bytes is truncated/,
    );
    const tag = b.slice();
    tag[0] = 0x4d;
    expect(() => FrequentItems.fromBytes(tag)).toThrow(/kind tag 0x4d, expected 0x46/);
    const version = b.slice();
    version[1] = 0;
    expect(() => FrequentItems.fromBytes(version)).toThrow(/format version 0/);
    const type = b.slice();
    type[26] = 9;
    expect(() => FrequentItems.fromBytes(type)).toThrow(/corrupt: item type 9/);
  });
});
