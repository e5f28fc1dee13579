/**
 * symmetricEigen against numpy.linalg.eigh (LAPACK) on fixtures/multivariate.json, and the
 * identities A = V Λ Vᵀ, Vᵀ V = I. Bar: eigenvalues 1e-12 of the largest |λ|; eigenvectors
 * 1e-9 up to sign where the eigenvalue is simple.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { symmetricEigen } from './symmetric-eigen.js';

interface EigenCase {
  name: string;
  a: number[][];
  values: number[];
  vectors: number[][];
}
const fx = loadFixture<{ eigen: EigenCase[] }>('multivariate.json');

describe('symmetricEigen agrees with numpy.linalg.eigh', () => {
  for (const c of fx.eigen) {
    it(c.name, () => {
      const n = c.a.length;
      const r = symmetricEigen(c.a.flat(), n);
      const scale = Math.max(...c.values.map(Math.abs));
      c.values.forEach((v, k) => {
        expectClose(r.values[k], v, `value ${k}`, { rel: 1e-12, abs: 1e-12 * scale });
      });
      for (let k = 0; k < n; k++) {
        const simple = c.values.every(
          (v, j) => j === k || Math.abs(v - c.values[k]) > 1e-6 * scale,
        );
        if (!simple) continue;
        let dot = 0;
        for (let i = 0; i < n; i++) dot += r.vectors[k][i] * c.vectors[k][i];
        const sign = Math.sign(dot);
        for (let i = 0; i < n; i++) {
          expectClose(r.vectors[k][i], sign * c.vectors[k][i], `vector ${k}[${i}]`, {
            rel: 0,
            abs: 1e-9,
          });
        }
      }
      // A = V Λ Vᵀ and Vᵀ V = I, also for repeated eigenvalues.
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let a = 0;
          let id = 0;
          for (let k = 0; k < n; k++) {
            a += r.vectors[k][i] * r.values[k] * r.vectors[k][j];
            id += r.vectors[i][k] * r.vectors[j][k];
          }
          expect(Math.abs(a - c.a[i][j])).toBeLessThan(1e-12 * scale);
          expect(Math.abs(id - (i === j ? 1 : 0))).toBeLessThan(1e-13);
        }
      }
    });
  }

  it('matches its doc example and refuses non-symmetric or misshapen input', () => {
    expect(Array.from(symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values)).toEqual([3, 1]);
    expect(() => symmetricEigen([1, 2, 3, 4], 2)).toThrow(TendInputError);
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(TendInputError);
    expect(() => symmetricEigen([1, Number.NaN, Number.NaN, 1], 2)).toThrow(TendInputError);
  });
});
