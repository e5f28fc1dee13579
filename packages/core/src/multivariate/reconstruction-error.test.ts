/**
 * reconstructionError(s) against sklearn's `inverse_transform(transform(z))` mean squared
 * error on fixtures/multivariate.json, and the property the drift use rests on: changed
 * correlations raise the error while the same structure keeps it near the reference's.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { pca } from './pca.js';
import type { MultivariateFixture } from './pca.test.js';
import { reconstructionError, reconstructionErrors } from './reconstruction-error.js';

const fx = loadFixture<MultivariateFixture>('multivariate.json');
const TOL = { rel: 1e-9, abs: 1e-12 };

describe('reconstructionError agrees with sklearn', () => {
  for (const c of fx.pca) {
    it(c.name, () => {
      const m = pca(fx.datasets[c.reference], c.options);
      const per = reconstructionErrors(m, fx.datasets[c.current]);
      expect(per).toHaveLength(c.expected.currentErrors.length);
      // With every component kept the error is rounding noise; compare it absolutely.
      const tol = m.nComponents === m.nFeatures ? { rel: 0, abs: 1e-24 } : TOL;
      c.expected.currentErrors.forEach((v, i) => {
        expectClose(per[i], v, `row ${i}`, tol);
      });
      expectClose(
        reconstructionError(m, fx.datasets[c.current]),
        c.expected.currentError,
        'mean',
        tol,
      );
      expectClose(
        reconstructionError(m, fx.datasets[c.reference]),
        c.expected.referenceError,
        'reference',
        tol,
      );
    });
  }

  it('rises when the correlations change, not when the structure holds', () => {
    const m = pca(fx.datasets.six, { nComponents: 2 });
    const ref = reconstructionError(m, fx.datasets.six);
    const same = reconstructionError(m, fx.datasets.sixSame);
    const rotated = reconstructionError(m, fx.datasets.sixRotated);
    expect(same / ref).toBeLessThan(1.5);
    expect(rotated / ref).toBeGreaterThan(5);
  });

  it('matches its doc example and refuses the wrong width or NaN', () => {
    const m = pca(
      [
        [0, 0],
        [1, 1],
        [2, 2.1],
      ],
      { nComponents: 2 },
    );
    expect(reconstructionError(m, [[3, 3]])).toBeLessThan(1e-28);
    expect(() => reconstructionError(m, [[1, 2, 3]])).toThrow(TendInputError);
    expect(() => reconstructionErrors(m, [[1, Number.NaN]])).toThrow(
      'reconstructionErrors: x row 0, column 1 is NaN',
    );
  });
});
