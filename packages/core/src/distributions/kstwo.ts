/**
 * Exact distribution of the one-sample two-sided Kolmogorov–Smirnov statistic Dn
 * (`scipy.stats.kstwo`), choosing among Ruben–Gambino, the Durbin matrix, Pomeranz,
 * Pelz–Good and twice the one-sided Smirnov tail by n and d as Simard & L'Ecuyer (2011) do,
 * with SciPy's thresholds so the numbers agree with it in both tails.
 */
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';
import { clip01 } from './clip01.js';
import { smirnov } from './smirnov.js';

const E128 = 2 ** 128;
const EM128 = 2 ** -128;
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
/** B_2j/(2j(2j−1)) for j = 8…1: Stirling's series of log n!. */
const STIRLING = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

/** log(n!/n^n) by Stirling's series with n·log n taken out. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  const z = rn / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * z + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/** c = a·b for m×m row-major matrices. */
function matMul(a: Float64Array, b: Float64Array, c: Float64Array, m: number): void {
  c.fill(0);
  for (let i = 0; i < m; i++) {
    const ci = i * m;
    for (let k = 0; k < m; k++) {
      const aik = a[ci + k];
      if (aik === 0) continue;
      const bk = k * m;
      for (let j = 0; j < m; j++) c[ci + j] += aik * b[bk + j];
    }
  }
}

/**
 * P(Dn ≤ d) by Durbin's matrix: with d = (k − h)/n, P = n!/n^n · (H^n)_kk for the
 * (2k−1)×(2k−1) matrix H of Marsaglia, Tsang & Wang (2003), powered by squaring with
 * power-of-two rescaling.
 */
function durbinMatrix(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let hm = new Float64Array(m * m);
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) hm[r * m + i] = w[r - i + 1];
  for (let r = 0; r < m; r++) hm[r * m] = v[r];
  for (let c = 0; c < m; c++) hm[(m - 1) * m + c] = v[m - 1 - c];

  let pw = new Float64Array(m * m);
  for (let i = 0; i < m; i++) pw[i * m + i] = 1;
  let tmp = new Float64Array(m * m);
  const kk = (k - 1) * m + (k - 1);
  let expnt = 0;
  let hExpnt = 0;
  for (let nn = n; nn > 0; nn = Math.floor(nn / 2)) {
    if (nn % 2) {
      matMul(pw, hm, tmp, m);
      [pw, tmp] = [tmp, pw];
      expnt += hExpnt;
      if (Math.abs(pw[kk]) > E128) {
        for (let i = 0; i < m * m; i++) pw[i] *= EM128;
        expnt += 128;
      }
    }
    if (nn > 1) {
      matMul(hm, hm, tmp, m);
      [hm, tmp] = [tmp, hm];
      hExpnt *= 2;
      while (Math.abs(hm[kk]) > E128) {
        for (let i = 0; i < m * m; i++) hm[i] *= EM128;
        hExpnt += 128;
      }
    }
  }
  let p = pw[kk];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= E128;
      expnt -= 128;
    }
  }
  return expnt === 0 ? p : p * 2 ** expnt;
}

/** Window [j1, j2] of row i in Pomeranz's recursion. */
function pomeranzWindow(i: number, n: number, ll: number, ceilf: number, roundf: number) {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)] as const;
}

/**
 * P(Dn ≤ d) by Pomeranz's (1974) recursion: 2n+1 rows, each the convolution of the last
 * with Poisson-like weights ((g or 1−2g)/n)^m/m!, then times n!.
 */
function pomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1] * gOverN) / m;
    twogpower[m] = (twogpower[m - 1] * twoGOverN) / m;
    onem2gpower[m] = (onem2gpower[m - 1] * oneMinusTwoGOverN) / m;
  }
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let v0s = 0;
  let v1s = 0;
  let expnt = 0;
  let [j1, j2] = pomeranzWindow(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0);
    [j1, j2] = pomeranzWindow(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 <= 0) continue;
    // conv = V0[k1−V0s …] ⊛ pwrs[0 … ln2), keep conv[j1−k1 … j2−k1]
    const segStart = k1 - v0s;
    const segLen = Math.min(ln2, npwrs - segStart);
    const pwLen = Math.min(ln2, npwrs);
    const convStart = j1 - k1;
    const convLen = j2 - j1 + 1;
    let vmax = 0;
    for (let c = 0; c < convLen; c++) {
      const cc = convStart + c;
      let s = 0;
      for (let a = Math.max(0, cc - pwLen + 1); a <= Math.min(cc, segLen - 1); a++) {
        s += v0[segStart + a] * pwrs[cc - a];
      }
      v1[c] = s;
      if (s > vmax) vmax = s;
    }
    if (vmax > 0 && vmax < EM128) {
      for (let c = 0; c < npwrs; c++) v1[c] *= E128;
      expnt -= 128;
    }
    v1s = v0s + j1 - k1;
  }
  let ans = v1[n - v1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > E128) {
      ans *= EM128;
      expnt += 128;
    }
    ans *= m;
  }
  return expnt === 0 ? ans : ans * 2 ** expnt;
}

