import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { kstwobign } from './kolmogorov.js';

type Row = (number | string)[];
const fx = loadFixture<{ distributions: Record<string, Row[]> }>(
  'distributions.json',
).distributions;

describe('kstwobign', () => {
  it('cdf and sf match scipy.stats.kstwobign (kolmogc / kolmogorov) from 0 to 20', () => {
    expect(fx.kstwobign.length).toBe(18);
    for (const [x, c, s] of fx.kstwobign.map((r) => r.map(num))) {
      expectClose(kstwobign.cdf(x), c, `cdf(${x})`);
      expectClose(kstwobign.sf(x), s, `sf(${x})`);
    }
  });
  it('ppf and isf match scipy.stats.kstwobign (kolmogci / kolmogi) for q from 1e-300', () => {
    expect(fx.kstwobignQ.length).toBe(12);
    for (const [q, p, i] of fx.kstwobignQ.map((r) => r.map(num))) {
      expectClose(kstwobign.ppf(q), p, `ppf(${q})`);
      expectClose(kstwobign.isf(q), i, `isf(${q})`);
    }
  });
  it('has the limits of a distribution on [0, ∞)', () => {
    expect(kstwobign.cdf(-1)).toBe(0);
    expect(kstwobign.sf(0)).toBe(1);
    expect(kstwobign.cdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(kstwobign.ppf(0)).toBe(0);
    expect(kstwobign.isf(0)).toBe(Number.POSITIVE_INFINITY);
  });
  it('refuses a NaN x and q outside [0, 1], naming the argument', () => {
    expect(() => kstwobign.cdf(Number.NaN)).toThrow(TendInputError);
    expect(() => kstwobign.sf(Number.NaN)).toThrow('kstwobign.sf: x is NaN');
    expect(() => kstwobign.ppf(1.5)).toThrow('kstwobign.ppf: q is 1.5');
    expect(() => kstwobign.isf(-0.5)).toThrow('kstwobign.isf: q is -0.5');
  });
});
