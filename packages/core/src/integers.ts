/** Small integer helpers shared by the exact (lattice-path) tests. */

/**
 * Greatest common divisor of two non-negative integers (Euclid).
 *
 * @example
 * gcd(12, 18); // 6
 */
export function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * Least common multiple of two positive integers, divided before multiplying to stay exact.
 *
 * @example
 * lcm(4, 6); // 12
 */
export function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/**
 * NumPy's `round`: the nearest integer, halves to the even neighbour.
 *
 * @example
 * roundHalfEven(2.5); // 2
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
