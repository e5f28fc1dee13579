/**
 * First Wasserstein distance between two samples, as `scipy.stats.wasserstein_distance`
 * (unweighted), and Evidently's normed variant used for drift.
 */
import { type NumericInput, toSortedSample } from '../validate.js';

/**
 * ∫ |F_u(t) − F_v(t)|^p dt (p = 1 or 2) between the empirical CDFs of two ascending samples,
 * by one merge walk: between consecutive distinct pooled values w < w′ both CDFs are constant,
 * so the integral is Σ |F_u(w) − F_v(w)|^p · (w′ − w). O(n₁ + n₂) after sorting.
 *
 * @example
 * cdfIntegral(Float64Array.of(0, 1), Float64Array.of(2, 3), 1); // 2
 */
export function cdfIntegral(uSorted: Float64Array, vSorted: Float64Array, p: 1 | 2): number {
  const n1 = uSorted.length;
  const n2 = vSorted.length;
  let i = 0;
  let j = 0;
  let total = 0;
  let prev = Number.NaN;
  let prevDiff = 0;
  while (i < n1 || j < n2) {
    const w = j >= n2 || (i < n1 && uSorted[i] <= vSorted[j]) ? uSorted[i] : vSorted[j];
    if (i > 0 || j > 0) total += (p === 1 ? Math.abs(prevDiff) : prevDiff * prevDiff) * (w - prev);
    while (i < n1 && uSorted[i] === w) i++;
    while (j < n2 && vSorted[j] === w) j++;
    prevDiff = i / n1 - j / n2;
    prev = w;
  }
  return total;
}

/**
 * First Wasserstein (earth mover's) distance between the empirical distributions of `u`
 * and `v`: W₁ = ∫ |F_u(t) − F_v(t)| dt (Ramdas, García Trillos & Cuturi 2017, eq. 1).
 *
 * @example
 * wassersteinDistance([0, 1, 3], [5, 6, 8]); // 5
 */
export function wassersteinDistance(u: NumericInput, v: NumericInput): number {
  const fn = 'wassersteinDistance';
  const a = toSortedSample(fn, 'u', u);
  const b = toSortedSample(fn, 'v', v);
  return cdfIntegral(a, b, 1);
}

/**
 * Wasserstein distance divided by the population standard deviation (ddof = 0) of
 * `reference`, floored at 0.001 — Evidently's "wasserstein" drift test
 * (evidently/calculations/stattests/wasserstein_distance_norm.py:
 * `norm = max(np.std(reference_data), 0.001)`). So a constant reference (std 0) gives
 * W₁ / 0.001 = 1000·W₁: 0 when current equals it, a large value otherwise; never NaN.
 *
 * @example
 * wassersteinDistanceNormed([0, 2], [1, 3]); // 1
 */
export function wassersteinDistanceNormed(reference: NumericInput, current: NumericInput): number {
  const fn = 'wassersteinDistanceNormed';
  const a = toSortedSample(fn, 'reference', reference);
  const b = toSortedSample(fn, 'current', current);
  const n = a.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += a[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] - mean;
    ss += d * d;
  }
  const norm = Math.max(Math.sqrt(ss / n), 0.001);
  return cdfIntegral(a, b, 1) / norm;
}
