import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { normal } from './normal.js';

type Row = (number | string)[];
const fx = loadFixture<{ distributions: Record<string, Row[]> }>(
  'distributions.json',
).distributions;

describe('normal', () => {
  it('pdf, cdf, sf, logcdf and logsf match scipy.stats.norm out to |z| = 1000', () => {
    expect(fx.norm.length).toBe(51);
    for (const [x, loc, scale, p, c, s, lc, ls] of fx.norm.map((r) => r.map(num))) {
      const at = `(${x}, ${loc}, ${scale})`;
      expectClose(normal.pdf(x, loc, scale), p, `pdf${at}`);
      expectClose(normal.cdf(x, loc, scale), c, `cdf${at}`);
      expectClose(normal.sf(x, loc, scale), s, `sf${at}`);
      expectClose(normal.logcdf(x, loc, scale), lc, `logcdf${at}`);
      expectClose(normal.logsf(x, loc, scale), ls, `logsf${at}`);
    }
  });
  it('ppf and isf match scipy.stats.norm for q from 1e-300 to 1', () => {
    for (const [q, loc, scale, p, i] of fx.normQ.map((r) => r.map(num))) {
      expectClose(normal.ppf(q, loc, scale), p, `ppf(${q}, ${loc}, ${scale})`);
      expectClose(normal.isf(q, loc, scale), i, `isf(${q}, ${loc}, ${scale})`);
    }
  });
  it('uses loc 0 and scale 1 by default', () => {
    expect(normal.cdf(0)).toBe(0.5);
    expectClose(normal.pdf(0), 0.3989422804014327, 'pdf(0)', { rel: 1e-15 });
  });
  it('refuses a bad scale, a non-finite loc and q outside [0, 1], naming the argument', () => {
    expect(() => normal.pdf(0, 0, 0)).toThrow(TendInputError);
    expect(() => normal.cdf(0, 0, -1)).toThrow('normal.cdf: scale is -1');
    expect(() => normal.sf(0, Number.NaN)).toThrow('normal.sf: loc is NaN');
    expect(() => normal.ppf(1.5)).toThrow('normal.ppf: q is 1.5');
    expect(() => normal.isf(-0.1)).toThrow('normal.isf: q is -0.1');
    expect(() => normal.ppf(Number.NaN)).toThrow('normal.ppf: q is NaN');
  });
});
