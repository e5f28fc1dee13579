import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { logNdtr, ndtr, ndtri } from './ndtr.js';

type Row = (number | string)[];
const fx = loadFixture<{ special: Record<string, Row[]> }>('distributions.json').special;

describe('ndtr / logNdtr / ndtri', () => {
  it('ndtr and logNdtr match scipy.special from −1000 to 40', () => {
    expect(fx.ndtr.length).toBe(51);
    for (const [x, p, lp] of fx.ndtr) {
      expectClose(ndtr(num(x)), num(p), `ndtr(${x})`);
      expectClose(logNdtr(num(x)), num(lp), `logNdtr(${x})`);
    }
  });
  it('ndtri matches scipy.special.ndtri from 1e-320 to 1 − 1e-10', () => {
    for (const [p, z] of fx.ndtri) expectClose(ndtri(num(p)), num(z), `ndtri(${p})`);
  });
  it('ndtri is ∓∞ at 0 and 1, NaN outside [0, 1]', () => {
    expect(ndtri(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(ndtri(1)).toBe(Number.POSITIVE_INFINITY);
    expect(ndtri(-0.1)).toBeNaN();
    expect(ndtri(Number.NaN)).toBeNaN();
    expect(ndtr(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(ndtr(Number.POSITIVE_INFINITY)).toBe(1);
  });
});
