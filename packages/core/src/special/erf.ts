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
  0.185777706184603153, 3.16112374387056560, 113.864154151050156, 377.485237685302021,
  3209.37758913846947,
];
const B = [1, 23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
// erfcx on 0.46875 < x ≤ 4: C(x)/D(x).
const C = [
  2.15311535474403846e-8, 0.564188496988670089, 8.88314979438837594, 66.1191906371416295,
  298.635138197400131, 881.95222124176909, 1712.04761263407058, 2051.07837782607147,
  1230.33935479799725,
];
const D = [
  1, 15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019,
  3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
// erfcx on x > 4: (1/√π − z·P(z)/Q(z)) / x with z = 1/x².
const P = [
  0.0163153871373020978, 0.305326634961232344, 0.360344899949804439, 0.125781726111229246,
  0.0160837851487422766, 6.58749161529837803e-4,
];
const Q = [1, 2.56852019228982242, 1.87295284992346047, 0.527905102951428412,
  0.0605183413124413191, 0.00233520497626869185];

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
 * erfc(3); // 2.209049699858544e-5
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
 * erfcx(30); // 0.018795888861416751
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
