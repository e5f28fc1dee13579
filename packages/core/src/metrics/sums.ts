/**
 * Sums as NumPy computes them, so averages agree with scikit-learn to the last bits: `np.sum`
 * adds in blocks of 8192 and, within a block, pairwise with an 8-way unrolled base case
 * (numpy/core/src/umath/loops_utils.h). A plain running sum would drift by up to n·ε.
 */

function pairwise(a: ArrayLike<number>, lo: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[lo + i];
    return res;
  }
  if (n <= 128) {
    const r = [a[lo], a[lo + 1], a[lo + 2], a[lo + 3], a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[lo + i + j];
    let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) res += a[lo + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
}

/** `np.sum(a)` for a 1-D float64 array, bit for bit. */
export function npSum(a: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < a.length; i += 8192) total += pairwise(a, i, Math.min(8192, a.length - i));
  return total;
}

/** `np.average(a, weights=w)`: Σ a·w / Σ w, or the mean when `w` is undefined. */
export function npAverage(a: ArrayLike<number>, w?: ArrayLike<number>): number {
  if (w === undefined) return npSum(a) / a.length;
  const prod = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) prod[i] = a[i] * w[i];
  return npSum(prod) / npSum(w);
}

/** `np.cumsum(a)`: a running sum (NumPy's cumsum is sequential, not pairwise). */
export function cumsum(a: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
    out[i] = s;
  }
  return out;
}
