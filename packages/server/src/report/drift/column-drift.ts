/**
 * Drift of every feature column at once: pick each column's test (preset or forced), run it,
 * correct the p-values for testing many columns, and decide drift column by column.
 */
import {
  benjaminiHochberg,
  bonferroni,
  type CategoricalInput,
  type DriftTestResult,
  driftTests,
  holm,
  runDriftTest,
  ScaledSortedSample,
  TendInputError,
} from '@tend/core';
import type { ColumnDrift } from '../report-types.js';
import {
  type ColumnData,
  type CorrectionMethod,
  DriftConfigError,
  type DriftInput,
  type DriftPreset,
  valueCount,
} from './drift-input.js';
import { evidentlyChiSquare } from './evidently-chisquare.js';
import { forcedTest, selectTest, type TestChoice } from './select-test.js';

/** Options of {@link driftOfColumns}. */
export interface ColumnDriftOptions {
  preset: DriftPreset;
  /** Forced tests: '*' for every column, or a column name (which wins over '*'). */
  stattest?: Record<string, string>;
  /** Overrides every column's threshold: the p-value level of tests, the distance of distances. */
  threshold?: number;
  /** Default: benjamini-hochberg under `tend`, none under `evidently`. */
  correction?: CorrectionMethod;
  /** Significance level of the p-value tests when `threshold` is not given (default 0.05). */
  alpha?: number;
}

const CORRECTIONS = ['benjamini-hochberg', 'holm', 'bonferroni', 'none'] as const;
const EFFECT_NAMES: Record<string, string> = {
  ks: 'KS D',
  chisquare: "Cramér's V",
  z: "Cohen's h",
  t_test: "Cohen's d",
  mannw: 'rank-biserial r',
};

/**
 * The correction a preset applies unless told otherwise: Benjamini–Hochberg for Tend,
 * none for Evidently (which corrects nothing).
 *
 * @example
 * defaultCorrection('tend'); // 'benjamini-hochberg'
 */
export function defaultCorrection(preset: DriftPreset): CorrectionMethod {
  return preset === 'tend' ? 'benjamini-hochberg' : 'none';
}

/**
 * Why a column is not tested, or undefined when it is: a column with no value in the
 * reference or in the current dataset has nothing to compare (Evidently raises an error
 * there; a report says so and carries on).
 *
 * @example
 * skipReason({ name: 'x', kind: 'numerical', reference: new Float64Array(0), current: Float64Array.of(1) }); // 'no values in the reference'
 */
export function skipReason(column: DriftInput): string | undefined {
  const noRef = valueCount(column.reference) === 0;
  const noCur = valueCount(column.current) === 0;
  if (noRef && noCur) return 'no values in either dataset';
  if (noRef) return 'no values in the reference';
  if (noCur) return 'no values in the current dataset';
  return undefined;
}

function checkOptions(options: ColumnDriftOptions): void {
  const { threshold, alpha, correction } = options;
  if (threshold !== undefined && !(Number.isFinite(threshold) && threshold > 0)) {
    throw new DriftConfigError(
      undefined,
      '--threshold',
      `--threshold is ${threshold}; expected a number > 0`,
    );
  }
  if (alpha !== undefined && !(alpha > 0 && alpha < 1)) {
    throw new DriftConfigError(
      undefined,
      'alpha',
      `alpha is ${alpha}; expected a number in (0, 1)`,
    );
  }
  if (correction !== undefined && !CORRECTIONS.includes(correction)) {
    throw new DriftConfigError(
      undefined,
      '--correction',
      `--correction is ${JSON.stringify(correction)}; expected one of ${CORRECTIONS.join(', ')}`,
    );
  }
}

function checkInput(column: DriftInput): void {
  const numeric = column.kind === 'numerical';
  for (const side of ['reference', 'current'] as const) {
    const data = column[side];
    const ok = numeric
      ? data instanceof Float64Array || data instanceof ScaledSortedSample
      : Array.isArray(data) || data instanceof Map;
    if (!ok) {
      throw new DriftConfigError(
        column.name,
        'columns',
        `column '${column.name}' is ${column.kind} but its ${side} values are not ${numeric ? 'a Float64Array or a ScaledSortedSample' : 'an array of labels or a Map of counts'}`,
      );
    }
  }
}

