/**
 * Multivariate drift of the numerical features: a domain classifier (can a model tell
 * current rows from reference rows?) and PCA reconstruction error (do current rows still lie
 * where the reference's main directions of variation predict?). Rows with a missing value in
 * any of these columns are left out; each side is subsampled (seeded) to keep this fast.
 */
import { createRng, domainClassifierAuc, pca, reconstructionErrors } from '@tend/core';
import type { Frame, NumericColumn } from '../io/frame.js';
import type { MultivariateDrift } from './report-types.js';

/** AUC at or above which the domain classifier calls drift (0.5: indistinguishable). */
export const DOMAIN_CLASSIFIER_THRESHOLD = 0.55;
/** Share of variance the PCA keeps, NannyML's default for data reconstruction. */
const PCA_VARIANCE = 0.65;
/** Standard errors above the reference's mean error that count as drift (NannyML's 3σ). */
const SIGMAS = 3;
/**
 * Rows per side fed to the multivariate methods: enough to see an AUC of 0.55 (its standard
 * error at 10 000 rows a side is about 0.004), and the logistic fits stay fast.
 */
const MAX_ROWS = 10000;

/** Complete rows of the named numerical columns, a seeded sample of at most `max`. */
function completeRows(frame: Frame, names: string[], max: number, seed: number): Float64Array[] {
  const columns = names.map((n) => frame.columns.find((c) => c.name === n) as NumericColumn);
  // A row is complete when no column has NaN in it: mark the incomplete ones column by column.
  const incomplete = new Uint8Array(frame.rowCount);
  for (const { values } of columns) {
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) incomplete[i] = 1;
  }
  const keep: number[] = [];
  for (let i = 0; i < frame.rowCount; i++) if (incomplete[i] === 0) keep.push(i);
  if (keep.length > max) {
    // Partial Fisher–Yates: a uniform sample of `max` rows, then back in file order.
    const rng = createRng(seed);
    for (let i = 0; i < max; i++) {
      const j = i + rng.nextInt(keep.length - i);
      [keep[i], keep[j]] = [keep[j], keep[i]];
    }
    keep.length = max;
    keep.sort((a, b) => a - b);
  }
  return keep.map((i) => Float64Array.from(columns, (c) => c.values[i]));
}

/**
 * Both multivariate measures on the numerical feature columns `names`, or undefined when
 * fewer than two columns or too few complete rows make them meaningless.
 *
 * @example
 * multivariateDrift(ref, cur, ['age', 'income', 'tenure'], 0)?.domainClassifier?.rocAuc; // 0.51
 */
export function multivariateDrift(
  reference: Frame,
  current: Frame,
  names: string[],
  seed: number,
): MultivariateDrift | undefined {
  if (names.length < 2) return undefined;
  const ref = completeRows(reference, names, MAX_ROWS, seed);
  const cur = completeRows(current, names, MAX_ROWS, seed + 1);
  if (ref.length < 20 || cur.length < 20) return undefined;
  const out: MultivariateDrift = {};
  const folds = 5;
  const dc = domainClassifierAuc(ref, cur, { folds, seed, maxRows: MAX_ROWS });
  out.domainClassifier = {
    rocAuc: dc.rocAuc,
    folds,
    seed,
    threshold: DOMAIN_CLASSIFIER_THRESHOLD,
    drifted: dc.rocAuc >= DOMAIN_CLASSIFIER_THRESHOLD,
  };
  const model = pca(ref, { varianceRatio: PCA_VARIANCE });
  // Keeping every component reconstructs any row exactly: the error is rounding noise and
  // says nothing, so the measure is left out.
  if (model.nComponents >= names.length) return out;
  const refErrors = reconstructionErrors(model, ref);
  const curErrors = reconstructionErrors(model, cur);
  const mean = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const referenceError = mean(refErrors);
  const currentError = mean(curErrors);
  let ss = 0;
  for (const e of refErrors) ss += (e - referenceError) ** 2;
  const sd = Math.sqrt(ss / (refErrors.length - 1));
  const threshold = referenceError + (SIGMAS * sd) / Math.sqrt(curErrors.length);
  out.pcaReconstruction = {
    components: model.nComponents,
    referenceError,
    currentError,
    relativeChange: referenceError === 0 ? 0 : currentError / referenceError - 1,
    threshold,
    drifted: currentError > threshold,
  };
  return out;
}
