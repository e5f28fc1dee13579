import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { studentT } from './student-t.js';

type Row = (number | string)[];
const fx = loadFixture<{ distributions: Record<string, Row[]> }>(
  'distributions.json',
).distributions;

describe('studentT', () => {
  it('pdf and logpdf match scipy.stats.t, and the 60-digit value at every df', () => {
    expect(fx.t.length).toBe(234);
    for (const [x, df, p, lp, , , mpLog] of fx.t.map((r) => r.map(num))) {
      const at = `(${x}, ${df})`;
      expectClose(studentT.logpdf(x, df), mpLog, `logpdf${at} vs mpmath`);
      expectClose(studentT.pdf(x, df), Math.exp(mpLog), `pdf${at} vs mpmath`);
      // SciPy forms log Γ((ν+1)/2) − log Γ(ν/2) as a difference of two ~ν·log ν numbers,
      // which at ν = 1e7 leaves it ~2e-9 off; there only the mpmath value is the reference.
      if (df >= 1e6) continue;
      expectClose(studentT.pdf(x, df), p, `pdf${at}`);
      expectClose(studentT.logpdf(x, df), lp, `logpdf${at}`);
    }
  });
  it('cdf and sf match scipy.stats.t (stdtr) for non-integer df from 0.1 to 1e7, |x| up to 1e20', () => {
    for (const [x, df, , , c, s] of fx.t.map((r) => r.map(num))) {
      expectClose(studentT.cdf(x, df), c, `cdf(${x}, ${df})`);
      expectClose(studentT.sf(x, df), s, `sf(${x}, ${df})`);
    }
  });
  it('ppf and isf match the 60-digit quantile, and SciPy’s stdtrit to its own 1e-8', () => {
    expect(fx.tQ.length).toBe(65);
    for (const [q, df, p, i, mp] of fx.tQ.map((r) => r.map(num))) {
      expectClose(studentT.ppf(q, df), mp, `ppf(${q}, ${df}) vs mpmath`);
      expectClose(studentT.isf(q, df), -mp, `isf(${q}, ${df}) vs mpmath`);
      // SciPy 1.10's stdtrit is cdflib's cdft, a bracketing search that stops at ~1e-10
      // relative (1e-8 next to the median), so only that much agreement is asked of it.
      // Below q = 1e-20 at df ≤ 0.5 its search bound (1e100) caps the answer.
      if (Math.abs(p) < 1e99) {
        expectClose(studentT.ppf(q, df), p, `ppf(${q}, ${df})`, { rel: 2e-8 });
        expectClose(studentT.isf(q, df), i, `isf(${q}, ${df})`, { rel: 2e-8 });
      }
    }
  });
  it('inverts its own tails (sf(isf(q)) = q) for df from 0.05 to 1e8', () => {
    for (const df of [0.05, 0.3, 1, 2.5, 17, 900, 3e5, 1e8]) {
      for (const q of [1e-250, 1e-30, 1e-6, 0.01, 0.2, 0.4999]) {
        const t = studentT.isf(q, df);
        if (Number.isFinite(t)) expectClose(studentT.sf(t, df), q, `sf(isf(${q}, ${df}))`);
        expectClose(studentT.cdf(studentT.ppf(q, df), df), q, `cdf(ppf(${q}, ${df}))`);
      }
    }
  });
  it('is symmetric and exact at the centre and the ends', () => {
    expect(studentT.cdf(0, 3)).toBe(0.5);
    expect(studentT.ppf(0.5, 3)).toBe(0);
    expect(studentT.ppf(0, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentT.isf(0, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(studentT.cdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
    expect(studentT.sf(Number.NEGATIVE_INFINITY, 3)).toBe(1);
    expect(studentT.cdf(Number.NaN, 3)).toBeNaN();
    // Cauchy (df = 1): cdf(x) = ½ + atan(x)/π
    for (const x of [-1e8, -3, 0.2, 7]) {
      expectClose(studentT.cdf(x, 1), 0.5 + Math.atan(x) / Math.PI, `cauchy cdf(${x})`, {
        rel: 1e-13,
      });
    }
  });
  it('refuses df ≤ 0 or non-finite and q outside [0, 1], naming the argument', () => {
    expect(() => studentT.pdf(1, 0)).toThrow(TendInputError);
    expect(() => studentT.cdf(1, -1)).toThrow('studentT.cdf: df is -1');
    expect(() => studentT.sf(1, Number.NaN)).toThrow('studentT.sf: df is NaN');
    expect(() => studentT.logpdf(1, Number.POSITIVE_INFINITY)).toThrow(
      'studentT.logpdf: df is Infinity',
    );
    expect(() => studentT.ppf(1.01, 3)).toThrow('studentT.ppf: q is 1.01');
    expect(() => studentT.isf(Number.NaN, 3)).toThrow('studentT.isf: q is NaN');
  });
});
