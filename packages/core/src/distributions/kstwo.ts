/**
 * Exact distribution of the one-sample two-sided Kolmogorov–Smirnov statistic Dn
 * (`scipy.stats.kstwo`), choosing among Ruben–Gambino, the Durbin matrix, Pomeranz,
 * Pelz–Good and twice the one-sided Smirnov tail by n and d as Simard & L'Ecuyer (2011) do,
 * with SciPy's thresholds so the numbers agree with it in both tails.
 */
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';

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
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
  8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
  -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];

function clip01(p: number): number {
  return p < 0 ? 0 : Math.min(p, 1);
}

// ---------------------------------------------------------------------------------------------
// Double-double arithmetic (Hida, Li & Bailey's QD library, as SciPy's cephes uses it): a value
// is hi + lo with |lo| ≤ ulp(hi)/2. Results land in the registers RH, RL, so nothing allocates.
// ---------------------------------------------------------------------------------------------
let RH = 0;
let RL = 0;
const SPLITTER = 134217729; // 2^27 + 1
const SPLIT_THRESH = 6.69692879491417e299; // 2^996

/** Veltkamp split of a into 26-bit halves. */
let SPLIT_HI = 0;
let SPLIT_LO = 0;
function split(a: number): void {
  if (a > SPLIT_THRESH || a < -SPLIT_THRESH) {
    const s = a * 3.7252902984619140625e-9;
    const temp = SPLITTER * s;
    const hi = temp - (temp - s);
    SPLIT_HI = hi * 268435456;
    SPLIT_LO = (s - hi) * 268435456;
  } else {
    const temp = SPLITTER * a;
    SPLIT_HI = temp - (temp - a);
    SPLIT_LO = a - SPLIT_HI;
  }
}

/** Error of the product a·b (its rounded value being a·b). */
function prodErr(a: number, b: number, p: number): number {
  split(a);
  const ah = SPLIT_HI;
  const al = SPLIT_LO;
  split(b);
  const bh = SPLIT_HI;
  const bl = SPLIT_LO;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** RH + RL = a + b exactly. */
function twoSum(a: number, b: number): void {
  const s = a + b;
  const c = s - a;
  RL = a - (s - c) + (b - c);
  RH = s;
}

/** RH + RL = a + b for |a| ≥ |b|. */
function quickTwoSum(a: number, b: number): void {
  const s = a + b;
  RL = b - (s - a);
  RH = s;
}

/** (ah, al) + (bh, bl) with IEEE-style error bound (Briggs & Kahan). */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s1 = RH;
  let s2 = RL;
  twoSum(al, bl);
  const t1 = RH;
  const t2 = RL;
  s2 += t1;
  quickTwoSum(s1, s2);
  quickTwoSum(RH, RL + t2);
}

/** (ah, al) + b. */
function ddAddD(ah: number, al: number, b: number): void {
  twoSum(ah, b);
  quickTwoSum(RH, RL + al);
}

/** (ah, al)·(bh, bl). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p1 = ah * bh;
  const p2 = prodErr(ah, bh, p1) + (ah * bl + al * bh);
  quickTwoSum(p1, p2);
}

/** (ah, al)·b. */
function ddMulD(ah: number, al: number, b: number): void {
  const p1 = ah * b;
  const e1 = prodErr(ah, b, p1);
  const p2 = al * b;
  const e2 = prodErr(al, b, p2);
  quickTwoSum(p1, e2 + p2 + e1);
}

/** (ah, al)/(bh, bl), QD's accurate division (three quotient terms). */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMulD(bh, bl, q1);
  ddAdd(ah, al, -RH, -RL);
  const q2 = RH / bh;
  const rh = RH;
  const rl = RL;
  ddMulD(bh, bl, q2);
  ddAdd(rh, rl, -RH, -RL);
  const q3 = RH / bh;
  quickTwoSum(q1, q2);
  ddAddD(RH, RL, q3);
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI_WORD = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;
let FREXP_E = 0;

/** Mantissa in [0.5, 1) of x, its exponent in FREXP_E (C's frexp). */
function frexp(x: number): number {
  if (x === 0 || !Number.isFinite(x)) {
    FREXP_E = 0;
    return x;
  }
  F64[0] = x;
  let e = (U32[HI_WORD] >>> 20) & 0x7ff;
  let shift = 0;
  if (e === 0) {
    F64[0] = x * 2 ** 54;
    e = (U32[HI_WORD] >>> 20) & 0x7ff;
    shift = 54;
  }
  U32[HI_WORD] = (U32[HI_WORD] & 0x800fffff) | (1022 << 20);
  FREXP_E = e - 1022 - shift;
  return F64[0];
}

