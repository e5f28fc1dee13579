import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { erf, erfc, erfcx } from './erf.js';

type Row = (number | string)[];
const fx = loadFixture<{ special: Record<string, Row[]> }>('distributions.json').special;

describe('erf / erfc / erfcx', () => {
  it('match scipy.special across Cody’s three ranges, both signs, down to erfc underflow', () => {
    expect(fx.erf.length).toBe(60);
    for (const [x, e, c, cx] of fx.erf) {
      expectClose(erf(num(x)), num(e), `erf(${x})`);
      expectClose(erfc(num(x)), num(c), `erfc(${x})`);
      expectClose(erfcx(num(x)), num(cx), `erfcx(${x})`);
    }
  });
  it('pass NaN through and reach the limits at ±∞', () => {
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
    expect(erfcx(Number.NaN)).toBeNaN();
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(erf(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erfcx(Number.POSITIVE_INFINITY)).toBe(0);
  });
});
