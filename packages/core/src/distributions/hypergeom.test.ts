import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { hypergeom } from './hypergeom.js';

type Row = (number | string)[];
const fx = loadFixture<{ distributions: Record<string, Row[]> }>(
  'distributions.json',
).distributions;

describe('hypergeom', () => {
  it('pmf, cdf and sf match the exact values (mpmath binomials) for populations up to 1e7', () => {
    expect(fx.hypergeom.length).toBe(106);
    for (const [k, M, n, N, , , , , pmf, cdf, sf] of fx.hypergeom.map((r) => r.map(num))) {
      const at = `(${k}, ${M}, ${n}, ${N})`;
      expectClose(hypergeom.pmf(k, M, n, N), pmf, `pmf${at} vs exact`);
      expectClose(hypergeom.cdf(k, M, n, N), cdf, `cdf${at} vs exact`);
      expectClose(hypergeom.sf(k, M, n, N), sf, `sf${at} vs exact`);
    }
  });
  it('pmf, logpmf, cdf and sf match scipy.stats.hypergeom below a population of 1e6', () => {
    let checked = 0;
    for (const [k, M, n, N, pmf, logpmf, cdf, sf] of fx.hypergeom.map((r) => r.map(num))) {
      // SciPy 1.10 takes pmf/cdf/sf from Boost, whose lgamma-based path at M ≥ 1e6 is ~1e-9
      // off the exact value (e.g. sf(5001, 1e7, 5e6, 1e4)); the exact test above covers those.
      if (M >= 1e6) continue;
      const at = `(${k}, ${M}, ${n}, ${N})`;
      expectClose(hypergeom.pmf(k, M, n, N), pmf, `pmf${at}`);
      expectClose(hypergeom.logpmf(k, M, n, N), logpmf, `logpmf${at}`);
      expectClose(hypergeom.cdf(k, M, n, N), cdf, `cdf${at}`);
      expectClose(hypergeom.sf(k, M, n, N), sf, `sf${at}`);
      checked++;
    }
    expect(checked).toBe(80);
  });
  it('gives non-integer k mass 0 and floors it in the cdf, as SciPy', () => {
    expect(hypergeom.pmf(2.5, 20, 7, 12)).toBe(0);
    expect(hypergeom.logpmf(2.5, 20, 7, 12)).toBe(Number.NEGATIVE_INFINITY);
    expect(hypergeom.cdf(2.5, 20, 7, 12)).toBe(hypergeom.cdf(2, 20, 7, 12));
    expect(hypergeom.sf(2.5, 20, 7, 12)).toBe(hypergeom.sf(2, 20, 7, 12));
    expect(hypergeom.cdf(Number.POSITIVE_INFINITY, 20, 7, 12)).toBe(1);
    expect(hypergeom.sf(Number.NEGATIVE_INFINITY, 20, 7, 12)).toBe(1);
    let total = 0;
    for (let k = 0; k <= 7; k++) total += hypergeom.pmf(k, 20, 7, 12);
    expectClose(total, 1, 'sum of pmf', { rel: 1e-15 });
  });
  it('refuses M, n, N that are not integers with 0 ≤ n, N ≤ M, and a NaN k', () => {
    expect(() => hypergeom.pmf(1, 10.5, 3, 4)).toThrow(TendInputError);
    expect(() => hypergeom.cdf(1, -1, 0, 0)).toThrow('hypergeom.cdf: M is -1');
    expect(() => hypergeom.sf(1, 10, 11, 4)).toThrow('hypergeom.sf: n is 11');
    expect(() => hypergeom.logpmf(1, 10, 3, 12)).toThrow('hypergeom.logpmf: N is 12');
    expect(() => hypergeom.cdf(1, 10, 3, 2.5)).toThrow('hypergeom.cdf: N is 2.5');
    expect(() => hypergeom.pmf(Number.NaN, 10, 3, 4)).toThrow('hypergeom.pmf: k is NaN');
  });
});
