/** Holm's step-down correction for multiple testing. */
import type { NumericInput } from '../validate.js';
import {
  ascendingOrder,
  type CorrectionOptions,
  type CorrectionResult,
  toPValues,
} from './p-values.js';

/**
 * Holm–Bonferroni step-down correction: with p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted, adjusted
 * p₍ᵢ₎ = min(1, max_{j≤i} (m − j + 1)·p₍ⱼ₎); hypotheses are rejected in order while
 * p₍ᵢ₎ ≤ α/(m − i + 1). Controls the family-wise error rate under any dependence and is
 * uniformly more powerful than Bonferroni (Holm, Scand. J. Statist. 6, 1979). As statsmodels'
 * `multipletests(p, alpha, 'holm')`; results in input order.
 *
 * @example
 * holm([0.01, 0.04, 0.03]).adjusted; // Float64Array [0.03, 0.06, 0.06]
 */
export function holm(
  pValues: NumericInput,
  { alpha = 0.05 }: CorrectionOptions = {},
): CorrectionResult {
  const p = toPValues('holm', pValues, alpha);
  const m = p.length;
  const order = ascendingOrder(p);
  const adjusted = new Float64Array(m);
  const rejected = new Array<boolean>(m).fill(false);
  let running = 0;
  let stillRejecting = true;
  for (let i = 0; i < m; i++) {
    const k = order[i];
    const v = p[k] * (m - i);
    if (v > running) running = v;
    adjusted[k] = Math.min(1, running);
    if (stillRejecting && p[k] > alpha / (m - i)) stillRejecting = false;
    rejected[k] = stillRejecting;
  }
  return { adjusted, rejected };
}
