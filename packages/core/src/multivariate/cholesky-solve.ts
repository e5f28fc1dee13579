/** Solving A x = b for a symmetric positive-definite A by its Cholesky factor. */
import { TendInputError } from '../errors.js';

/**
 * x with A x = b, A symmetric positive definite (row-major n×n; only its lower triangle is
 * read). Throws when A is not numerically positive definite.
 *
 * @example
 * choleskySolve(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1), 2); // Float64Array [0.5, 0]
 */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) {
          throw new TendInputError(
            'choleskySolve',
            'a',
            'invalid_state',
            `is not positive definite (pivot ${i} is ${s})`,
          );
        }
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j];
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}
