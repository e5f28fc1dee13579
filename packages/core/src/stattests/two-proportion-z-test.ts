/**
 * Two-proportion z-test: are the success rates of two independent samples equal?
 */
import { normal } from '../distributions/normal.js';
import { TendInputError } from '../errors.js';
import { checkChoice, checkNumberOption } from '../validate.js';

/** Options of {@link twoProportionZTest}. */
export interface TwoProportionZTestOptions {
  /** 'two-sided' (default), 'less' (p₁ < p₂) or 'greater' (p₁ > p₂). */
  alternative?: 'two-sided' | 'less' | 'greater';
  /**
   * Variance under the null from the pooled proportion (default true, the classical score
   * form); false uses each sample's own proportion (the Wald form).
   */
  pooled?: boolean;
}

/** Result of {@link twoProportionZTest}. */
export interface TwoProportionZTestResult {
  /** z = (p̂₁ − p̂₂) / SE; NaN when SE = 0 and p̂₁ = p̂₂. */
  statistic: number;
  /** Normal tail probability of z for the alternative; NaN when z is. */
  pValue: number;
}

const ALTERNATIVES = ['two-sided', 'less', 'greater'] as const;

function checkCount(fn: string, name: string, x: number, nName: string, n: number): void {
  checkNumberOption(fn, name, x, { min: 0 });
  if (x > n) {
    throw new TendInputError(
      fn,
      name,
      'out_of_range',
      `is ${x}, more than ${nName} = ${n}; successes cannot exceed trials`,
    );
  }
}

/**
 * Two-proportion z-test: z = (p̂₁ − p̂₂)/SE with p̂ᵢ = xᵢ/nᵢ and, pooled,
 * SE = √(p̄(1 − p̄)(1/n₁ + 1/n₂)), p̄ = (x₁ + x₂)/(n₁ + n₂), or, unpooled,
 * SE = √(p̂₁(1 − p̂₁)/n₁ + p̂₂(1 − p̂₂)/n₂); p-value from the standard normal
 * (Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", 2003, §2.5).
 * Pooled it equals statsmodels' `proportions_ztest([x₁, x₂], [n₁, n₂])` (its 'larger' /
 * 'smaller' are 'greater' / 'less' here), unpooled `test_proportions_2indep(…, method='wald')`.
 * When SE = 0 (both proportions 0 or both 1) the statistic and p-value are NaN, as there.
 *
 * Evidently's categorical "z" drift test is this test, pooled and two-sided, on the share of
 * values *not* equal to the smallest category (in sorted order) of each sample:
 * `twoProportionZTest(n₁ − k₁, n₁, n₂ − k₂, n₂)` with kᵢ that category's count; it returns
 * p = 1 when both samples hold one and the same value, and computes 2·(1 − Φ(|z|)), which
 * loses precision below p ≈ 1e-16 where `2·Φ(−|z|)` here does not.
 *
 * @example
 * twoProportionZTest(45, 100, 30, 100).pValue; // 0.028459736916310537
 */
export function twoProportionZTest(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
  { alternative = 'two-sided', pooled = true }: TwoProportionZTestOptions = {},
): TwoProportionZTestResult {
  const fn = 'twoProportionZTest';
  checkNumberOption(fn, 'n1', n1, { min: 0, exclusiveMin: true });
  checkNumberOption(fn, 'n2', n2, { min: 0, exclusiveMin: true });
  checkCount(fn, 'successes1', successes1, 'n1', n1);
  checkCount(fn, 'successes2', successes2, 'n2', n2);
  checkChoice(fn, 'alternative', alternative, ALTERNATIVES);
  if (typeof pooled !== 'boolean') {
    throw new TendInputError(
      fn,
      'pooled',
      'invalid_option',
      `is ${String(pooled)}; expected a boolean`,
    );
  }
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  let variance: number;
  if (pooled) {
    const p = (successes1 + successes2) / (n1 + n2);
    variance = p * (1 - p) * (1 / n1 + 1 / n2);
  } else {
    variance = (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2;
  }
  const z = (p1 - p2) / Math.sqrt(variance);
  if (Number.isNaN(z)) return { statistic: Number.NaN, pValue: Number.NaN };
  const pValue =
    alternative === 'two-sided'
      ? 2 * normal.sf(Math.abs(z))
      : alternative === 'greater'
        ? normal.sf(z)
        : normal.cdf(z);
  return { statistic: z, pValue };
}
