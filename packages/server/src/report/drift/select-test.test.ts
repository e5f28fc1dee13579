import { describe, expect, it } from 'vitest';
import { DriftConfigError } from './drift-input.js';
import { distinctUpTo, forcedTest, selectTest } from './select-test.js';

/** n numbers cycling through `distinct` values 0, 1, …, distinct − 1. */
function numbers(n: number, distinct: number, offset = 0): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i % distinct) + offset);
}
function labels(n: number, values: string[]): string[] {
  return Array.from({ length: n }, (_, i) => values[i % values.length]);
}

describe('selectTest, Evidently preset (registry.py _get_default_stattest)', () => {
  const cases: [string, Parameters<typeof selectTest>[0], string, string, number][] = [
    // [case, column, method, test kind, threshold]
    [
      'small numerical, many values',
      { kind: 'numerical', reference: numbers(1000, 50), current: numbers(10, 50) },
      'ks',
      'numerical',
      0.05,
    ],
    [
      'small numerical, 5 values',
      { kind: 'numerical', reference: numbers(1000, 5), current: numbers(10, 5) },
      'chisquare',
      'categorical',
      0.05,
    ],
    [
      'small numerical, 3 values',
      { kind: 'numerical', reference: numbers(200, 3), current: numbers(10, 3) },
      'chisquare',
      'categorical',
      0.05,
    ],
    [
      'small numerical, 2 values',
      { kind: 'numerical', reference: numbers(200, 2), current: numbers(10, 2) },
      'z',
      'categorical',
      0.05,
    ],
    [
      'small numerical, 6 values',
      { kind: 'numerical', reference: numbers(200, 6), current: numbers(10, 6) },
      'ks',
      'numerical',
      0.05,
    ],
    [
      'small categorical, binary',
      { kind: 'categorical', reference: labels(1000, ['y', 'n']), current: labels(5, ['y']) },
      'z',
      'categorical',
      0.05,
    ],
    [
      'small categorical, multi',
      { kind: 'categorical', reference: labels(30, ['a', 'b', 'c']), current: labels(5, ['a']) },
      'chisquare',
      'categorical',
      0.05,
    ],
    [
      'large numerical, many values',
      { kind: 'numerical', reference: numbers(1001, 50), current: numbers(10, 50) },
      'wasserstein',
      'numerical',
      0.1,
    ],
    [
      'large numerical, 5 values',
      { kind: 'numerical', reference: numbers(1001, 5), current: numbers(10, 5) },
      'jensenshannon',
      'categorical',
      0.1,
    ],
    [
      'large numerical, 2 values',
      { kind: 'numerical', reference: numbers(5000, 2), current: numbers(10, 2) },
      'jensenshannon',
      'categorical',
      0.1,
    ],
    [
      'large categorical, binary',
      { kind: 'categorical', reference: labels(1001, ['y', 'n']), current: labels(5, ['y']) },
      'jensenshannon',
      'categorical',
      0.1,
    ],
    [
      'large categorical, multi',
      {
        kind: 'categorical',
        reference: labels(5000, ['a', 'b', 'c', 'd']),
        current: labels(5, ['a']),
      },
      'jensenshannon',
      'categorical',
      0.1,
    ],
  ];
  it.each(cases)('%s → %s', (_, column, method, testKind, threshold) => {
    const choice = selectTest(column, 'evidently');
    expect(choice).toMatchObject({ method, testKind, threshold });
    expect(choice.minEffectSize).toBeUndefined();
  });

  it('says why, with the reference size and the distinct values', () => {
    expect(selectTest(cases[1][1], 'evidently').reason).toBe(
      'numerical, 1000 reference values ≤ 1000, 5 distinct values: chisquare on the values as categories (Evidently)',
    );
    expect(selectTest(cases[7][1], 'evidently').reason).toBe(
      'numerical, 1001 reference values > 1000, > 5 distinct values: wasserstein (Evidently)',
    );
    expect(selectTest(cases[10][1], 'evidently').reason).toBe(
      'categorical, 1001 reference values > 1000, 2 distinct values: jensenshannon (Evidently)',
    );
  });

  it('counts distinct values over both samples together (pd.concat(...).nunique())', () => {
    // 3 values in each, 6 together: ks, not chisquare.
    const column = {
      kind: 'numerical' as const,
      reference: numbers(100, 3),
      current: numbers(100, 3, 10),
    };
    expect(selectTest(column, 'evidently').method).toBe('ks');
    // 1 value in each, 2 together: z.
    const binary = {
      kind: 'categorical' as const,
      reference: labels(10, ['a']),
      current: labels(10, ['b']),
    };
    expect(selectTest(binary, 'evidently').method).toBe('z');
  });
});

