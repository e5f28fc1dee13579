import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { createRng } from '../random/xoshiro128.js';
import { Moments } from './moments.js';

interface MomentsCase {
  label: string;
  x: SampleSpec | number[];
  n: number;
  mean: number | string;
  var0: number | string;
  var1: number | string;
  skew: number | string;
  kurtosis: number | string;
  skewUnbiased: number | string;
  kurtosisPearsonUnbiased: number | string;
  min: number;
  max: number;
  sum: number;
  /** Exact rational-arithmetic shape statistics, for the small cases (see gen_sketches.py). */
  exact?: Partial<Record<'skew' | 'kurtosis' | 'skewUnbiased' | 'kurtosisPearsonUnbiased', number>>;
}
const fx = loadFixture<{ moments: MomentsCase[] }>('sketches.json');

function momentsOf(x: ArrayLike<number>): Moments {
  const m = new Moments();
  for (let i = 0; i < x.length; i++) m.update(x[i]);
  return m;
}

function expectAgrees(m: Moments, c0: MomentsCase, label: string): void {
  // Where exact values exist they are the 1e-9 reference; SciPy's must then agree to 1e-6
  // (its float64 mean of [1e9+1, 1e9+2, 1e9+4] moves its skewness by 2.5e-7).
  const c = { ...c0, ...c0.exact };
  if (c0.exact) {
    expectClose(m.skew(), num(c0.skew), `${label} skew vs SciPy`, { rel: 1e-6 });
    expectClose(m.kurtosis(), num(c0.kurtosis), `${label} kurtosis vs SciPy`, { rel: 1e-6 });
  }
  expect(m.count, label).toBe(c.n);
  expectClose(m.mean, num(c.mean), `${label} mean`);
  expectClose(m.variance(), num(c.var0), `${label} var0`);
  expectClose(m.variance(1), num(c.var1), `${label} var1`);
  expectClose(m.skew(), num(c.skew), `${label} skew`);
  expectClose(m.kurtosis(), num(c.kurtosis), `${label} kurtosis`);
  expectClose(m.skew({ bias: false }), num(c.skewUnbiased), `${label} skew unbiased`);
  expectClose(
    m.kurtosis({ fisher: false, bias: false }),
    num(c.kurtosisPearsonUnbiased),
    `${label} kurtosis Pearson unbiased`,
  );
  expect(m.min, label).toBe(c.min);
  expect(m.max, label).toBe(c.max);
  expectClose(m.sum, c.sum, `${label} sum`);
}

