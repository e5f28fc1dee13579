import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { kstwo } from './kstwo.js';

type Row = (number | string)[];
const fx = loadFixture<{ distributions: Record<string, Row[]> }>(
  'distributions.json',
).distributions;

describe('kstwo', () => {
  it('cdf and sf match scipy.stats.kstwo for n from 1 to 1e6 and d across (0, 1]', () => {
    expect(fx.kstwo.length).toBe(238);
    for (const [d, n, c, s] of fx.kstwo.map((r) => r.map(num))) {
      expectClose(kstwo.cdf(d, n), c, `cdf(${d}, ${n})`);
      expectClose(kstwo.sf(d, n), s, `sf(${d}, ${n})`);
    }
  });
  it('keeps the upper tail in relative terms where SciPy takes 2·smirnov (n ≤ 140, n·d² > 4)', () => {
    // P(D140 > 0.3) ≈ 1.137e-11: a sf formed as 1 − cdf would be off by ~1e-6 relative
    const row = fx.kstwo.map((r) => r.map(num)).find(([d, n]) => d === 0.3 && n === 140);
    expect(row).toBeDefined();
    expectClose(kstwo.sf(0.3, 140), (row as number[])[3], 'sf(0.3, 140)', { rel: 1e-12, abs: 0 });
  });
  it('is a distribution on [0, 1]: cdf 0 below 1/(2n), 1 from 1 on', () => {
    expect(kstwo.cdf(0, 10)).toBe(0);
    expect(kstwo.cdf(0.04, 10)).toBe(0);
    expect(kstwo.sf(1, 10)).toBe(0);
    expect(kstwo.cdf(2, 10)).toBe(1);
    expectClose(kstwo.sf(0.6, 1), 0.8, 'n = 1', { rel: 1e-15 });
  });
  it('refuses a NaN d and an n that is not a positive integer, naming the argument', () => {
    expect(() => kstwo.cdf(Number.NaN, 10)).toThrow(TendInputError);
    expect(() => kstwo.sf(Number.NaN, 10)).toThrow('kstwo.sf: d is NaN');
    expect(() => kstwo.cdf(0.1, 0)).toThrow('kstwo.cdf: n is 0');
    expect(() => kstwo.sf(0.1, 2.5)).toThrow('kstwo.sf: n is 2.5');
  });
});
