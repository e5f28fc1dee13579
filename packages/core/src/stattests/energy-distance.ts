/**
 * Energy distance between two samples, as `scipy.stats.energy_distance` (unweighted).
 */
import { type NumericInput, toSortedSample } from '../validate.js';
import { cdfIntegral } from './wasserstein-distance.js';

/**
 * Energy distance between the empirical distributions of `u` and `v`:
 * D = (2E|X − Y| − E|X − X′| − E|Y − Y′|)^½, which in one dimension equals
 * √2 · (∫ (F_u(t) − F_v(t))² dt)^½ (Székely & Rizzo 2013; Rizzo & Székely 2016).
 * O(n log n) by sorting and one merge walk over the two CDFs.
 *
 * @example
 * energyDistance([0, 1], [2, 3]); // 1.7320508075688772 (√3)
 */
export function energyDistance(u: NumericInput, v: NumericInput): number {
  const fn = 'energyDistance';
  const a = toSortedSample(fn, 'u', u);
  const b = toSortedSample(fn, 'v', v);
  return Math.SQRT2 * Math.sqrt(cdfIntegral(a, b, 2));
}