/**
 * P(Dn ≤ x) by Pelz & Good (1976): the Li-Chien/Korolyuk expansion
 * K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 at z = x√n, each term rewritten with Jacobi's
 * theta transformation so that it converges fast for small z.
 */
function pelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qlog = -PI2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const msq = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = q ** (8 * k);
    s0 = s0 * qpower + 1;
    s1 = s1 * qpower + (k1a + k1b * msq);
    s2 = s2 * qpower + (k2a + k2b * msq + k2c * m4);
    s3 = s3 * qpower + (k3a + k3b * msq + k3c * m4 + k3d * m6);
  }
  s0 = (s0 * q * SQRT_2PI) / z;
  s1 = (s1 * q * SQRT_2PI) / (6 * z4);
  s2 = (s2 * q * SQRT_2PI) / (72 * z ** 7);
  s3 = (s3 * q * SQRT_2PI) / (6480 * z ** 10);
  q = Math.exp(-PI2 / 2 / z2);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const ksq = k ** 2;
    const kspi = Math.PI * k;
    const qp = q ** ksq;
    k2extra += ksq * qp;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
  }
  s2 += k2extra * ((PI2 * SQRT_2PI) / (-36 * z3));
  s3 += k3extra * ((PI2 * SQRT_2PI) / (216 * z6));
  return s0 + s1 / n ** 0.5 + s2 / n + s3 / n ** 1.5;
}

/** P(Dn ≤ x) (cdf) or P(Dn > x) (sf) by Simard & L'Ecuyer's choice of method. */
function kolmogn(n: number, x: number, cdf: boolean): number {
  if (x >= 1) return cdf ? 1 : 0;
  if (x <= 0) return cdf ? 0 : 1;
  const t = n * x;
  if (t <= 1) {
    // Ruben–Gambino: P(Dn ≤ x) = n!/n^n·(2t − 1)^n for 1/2 ≤ t ≤ 1
    if (t <= 0.5) return cdf ? 0 : 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      const base = 2 * t - 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * base;
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip01(cdf ? prob : 1 - prob);
  }
  if (t >= n - 1) {
    const prob = 2 * (1 - x) ** n;
    return clip01(cdf ? 1 - prob : prob);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnov(n, x);
    return clip01(cdf ? 1 - prob : prob);
  }
  const nxx = t * x;
  if (n <= 140) {
    if (nxx > 4) {
      // Miller's 2·smirnov is the sf itself: taking it as 1 − (1 − sf) would lose the tail
      const sf = 2 * smirnov(n, x);
      return clip01(cdf ? 1 - sf : sf);
    }
    const prob = nxx <= 0.754693 ? durbinMatrix(n, x) : pomeranz(n, x);
    return clip01(cdf ? prob : 1 - prob);
  }
  if (!cdf) {
    if (nxx >= 370) return 0;
    if (nxx >= 2.2) return clip01(2 * smirnov(n, x));
  }
  let cdfprob: number;
  if (nxx >= 18) cdfprob = 1;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdfprob = durbinMatrix(n, x);
  else cdfprob = pelzGood(n, x);
  return clip01(cdf ? cdfprob : 1 - cdfprob);
}

function checkArgs(fn: string, d: number, n: number): void {
  if (typeof d !== 'number' || Number.isNaN(d)) {
    throw new TendInputError(fn, 'd', 'not_finite', `is ${String(d)}; expected a number`);
  }
  checkNumberOption(fn, 'n', n, { min: 1, integer: true });
}

/**
 * Exact distribution of Dn = sup|Fn − F| for a sample of n, as `scipy.stats.kstwo`
 * (Simard & L'Ecuyer, "Computing the two-sided Kolmogorov–Smirnov distribution", J. Stat.
 * Softw. 39(11), 2011).
 *
 * @example
 * kstwo.sf(0.274, 10); // 0.3715203845434957 (P(D10 > 0.274))
 */
export const kstwo = {
  /**
   * P(Dn ≤ d).
   *
   * @example
   * kstwo.cdf(0.1, 100); // 0.7473072429936125
   */
  cdf(d: number, n: number): number {
    checkArgs('kstwo.cdf', d, n);
    return kolmogn(n, d, true);
  },
  /**
   * P(Dn > d): the p-value of a one-sample KS statistic d, and of ks2samp's asymptotic branch.
   *
   * @example
   * kstwo.sf(0.01, 1000000); // 2.73733044154812e-87
   */
  sf(d: number, n: number): number {
    checkArgs('kstwo.sf', d, n);
    return kolmogn(n, d, false);
  },
};