function choose(column: DriftInput, options: ColumnDriftOptions): TestChoice {
  const forced = options.stattest?.[column.name];
  if (forced !== undefined) {
    return forcedTest(
      column.name,
      column,
      forced,
      options.preset,
      `--stattest ${column.name}=${forced}`,
    );
  }
  const all = options.stattest?.['*'];
  if (all !== undefined) {
    // A test forced for every column applies to the columns of the kinds it accepts; the
    // others keep their own choice (a numerical test says nothing of categories).
    const test = driftTests.get(all);
    if (test === undefined || test.kinds.includes(column.kind)) {
      return forcedTest(column.name, column, all, options.preset, `--stattest ${all}`);
    }
    const own = selectTest(column, options.preset);
    return {
      ...own,
      reason: `${own.reason} (--stattest ${all} takes ${test.kinds.join(' or ')} columns only)`,
    };
  }
  return selectTest(column, options.preset);
}

function measure(column: DriftInput, choice: TestChoice, threshold: number, preset: DriftPreset) {
  const { method, testKind } = choice;
  try {
    // A categorical test of a numerical column (few distinct values) counts its values one by
    // one: a compact column's go as doubles.
    const data = (x: ColumnData) =>
      testKind === 'categorical' && x instanceof ScaledSortedSample ? x.values() : x;
    const reference = data(column.reference);
    const current = data(column.current);
    const result: DriftTestResult = runDriftTest(method, reference, current, {
      kind: testKind,
      threshold,
    });
    if (preset === 'evidently' && method === 'chisquare') {
      // Evidently's chisquare is a goodness-of-fit test; keep core's Cramér's V beside it.
      const gof = evidentlyChiSquare(reference as CategoricalInput, current as CategoricalInput);
      return { ...result, statistic: gof.statistic, pValue: gof.pValue };
    }
    // The z-test is NaN only when both samples hold one and the same category: no change
    // (Evidently returns p = 1 there too).
    if (method === 'z' && Number.isNaN(result.pValue)) return { ...result, pValue: 1 };
    return result;
  } catch (err) {
    if (err instanceof TendInputError) {
      const option = err.argument === 'threshold' ? '--threshold' : '--stattest';
      throw new DriftConfigError(
        column.name,
        option,
        `column '${column.name}', ${method}: ${err.message}`,
      );
    }
    throw err;
  }
}

function adjust(
  pValues: number[],
  correction: CorrectionMethod,
  alpha: number,
): Float64Array | undefined {
  if (correction === 'none' || pValues.length === 0) return undefined;
  const fn =
    correction === 'benjamini-hochberg'
      ? benjaminiHochberg
      : correction === 'holm'
        ? holm
        : bonferroni;
  return fn(pValues, { alpha }).adjusted;
}

function fmt(x: number): string {
  return Number.isFinite(x) && x !== 0 && Math.abs(x) < 1e-3
    ? x.toExponential(2)
    : String(Number(x.toPrecision(3)));
}

/** One column's test result before the decision across columns (`measureColumnDrift`). */
export interface MeasuredDrift {
  choice: TestChoice;
  threshold: number;
  isTest: boolean;
  result: DriftTestResult;
}

/**
 * Check the options shared by every column (throws a DriftConfigError naming the flag).
 *
 * @example
 * checkDriftOptions({ preset: 'tend', threshold: 2 }); // throws: --threshold …
 */
export function checkDriftOptions(options: ColumnDriftOptions): void {
  checkOptions(options);
}

/**
 * Choose and run one column's test (undefined for a column that {@link skipReason} skips),
 * so that a caller can test columns one at a time and let each column's data go; the
 * decision, which corrects across columns, is {@link decideColumnDrift}.
 *
 * @example
 * measureColumnDrift({ name: 'x', kind: 'numerical', reference: Float64Array.of(1, 2, 3, 4), current: Float64Array.of(5, 6, 7, 8) }, { preset: 'evidently' })?.choice.method; // 'ks'
 */
export function measureColumnDrift(
  column: DriftInput,
  options: ColumnDriftOptions,
): MeasuredDrift | undefined {
  checkInput(column);
  // Choose first, so a wrong --stattest is refused even for a column that is then skipped.
  const choice = choose(column, options);
  if (skipReason(column) !== undefined) return undefined;
  const isTest = driftTests.get(choice.method)!.decision === 'pValue';
  const alpha = options.alpha ?? 0.05;
  const threshold = options.threshold ?? (isTest ? alpha : choice.threshold);
  return { choice, threshold, isTest, result: measure(column, choice, threshold, options.preset) };
}

