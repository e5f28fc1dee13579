/**
 * Which drift test a column gets: Evidently's default rule reproduced exactly (`evidently`),
 * Tend's own default (`tend`), or the test a user forced with `--stattest`. The rules and
 * their sources are in docs/drift-methods.md.
 */
import { driftTests, ScaledSortedSample } from '@tend/core';
import { type ColumnData, DriftConfigError, type DriftPreset, valueCount } from './drift-input.js';
import { minEffectSizes } from './min-effect-sizes.js';

/** A column as the choice sees it: its kind and both samples' non-missing values. */
export interface ColumnToTest {
  kind: 'numerical' | 'categorical';
  reference: ColumnData;
  current: ColumnData;
}

/** The test chosen for a column. */
export interface TestChoice {
  /** The test's name in @tend/core's `driftTests` (Evidently's names). */
  method: string;
  /** The test's default threshold: a p-value level, or a distance. */
  threshold: number;
  /** Why, in words: "numerical, 5000 reference values > 1000, > 5 distinct: wasserstein (Evidently)". */
  reason: string;
  /** Tend's rule only: the smallest effect size that counts as drift. */
  minEffectSize?: number;
  /**
   * The kind the test runs on. A numerical column with at most 5 distinct values is tested
   * on its values as categories (Evidently's rule picks chisquare, z or jensenshannon for it).
   */
  testKind: 'numerical' | 'categorical';
}

/** Evidently's limits (registry.py `_get_default_stattest`). */
const SMALL_REFERENCE = 1000;
const FEW_VALUES = 5;

/**
 * How many distinct values the two samples hold together, counting at most `limit + 1`
 * (so a million distinct numbers cost no more than a few): Evidently's
 * `pd.concat([reference, current]).nunique()`, capped.
 *
 * @example
 * distinctUpTo(Float64Array.of(1, 2, 2), Float64Array.of(3, 4), 5); // 4
 */
export function distinctUpTo(reference: ColumnData, current: ColumnData, limit: number): number {
  const seen = new Set<number | string>();
  for (const sample of [reference, current]) {
    if (sample instanceof Map) {
      for (const [label, count] of sample) {
        if (count <= 0) continue;
        seen.add(label);
        if (seen.size > limit) return seen.size;
      }
      continue;
    }
    for (let i = 0; i < sample.length; i++) {
      seen.add(sample instanceof ScaledSortedSample ? sample.at(i) : sample[i]);
      if (seen.size > limit) return seen.size;
    }
  }
  return seen.size;
}

function defaultThreshold(method: string): number {
  return driftTests.get(method)!.defaultThreshold;
}

function evidentlyChoice(column: ColumnToTest): TestChoice {
  const n = valueCount(column.reference);
  const distinct = distinctUpTo(column.reference, column.current, FEW_VALUES);
  const size =
    n <= SMALL_REFERENCE
      ? `${n} reference values ≤ ${SMALL_REFERENCE}`
      : `${n} reference values > ${SMALL_REFERENCE}`;
  const values =
    distinct <= FEW_VALUES ? `${distinct} distinct values` : `> ${FEW_VALUES} distinct values`;
  const pick = (method: string, testKind: TestChoice['testKind'], how = ''): TestChoice => ({
    method,
    threshold: defaultThreshold(method),
    reason: `${column.kind}, ${size}, ${values}: ${method}${how} (Evidently)`,
    testKind,
  });
  const asCategories = ' on the values as categories';
  if (n <= SMALL_REFERENCE) {
    if (column.kind === 'categorical') return pick(distinct > 2 ? 'chisquare' : 'z', 'categorical');
    if (distinct <= FEW_VALUES) {
      return pick(distinct > 2 ? 'chisquare' : 'z', 'categorical', asCategories);
    }
    return pick('ks', 'numerical');
  }
  if (column.kind === 'categorical') return pick('jensenshannon', 'categorical');
  if (distinct <= FEW_VALUES) return pick('jensenshannon', 'categorical', asCategories);
  return pick('wasserstein', 'numerical');
}

