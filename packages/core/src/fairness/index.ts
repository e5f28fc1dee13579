/**
 * Group fairness of a binary classifier, with AIF360's definitions (Bellamy et al. 2018,
 * `aif360.metrics.ClassificationMetric`): differences are unprivileged minus privileged,
 * ratios unprivileged over privileged. `group` holds one value per row; `privileged` names
 * one value or several, and every other value is unprivileged. Counts are weighted by
 * `sampleWeight` as AIF360 weights them by `instance_weights`.
 *
 * Undefined cases: a group without rows is refused (TendInputError naming `group`); a rate
 * whose denominator is 0 (TPR without favourable truth, FPR without unfavourable truth) is
 * NaN, and disparateImpact with a zero privileged selection rate is Infinity (or NaN when
 * both are 0) — what NumPy's division gives in AIF360.
 */
export { averageOddsDifference } from './average-odds-difference.js';
export { disparateImpact } from './disparate-impact.js';
export { equalOpportunityDifference } from './equal-opportunity-difference.js';
export { type FairnessGapsResult, fairnessGaps, type GroupRates } from './fairness-gaps.js';
export type { FairnessOptions, GroupValue } from './group-counts.js';
export { statisticalParityDifference } from './statistical-parity-difference.js';