/**
 * Test every column for drift and decide, in input order (undefined for a column that
 * {@link skipReason} skips). Under `evidently` a column drifts when its test says so on its
 * own (p < threshold, p ≤ for ks as Evidently has it; distance ≥ threshold). Under `tend` a
 * p-value test drifts only when its p-value after the correction across columns is below the
 * threshold AND its effect size reaches the minimum that matters; a distance drifts when it
 * reaches its threshold (it is itself a size).
 *
 * @example
 * driftOfColumns([{ name: 'x', kind: 'numerical', reference: Float64Array.of(1, 2, 3, 4), current: Float64Array.of(5, 6, 7, 8) }], { preset: 'evidently' })[0]?.method; // 'ks'
 */
export function driftOfColumns(
  columns: DriftInput[],
  options: ColumnDriftOptions,
): (ColumnDrift | undefined)[] {
  checkOptions(options);
  return decideColumnDrift(
    columns.map((column) => measureColumnDrift(column, options)),
    options,
  );
}

/**
 * Decide every measured column, in input order, correcting the p-values across them (the
 * rules are {@link driftOfColumns}'s).
 *
 * @example
 * decideColumnDrift([measureColumnDrift(input, options)], options)[0]?.drifted; // true
 */
export function decideColumnDrift(
  measured: (MeasuredDrift | undefined)[],
  options: ColumnDriftOptions,
): (ColumnDrift | undefined)[] {
  const { preset } = options;
  const correction = options.correction ?? defaultCorrection(preset);
  const alpha = options.alpha ?? 0.05;
  const tested = measured.filter((m) => m?.isTest && !Number.isNaN(m.result.pValue)) as NonNullable<
    (typeof measured)[number]
  >[];
  const adjusted = adjust(
    tested.map((m) => m.result.pValue as number),
    correction,
    alpha,
  );
  const adjustedOf = new Map(tested.map((m, i) => [m, adjusted?.[i]]));
  return measured.map((m) => {
    if (m === undefined) return undefined;
    const { choice, threshold, isTest, result } = m;
    const adjustedPValue = adjustedOf.get(m);
    const minEffectSize = preset === 'tend' ? choice.minEffectSize : undefined;
    let drifted: boolean;
    let verdict: string;
    if (!isTest) {
      drifted = result.statistic >= threshold;
      verdict = `${fmt(result.statistic)} ${drifted ? '≥' : '<'} ${fmt(threshold)}`;
    } else if (Number.isNaN(result.pValue)) {
      drifted = false;
      verdict = 'the p-value is undefined for these samples (constant values?)';
    } else {
      const p = (adjustedPValue ?? result.pValue) as number;
      const pName = adjustedPValue === undefined ? 'p' : `p adjusted (${correction})`;
      const significant =
        preset === 'evidently' && choice.method === 'ks' ? p <= threshold : p < threshold;
      verdict = `${pName} = ${fmt(p)} ${significant ? '<' : '≥'} ${fmt(threshold)}`;
      drifted = significant;
      if (minEffectSize !== undefined && result.effectSize !== undefined) {
        const large = result.effectSize >= minEffectSize;
        const name = EFFECT_NAMES[choice.method] ?? 'effect size';
        verdict += `, ${name} = ${fmt(result.effectSize)} ${large ? '≥' : '<'} ${fmt(minEffectSize)}${significant && !large ? ' (significant but negligible)' : ''}`;
        drifted = significant && large;
      }
    }
    const drift: ColumnDrift = {
      method: choice.method,
      statistic: result.statistic,
      threshold,
      drifted,
      reason: `${choice.reason}; ${drifted ? 'drifted' : 'not drifted'}: ${verdict}`,
    };
    if (result.pValue !== undefined) drift.pValue = result.pValue;
    if (adjustedPValue !== undefined) drift.adjustedPValue = adjustedPValue;
    if (result.effectSize !== undefined) drift.effectSize = result.effectSize;
    if (minEffectSize !== undefined) drift.minEffectSize = minEffectSize;
    return drift;
  });
}
