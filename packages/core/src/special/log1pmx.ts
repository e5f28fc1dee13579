/**
 * log(1 + t) − t without cancellation near t = 0, the building block of every prefactor of
 * the form x^a·e^(−x) (incomplete gamma) and x^a·(1−x)^b (incomplete beta) at large a, b.
 */

/**
 * log(1 + t) − t, accurate to a few ulps for every t > −1.
 *
 * For |t| < 0.5 it uses log(1+t) = 2·atanh(u) with u = t/(2+t), so that
 * log1pmx(t) = −t·u + 2·Σ_{k≥1} u^(2k+1)/(2k+1), a series in u² ≤ 1/9 with no cancellation.
 *
 * @example
 * log1pmx(1e-3); // -4.996669164668332e-7
 */
export function log1pmx(t: number): number {
  if (!(Math.abs(t) < 0.5)) return Math.log1p(t) - t;
  const u = t / (2 + t);
  const u2 = u * u;
  let power = u * u2;
  let sum = 0;
  for (let k = 3; k < 200; k += 2) {
    const term = power / k;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
    power *= u2;
  }
  return -t * u + 2 * sum;
}
