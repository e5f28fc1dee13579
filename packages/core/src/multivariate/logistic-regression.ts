/**
 * Binary logistic regression with an L2 penalty and an unpenalised intercept, the model of
 * scikit-learn's `LogisticRegression(penalty='l2', C=1.0)` (solver lbfgs): it minimises
 *
 *   Σᵢ [log(1 + e^{zᵢ}) − yᵢ zᵢ] + ‖w‖² / (2C),   zᵢ = xᵢ·w + b.
 *
 * The objective is strictly convex, so its minimiser is unique and any solver that converges
 * finds sklearn's coefficients; this one uses Newton's method (IRLS) with a backtracking line
 * search, which converges quadratically and stops at the optimum to rounding.
 */
import { TendInputError } from '../errors.js';
import { checkNumberOption, toSample } from '../validate.js';
import { choleskySolve } from './cholesky-solve.js';
import { checkColumns, type Matrix, type MatrixInput, toMatrix } from './matrix.js';

/** Options of {@link LogisticRegression}. */
export interface LogisticRegressionOptions {
  /** Inverse regularisation strength, > 0 (default 1, sklearn's). */
  C?: number;
  /** Newton iterations allowed before giving up (default 100). */
  maxIter?: number;
}

/** log(1 + eˣ) without overflow. */
function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** 1 / (1 + e^−x) without overflow. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * Σᵢ [log(1 + e^{zᵢ}) − yᵢ zᵢ] + λ‖w‖²/2 at `th` (weights, then the intercept), leaving each
 * row's zᵢ in `z`. A function of its own so the engine optimises its loop on its own.
 */
function penalisedLoss(
  data: Float64Array,
  y: Float64Array,
  n: number,
  p: number,
  th: Float64Array,
  z: Float64Array,
  lambda: number,
): number {
  let f = 0;
  for (let i = 0; i < n; i++) {
    let s = th[p];
    for (let j = 0; j < p; j++) s += data[i * p + j] * th[j];
    z[i] = s;
    f += log1pExp(s) - y[i] * s;
  }
  let w2 = 0;
  for (let j = 0; j < p; j++) w2 += th[j] * th[j];
  return f + 0.5 * lambda * w2;
}

/**
 * The loss's gradient `g` and the lower triangle of its Hessian `h` (d × d, d = p + 1) at the
 * z of each row, without the penalty; `row` is scratch of length d whose last entry is 1.
 */
function gradientAndHessian(
  data: Float64Array,
  y: Float64Array,
  z: Float64Array,
  n: number,
  p: number,
  g: Float64Array,
  h: Float64Array,
  row: Float64Array,
): void {
  const d = p + 1;
  g.fill(0);
  h.fill(0);
  for (let i = 0; i < n; i++) {
    const mu = sigmoid(z[i]);
    const r = mu - y[i];
    const s = mu * (1 - mu);
    for (let j = 0; j < p; j++) row[j] = data[i * p + j];
    for (let a = 0; a < d; a++) {
      g[a] += r * row[a];
      const sa = s * row[a];
      const base = a * d;
      for (let b = 0; b <= a; b++) h[base + b] += sa * row[b];
    }
  }
}

/**
 * L2-penalised binary logistic regression fitted by Newton's method to sklearn's optimum.
 *
 * @example
 * new LogisticRegression().fit([[0], [1], [2], [3]], [0, 0, 1, 1]).predictProba([[1.5]])[0]; // 0.5
 */
export class LogisticRegression {
  readonly C: number;
  readonly maxIter: number;
  /** Fitted weights, one per column (sklearn's `coef_[0]`). */
  coef: Float64Array = new Float64Array(0);
  /** Fitted intercept (sklearn's `intercept_[0]`). */
  intercept = 0;
  /** Newton iterations the fit took. */
  nIter = 0;

  constructor(options: LogisticRegressionOptions = {}) {
    const fn = 'LogisticRegression';
    this.C = options.C ?? 1;
    this.maxIter = options.maxIter ?? 100;
    checkNumberOption(fn, 'C', this.C, { min: 0, exclusiveMin: true });
    checkNumberOption(fn, 'maxIter', this.maxIter, { min: 1, integer: true });
  }

