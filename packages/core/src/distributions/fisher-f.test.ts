import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { fisherF } from './fisher-f.js';

type Row = (number | string)[];
const fx = loadFixture<{ distributions: Record<string, Row[]> }>(
  'distributions.json',
).distributions;

describe('fisherF', () => {
  it('pdf, logpdf, cdf and sf match scipy.stats.f for dfs from 0.5 to 1e5', () => {
    expect(fx.f.length).toBe(143);
    for (const [x, m, n, p, lp, c, s] of fx.f.map((r) => r.map(num))) {
      const at = `(${x}, ${m}, ${n})`;
      expectClose(fisherF.pdf(x, m, n), p, `pdf${at}`);
      expectClose(fisherF.logpdf(x, m, n), lp, `logpdf${at}`);
      expectClose(fisherF.cdf(x, m, n), c, `cdf${at}`);
      expectClose(fisherF.sf(x, m, n), s, `sf${at}`);
    }
  });
  it('ppf and isf match the 60-digit quantile, and SciPy’s fdtri where it keeps its digits', () => {
    expect(fx.fQ.length).toBe(99);
    let mpChecked = 0;
    for (const [q, m, n, p, i, mpP, mpI] of fx.fQ.map((r) => r.map(num))) {
      const at = `(${q}, ${m}, ${n})`;
      if (!Number.isNaN(mpP)) {
        expectClose(fisherF.ppf(q, m, n), mpP, `ppf${at} vs mpmath`);
        expectClose(fisherF.isf(q, m, n), mpI, `isf${at} vs mpmath`);
        mpChecked++;
      }
      // SciPy's fdtri works on 1 − q and its isf is ppf(1 − q), so for q ≤ 1e-8 each loses
      // relative accuracy (fdtri(1, 1, 1e-20) is 0): SciPy is the reference above that only.
      if (q > 1e-8) expectClose(fisherF.ppf(q, m, n), p, `ppf${at}`);
      if (q > 1e-8 && q < 1 - 1e-8) expectClose(fisherF.isf(q, m, n), i, `isf${at}`);
    }
    expect(mpChecked).toBe(90);
  });
  it('inverts its own tails (sf(isf(q)) = q, cdf(ppf(q)) = q) on a grid of dfs from 0.05 to 1e7', () => {
    const dfs = [0.05, 0.7, 3, 45, 1000, 4e4, 1e7];
    for (const m of dfs) {
      for (const n of dfs) {
        for (const q of [1e-60, 1e-9, 0.03, 0.47]) {
          const upper = fisherF.isf(q, m, n);
          const lower = fisherF.ppf(q, m, n);
          // (a root beyond the double range, or below the smallest one, cannot round-trip)
          if (Number.isFinite(upper))
            expectClose(fisherF.sf(upper, m, n), q, `sf(isf(${q}, ${m}, ${n}))`);
          if (lower > 1e-300)
            expectClose(fisherF.cdf(lower, m, n), q, `cdf(ppf(${q}, ${m}, ${n}))`);
        }
      }
    }
  });
  it('has SciPy’s values at 0, below 0 and at the ends of q', () => {
    expect(fisherF.cdf(-1, 3, 4)).toBe(0);
    expect(fisherF.sf(0, 3, 4)).toBe(1);
    expect(fisherF.pdf(0, 1, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(fisherF.pdf(0, 2, 4)).toBe(1);
    expect(fisherF.pdf(0, 3, 4)).toBe(0);
    expect(fisherF.cdf(Number.POSITIVE_INFINITY, 3, 4)).toBe(1);
    expect(fisherF.sf(Number.NaN, 3, 4)).toBeNaN();
    expect(fisherF.ppf(0, 3, 4)).toBe(0);
    expect(fisherF.ppf(1, 3, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(fisherF.isf(0, 3, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(fisherF.isf(1, 3, 4)).toBe(0);
  });
  it('refuses bad dfn, dfd and q, naming the argument', () => {
    expect(() => fisherF.pdf(1, 0, 3)).toThrow(TendInputError);
    expect(() => fisherF.cdf(1, 3, -1)).toThrow('fisherF.cdf: dfd is -1');
    expect(() => fisherF.sf(1, Number.NaN, 3)).toThrow('fisherF.sf: dfn is NaN');
    expect(() => fisherF.logpdf(1, 2, Number.POSITIVE_INFINITY)).toThrow(
      'fisherF.logpdf: dfd is Infinity',
    );
    expect(() => fisherF.ppf(-0.5, 3, 4)).toThrow('fisherF.ppf: q is -0.5');
    expect(() => fisherF.isf(3, 3, 4)).toThrow('fisherF.isf: q is 3');
  });
});
