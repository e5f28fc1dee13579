import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { chi2 } from './chi2.js';

type Row = (number | string)[];
const fx = loadFixture<{ distributions: Record<string, Row[]> }>(
  'distributions.json',
).distributions;

describe('chi2', () => {
  it('pdf, logpdf, cdf and sf match scipy.stats.chi2 for df in [1e-3, 1e6]', () => {
    expect(fx.chi2.length).toBe(224);
    for (const [x, df, p, lp, c, s] of fx.chi2.map((r) => r.map(num))) {
      expectClose(chi2.pdf(x, df), p, `pdf(${x}, ${df})`);
      expectClose(chi2.logpdf(x, df), lp, `logpdf(${x}, ${df})`);
      expectClose(chi2.cdf(x, df), c, `cdf(${x}, ${df})`);
      expectClose(chi2.sf(x, df), s, `sf(${x}, ${df})`);
    }
  });
  it('ppf and isf match scipy.stats.chi2 for q from 1e-300 to 1 − 1e-10', () => {
    expect(fx.chi2Q.length).toBe(238);
    for (const [q, df, p, i] of fx.chi2Q.map((r) => r.map(num))) {
      expectClose(chi2.ppf(q, df), p, `ppf(${q}, ${df})`);
      expectClose(chi2.isf(q, df), i, `isf(${q}, ${df})`);
    }
  });
  it('inverts its own tails (sf(isf(q)) = q, cdf(ppf(q)) = q) for df from 0.5 to 1e5', () => {
    for (const df of [0.5, 1, 7, 120, 1e5]) {
      for (const q of [1e-250, 1e-12, 0.01, 0.5, 0.9]) {
        expectClose(chi2.sf(chi2.isf(q, df), df), q, `sf(isf(${q}, ${df}))`);
        expectClose(chi2.cdf(chi2.ppf(q, df), df), q, `cdf(ppf(${q}, ${df}))`);
      }
    }
  });
  it('has SciPy’s values at and below 0 and at the ends of q', () => {
    expect(chi2.cdf(-1, 3)).toBe(0);
    expect(chi2.sf(-1, 3)).toBe(1);
    expect(chi2.pdf(-1, 3)).toBe(0);
    expect(chi2.pdf(0, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(chi2.pdf(0, 2)).toBe(0.5);
    expect(chi2.pdf(0, 3)).toBe(0);
    expect(chi2.cdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(chi2.sf(Number.NaN, 3)).toBeNaN();
    expect(chi2.ppf(0, 3)).toBe(0);
    expect(chi2.ppf(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(chi2.isf(0, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(chi2.isf(1, 3)).toBe(0);
  });
  it('refuses df ≤ 0 or non-finite and q outside [0, 1], naming the argument', () => {
    expect(() => chi2.pdf(1, 0)).toThrow(TendInputError);
    expect(() => chi2.cdf(1, -2)).toThrow('chi2.cdf: df is -2');
    expect(() => chi2.sf(1, Number.POSITIVE_INFINITY)).toThrow('chi2.sf: df is Infinity');
    expect(() => chi2.logpdf(1, Number.NaN)).toThrow('chi2.logpdf: df is NaN');
    expect(() => chi2.ppf(2, 3)).toThrow('chi2.ppf: q is 2');
    expect(() => chi2.isf(-1e-9, 3)).toThrow('chi2.isf: q is -1e-9');
  });
});
