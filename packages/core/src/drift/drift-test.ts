/**
 * The batch drift-test contract: every two-sample test and distance answers
 * `(reference, current, options) → { method, statistic, pValue?, threshold, drifted, effectSize? }`,
 * so a monitor swaps one for another by name. Names follow Evidently's (`ks`, `chisquare`,
 * `psi`, …) so that users moving from it find the tests they know.
 */
import type { CategoricalInput, Category } from '../stattests/categories.js';
import type { NumericInput } from '../validate.js';

/** What kind of column a test accepts. */
export type ColumnKind = 'numerical' | 'categorical';

/** The one result shape of every drift test. */
export interface DriftTestResult {
  /** The test's registry name, e.g. `ks`. */
  method: string;
  /** The test statistic or the distance. */
  statistic: number;
  /** The p-value, for hypothesis tests; absent for distances. */
  pValue?: number;
  /** The threshold the decision used: a significance level for tests, a distance otherwise. */
  threshold: number;
  /** p-value < threshold for tests; statistic ≥ threshold for distances. */
  drifted: boolean;
  /** A sample-size-free measure of how large the change is, where the test has a standard one. */
  effectSize?: number;
}

/** Options every drift test accepts. */
export interface DriftTestOptions {
  /** Overrides the test's default threshold. */
  threshold?: number;
  /** Number of bins for the distances on numerical columns (default 10, at reference quantiles). */
  bins?: number;
}

/** A registered drift test. */
export interface DriftTest {
  name: string;
  /** Human-readable name. */
  displayName: string;
  /** Column kinds it accepts. */
  kinds: readonly ColumnKind[];
  /** `pValue`: drifted when p < threshold; `distance`: drifted when statistic ≥ threshold. */
  decision: 'pValue' | 'distance';
  defaultThreshold: number;
  /** Computes the result on two numerical samples (when `kinds` has 'numerical'). */
  numerical?: (
    reference: NumericInput,
    current: NumericInput,
    options: DriftTestOptions,
  ) => Measured;
  /** Computes the result on two categorical samples (when `kinds` has 'categorical'). */
  categorical?: (
    reference: CategoricalInput,
    current: CategoricalInput,
    options: DriftTestOptions,
  ) => Measured;
}

/** What a test computes before the decision is taken. */
export interface Measured {
  statistic: number;
  pValue?: number;
  effectSize?: number;
}

export type { CategoricalInput, Category };
