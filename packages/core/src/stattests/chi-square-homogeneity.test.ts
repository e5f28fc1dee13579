import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import type { Category } from './categories.js';
import { chiSquareHomogeneity } from './chi-square-homogeneity.js';

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

/** Raw values of a fixture side (a recipe, floored when asked, or explicit), or its count map. */
function sideInput(side: Side): Category[] | Map<Category, number> {
  if ('counts' in side) return new Map(side.counts);
  if ('values' in side) return side.values;
  const x = sample(side.spec);
  return Array.from(x, side.floor ? Math.floor : (v: number) => v);
}

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
          exp.expected[row].forEach((e, j) => {
            expectClose(res.expected[row][j], e, `${label} expected[${row}][${j}]`, { rel: 1e-14 });
          });
        }
      }
    });
  }

  it('matches its doc example', () => {
    const res = chiSquareHomogeneity(['a', 'a', 'b'], ['b', 'b', 'b', 'a'], { correction: false });
    // O = [[2, 1], [1, 3]], E = [[9/7, 12/7], [12/7, 16/7]]: X² = (5/7)²·(7/9 + 7/12 + 7/12 + 7/16).
    expect(res.statistic).toBe(1.2152777777777777);
    expectClose(res.statistic, (25 / 49) * (7 / 9 + 7 / 12 + 7 / 12 + 7 / 16), 'hand', {
      rel: 1e-15,
    });
    expect(res.dof).toBe(1);
  });

  it('drops a category absent from both samples, as if it had never been listed', () => {
    const withEmpty = chiSquareHomogeneity(
      new Map([
        ['a', 3],
        ['gone', 0],
        ['b', 5],
      ]),
      new Map([
        ['a', 6],
        ['b', 2],
        ['gone', 0],
      ]),
    );
    const without = chiSquareHomogeneity(
      new Map([
        ['a', 3],
        ['b', 5],
      ]),
      new Map([
        ['a', 6],
        ['b', 2],
      ]),
    );
    expect(withEmpty.categories).toEqual(['a', 'b']);
    expect(withEmpty.dof).toBe(1);
    expect(withEmpty).toEqual(without);
    // Hand-computed: O = [[3, 5], [6, 2]], E = [[4.5, 3.5], [4.5, 3.5]], |O − E| = 1.5 → 1 with
    // Yates; X² = 1·(1/4.5 + 1/3.5 + 1/4.5 + 1/3.5) = 32/31.5.
    expectClose(withEmpty.statistic, 32 / 31.5, 'Yates statistic', { rel: 1e-15 });
  });

  it('refuses empty samples and bad options', () => {
    expect(() => chiSquareHomogeneity([], ['a'])).toThrow(
      'chiSquareHomogeneity: reference must hold at least one value',
    );
    expect(() => chiSquareHomogeneity(['a'], new Map([['a', 0]]))).toThrow(
      'chiSquareHomogeneity: current must hold at least one value',
    );
    expect(() => chiSquareHomogeneity(['a', null as unknown as Category], ['a'])).toThrow(
      'chiSquareHomogeneity: reference [1] is null',
    );
    expect(() =>
      chiSquareHomogeneity(['a'], ['b'], { correction: 'yes' as unknown as boolean }),
    ).toThrow('chiSquareHomogeneity: correction is yes');
  });
});
