import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/support/fixtures.js';
import { type SampleSpec, sample } from '../../test/support/samples.js';
import { alignCounts, type Category, countCategories } from './categories.js';

type Side =
  | { spec: SampleSpec; floor?: boolean }
  | { values: Category[] }
  | { counts: [Category, number][] };
interface Fixture {
  chiSquare: {
    name: string;
    reference: Side;
    current: Side;
    categories: Category[];
    referenceCounts: number[];
    currentCounts: number[];
  }[];
}
const fx = loadFixture<Fixture>('categorical.json');

/** Raw values of a fixture side, or its counts as a Map. */
function sideInput(side: Side): Category[] | Map<Category, number> {
  if ('counts' in side) return new Map(side.counts);
  if ('values' in side) return side.values;
  const x = sample(side.spec);
  return Array.from(x, side.floor ? Math.floor : (v: number) => v);
}

describe('countCategories', () => {
  it('counts in first-seen order', () => {
    expect([...countCategories(['a', 'b', 'a'])]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect([...countCategories([true, 1, '1', true])]).toEqual([
      [true, 2],
      [1, 1],
      ['1', 1],
    ]);
    expect(countCategories([]).size).toBe(0);
  });

  it('refuses missing values, naming the index', () => {
    expect(() => countCategories(['a', null as unknown as Category])).toThrow(
      'countCategories: values [1] is null; missing values must be counted separately',
    );
    expect(() => countCategories([1, 2, Number.NaN])).toThrow('countCategories: values [2] is NaN');
    expect(() => countCategories([undefined as unknown as Category])).toThrow(
      'countCategories: values [0] is undefined',
    );
    expect(() => countCategories([{} as unknown as Category])).toThrow(
      'countCategories: values [0] is object; a category must be a string, number or boolean',
    );
    expect(() => countCategories('abc' as unknown as Category[])).toThrow(
      'countCategories: values must be an array of categories or a Map',
    );
  });
});

describe('alignCounts', () => {
  it('aligns the fixture samples in the order the generator uses (n up to 100 000)', () => {
    for (const c of fx.chiSquare) {
      const res = alignCounts(sideInput(c.reference), sideInput(c.current));
      expect(res.categories, c.name).toEqual(c.categories);
      expect(Array.from(res.reference), c.name).toEqual(c.referenceCounts);
      expect(Array.from(res.current), c.name).toEqual(c.currentCounts);
    }
  });

  it('accepts raw values and count maps alike', () => {
    const fromValues = alignCounts(['a', 'b', 'a'], ['b', 'c']);
    const fromMaps = alignCounts(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
      new Map([
        ['b', 1],
        ['c', 1],
      ]),
    );
    expect(fromMaps).toEqual(fromValues);
    expect(fromValues.categories).toEqual(['a', 'b', 'c']);
    expect(Array.from(fromValues.reference)).toEqual([2, 1, 0]);
    expect(Array.from(fromValues.current)).toEqual([0, 1, 1]);
  });

  it('refuses empty samples and bad counts', () => {
    expect(() => alignCounts([], ['a'])).toThrow(
      'alignCounts: reference must hold at least one value',
    );
    expect(() => alignCounts(['a'], new Map([['a', 0]]))).toThrow(
      'alignCounts: current must hold at least one value',
    );
    expect(() => alignCounts(new Map([['a', -1]]), ['a'])).toThrow(
      'alignCounts: reference count of "a" is -1; counts must be finite numbers ≥ 0',
    );
    expect(() => alignCounts(new Map([[Number.NaN, 1]]), ['a'])).toThrow(
      'alignCounts: reference key NaN is NaN',
    );
    expect(() => alignCounts(['a'], ['b', null as unknown as Category])).toThrow(
      'alignCounts: current [1] is null',
    );
  });
});
