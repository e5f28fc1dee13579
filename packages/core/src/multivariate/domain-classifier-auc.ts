/**
 * Multivariate drift by a domain classifier ("classifier two-sample test": Lopez-Paz &
 * Oquab, ICLR 2017; the "domain classifier" of Rabanser, Günnemann & Lipton, "Failing
 * Loudly", NeurIPS 2019; NannyML's DomainClassifierCalculator): label reference rows 0 and
 * current rows 1 and measure, by cross-validated ROC AUC, how well a classifier tells them
 * apart. 0.5 means the two samples are indistinguishable to the model; 1 means every current
 * row is recognisable. Here the classifier is L2 logistic regression on standardised columns,
 * so it sees shifts in means and linear structure; it misses purely non-linear changes.
 */
import { TendInputError } from '../errors.js';
import { rocAucScore } from '../metrics/index.js';
import { createRng } from '../random/xoshiro128.js';
import { checkNumberOption } from '../validate.js';
import { LogisticRegression } from './logistic-regression.js';
import { type Matrix, type MatrixInput, takeRows, toMatrix } from './matrix.js';
import { fitScaler, standardize } from './standard-scaler.js';
import { sampleIndices, stratifiedFolds } from './stratified-folds.js';

/** Options of {@link domainClassifierAuc}. */
export interface DomainClassifierOptions {
  /** Cross-validation folds, ≥ 2 (default 5). */
  folds?: number;
  /** Seed of the subsampling and the fold shuffle (default 0). */
  seed?: number;
  /** Rows kept per side; a larger side is subsampled at random with `seed` (default 20000). */
  maxRows?: number;
  /** Inverse L2 strength of the logistic regression (default 1, sklearn's). */
  C?: number;
}

/** Result of {@link domainClassifierAuc}. */
export interface DomainClassifierResult {
  /** ROC AUC of the out-of-fold scores of all rows: 0.5 = no drift the model can see. */
  rocAuc: number;
  folds: number;
  seed: number;
  /** ROC AUC within each fold's held-out rows. */
  perFold: number[];
  /** Rows used per side after subsampling. */
  rows: { reference: number; current: number };
}

/**
 * Cross-validated ROC AUC of a logistic regression telling `current` rows (label 1) from
 * `reference` rows (label 0). Each side is subsampled to `maxRows` (seeded); rows are dealt
 * to `folds` stratified folds (seeded shuffle); for each fold the columns are standardised
 * with the training rows' mean and standard deviation, the model is fitted on the training
 * rows and scores the held-out rows; the AUC (`rocAucScore`) of all out-of-fold scores is
 * the result. Missing values are refused (impute first). Same inputs and seed, same result.
 *
 * @example
 * domainClassifierAuc(reference, shiftedCurrent, { seed: 1 }).rocAuc; // ≈ 0.5 same data, → 1 drifted
 */
export function domainClassifierAuc(
  reference: MatrixInput,
  current: MatrixInput,
  options: DomainClassifierOptions = {},
): DomainClassifierResult {
  const fn = 'domainClassifierAuc';
  const folds = options.folds ?? 5;
  const seed = options.seed ?? 0;
  const maxRows = options.maxRows ?? 20000;
  checkNumberOption(fn, 'folds', folds, { min: 2, integer: true });
  checkNumberOption(fn, 'seed', seed, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
  checkNumberOption(fn, 'maxRows', maxRows, { min: folds, integer: true });
  const model = new LogisticRegression({ C: options.C ?? 1 });
  let ref = toMatrix(fn, 'reference', reference, folds);
  let cur = toMatrix(fn, 'current', current, folds);
  if (cur.cols !== ref.cols) {
    throw new TendInputError(
      fn,
      'current',
      'length_mismatch',
      `has ${cur.cols} columns but reference has ${ref.cols}`,
    );
  }
  const rng = createRng(seed);
  if (ref.rows > maxRows) ref = takeRows(ref, sampleIndices(ref.rows, maxRows, rng));
  if (cur.rows > maxRows) cur = takeRows(cur, sampleIndices(cur.rows, maxRows, rng));
  const p = ref.cols;
  const n = ref.rows + cur.rows;
  const all: Matrix = { rows: n, cols: p, data: new Float64Array(n * p) };
  all.data.set(ref.data);
  all.data.set(cur.data, ref.data.length);
  const y = new Float64Array(n).fill(1, ref.rows);
  const fold = stratifiedFolds(y, folds, rng);
  const scores = new Float64Array(n);
  const perFold: number[] = [];
  // Each fold's fit starts from the last one's optimum: the folds share most of their rows,
  // so Newton's method starts near the next optimum and reaches it in fewer iterations.
  let start: Float64Array | undefined;
  for (let f = 0; f < folds; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (fold[i] === f ? test : train).push(i);
    const trainRows = takeRows(all, train);
    const scaler = fitScaler(trainRows);
    model.fitMatrix(
      standardize(trainRows, scaler),
      Float64Array.from(train, (i) => y[i]),
      start,
    );
    start = Float64Array.of(...model.coef, model.intercept);
    const s = model.probaMatrix(standardize(takeRows(all, test), scaler));
    for (let r = 0; r < test.length; r++) scores[test[r]] = s[r];
    perFold.push(
      rocAucScore(
        test.map((i) => y[i]),
        s,
      ),
    );
  }
  return {
    rocAuc: rocAucScore(Array.from(y), scores),
    folds,
    seed,
    perFold,
    rows: { reference: ref.rows, current: cur.rows },
  };
}
