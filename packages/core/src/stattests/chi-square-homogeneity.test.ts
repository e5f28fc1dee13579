import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import type { SampleSpec } from '../../test/support/samples.js';
import { sideInput } from './categories.test.js';
import { chiSquareHomogeneity } from './chi-square-homogeneity.js';
import type { Category } from './categories.js';

type Side =
  | { spec: SampleSpec; floor?: boolean }
  | { values: Category[] }
  | { counts: [Category, number][] };
interface Expected {
  statistic: number;
  pValue: number;
  dof: number;
  expected: [number[], number[]];
}
interface Fixture {
  chiSquare: {
    name: string;
    reference: Side;
    current: Side;
    categories: Category[];
    corrected: Expected;
    uncorrected: Expected;
  }[];
}
const fx = loadFixture<Fixture>('categorical.json');

describe('chiSquareHomogeneity against scipy.stats.chi2_contingency', () => {
  for (const correction of [true, false]) {
    it(`agrees with correction=${correction} (1 to 166 categories, n from 1 to 100 000)`, () => {
      for (const c of fx.chiSquare) {
        const exp = correction ? c.corrected : c.uncorrected;
        const res = chiSquareHomogeneity(sideInput(c.reference), sideInput(c.current), {
          correction,
        });
        const label = `${c.name} correction=${correction}`;
        expectClose(res.statistic, exp.statistic, `${label} statistic`);
        expectClose(res.pValue, exp.pValue, `${label} pValue`);
        expect(res.dof, label).toBe(exp.dof);
        expect(res.categories, label).toEqual(c.categories);
        for (let row = 0; row < 2; row++) {
          exp.expected[row].forEach((e, j) =>
            expectClose(res.expected[row][j], e, `${label} expected[${row}][${j}]`, { rel: 1e-14 }),
          );
        }
      }
    });
  }

  it('matches its doc example', () => {
    const res = chiSquareHomogeneity(['a', 'a', 'b'], ['b', 'b', 'b', 'a'], { correction: false });
    expectClose(res.statistic, 0.7291666666666666, 'statistic', { rel: 1e-15 });
  });

  it('refuses a category with no count on either side, and bad options', () => {
    expect(() =>
      chiSquareHomogeneity(
        new Map([
          ['a', 1],
          ['b', 0],
        ]),
        ['a'],
      ),
    ).toThrow('chiSquareHomogeneity: reference category "b" has count 0 in both samples');
    expect(() => chiSquareHomogeneity([], ['a'])).toThrow(
      'chiSquareHomogeneity: reference must hold at least one value',
    );
    expect(() =>
      chiSquareHomogeneity(['a'], ['b'], { correction: 'yes' as unknown as boolean }),
    ).toThrow('chiSquareHomogeneity: correction is yes');
  });
});