/** x·2^e without intermediate overflow (C's ldexp). */
function ldexp(x: number, e: number): number {
  while (e > 1023) {
    x *= 2 ** 1023;
    e -= 1023;
  }
  while (e < -1022) {
    x *= 2 ** -1022;
    e += 1022;
  }
  return x * 2 ** e;
}

/** dd frexp: mantissa of (ah, al) in RH, RL, exponent in FREXP_E. */
function ddFrexp(ah: number, al: number): void {
  let man = frexp(ah);
  let e = FREXP_E;
  let b1 = ldexp(al, -e);
  if (Math.abs(man) === 0.5 && man * b1 < 0) {
    man *= 2;
    b1 *= 2;
    e -= 1;
  }
  FREXP_E = e;
  RH = man;
  RL = b1;
}

/** (ah, al)^m for m ≥ 0: pow of the high word, corrected by (1 + lo/hi)^m. */
function ddPow(ah: number, al: number, m: number): void {
  if (m === 0 || ah === 0) {
    RH = m === 0 ? 1 : 0;
    RL = 0;
    return;
  }
  const ans = ah ** m;
  const r = al / ah;
  let adj = m * r;
  if (Math.abs(adj) > 1e-8) {
    if (Math.abs(adj) < 1e-4) adj += m * r * (((m - 1) / 2) * r);
    else adj = Math.expm1(m * Math.log1p(r));
  }
  twoSum(ans, ans * adj);
}

let POW_E = 0;

/** (ah, al)^m = (RH, RL)·2^POW_E with the mantissa in [0.5, 1), for m ≥ 0. */
function ddPowScaled(ah: number, al: number, m: number): void {
  if (m === 0) {
    RH = 1;
    RL = 0;
    POW_E = 0;
    return;
  }
  ddFrexp(ah, al);
  const yh = RH;
  const yl = RL;
  const yE = FREXP_E;
  if (m === 1) {
    POW_E = yE;
    return;
  }
  let maxExpt = 960;
  if ((m * (yh - 1)) / yh < -960 * Math.LN2) {
    const lg2y = Math.log(yh) / Math.LN2;
    if (m * lg2y <= -960) maxExpt = Math.trunc(nextPowerOf2(-960 / lg2y + 1) / 2);
  }
  if (m <= maxExpt) {
    ddPow(yh, yl, m);
    ddFrexp(RH, RL);
    POW_E = FREXP_E + m * yE;
    return;
  }
  const q = Math.trunc(m / maxExpt);
  const r = m % maxExpt;
  ddPowScaled(yh, yl, r);
  const rh = RH;
  const rl = RL;
  const rE = POW_E;
  ddPowScaled(yh, yl, maxExpt);
  const mE = POW_E;
  ddPowScaled(RH, RL, q);
  const mqE = POW_E + mE * q;
  ddMul(rh, rl, RH, RL);
  ddFrexp(RH, RL);
  POW_E = FREXP_E + mqE + rE + m * yE;
}

/** cephes' helper: x rounded up by one part in 2^52 (an integer when that is exact). */
function nextPowerOf2(x: number): number {
  const q = x * 2 ** -52;
  const l = Math.abs(q + x);
  if (l === 0) return Math.abs(x);
  return l;
}

const MINLOG = -708.3964185322641;
const SMIRNOV_MAX_COMPUTE_N = 1000000;
const EPS = 2.220446049250313e-16;

/**
 * One-sided Smirnov tail P(Dn+ ≥ x) = x·Σ_{v=0}^{⌊n(1−x)⌋} C(n,v)(x+v/n)^(v−1)(1−x−v/n)^(n−v)
 * (Smirnov 1944; Birnbaum & Tingey 1951), as `scipy.special.smirnov`: the terms in
 * double-double with split exponents (van Mulbregt 2018, arXiv:1802.06966), the short upper
 * sum where it has at most three terms, and exp(−(6nx+1)²/(18n)) beyond n = 10^6.
 */