  /**
   * Fit on rows `x` (or `{ columns }`) and 0/1 targets `y` holding both classes.
   *
   * @example
   * new LogisticRegression().fit([[0], [1], [2], [3]], [0, 0, 1, 1]).coef[0]; // 0.958285951… (sklearn: 0.95828595)
   */
  fit(x: MatrixInput, y: ArrayLike<number>): this {
    const fn = 'LogisticRegression.fit';
    const m = toMatrix(fn, 'x', x);
    const t = toSample(fn, 'y', y);
    if (t.length !== m.rows) {
      throw new TendInputError(
        fn,
        'y',
        'length_mismatch',
        `has ${t.length} values but x has ${m.rows} rows`,
      );
    }
    let ones = 0;
    for (let i = 0; i < t.length; i++) {
      if (t[i] !== 0 && t[i] !== 1) {
        throw new TendInputError(
          fn,
          'y',
          'invalid_type',
          `[${i}] is ${t[i]}; targets must be 0 or 1`,
        );
      }
      ones += t[i];
    }
    if (ones === 0 || ones === t.length) {
      throw new TendInputError(
        fn,
        'y',
        'invalid_state',
        'holds only one class; both 0 and 1 are needed',
      );
    }
    this.fitMatrix(m, t);
    return this;
  }

  /**
   * Newton iterations on checked inputs (used directly by the domain classifier), from zero
   * or from `start` (weights then intercept): the objective is strictly convex, so the
   * optimum is the same from anywhere, and a start near it (the fit of a similar fold) takes
   * fewer iterations.
   */
  fitMatrix(m: Matrix, y: Float64Array, start?: Float64Array): this {
    const { rows: n, cols: p, data } = m;
    const d = p + 1; // weights then intercept
    const lambda = 1 / this.C;
    const theta = new Float64Array(d);
    if (start?.length === d) theta.set(start);
    const z = new Float64Array(n);
    const objective = (th: Float64Array): number => penalisedLoss(data, y, n, p, th, z, lambda);
    let f = objective(theta);
    const g = new Float64Array(d);
    const h = new Float64Array(d * d);
    const row = new Float64Array(d);
    row[p] = 1;
    for (let iter = 1; iter <= this.maxIter; iter++) {
      gradientAndHessian(data, y, z, n, p, g, h, row);
      for (let j = 0; j < p; j++) {
        g[j] += lambda * theta[j];
        h[j * d + j] += lambda;
      }
      const step = choleskySolve(h, g, d);
      // Backtracking: halve the Newton step until the objective does not rise.
      let alpha = 1;
      const next = new Float64Array(d);
      let fNext = f;
      for (let halving = 0; halving < 60; halving++) {
        for (let a = 0; a < d; a++) next[a] = theta[a] - alpha * step[a];
        fNext = objective(next);
        // Near the optimum f changes by rounding only; accept such a step.
        if (fNext <= f + 1e-14 * Math.abs(f)) break;
        alpha /= 2;
      }
      let moved = 0;
      let size = 1;
      for (let a = 0; a < d; a++) {
        moved = Math.max(moved, Math.abs(next[a] - theta[a]));
        size = Math.max(size, Math.abs(next[a]));
      }
      // The last objective evaluated was at `next`: its value and z stand for theta now.
      theta.set(next);
      f = fNext;
      this.nIter = iter;
      if (moved <= 1e-12 * size) {
        this.coef = theta.slice(0, p);
        this.intercept = theta[p];
        return this;
      }
    }
    throw new TendInputError(
      'LogisticRegression.fit',
      'maxIter',
      'invalid_state',
      `(${this.maxIter}) Newton iterations did not reach the optimum; raise maxIter`,
    );
  }

  /**
   * P(y = 1 | x) for each row (sklearn's `predict_proba(x)[:, 1]`).
   *
   * @example
   * model.predictProba([[1.5]]); // Float64Array [0.5]
   */
  predictProba(x: MatrixInput): Float64Array {
    if (this.coef.length === 0) {
      throw new TendInputError(
        'LogisticRegression.predictProba',
        'model',
        'invalid_state',
        'is not fitted; call fit first',
      );
    }
    const m = toMatrix('LogisticRegression.predictProba', 'x', x);
    checkColumns('LogisticRegression.predictProba', 'x', m, this.coef.length);
    return this.probaMatrix(m);
  }

  /** Probabilities of checked rows (used directly by the domain classifier). */
  probaMatrix(m: Matrix): Float64Array {
    const { rows: n, cols: p, data } = m;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = this.intercept;
      for (let j = 0; j < p; j++) s += data[i * p + j] * this.coef[j];
      out[i] = sigmoid(s);
    }
    return out;
  }
}