describe('selectTest, Tend preset', () => {
  it("numbers get ks with KS D ≥ 0.1, categories chisquare with Cramér's V ≥ 0.1", () => {
    const num = selectTest(
      { kind: 'numerical', reference: numbers(50_000, 100), current: numbers(10, 100) },
      'tend',
    );
    expect(num).toMatchObject({
      method: 'ks',
      threshold: 0.05,
      minEffectSize: 0.1,
      testKind: 'numerical',
    });
    expect(num.reason).toBe('numerical: ks, drifted when significant and KS D ≥ 0.1 (Tend)');
    const cat = selectTest(
      { kind: 'categorical', reference: labels(20, ['a', 'b']), current: labels(5, ['a']) },
      'tend',
    );
    expect(cat).toMatchObject({ method: 'chisquare', minEffectSize: 0.1, testKind: 'categorical' });
  });

  it('tests a numerical column with ≤ 5 distinct values as categories', () => {
    const choice = selectTest(
      { kind: 'numerical', reference: numbers(100, 4), current: numbers(10, 4) },
      'tend',
    );
    expect(choice).toMatchObject({
      method: 'chisquare',
      testKind: 'categorical',
      minEffectSize: 0.1,
    });
    expect(choice.reason).toContain('numerical with 4 distinct values ≤ 5');
  });

  it('refuses an unknown preset', () => {
    const column = {
      kind: 'numerical' as const,
      reference: numbers(10, 10),
      current: numbers(10, 10),
    };
    expect(() => selectTest(column, 'nannyml' as 'tend')).toThrow(
      '--preset is "nannyml"; expected "tend" or "evidently"',
    );
  });
});

describe('forcedTest', () => {
  const age = { kind: 'numerical' as const, reference: numbers(10, 10), current: numbers(10, 10) };
  it("takes the forced test with its default threshold, and Tend's minimum effect size", () => {
    expect(forcedTest('age', age, 'psi', 'tend', '--stattest age=psi')).toEqual({
      method: 'psi',
      threshold: 0.1,
      reason: 'psi forced by --stattest age=psi',
      testKind: 'numerical',
    });
    expect(forcedTest('age', age, 't_test', 'tend', '--stattest t_test').minEffectSize).toBe(0.2);
    expect(
      forcedTest('age', age, 't_test', 'evidently', '--stattest t_test').minEffectSize,
    ).toBeUndefined();
  });

  it('refuses an unknown test, naming the column and the test', () => {
    const call = () => forcedTest('age', age, 'kolmogorov', 'tend', '--stattest age=kolmogorov');
    expect(call).toThrow(DriftConfigError);
    expect(call).toThrow(
      /^--stattest age=kolmogorov: column 'age': unknown test "kolmogorov"; known tests: ks, /,
    );
  });

  it("refuses a test that does not accept the column's kind", () => {
    expect(() => forcedTest('age', age, 'chisquare', 'evidently', '--stattest chisquare')).toThrow(
      "--stattest chisquare: column 'age' is numerical; chisquare accepts categorical columns only",
    );
    const city = { kind: 'categorical' as const, reference: ['a'], current: ['b'] };
    expect(() => forcedTest('city', city, 'ks', 'tend', '--stattest ks')).toThrow(
      "--stattest ks: column 'city' is categorical; ks accepts numerical columns only",
    );
  });
});

describe('distinctUpTo', () => {
  it('counts the union and stops past the limit', () => {
    expect(distinctUpTo(['a', 'b'], ['b', 'c'], 5)).toBe(3);
    expect(distinctUpTo(numbers(1_000_000, 1_000_000), new Float64Array(0), 5)).toBe(6);
    expect(distinctUpTo(Float64Array.of(0), Float64Array.of(-0), 5)).toBe(1);
  });
});
