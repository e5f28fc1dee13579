import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { betaincLargeA } from './beta-large-a.js';
import { gammainccScaled } from './gammainc.js';

type Row = (number | string)[];
const fx = loadFixture<{ special: Record<string, Row[]> }>('distributions.json').special;

describe('betaincLargeA', () => {
  it('matches 60-digit I_x(a, b) for a ≥ 100, b ≤ 1 and x ≥ 0.3, where betaincPair uses it', () => {
    let checked = 0;
    for (const [a, b, x, , mp] of fx.betainc.map((r) => r.map(num))) {
      // (its series is in powers of log² x: at x = 0.01 it is off by 1e-8, so betaincPair
      // takes it only for x ≥ 0.3)
      if (!(a >= 100 && b <= 1 && x >= 0.3) || Number.isNaN(mp)) continue;
      const got = betaincLargeA(a, b, x, 1 - x);
      expectClose(got, mp, `betaincLargeA(${a}, ${b}, ${x})`, { rel: 1e-12, abs: 1e-300 });
      checked++;
    }
    expect(checked).toBe(52);
  });
  it('keeps the Student t tail at df = 1e7 (the case the continued fraction loses)', () => {
    // P(T > 2) at ν = 1e7 is ½·I_{ν/(ν+4)}(ν/2, ½) = 0.02275014544592148 (mpmath, 40 digits)
    const nu = 1e7;
    const tail = 0.5 * betaincLargeA(nu / 2, 0.5, nu / (nu + 4), 4 / (nu + 4));
    expectClose(tail, 0.022750145445921476, 'tail', { rel: 1e-13 });
  });
  it('returns NaN where the expansion cannot be formed (z = 0)', () => {
    expect(betaincLargeA(200, 0.5, 1, 0)).toBeNaN();
  });
  it('gammainccScaled is Q(a, x)/(x^a·e^(−x)/Γ(a)) past the underflow of both', () => {
    // Q(1, x) = e^(−x) and the prefactor is x·e^(−x): the ratio is 1/x
    expectClose(gammainccScaled(1, 800), 1 / 800, 'a = 1', { rel: 1e-15 });
    // Q(½, x) = erfc(√x) over √x·e^(−x)/√π; 60-digit value at x = 800
    expectClose(gammainccScaled(0.5, 800), 0.0012492202102860285, 'a = ½', { rel: 1e-13 });
  });
});
