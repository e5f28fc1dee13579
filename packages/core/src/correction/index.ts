/**
 * Multiple-testing correction, for deciding drift on many columns at once: Bonferroni and
 * Holm control the family-wise error rate, Benjamini–Hochberg the false discovery rate.
 * Adjusted p-values agree with statsmodels' `multipletests` and keep the input order.
 */
export { benjaminiHochberg } from './benjamini-hochberg.js';
export { bonferroni } from './bonferroni.js';
export { holm } from './holm.js';
export type { CorrectionOptions, CorrectionResult } from './p-values.js';
