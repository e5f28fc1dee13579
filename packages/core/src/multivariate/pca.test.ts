/**
 * pca against scikit-learn 1.2's StandardScaler + PCA(svd_solver='full') on
 * fixtures/multivariate.json (gen_multivariate.py): tall and wide data, a constant column,
 * nComponents and varianceRatio. Bars: scaler 1e-12, variances and their ratios 1e-9
 * relative (1e-12 absolute), components 1e-9 absolute including sklearn's sign.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import { type PcaOptions, pca, pcaTransform } from './pca.js';

export interface PcaCase {
  name: string;
  reference: string;
  current: string;
  options: PcaOptions;
  expected: {
    mean: number[];
    scale: number[];
    nComponents: number;
    explainedVariance: number[];
    explainedVarianceRatio: number[];
    components: number[][];
    currentErrors: number[];
    currentError: number;
    referenceError: number;
  };
}
export interface MultivariateFixture {
  datasets: Record<string, number[][]>;
  pca: PcaCase[];
}

const fx = loadFixture<MultivariateFixture>('multivariate.json');

function transpose(rows: number[][]): Float64Array[] {
  return rows[0].map((_, j) => Float64Array.from(rows, (r) => r[j]));
}

describe('pca agrees with sklearn StandardScaler + PCA', () => {
  for (const c of fx.pca) {
    it(c.name, () => {
      const e = c.expected;
      const m = pca(fx.datasets[c.reference], c.options);
      expect(m.nComponents).toBe(e.nComponents);
      const at = (xs: ArrayLike<number>, label: string, want: number[], tol: object) => {
        for (let j = 0; j < want.length; j++) expectClose(xs[j], want[j], `${label}[${j}]`, tol);
      };
      at(m.scaler.mean, 'mean', e.mean, { rel: 1e-12 });
      at(m.scaler.scale, 'scale', e.scale, { rel: 1e-12 });
      at(m.explainedVariance, 'explainedVariance', e.explainedVariance, { rel: 1e-9 });
      at(m.explainedVarianceRatio, 'ratio', e.explainedVarianceRatio, { rel: 1e-9 });
      for (let k = 0; k < e.components.length; k++) {
        at(m.components[k], `components[${k}]`, e.components[k], { rel: 0, abs: 1e-9 });
      }
    });
  }

  it('reads column-major input as the same table', () => {
    const rows = fx.datasets.six;
    const a = pca(rows, { nComponents: 3 });
    const b = pca({ columns: transpose(rows) }, { nComponents: 3 });
    expect(Array.from(b.explainedVarianceRatio)).toEqual(Array.from(a.explainedVarianceRatio));
    expect(b.components.map((v) => Array.from(v))).toEqual(a.components.map((v) => Array.from(v)));
  });

  it('matches its doc example and projects onto nComponents scores', () => {
    const m = pca([
      [1, 2],
      [2, 4.1],
      [3, 5.9],
      [4, 8.2],
    ]);
    expectClose(m.explainedVarianceRatio[0], 0.999496149, 'doc', { rel: 1e-9 });
    expect(m.explainedVarianceRatio.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
    const scores = pcaTransform(pca(fx.datasets.six, { nComponents: 2 }), fx.datasets.sixSame);
    expect(scores).toHaveLength(fx.datasets.sixSame.length);
    expect(scores[0]).toHaveLength(2);
  });

  it('refuses bad options and inputs with the argument named', () => {
    const rows = fx.datasets.six;
    const bad: [() => unknown, string][] = [
      [() => pca(rows, { nComponents: 7 }), 'nComponents'],
      [() => pca(rows, { nComponents: 0 }), 'nComponents'],
      [() => pca(rows, { nComponents: 2, varianceRatio: 0.5 }), 'nComponents'],
      [() => pca(rows, { varianceRatio: 1 }), 'varianceRatio'],
      [() => pca([[1, 2]]), 'x'],
      [() => pcaTransform(pca(rows), [[1, 2]]), 'x'],
    ];
    for (const [f, argument] of bad) {
      let error: unknown;
      try {
        f();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TendInputError);
      expect((error as TendInputError).argument).toBe(argument);
    }
  });
});
