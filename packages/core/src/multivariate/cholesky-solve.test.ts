import { describe, expect, it } from 'vitest';
import { TendInputError } from '../errors.js';
import { choleskySolve } from './cholesky-solve.js';

describe('choleskySolve', () => {
  it('solves its doc example and a 3×3 system', () => {
    expect(
      Array.from(choleskySolve(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1), 2)),
    ).toEqual([0.5, 0]);
    const a = Float64Array.of(6, 2, 1, 2, 5, 2, 1, 2, 4);
    const x = Float64Array.of(1, -2, 3);
    const b = Float64Array.from(
      [0, 1, 2],
      (i) => a[i * 3] * x[0] + a[i * 3 + 1] * x[1] + a[i * 3 + 2] * x[2],
    );
    choleskySolve(a, b, 3).forEach((v, i) => {
      expect(v).toBeCloseTo(x[i], 14);
    });
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => choleskySolve(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 1), 2)).toThrow(
      TendInputError,
    );
  });
});