function tendChoice(column: ColumnToTest): TestChoice {
  const distinct = distinctUpTo(column.reference, column.current, FEW_VALUES);
  if (column.kind === 'numerical' && distinct > FEW_VALUES) {
    return {
      method: 'ks',
      threshold: defaultThreshold('ks'),
      minEffectSize: minEffectSizes.get('ks'),
      reason: 'numerical: ks, drifted when significant and KS D ≥ 0.1 (Tend)',
      testKind: 'numerical',
    };
  }
  // Few distinct numbers are categories in all but name: KS is conservative on heavy ties.
  const what =
    column.kind === 'numerical'
      ? `numerical with ${distinct} distinct values ≤ ${FEW_VALUES}: chisquare on the values as categories`
      : 'categorical: chisquare';
  return {
    method: 'chisquare',
    threshold: defaultThreshold('chisquare'),
    minEffectSize: minEffectSizes.get('chisquare'),
    reason: `${what}, drifted when significant and Cramér's V ≥ 0.1 (Tend)`,
    testKind: 'categorical',
  };
}

/**
 * The default test of a column under a preset. `evidently` is Evidently's
 * `_get_default_stattest`: reference ≤ 1000 values → ks for numbers (chisquare or z when at
 * most 5 distinct values), chisquare (> 2 categories) or z (≤ 2) for categories; reference
 * > 1000 → wasserstein for numbers (jensenshannon when at most 5 distinct values),
 * jensenshannon for categories. `tend` is ks for numbers and chisquare for categories (and
 * for numbers with at most 5 distinct values), each with the minimum effect size that counts.
 *
 * @example
 * selectTest({ kind: 'numerical', reference: new Float64Array(5000).map(Math.random), current: new Float64Array(10).map(Math.random) }, 'evidently').method; // 'wasserstein'
 */
export function selectTest(column: ColumnToTest, preset: DriftPreset): TestChoice {
  if (preset === 'evidently') return evidentlyChoice(column);
  if (preset === 'tend') return tendChoice(column);
  throw new DriftConfigError(
    undefined,
    '--preset',
    `--preset is ${JSON.stringify(preset)}; expected "tend" or "evidently"`,
  );
}

/**
 * The test a user forced on a column (`--stattest ks`, `--stattest age=psi`). An unknown test
 * name, or one that does not accept the column's kind (as Evidently refuses chisquare on a
 * numerical column), is a {@link DriftConfigError} naming the column and the test.
 *
 * @example
 * forcedTest('age', { kind: 'numerical', reference: Float64Array.of(1, 2), current: Float64Array.of(3) }, 'psi', 'tend', '--stattest age=psi').reason; // 'psi forced by --stattest age=psi'
 */
export function forcedTest(
  name: string,
  column: ColumnToTest,
  method: string,
  preset: DriftPreset,
  source: string,
): TestChoice {
  const test = driftTests.get(method);
  if (test === undefined) {
    throw new DriftConfigError(
      name,
      '--stattest',
      `${source}: column '${name}': unknown test ${JSON.stringify(method)}; known tests: ${[...driftTests.keys()].join(', ')}`,
    );
  }
  if (!test.kinds.includes(column.kind)) {
    throw new DriftConfigError(
      name,
      '--stattest',
      `${source}: column '${name}' is ${column.kind}; ${method} accepts ${test.kinds.join(' or ')} columns only`,
    );
  }
  const minEffectSize =
    preset === 'tend' && test.decision === 'pValue' ? minEffectSizes.get(method) : undefined;
  return {
    method,
    threshold: test.defaultThreshold,
    reason: `${method} forced by ${source}`,
    testKind: column.kind,
    ...(minEffectSize === undefined ? {} : { minEffectSize }),
  };
}
