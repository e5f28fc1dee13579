import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { log1pmx } from './log1pmx.js';

type Row = (number | string)[];
const fx = loadFixture<{ special: Record<string, Row[]> }>('distributions.json').special;

describe('log1pmx', () => {
  it('matches scipy.special._ufuncs._log1pmx from −0.9 to 1e5', () => {
    expect(fx.log1pmx.length).toBe(16);
    for (const [t, v] of fx.log1pmx)
      expectClose(log1pmx(num(t)), num(v), `log1pmx(${t})`, { rel: 1e-14 });
  });
  it('is −∞ at −1 and NaN below', () => {
    expect(log1pmx(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1pmx(-2)).toBeNaN();
  });
});
