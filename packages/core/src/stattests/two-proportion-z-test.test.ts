import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { type Category, countCategories } from './categories.js';
import { twoProportionZTest } from './two-proportion-z-test.js';

type Alternative = 'two-sided' | 'less' | 'greater';
type Value = number | string;
interface Fixture {
  zTest: {
    successes1: number;
    n1: number;
    successes2: number;
    n2: number;
    expected: Record<
      Alternative,
      Record<'pooled' | 'unpooled', { statistic: Value; pValue: Value }>
    >;
  }[];
  evidentlyZ: { reference: Category[]; current: Category[]; pValue: number }[];
}
const fx = loadFixture<Fixture>('categorical.json');
const ALTERNATIVES: Alternative[] = ['two-sided', 'less', 'greater'];

/**
 * Evidently's categorical "z" test through the documented reduction: the share of values not
 * equal to the smallest category of both samples, pooled, two-sided; p = 1 when both samples
 * hold one and the same value.
 */
function evidentlyZ(reference: Category[], current: Category[]): number {
  const r = countCategories(reference);
  const c = countCategories(current);
  if (r.size === 1 && c.size === 1 && reference[0] === current[0]) return 1;
  const key = [...new Set([...r.keys(), ...c.keys()])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  )[0];
  const n1 = reference.length;
  const n2 = current.length;
  return twoProportionZTest(n1 - (r.get(key) ?? 0), n1, n2 - (c.get(key) ?? 0), n2).pValue;
}

describe('twoProportionZTest against statsmodels', () => {
  it('pooled equals proportions_ztest, unpooled test_proportions_2indep(method="wald")', () => {
    let cases = 0;
    for (const c of fx.zTest) {
      for (const alternative of ALTERNATIVES) {
        for (const pooled of [true, false]) {
          const exp = c.expected[alternative][pooled ? 'pooled' : 'unpooled'];
          const res = twoProportionZTest(c.successes1, c.n1, c.successes2, c.n2, {
            alternative,
            pooled,
          });
          const label = `${c.successes1}/${c.n1} vs ${c.successes2}/${c.n2} ${alternative} pooled=${pooled}`;
          expectClose(res.statistic, num(exp.statistic), `${label} statistic`);
          expectClose(res.pValue, num(exp.pValue), `${label} pValue`);
          cases++;
        }
      }
    }
    expect(cases).toBe(fx.zTest.length * 6);
  });

  it("reproduces Evidently's categorical z drift test through the documented reduction", () => {
    for (const c of fx.evidentlyZ) {
      // Evidently computes 2·(1 − Φ(|z|)), which loses a few ulps against 2·Φ(−|z|).
      expectClose(evidentlyZ(c.reference, c.current), c.pValue, String(c.reference), {
        rel: 1e-12,
      });
    }
    expect(evidentlyZ(['a', 'a'], ['a'])).toBe(1);
  });

  it('keeps precision in the far tail and is symmetric in the samples', () => {
    const far = twoProportionZTest(900, 1000, 100, 1000);
    expect(far.pValue).toBeGreaterThan(0);
    expect(far.pValue).toBeLessThan(1e-200);
    const ab = twoProportionZTest(7, 13, 2, 29);
    const ba = twoProportionZTest(2, 29, 7, 13);
    expect(ba.statistic).toBe(-ab.statistic);
    expect(ba.pValue).toBe(ab.pValue);
    expectClose(
      twoProportionZTest(7, 13, 2, 29, { alternative: 'greater' }).pValue,
      twoProportionZTest(2, 29, 7, 13, { alternative: 'less' }).pValue,
      'greater/less mirror',
      { rel: 1e-15 },
    );
  });

  it('matches its doc example', () => {
    expect(twoProportionZTest(45, 100, 30, 100).pValue).toBe(0.028459736916310537);
  });

  it('refuses bad counts and options, naming the argument', () => {
    expect(() => twoProportionZTest(1, 0, 1, 2)).toThrow('twoProportionZTest: n1 is 0');
    expect(() => twoProportionZTest(1, 2, 1, Number.NaN)).toThrow('twoProportionZTest: n2 is NaN');
    expect(() => twoProportionZTest(-1, 2, 1, 2)).toThrow('twoProportionZTest: successes1 is -1');
    expect(() => twoProportionZTest(1, 2, 3, 2)).toThrow(
      'twoProportionZTest: successes2 is 3, more than n2 = 2; successes cannot exceed trials',
    );
    expect(() =>
      twoProportionZTest(1, 2, 1, 2, { alternative: 'bigger' as unknown as 'less' }),
    ).toThrow('twoProportionZTest: alternative is "bigger"');
    expect(() => twoProportionZTest(1, 2, 1, 2, { pooled: 1 as unknown as boolean })).toThrow(
      'twoProportionZTest: pooled is 1; expected a boolean',
    );
  });
});