function smirnovSf(n: number, x: number): number {
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  // floor(n·x) and its remainder exactly
  const nxh = n * x;
  const nxl = prodErr(n, x, nxh);
  let flh = Math.floor(nxh);
  let fll = 0;
  if (flh === nxh) {
    quickTwoSum(flh, Math.floor(nxl));
    flh = RH;
    fll = RL;
  }
  ddAdd(nxh, nxl, -flh, -fll);
  let alpha = RH;
  let nxfl = Math.trunc(flh);
  if (alpha === 1) {
    nxfl += 1;
    alpha = 0;
  }
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    twoSum(1, x);
    ddPow(RH, RL, n - 1);
    return clip01(1 - x * RH);
  }
  if (-2 * n * x * x < MINLOG) return 0;
  if (nxfl >= n - 1) {
    twoSum(1, -x);
    ddPow(RH, RL, n);
    return clip01(RH);
  }
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    return clip01(logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp));
  }
  const nUpperTerms = n - n1mxceil + 1;
  const upper =
    (nUpperTerms <= 1 && x < 0.5) || (n >= 10 && nUpperTerms <= 3 && x <= 0.5 / Math.sqrt(n));
  let start = 0;
  let step = 1;
  let nTerms = n1mxfl + 1;
  let sumH: number;
  let sumL: number;
  if (upper) {
    start = n;
    step = -1;
    nTerms = n - n1mxceil + 1;
    twoSum(1, x);
    ddDiv(RH, RL, 1, 0);
    ddPow(RH, RL, n - 1);
    sumH = RH;
    sumL = RL;
  } else {
    twoSum(1, -x);
    ddDiv(RH, RL, 1, 0);
    ddPow(RH, RL, n);
    ddDiv(RH, RL, x, 0);
    sumH = RH;
    sumL = RL;
  }
  // C(n, j) as mantissa (cH, cL) in [0.5, 1) and exponent cE
  let cH = 1;
  let cL = 0;
  let cE = 0;
  const vmid = Math.floor(n / 2);
  for (let j = 0; j < nTerms; j++) {
    if (j > 0) {
      const v = start + j * step;
      // A_v = C(n, v)·(x + v/n)^(v−1)·(1 − x − v/n)^(n−v)
      ddDiv(n - v, 0, n, 0);
      ddAddD(RH, RL, -x);
      ddPowScaled(RH, RL, n - v);
      const t2h = RH;
      const t2l = RL;
      const t2E = POW_E;
      ddDiv(v, 0, n, 0);
      ddAddD(RH, RL, x);
      ddPowScaled(RH, RL, v - 1);
      ddMul(RH, RL, t2h, t2l);
      ddMul(RH, RL, cH, cL);
      const e = cE + POW_E + t2E;
      const ah = ldexp(RH, e);
      const al = ldexp(RL, e);
      if (Number.isFinite(ah) && ah !== 0) {
        ddAdd(sumH, sumL, ah, al);
        sumH = RH;
        sumL = RL;
      }
      if (ah !== 0) {
        if (4 * (nTerms - j) * Math.abs(ah) < EPS * sumH && j !== nTerms - 1) break;
      } else if (j > vmid) {
        break;
      }
    }
    ddDiv(n - j, 0, j + 1, 0);
    ddMul(cH, cL, RH, RL);
    ddFrexp(RH, RL);
    cH = RH;
    cL = RL;
    cE += FREXP_E;
  }
  ddMulD(sumH, sumL, x);
  const prob = RH;
  return clip01(step < 0 ? 1 - prob : prob);
}

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
    const prob = 2 * smirnovSf(n, x);
    return clip01(cdf ? 1 - prob : prob);
  }
  const nxx = t * x;
  if (n <= 140) {
    let prob: number;
    if (nxx <= 0.754693) prob = durbinMatrix(n, x);
    else if (nxx <= 4) prob = pomeranz(n, x);
    else prob = 1 - 2 * smirnovSf(n, x);
    return clip01(cdf ? prob : 1 - prob);
  }
  if (!cdf) {
    if (nxx >= 370) return 0;
    if (nxx >= 2.2) return clip01(2 * smirnovSf(n, x));
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
 * kstwo.sf(0.274, 10); // 0.3364458043261186 (P(D10 > 0.274))
 */
export const kstwo = {
  /**
   * P(Dn ≤ d).
   *
   * @example
   * kstwo.cdf(0.1, 100); // 0.7473072429936126
   */
  cdf(d: number, n: number): number {
    checkArgs('kstwo.cdf', d, n);
    return kolmogn(n, d, true);
  },
  /**
   * P(Dn > d): the p-value of a one-sample KS statistic d, and of ks2samp's asymptotic branch.
   *
   * @example
   * kstwo.sf(0.01, 1000000); // 2.7373304415481205e-87
   */
  sf(d: number, n: number): number {
    checkArgs('kstwo.sf', d, n);
    return kolmogn(n, d, false);
  },
};
