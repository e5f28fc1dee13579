/**
 * Tend's smallest effect size that counts as drift, per test: below it a change is called
 * negligible however small its p-value, so a million rows do not turn noise into alarms.
 * Each bar is Cohen's "small" effect (Cohen, "Statistical Power Analysis for the Behavioral
 * Sciences", 2nd ed., 1988) expressed in the test's own effect size; docs/drift-methods.md
 * gives the derivations.
 */

/**
 * The minimum effect size per test name (only the tests whose `runDriftTest` result carries
 * a sample-size-free effect size next to a p-value).
 *
 * - `ks` — KS D ≥ 0.1: for a normal variable a mean shift of δ sd gives D = 2Φ(δ/2) − 1, so
 *   D = 0.1 is a shift of 0.25 sd, just above Cohen's small d = 0.2 (D = 0.080); read
 *   directly, 10 % of the population crossed some value.
 * - `chisquare` — Cramér's V ≥ 0.1: on the 2×k table of reference vs current V equals
 *   Cohen's w, whose "small" is 0.1 (a 50/50 binary column moving to 60/40 gives V = 0.1).
 * - `z` — Cohen's h ≥ 0.2, Cohen's "small" for two proportions (0.5 → 0.6 is h = 0.20).
 * - `t_test` — Cohen's d ≥ 0.2, Cohen's "small".
 * - `mannw` — rank-biserial r ≥ 0.1: r = 2·AUC − 1, and Cohen's d = 0.2 between two normals
 *   gives AUC = Φ(0.2/√2) = 0.556, r = 0.112; 0.1 rounds it down.
 *
 * @example
 * minEffectSizes.get('ks'); // 0.1
 */
export const minEffectSizes: ReadonlyMap<string, number> = new Map([
  ['ks', 0.1],
  ['chisquare', 0.1],
  ['z', 0.2],
  ['t_test', 0.2],
  ['mannw', 0.1],
]);
