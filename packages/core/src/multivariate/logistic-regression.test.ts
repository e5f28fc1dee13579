/**
 * LogisticRegression against scikit-learn 1.2's LogisticRegression(C, solver='newton-cholesky',
 * tol=1e-12) and SciPy's trust-exact minimiser of the same objective (fixtures/multivariate.json):
 * the optimum is unique, so coefficients must agree to 1e-8 relative whatever the solver.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { LogisticRegression } from './logistic-regression.js';

interface Fit {
  coef: number[];
  intercept: number;
  proba?: number[];
}
interface LrCase {
  name: string;
  x: number[][];
  y: number[];
  C: number;
  expected: { sklearn: Fit; scipyTrustExact: Fit };
}
const fx = loadFixture<{ logistic: LrCase[] }>('multivariate.json');

describe('LogisticRegression reaches sklearn’s optimum', () => {
  for (const c of fx.logistic) {
    it(c.name, () => {
      const m = new LogisticRegression({ C: c.C }).fit(c.x, c.y);
      const scale = Math.max(...c.expected.sklearn.coef.map(Math.abs), 1);
      const tol = { rel: 1e-8, abs: 1e-8 * scale };
      for (const [who, ref] of Object.entries(c.expected)) {
        ref.coef.forEach((v: number, j: number) => {
          expectClose(m.coef[j], v, `${who} coef[${j}]`, tol);
        });
        expectClose(m.intercept, ref.intercept, `${who} intercept`, tol);
      }
      const p = m.predictProba(c.x.slice(0, 20));
      c.expected.sklearn.proba!.forEach((v, i) => {
        expectClose(p[i], v, `proba[${i}]`, { rel: 1e-8, abs: 1e-12 });
      });
      expect(m.nIter).toBeLessThan(30);
    });
  }

  it('matches its doc example', () => {
    const m = new LogisticRegression().fit([[0], [1], [2], [3]], [0, 0, 1, 1]);
    expectClose(m.predictProba([[1.5]])[0], 0.5, 'p(1.5)', { rel: 1e-12 });
    expectClose(m.coef[0], 0.95828595, 'coef', { rel: 1e-8 });
  });

  it('refuses bad targets, options and an unfitted model', () => {
    const x = [[0], [1], [2]];
    expect(() => new LogisticRegression().fit(x, [0, 1, 2])).toThrow(
      'y [2] is 2; targets must be 0 or 1',
    );
    expect(() => new LogisticRegression().fit(x, [1, 1, 1])).toThrow('holds only one class');
    expect(() => new LogisticRegression().fit(x, [0, 1])).toThrow(TendInputError);
    expect(() => new LogisticRegression({ C: 0 })).toThrow(TendInputError);
    expect(() => new LogisticRegression().predictProba(x)).toThrow('is not fitted');
    const m = new LogisticRegression().fit(x, [0, 1, 1]);
    expect(() => m.predictProba([[1, 2]])).toThrow('has 2 columns but the model was fitted on 1');
  });
});
