/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method (Jacobi 1846;
 * Golub & Van Loan, "Matrix Computations", §8.5; rotation formulas as in Numerical Recipes'
 * `jacobi`). Slower than Householder + QL for large n but simple, and it reaches high relative
 * accuracy: sweeps continue until every off-diagonal entry is negligible next to its two
 * diagonal entries, which is what keeps small eigenvalues of a covariance matrix exact.
 */
import { TendInputError } from '../errors.js';

/** Eigenvalues (descending) and the matching unit eigenvectors. */
export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** `vectors[k]` is the unit eigenvector of `values[k]`. */
  vectors: Float64Array[];
  /** Jacobi sweeps used. */
  sweeps: number;
}

const EPS = 2.220446049250313e-16;
const MAX_SWEEPS = 100;

/**
 * Eigenvalues and eigenvectors of the symmetric n×n matrix `a` (row-major, length n²; only
 * symmetry within 1e-12 relative is accepted). Eigenvector signs are arbitrary, as in LAPACK.
 *
 * @example
 * symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values; // Float64Array [3, 1]
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  const fn = 'symmetricEigen';
  if (!(Number.isInteger(n) && n >= 1) || a.length !== n * n) {
    throw new TendInputError(
      fn,
      'a',
      'length_mismatch',
      `must hold n² = ${n * n} values, got ${a.length}`,
    );
  }
  const m = Float64Array.from(a);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = m[i * n + j];
      const y = m[j * n + i];
      if (!Number.isFinite(x)) {
        throw new TendInputError(
          fn,
          'a',
          'not_finite',
          `[${i}][${j}] is ${x}; values must be finite`,
        );
      }
      if (j > i && Math.abs(x - y) > 1e-12 * Math.max(Math.abs(x), Math.abs(y), 1e-300)) {
        throw new TendInputError(
          fn,
          'a',
          'invalid_type',
          `is not symmetric: [${i}][${j}] = ${x} but [${j}][${i}] = ${y}`,
        );
      }
    }
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let sweeps = 0;
  for (; sweeps < MAX_SWEEPS; sweeps++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        const app = m[p * n + p];
        const aqq = m[q * n + q];
        // Negligible next to both diagonal entries (the relative-accuracy criterion of
        // Demmel & Veselić 1992), or exactly zero: no rotation.
        if (apq === 0 || Math.abs(apq) <= EPS * Math.sqrt(Math.abs(app * aqq)) * 0.5) {
          m[p * n + q] = 0;
          m[q * n + p] = 0;
          continue;
        }
        rotated = true;
        const theta = (aqq - app) / (2 * apq);
        const t =
          Math.abs(theta) > 1e150
            ? 1 / (2 * theta)
            : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        const tau = s / (1 + c);
        m[p * n + p] = app - t * apq;
        m[q * n + q] = aqq + t * apq;
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r !== p && r !== q) {
            const arp = m[r * n + p];
            const arq = m[r * n + q];
            const np = arp - s * (arq + tau * arp);
            const nq = arq + s * (arp - tau * arq);
            m[r * n + p] = np;
            m[p * n + r] = np;
            m[r * n + q] = nq;
            m[q * n + r] = nq;
          }
          const vrp = v[r * n + p];
          const vrq = v[r * n + q];
          v[r * n + p] = vrp - s * (vrq + tau * vrp);
          v[r * n + q] = vrq + s * (vrp - tau * vrq);
        }
      }
    }
    if (!rotated) break;
  }
  if (sweeps === MAX_SWEEPS) {
    throw new TendInputError(
      fn,
      'a',
      'invalid_state',
      `did not converge in ${MAX_SWEEPS} Jacobi sweeps`,
    );
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => m[j * n + j] - m[i * n + i] || i - j,
  );
  const values = Float64Array.from(order, (i) => m[i * n + i]);
  const vectors = order.map((k) => {
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = v[r * n + k];
    return out;
  });
  return { values, vectors, sweeps };
}
