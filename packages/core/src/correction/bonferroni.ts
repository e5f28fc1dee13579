/** Bonferroni correction for multiple testing. */
import type { NumericInput } from '../validate.js';
import { type CorrectionOptions, type CorrectionResult, toPValues } from './p-values.js';

/**
 * Bonferroni correction of m p-values: adjusted pᵢ = min(1, m·pᵢ), rejected when
 * pᵢ ≤ α/m; controls the family-wise error rate under any dependence (Dunn, "Multiple
 * comparisons among means", 1961). As statsmodels' `multipletests(p, alpha, 'bonferroni')`.
 *
 * @example
 * bonferroni([0.01, 0.04, 0.3]).adjusted; // Float64Array [0.03, 0.12, 0.8999999999999999]
 */
export function bonferroni(
  pValues: NumericInput,
  { alpha = 0.05 }: CorrectionOptions = {},
): CorrectionResult {
  const p = toPValues('bonferroni', pValues, alpha);
  const m = p.length;
  const threshold = alpha / m;
  const adjusted = new Float64Array(m);
  const rejected = new Array<boolean>(m);
  for (let i = 0; i < m; i++) {
    adjusted[i] = Math.min(1, p[i] * m);
    rejected[i] = p[i] <= threshold;
  }
  return { adjusted, rejected };
}
