/** Input and result shared by the multiple-testing corrections. */
import { checkNumberOption, checkProbabilities, type NumericInput, toSample } from '../validate.js';

/** Options of every correction. */
export interface CorrectionOptions {
  /** Family-wise error rate (Bonferroni, Holm) or false discovery rate (BH) to control. */
  alpha?: number;
}

/** Adjusted p-values and decisions, in the order of the input p-values. */
export interface CorrectionResult {
  /** Adjusted p-values, clipped at 1 (statsmodels' `pvals_corrected`). */
  adjusted: Float64Array;
  /** Whether each hypothesis is rejected at level `alpha` (statsmodels' `reject`). */
  rejected: boolean[];
}

/**
 * Check the p-values (each in [0, 1], no NaN; an empty list is allowed) and `alpha` ∈ (0, 1).
 *
 * @example
 * toPValues('holm', [0.01, 0.2], 0.05); // Float64Array [0.01, 0.2]
 */
export function toPValues(fn: string, pValues: NumericInput, alpha: number): Float64Array {
  checkNumberOption(fn, 'alpha', alpha, { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true });
  const p = toSample(fn, 'pValues', pValues, { minLength: 0 });
  checkProbabilities(fn, 'pValues', p);
  return p;
}

/**
 * Indices that sort `p` ascending (ties in input order); the adjusted values do not depend on
 * how ties are ordered.
 *
 * @example
 * ascendingOrder(Float64Array.of(0.3, 0.1, 0.2)); // Uint32Array [1, 2, 0]
 */
export function ascendingOrder(p: Float64Array): Uint32Array {
  const order = new Uint32Array(p.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => p[a] - p[b] || a - b);
}
