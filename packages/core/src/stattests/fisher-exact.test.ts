import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { fisherExact, type Table2x2 } from './fisher-exact.js';

type Alternative = 'two-sided' | 'less' | 'greater';
interface Fixture {
  fisher: {
    table: [[number, number], [number, number]];
    expected: Record<Alternative, { statistic: number | string; pValue: number }>;
  }[];
}
const fx = loadFixture<Fixture>('categorical.json');
const ALTERNATIVES: Alternative[] = ['two-sided', 'less', 'greater'];

describe('fisherExact against scipy.stats.fisher_exact (SciPy 1.10)', () => {
  for (const alternative of ALTERNATIVES) {
    it(`agrees with alternative='${alternative}' on 82 tables (empty margins to n = 300 000)`, () => {
      expect(fx.fisher.length).toBe(82);
      for (const c of fx.fisher) {
        const exp = c.expected[alternative];
        const res = fisherExact(c.table, { alternative });
        const label = `${JSON.stringify(c.table)} ${alternative}`;
        expectClose(res.statistic, num(exp.statistic), `${label} statistic`, { rel: 1e-15 });
        expectClose(res.pValue, exp.pValue, `${label} pValue`);
      }
    });
  }

  it('matches hand-computed hypergeometric sums (doc example)', () => {
    // Margins 10, 6 / 9, 7 of 16: P(a) = C(10, a)·C(6, 9 − a)/C(16, 9), C(16, 9) = 11440;
    // weights 120, 1260, 3780, 4200, 1800, 270, 10 for a = 3 … 9. Observed a = 8 (weight 270):
    // two-sided sums the weights ≤ 270, i.e. a ∈ {3, 8, 9}.
    const t: Table2x2 = [
      [8, 2],
      [1, 5],
    ];
    expectClose(fisherExact(t).pValue, 400 / 11440, 'two-sided', { rel: 1e-14 });
    expectClose(fisherExact(t, { alternative: 'greater' }).pValue, 280 / 11440, 'greater', {
      rel: 1e-14,
    });
    expectClose(fisherExact(t, { alternative: 'less' }).pValue, 11430 / 11440, 'less', {
      rel: 1e-14,
    });
    expect(fisherExact(t).statistic).toBe(20);
    expect(fisherExact(t).pValue).toBe(0.03496503496503488);
  });

  it('counts a mirror table as equally likely (symmetric margins) and gives p = 1 at the mode', () => {
    // [[1, 4], [4, 1]]: margins all 5; P(a) ∝ C(5, a)², weights 1, 25, 100, 100, 25, 1 of 252.
    expectClose(
      fisherExact([
        [1, 4],
        [4, 1],
      ]).pValue,
      52 / 252,
      'mirror',
      { rel: 1e-14 },
    );
    expect(
      fisherExact([
        [5, 5],
        [5, 5],
      ]).pValue,
    ).toBe(1);
  });

  it('answers NaN and p = 1 for an empty row or column, ∞ for a zero off-diagonal', () => {
    const empty = fisherExact([
      [0, 0],
      [4, 5],
    ]);
    expect(empty.statistic).toBeNaN();
    expect(empty.pValue).toBe(1);
    expect(
      fisherExact([
        [5, 0],
        [2, 3],
      ]).statistic,
    ).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a table that is not 2×2 non-negative integer counts, and a bad alternative', () => {
    const bad = (t: unknown) => () => fisherExact(t as Table2x2);
    expect(bad([[1, 2]])).toThrow('fisherExact: table must be a 2×2 array [[a, b], [c, d]]');
    expect(
      bad([
        [1, 2, 3],
        [1, 2, 3],
      ]),
    ).toThrow('fisherExact: table must be a 2×2 array');
    expect(bad('abcd')).toThrow('fisherExact: table must be a 2×2 array');
    expect(
      bad([
        [1, -2],
        [1, 2],
      ]),
    ).toThrow('fisherExact: table [0][1] is -2; counts must be integers ≥ 0');
    expect(
      bad([
        [1, 2],
        [1.5, 2],
      ]),
    ).toThrow('fisherExact: table [1][0] is 1.5');
    expect(
      bad([
        [1, 2],
        [1, Number.NaN],
      ]),
    ).toThrow('fisherExact: table [1][1] is NaN');
    expect(() =>
      fisherExact(
        [
          [1, 2],
          [3, 4],
        ],
        { alternative: 'two' as unknown as 'less' },
      ),
    ).toThrow('fisherExact: alternative is "two"');
  });
});
