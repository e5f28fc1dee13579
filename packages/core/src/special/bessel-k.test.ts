import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { kv, kve } from './bessel-k.js';

type Row = (number | string)[];
const fx = loadFixture<{ special: Record<string, Row[]> }>('distributions.json').special;

describe('kv / kve', () => {
  it('match scipy.special (AMOS) for v in [0, 100] and x in [1e-10, 1000]', () => {
    expect(fx.kv.length).toBe(221);
    for (const [v, x, k, ke] of fx.kv) {
      expectClose(kv(num(v), num(x)), num(k), `kv(${v}, ${x})`);
      expectClose(kve(num(v), num(x)), num(ke), `kve(${v}, ${x})`);
    }
  });
  it('agrees to 1e-13 at v = 1/4 on (0, 50], the order the Cramér–von Mises cdf needs', () => {
    let checked = 0;
    for (const [v, x, k] of fx.kv) {
      if (num(v) === 0.25 && num(x) <= 50) {
        expectClose(kv(0.25, num(x)), num(k), `kv(0.25, ${x})`, { rel: 1e-13 });
        checked++;
      }
    }
    expect(checked).toBe(14);
  });
  it('has the closed form K_½(x) = √(π/(2x))·e^(−x) and K_{−v} = K_v', () => {
    for (const x of [1e-5, 0.3, 1.999, 2, 7, 600]) {
      expectClose(kv(0.5, x), Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x), `K_½(${x})`, {
        rel: 1e-14,
      });
      expectClose(kve(0.5, x), Math.sqrt(Math.PI / (2 * x)), `kve_½(${x})`, { rel: 1e-14 });
      expect(kv(-1.3, x)).toBe(kv(1.3, x));
    }
  });
  it('returns SciPy’s edge values', () => {
    expect(kv(1, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(kv(1, -1)).toBeNaN();
    expect(kv(Number.NaN, 1)).toBeNaN();
    expect(kv(1, Number.POSITIVE_INFINITY)).toBe(0);
    expect(kve(1, Number.POSITIVE_INFINITY)).toBe(0);
    expect(kv(1, 800)).toBe(0);
  });
});
