/**
 * domainClassifierAuc by its properties (its folds come from Tend's seeded generator, so no
 * sklearn StratifiedKFold run can serve as a fixture): ≈ 0.5 when both samples come from one
 * distribution, > 0.9 on a clear shift, the same result for the same seed, seeded
 * subsampling, and refusals. Data are seeded Irwin–Hall normals from test/support/samples.ts.
 */
import { describe, expect, it } from 'vitest';
import { sample } from '../../test/support/samples.js';
import { TendInputError } from '../errors.js';
import { domainClassifierAuc } from './domain-classifier-auc.js';
import { pca } from './pca.js';
import { reconstructionError } from './reconstruction-error.js';

/** n rows of `means.length` independent normal columns, as { columns }. */
function normalTable(n: number, means: number[], seed: number): { columns: Float64Array[] } {
  return {
    columns: means.map((mean, j) =>
      sample({ kind: 'normal', n, seed: seed * 100 + j, mean, sd: 1 }),
    ),
  };
}

/** Two columns driven by one factor: x = s + e1, y = ±s + e2 (sign sets the correlation). */
function correlated(n: number, sign: 1 | -1, seed: number): { columns: Float64Array[] } {
  const s = sample({ kind: 'normal', n, seed, mean: 0, sd: 1 });
  const e1 = sample({ kind: 'normal', n, seed: seed + 1, mean: 0, sd: 0.3 });
  const e2 = sample({ kind: 'normal', n, seed: seed + 2, mean: 0, sd: 0.3 });
  return {
    columns: [s.map((v, i) => v + e1[i]), s.map((v, i) => sign * v + e2[i])],
  };
}

describe('domainClassifierAuc', () => {
  it('is ≈ 0.5 for two samples of one distribution', () => {
    // Out-of-fold AUC of n = 1500 per side has a null sd ≈ 0.011; the band is ±0.05.
    for (const seed of [0, 1, 2]) {
      const r = domainClassifierAuc(
        normalTable(1500, [0, 0, 0, 0], 1),
        normalTable(1500, [0, 0, 0, 0], 2),
        { seed },
      );
      expect(Math.abs(r.rocAuc - 0.5)).toBeLessThan(0.05);
      expect(r.perFold).toHaveLength(5);
      for (const a of r.perFold) expect(Math.abs(a - 0.5)).toBeLessThan(0.12);
    }
  });

  it('is > 0.9 on clearly shifted data and grows with the shift', () => {
    // Unit-variance normals shifted by δ: the best AUC is Φ(‖δ‖/√2), 0.584 for δ = (0.3, 0, 0)
    // and 0.943 for δ = (2, 1, 0); a linear model is the optimal classifier here.
    const ref = normalTable(1000, [0, 0, 0], 3);
    const small = domainClassifierAuc(ref, normalTable(1000, [0.3, 0, 0], 4)).rocAuc;
    const large = domainClassifierAuc(ref, normalTable(1000, [2, 1, 0], 4)).rocAuc;
    expect(small).toBeGreaterThan(0.53);
    expect(small).toBeLessThan(0.64);
    expect(large).toBeGreaterThan(0.9);
  });

  it('misses a pure change of correlation, which reconstruction error sees', () => {
    // A documented limit of a linear domain classifier: same marginals, opposite correlation.
    const ref = correlated(2000, 1, 10);
    const cur = correlated(2000, -1, 20);
    expect(Math.abs(domainClassifierAuc(ref, cur).rocAuc - 0.5)).toBeLessThan(0.05);
    const m = pca(ref, { nComponents: 1 });
    expect(reconstructionError(m, cur) / reconstructionError(m, ref)).toBeGreaterThan(10);
  });

  it('is deterministic for a seed and depends on it', () => {
    const ref = normalTable(400, [0, 0], 5);
    const cur = normalTable(400, [0.5, 0], 6);
    const a = domainClassifierAuc(ref, cur, { seed: 7 });
    const b = domainClassifierAuc(ref, cur, { seed: 7 });
    const c = domainClassifierAuc(ref, cur, { seed: 8 });
    expect(b).toEqual(a);
    expect(c.perFold).not.toEqual(a.perFold);
    expect(a.seed).toBe(7);
    expect(a.folds).toBe(5);
  });

  it('subsamples each side to maxRows, seeded', () => {
    const ref = normalTable(900, [0, 0], 11);
    const cur = normalTable(300, [1, 0], 12);
    const a = domainClassifierAuc(ref, cur, { maxRows: 200, folds: 4, seed: 3 });
    expect(a.rows).toEqual({ reference: 200, current: 200 });
    expect(a.perFold).toHaveLength(4);
    expect(domainClassifierAuc(ref, cur, { maxRows: 200, folds: 4, seed: 3 })).toEqual(a);
    expect(domainClassifierAuc(ref, cur).rows).toEqual({ reference: 900, current: 300 });
  });

  it('refuses bad inputs and options, naming them', () => {
    const ref = normalTable(20, [0, 0], 13);
    const cases: [() => unknown, string][] = [
      [() => domainClassifierAuc(ref, normalTable(20, [0], 14)), 'current'],
      [() => domainClassifierAuc(ref, normalTable(3, [0, 0], 14)), 'current'],
      [() => domainClassifierAuc(ref, ref, { folds: 1 }), 'folds'],
      [() => domainClassifierAuc(ref, ref, { seed: -1 }), 'seed'],
      [() => domainClassifierAuc(ref, ref, { maxRows: 3 }), 'maxRows'],
      [() => domainClassifierAuc([[1, Number.NaN]], ref), 'reference'],
    ];
    for (const [f, argument] of cases) {
      let error: unknown;
      try {
        f();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TendInputError);
      expect((error as TendInputError).argument).toBe(argument);
    }
    const rows = Array.from({ length: 10 }, () => [0, 1]);
    rows[7] = [0, Number.NaN];
    expect(() => domainClassifierAuc(rows, rows)).toThrow(
      'domainClassifierAuc: reference row 7, column 1 is NaN; values must be finite (impute missing values first)',
    );
  });
});
