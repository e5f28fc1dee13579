import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { smirnov } from './smirnov.js';

type Row = (number | string)[];
const fx = loadFixture<{ distributions: Record<string, Row[]> }>(
  'distributions.json',
).distributions;

const long = loadFixture<{ smirnov: number[][] }>('smirnov-long.json').smirnov;

describe('smirnov', () => {
  it('matches scipy.special.smirnov for n from 1 to 2e6 and d from 1e-4 to 0.999', () => {
    expect(fx.smirnov.length).toBe(120);
    for (const [n, d, p] of fx.smirnov.map((r) => r.map(num))) {
      expectClose(smirnov(n, d), p, `smirnov(${n}, ${d})`);
    }
  });
  it('keeps its long sums (n from 4 000 to 1e6) within a few ulps of SciPy', () => {
    // The terms follow one from another by their ratio and are formed afresh every 32nd: the
    // error must not build up along half a million terms.
    expect(long.length).toBe(40);
    for (const [n, d, p] of long) {
      expectClose(smirnov(n, d), p, `smirnov(${n}, ${d})`, { rel: 5e-15, abs: 0 });
    }
  });

  it('has the closed forms at the ends: 1 − d for n = 1, (1 − d)^n near d = 1', () => {
    expectClose(smirnov(1, 0.3), 0.7, 'n = 1', { rel: 1e-15 });
    expectClose(smirnov(7, 0.9), 0.1 ** 7, 'top term', { rel: 1e-13 });
    expect(smirnov(5, 0)).toBe(1);
    expect(smirnov(5, 1)).toBe(0);
  });
});
