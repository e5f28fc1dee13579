/**
 * Modified Bessel function of the second kind K_v(x) for real order v and x > 0, and its
 * scaled form e^x·K_v(x). The order is split as v = μ + m with |μ| ≤ ½; K_μ and K_{μ+1} come
 * from Temme's series for x < 2 (N. M. Temme, "On the numerical evaluation of the modified
 * Bessel function of the third kind", J. Comput. Phys. 19, 1975) and from Steed's continued
 * fraction CF2 for x ≥ 2 (Numerical Recipes §6.7, bessik), then the recurrence
 * K_{ν+1} = (2ν/x)·K_ν + K_{ν−1}, stable upward, lifts the order to v.
 */

/** Taylor coefficients d_k of 1/Γ(1 + z) (A&S 6.1.34, recomputed to double precision). */
const RGAMMA = [
  1.0, 0.5772156649015329, -0.6558780715202539, -0.04200263503409524, 0.16653861138229148,
  -0.04219773455554433, -0.009621971527876973, 0.0072189432466631, -0.0011651675918590652,
  -0.00021524167411495098, 0.0001280502823881162, -2.013485478078824e-5, -1.2504934821426706e-6,
  1.133027231981696e-6, -2.056338416977607e-7, 6.116095104481416e-9, 5.002007644469223e-9,
  -1.18127457048702e-9, 1.0434267116911005e-10, 7.782263439905071e-12, -3.696805618642206e-12,
  5.100370287454476e-13, -2.0583260535665066e-14, -5.348122539423018e-15, 1.2267786282382608e-15,
  -1.1812593016974588e-16, 1.1866922547516004e-18, 1.4123806553180319e-18, -2.29874568443537e-19,
];

const EPS = 1e-17;

/**
 * Temme's gam1 = (1/Γ(1−μ) − 1/Γ(1+μ))/(2μ) and gam2 = (1/Γ(1−μ) + 1/Γ(1+μ))/2, as the odd
 * and even parts of the series of 1/Γ(1+z), so neither cancels as μ → 0.
 */
function temmeGammas(mu: number): [number, number] {
  const m2 = mu * mu;
  let odd = 0;
  let even = 0;
  for (let k = RGAMMA.length - 1; k >= 0; k--) {
    if (k % 2 === 1) odd = odd * m2 + RGAMMA[k];
    else even = even * m2 + RGAMMA[k];
  }
  return [-odd, even];
}

/** [K_μ(x), K_{μ+1}(x)] for |μ| ≤ ½ and 0 < x < 2, by Temme's series. */
function temme(mu: number, x: number): [number, number] {
  const x2 = 0.5 * x;
  const pimu = Math.PI * mu;
  const fact = Math.abs(pimu) < 1e-12 ? 1 : pimu / Math.sin(pimu);
  const d = -Math.log(x2);
  let e = mu * d;
  const fact2 = Math.abs(e) < 1e-8 ? 1 + (e * e) / 6 : Math.sinh(e) / e;
  const [gam1, gam2] = temmeGammas(mu);
  const gampl = gam2 - mu * gam1; // 1/Γ(1+μ)
  const gammi = gam2 + mu * gam1; // 1/Γ(1−μ)
  let ff = fact * (gam1 * Math.cosh(e) + gam2 * fact2 * d);
  let sum = ff;
  e = Math.exp(e);
  let p = (0.5 * e) / gampl;
  let q = 0.5 / (e * gammi);
  let c = 1;
  const dd = x2 * x2;
  let sum1 = p;
  const mu2 = mu * mu;
  for (let i = 1; i < 500; i++) {
    ff = (i * ff + p + q) / (i * i - mu2);
    c *= dd / i;
    p /= i - mu;
    q /= i + mu;
    const del = c * ff;
    sum += del;
    sum1 += c * (p - i * ff);
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  return [sum, (sum1 * 2) / x];
}

/** [e^x·K_μ(x), e^x·K_{μ+1}(x)] for |μ| ≤ ½ and x ≥ 2, by Steed's method for CF2. */
function steed(mu: number, x: number): [number, number] {
  const a1 = 0.25 - mu * mu;
  let b = 2 * (1 + x);
  let d = 1 / b;
  let delh = d;
  let h = d;
  let q1 = 0;
  let q2 = 1;
  let q = a1;
  let c = a1;
  let a = -a1;
  let s = 1 + q * delh;
  for (let i = 1; i < 100_000; i++) {
    a -= 2 * i;
    c = (-a * c) / (i + 1);
    const qnew = (q1 - b * q2) / a;
    q1 = q2;
    q2 = qnew;
    q += c * qnew;
    b += 2;
    d = 1 / (b + a * d);
    delh = (b * d - 1) * delh;
    h += delh;
    const dels = q * delh;
    s += dels;
    if (Math.abs(dels / s) < EPS) break;
  }
  h *= a1;
  const kmu = Math.sqrt(Math.PI / (2 * x)) / s;
  return [kmu, (kmu * (mu + x + 0.5 - h)) / x];
}

/** e^(scaled ? x : 0)·K_v(x) for v ≥ 0, x > 0 finite. */
function besselK(v: number, x: number, scaled: boolean): number {
  const m = Math.floor(v + 0.5);
  const mu = v - m;
  let k0: number;
  let k1: number;
  if (x < 2) {
    [k0, k1] = temme(mu, x);
    if (scaled) {
      const ex = Math.exp(x);
      k0 *= ex;
      k1 *= ex;
    }
  } else {
    [k0, k1] = steed(mu, x);
    if (!scaled) {
      // e^x·K → K
      if (x < 700) {
        const ex = Math.exp(-x);
        k0 *= ex;
        k1 *= ex;
      } else {
        const half = Math.exp(-x / 2); // e^(−x) alone would be subnormal and lose digits
        k0 = k0 * half * half;
        k1 = k1 * half * half;
      }
    }
  }
  const twoOverX = 2 / x;
  for (let i = 1; i <= m; i++) {
    const next = (mu + i) * twoOverX * k1 + k0;
    k0 = k1;
    k1 = next;
    if (!Number.isFinite(k0)) return Number.POSITIVE_INFINITY;
  }
  return k0;
}

/**
 * Modified Bessel function of the second kind of real order, K_v(x) (scipy.special.kv).
 * K_{−v} = K_v; +∞ at x = 0, NaN for x < 0, 0 at x = +∞.
 *
 * @example
 * kv(0.25, 1); // 0.43073977444858563
 */
export function kv(v: number, x: number): number {
  if (Number.isNaN(v) || Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.POSITIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (!Number.isFinite(v)) return Number.POSITIVE_INFINITY;
  return besselK(Math.abs(v), x, false);
}

/**
 * Exponentially scaled K_v(x)·e^x (scipy.special.kve), finite for large x where K_v
 * underflows.
 *
 * @example
 * kve(0.25, 1000); // 0.03962955938660564
 */
export function kve(v: number, x: number): number {
  if (Number.isNaN(v) || Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.POSITIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (!Number.isFinite(v)) return Number.POSITIVE_INFINITY;
  return besselK(Math.abs(v), x, true);
}