describe('Moments', () => {
  it('runs the doc examples', () => {
    const m = momentsOf([1, 2, 3, 4, 10]);
    expect(m.skew()).toBe(1.1384199576606164);
    expectClose(m.skew(), 1.1384199576606167, 'skew example vs SciPy');
    expect(m.kurtosis()).toBe(-0.2120000000000002);
    expectClose(m.kurtosis(), -0.21199999999999974, 'kurtosis example vs SciPy');
    expect(momentsOf([1, 2, 3, 4]).variance(1)).toBe(1.6666666666666667);
    const a = momentsOf([1]);
    expect(a.merge(momentsOf([3])).mean).toBe(2);
    expect(Moments.fromBytes(new Moments().toBytes()).count).toBe(0);
  });

  it('matches numpy / scipy.stats on every fixture case', () => {
    expect(fx.moments.length).toBe(9);
    for (const c of fx.moments) expectAgrees(momentsOf(sample(c.x)), c, c.label);
  });

  it('matches them after merging 10 unequal parts, in a tree and in a chain', () => {
    for (const c of fx.moments) {
      const x = sample(c.x);
      const cuts = [0, 1, 3, 7, 12, 20, 33, 50, 70, 85, 100].map((p) =>
        Math.floor((p / 100) * x.length),
      );
      const parts = cuts.slice(0, -1).map((from, i) => momentsOf(x.subarray(from, cuts[i + 1])));
      const chain = new Moments();
      for (const p of parts) chain.merge(Moments.fromBytes(p.toBytes()));
      expectAgrees(chain, c, `${c.label} chain`);
      let level = parts;
      while (level.length > 1) {
        const next: Moments[] = [];
        for (let i = 0; i < level.length; i += 2) {
          next.push(i + 1 < level.length ? level[i].merge(level[i + 1]) : level[i]);
        }
        level = next;
      }
      expectAgrees(level[0], c, `${c.label} tree`);
    }
  });

  it('merges 10 parts of a million values into the moments of the whole', () => {
    const rng = createRng(11);
    const x = Float64Array.from({ length: 1_000_000 }, () => {
      const u = rng.next();
      return Math.exp(3 * u) + 1e6; // skewed, far from 0: the hard case for naive sums
    });
    const whole = momentsOf(x);
    const merged = new Moments();
    for (let p = 0; p < 10; p++) {
      merged.merge(
        Moments.fromBytes(momentsOf(x.subarray(p * 100_000, (p + 1) * 100_000)).toBytes()),
      );
    }
    expect(merged.count).toBe(1_000_000);
    expect([merged.min, merged.max]).toEqual([whole.min, whole.max]);
    // The reference: Neumaier-compensated sums, two passes about the precise mean.
    const compensated = (f: (v: number) => number) => {
      let sum = 0;
      let c = 0;
      for (let i = 0; i < x.length; i++) {
        const v = f(x[i]);
        const t = sum + v;
        c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
        sum = t;
      }
      return sum + c;
    };
    const n = x.length;
    const mean = compensated((v) => v) / n;
    const m2 = compensated((v) => (v - mean) ** 2) / n;
    const m3 = compensated((v) => (v - mean) ** 3) / n;
    const m4 = compensated((v) => (v - mean) ** 4) / n;
    for (const [m, what] of [
      [whole, 'whole'],
      [merged, 'merged'],
    ] as const) {
      expectClose(m.mean, mean, `${what} mean`, { rel: 1e-13 });
      expectClose(m.variance(0), m2, `${what} variance`, { rel: 1e-10 });
      expectClose(m.skew(), m3 / m2 ** 1.5, `${what} skew`, { rel: 1e-8 });
      expectClose(m.kurtosis(), m4 / m2 ** 2 - 3, `${what} kurtosis`, { rel: 1e-8 });
    }
  });

  it('counts NaN apart, and answers NaN where SciPy does', () => {
    const m = new Moments();
    expect(m.variance()).toBeNaN();
    expect(m.skew()).toBeNaN();
    for (const v of [Number.NaN, 2, Number.NaN]) m.update(v);
    expect(m.nanCount).toBe(2);
    expect(m.count).toBe(1);
    expect(m.variance(1)).toBeNaN();
    expect(m.kurtosis()).toBeNaN();
    // Too few values to correct the bias: SciPy keeps the biased estimate.
    expect(momentsOf([1, 2, 4]).kurtosis({ bias: false })).toBe(momentsOf([1, 2, 4]).kurtosis());
    expect(momentsOf([1, 2]).skew({ bias: false })).toBe(0);
    expect(new Moments().merge(m).nanCount).toBe(2);
  });

  it('round-trips through 82 bytes and serialises to JSON', () => {
    const m = momentsOf(sample({ kind: 'heavy', n: 1000, seed: 5, scale: 1 }));
    const b = m.toBytes();
    expect(b.length).toBe(82);
    const back = Moments.fromBytes(b);
    expect(back.toJSON()).toEqual(m.toJSON());
    expect(back.kurtosis({ bias: false })).toBe(m.kurtosis({ bias: false }));
    expect(new Moments().toJSON().mean).toBeNull();
  });

  it('refuses bad input', () => {
    const m = new Moments();
    expect(() => m.update(Number.POSITIVE_INFINITY)).toThrow(/Moments.update: x is Infinity/);
    expect(() => m.update('3' as unknown as number)).toThrow(/Moments.update: x is string/);
    expect(() => m.variance(-1)).toThrow(/Moments.variance: ddof is -1/);
    expect(() => m.merge({} as Moments)).toThrow(/Moments.merge: other must be a Moments/);
    const b = m.toBytes();
    expect(() => Moments.fromBytes(b.slice(0, 50))).toThrow(
      /Moments.fromBytes: bytes is truncated/,
    );
    const tag = b.slice();
    tag[0] = 0x43;
    expect(() => Moments.fromBytes(tag)).toThrow(/kind tag 0x43, expected 0x4d/);
    const version = b.slice();
    version[1] = 7;
    expect(() => Moments.fromBytes(version)).toThrow(/format version 7/);
    const bad = b.slice();
    new DataView(bad.buffer).setFloat64(2, 1.5, true);
    expect(() => Moments.fromBytes(bad)).toThrow(/corrupt: count 1.5/);
  });
});
