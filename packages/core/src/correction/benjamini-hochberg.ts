/** Benjamini–Hochberg false-discovery-rate correction for multiple testing. */
import type { NumericInput } from '../validate.js';
import {
  ascendingOrder,
  type CorrectionOptions,
  type CorrectionResult,
  toPValues,
} from './p-values.js';

/**
 * Benjamini–Hochberg step-up correction: with p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted, adjusted
 * p₍ᵢ₎ = min(1, min_{j≥i} p₍ⱼ₎·m/j); the hypotheses up to the largest i with
 * p₍ᵢ₎ ≤ α·i/m are rejected. Controls the false discovery rate for independent or positively
 * dependent tests (Benjamini & Hochberg, J. R. Statist. Soc. B 57, 1995). As statsmodels'
 * `multipletests(p, alpha, 'fdr_bh')`; results in input order.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03]).adjusted; // Float64Array [0.030000000000000002, 0.04, 0.04]
 */
export function benjaminiHochberg(
  pValues: NumericInput,
  { alpha = 0.05 }: CorrectionOptions = {},
): CorrectionResult {
  const p = toPValues('benjaminiHochberg', pValues, alpha);
  const m = p.length;
  const order = ascendingOrder(p);
  const adjusted = new Float64Array(m);
  const rejected = new Array<boolean>(m).fill(false);
  let lastRejected = -1;
  for (let i = 0; i < m; i++) {
    if (p[order[i]] <= ((i + 1) / m) * alpha) lastRejected = i;
  }
  let running = Number.POSITIVE_INFINITY;
  for (let i = m - 1; i >= 0; i--) {
    const k = order[i];
    const v = p[k] / ((i + 1) / m);
    if (v < running) running = v;
    adjusted[k] = Math.min(1, running);
    rejected[k] = i <= lastRejected;
  }
  return { adjusted, rejected };
}
