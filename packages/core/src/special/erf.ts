/**
 * Error function family: erf, erfc and the scaled erfcx(x) = e^(x²)·erfc(x), by W. J. Cody's
 * rational Chebyshev approximations ("Rational Chebyshev approximations for the error
 * function", Math. Comp. 23, 1969, 631–638; coefficients of his CALERF, netlib specfun),
 * with e^(−x²) split as e^(−h²)·e^(−(x−h)(x+h)), h = ⌊16x⌋/16, so erfc keeps full relative
 * accuracy down to its underflow near x = 26.6.
 */

const INV_SQRT_PI = 0.5641895835477563;

// erf on |x| ≤ 0.46875: x·A(x²)/B(x²), coefficients highest degree first.
const A = [
  0.18577770618460315, 3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694,
];
const B = [1, 23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
// erfcx on 0.46875 < x ≤ 4: C(x)/D(x).
const C = [
  2.1531153547440383e-8, 0.5641884969886701, 8.883149794388377, 66.11919063714163,
  298.6351381974001, 881.952221241769, 1712.0476126340707, 2051.0783778260716, 1230.3393547979972,
];
const D = [
  1, 15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903,
  3290.7992357334597, 4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
// erfcx on x > 4: (1/√π − z·P(z)/Q(z)) / x with z = 1/x².
const P = [
  0.016315387137302097, 0.30532663496123236, 0.36034489994980445, 0.12578172611122926,
  0.016083785148742275, 0.0006587491615298378,
];
const Q = [
  1, 2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132,
  0.0023352049762686918,
];

function horner(c: readonly number[], x: number): number {
  let s = c[0];
  for (let i = 1; i < c.length; i++) s = s * x + c[i];
  return s;
}

/** erf(y)/y for 0 ≤ y ≤ 0.46875. */
function erfSmallRatio(y: number): number {
  const s = y * y;
  return horner(A, s) / horner(B, s);
}

/** erfcx(y) for y > 0.46875. */
function erfcxLarge(y: number): number {
  if (y <= 4) return horner(C, y) / horner(D, y);
  const z = 1 / (y * y);
  return (INV_SQRT_PI - (z * horner(P, z)) / horner(Q, z)) / y;
}

/** e^(−y²) with y² taken exactly in two pieces. */
function expMinusSquare(y: number): number {
  const h = Math.trunc(y * 16) / 16;
  return Math.exp(-h * h) * Math.exp(-(y - h) * (y + h));
}

/** erfc(y) for y > 0.46875. */
function erfcLarge(y: number): number {
  if (y >= 27.3) return 0;
  return expMinusSquare(y) * erfcxLarge(y);
}

/**
 * The error function erf(x) = (2/√π)·∫₀ˣ e^(−t²) dt (scipy.special.erf).
 *
 * @example
 * erf(0.5); // 0.5204998778130465
 */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return x * erfSmallRatio(y);
  if (Number.isNaN(x)) return x;
  const r = 1 - erfcLarge(y);
  return x < 0 ? -r : r;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms down
 * to its underflow (erfc(26) ≈ 5.66e-296) (scipy.special.erfc).
 *
 * @example
 * erfc(3); // 0.000022090496998585438
 */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - x * erfSmallRatio(y);
  if (Number.isNaN(x)) return x;
  const r = erfcLarge(y);
  return x < 0 ? 2 - r : r;
}

/**
 * The scaled complementary error function erfcx(x) = e^(x²)·erfc(x), finite for large x
 * where erfc underflows (≈ 1/(x√π)) (scipy.special.erfcx).
 *
 * @example
 * erfcx(30); // 0.01879588886141675
 */
export function erfcx(x: number): number {
  const y = Math.abs(x);
  if (Number.isNaN(x)) return x;
  let r: number;
  if (y <= 0.46875) r = Math.exp(y * y) * (1 - y * erfSmallRatio(y));
  else if (y >= 6.71e7) r = INV_SQRT_PI / y;
  else r = erfcxLarge(y);
  if (x >= 0 || y <= 0.46875) return x >= 0 ? r : Math.exp(y * y) * (1 + y * erfSmallRatio(y));
  const h = Math.trunc(y * 16) / 16;
  const e2 = Math.exp(h * h) * Math.exp((y - h) * (y + h));
  return 2 * e2 - r;
}
