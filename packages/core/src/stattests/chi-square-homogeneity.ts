/**
 * Pearson's chi-square test of homogeneity of two categorical samples, as
 * `scipy.stats.chi2_contingency` computes it on their 2×k table of counts.
 */
import { chi2 } from '../distributions/chi2.js';
import { TendInputError } from '../errors.js';
import { alignCounts, type CategoricalInput, type Category } from './categories.js';

/** Options of {@link chiSquareHomogeneity}. */
export interface ChiSquareHomogeneityOptions {
  /** Yates' continuity correction when dof = 1, i.e. two categories (default true, SciPy's). */
  correction?: boolean;
}

/** Result of {@link chiSquareHomogeneity}. */
export interface ChiSquareHomogeneityResult {
  /** Pearson's X² = Σ (O − E)²/E over the 2×k table (Yates-corrected when applied). */
  statistic: number;
  /** P(χ²_dof ≥ X²); 1 when dof = 0. */
  pValue: number;
  /** Degrees of freedom k − 1. */
  dof: number;
  /**
   * The k categories, columns of the table: those present in either sample, in the order of
   * `alignCounts`.
   */
  categories: Category[];
  /** Expected counts under homogeneity, rows [reference, current] (SciPy's `expected_freq`). */
  expected: [Float64Array, Float64Array];
}

/**
 * Chi-square test that two categorical samples come from one distribution: the 2×k table
 * O = [reference counts; current counts] over the union of categories, expected counts
 * E_ij = rowᵢ·colⱼ/N, X² = Σ (O − E)²/E, p = P(χ²_{k−1} ≥ X²) (Pearson, 1900). As
 * `scipy.stats.chi2_contingency(O, correction)`: with two categories (dof = 1) and `correction`,
 * Yates' correction moves each O toward E by min(0.5, |O − E|); with one category (dof = 0)
 * the statistic is 0 and the p-value 1. A category whose count is 0 in both samples (possible
 * with count maps) is dropped before the table is built, where SciPy would refuse its zero
 * expected count: it carries no evidence, and it does not count towards dof.
 *
 * @example
 * chiSquareHomogeneity(['a', 'a', 'b'], ['b', 'b', 'b', 'a'], { correction: false }).statistic; // 1.2152777777777777
 */
export function chiSquareHomogeneity(
  reference: CategoricalInput,
  current: CategoricalInput,
  { correction = true }: ChiSquareHomogeneityOptions = {},
): ChiSquareHomogeneityResult {
  const fn = 'chiSquareHomogeneity';
  if (typeof correction !== 'boolean') {
    throw new TendInputError(
      fn,
      'correction',
      'invalid_option',
      `is ${String(correction)}; expected a boolean`,
    );
  }
  const aligned = alignCounts(reference, current, fn);
  // Drop the categories absent from both samples (zero columns of the table).
  const keep: number[] = [];
  for (let j = 0; j < aligned.categories.length; j++) {
    if (aligned.reference[j] + aligned.current[j] > 0) keep.push(j);
  }
  const categories = keep.map((j) => aligned.categories[j]);
  const r = Float64Array.from(keep, (j) => aligned.reference[j]);
  const c = Float64Array.from(keep, (j) => aligned.current[j]);
  const k = categories.length;
  let nRef = 0;
  let nCur = 0;
  for (let j = 0; j < k; j++) {
    nRef += r[j];
    nCur += c[j];
  }
  const total = nRef + nCur;
  const eRef = new Float64Array(k);
  const eCur = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const col = r[j] + c[j];
    eRef[j] = (nRef * col) / total;
    eCur[j] = (nCur * col) / total;
  }
  const dof = k - 1;
  const expected: [Float64Array, Float64Array] = [eRef, eCur];
  if (dof === 0) return { statistic: 0, pValue: 1, dof, categories, expected };
  const yates = dof === 1 && correction;
  let statistic = 0;
  // Reference row then current row, the order in which SciPy sums the flattened table.
  for (let row = 0; row < 2; row++) {
    const o = row === 0 ? r : c;
    const e = row === 0 ? eRef : eCur;
    for (let j = 0; j < k; j++) {
      let obs = o[j];
      if (yates) {
        const diff = e[j] - obs;
        obs += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      const d = obs - e[j];
      statistic += (d * d) / e[j];
    }
  }
  return { statistic, pValue: chi2.sf(statistic, dof), dof, categories, expected };
}
