/**
 * The one-sided Kolmogorov–Smirnov (Smirnov) distribution P(Dn+ ≥ d), as
 * `scipy.special.smirnov`: the exact Birnbaum–Tingey sum with every term in double-double
 * arithmetic and split exponents (van Mulbregt 2018, arXiv:1802.06966), so that `kstwo`'s
 * upper tail, 2·smirnov, keeps its digits for n up to 1e6.
 */
import { gammaln, lgammaCorrection } from '../special/gamma.js';
import { clip01 } from './clip01.js';

const LOG_2PI = Math.log(2 * Math.PI);

// ---------------------------------------------------------------------------------------------
// Double-double arithmetic (Hida, Li & Bailey's QD library, as SciPy's cephes uses it): a value
// is hi + lo with |lo| ≤ ulp(hi)/2. Results land in the registers RH, RL, so nothing allocates.
// ---------------------------------------------------------------------------------------------
// Registers in a typed array: a module-level `let` holding a double is a boxed heap number that
// every write reallocates, which made the garbage collector a tenth of a long sum's time.
const RH = 0;
const RL = 1;
const SPLIT_HI = 2;
const SPLIT_LO = 3;
const reg = new Float64Array(4);
const SPLITTER = 134217729; // 2^27 + 1
const SPLIT_THRESH = 6.69692879491417e299; // 2^996

/** Veltkamp split of a into 26-bit halves. */
function split(a: number): void {
  if (a > SPLIT_THRESH || a < -SPLIT_THRESH) {
    const s = a * 3.725290298461914e-9;
    const temp = SPLITTER * s;
    const hi = temp - (temp - s);
    reg[SPLIT_HI] = hi * 268435456;
    reg[SPLIT_LO] = (s - hi) * 268435456;
  } else {
    const temp = SPLITTER * a;
    reg[SPLIT_HI] = temp - (temp - a);
    reg[SPLIT_LO] = a - reg[SPLIT_HI];
  }
}

/** Error of the product a·b (its rounded value being a·b). */
function prodErr(a: number, b: number, p: number): number {
  split(a);
  const ah = reg[SPLIT_HI];
  const al = reg[SPLIT_LO];
  split(b);
  const bh = reg[SPLIT_HI];
  const bl = reg[SPLIT_LO];
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** reg[RH] + reg[RL] = a + b exactly. */
function twoSum(a: number, b: number): void {
  const s = a + b;
  const c = s - a;
  reg[RL] = a - (s - c) + (b - c);
  reg[RH] = s;
}

/** reg[RH] + reg[RL] = a + b for |a| ≥ |b|. */
function quickTwoSum(a: number, b: number): void {
  const s = a + b;
  reg[RL] = b - (s - a);
  reg[RH] = s;
}

/** (ah, al) + (bh, bl) with IEEE-style error bound (Briggs & Kahan). */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s1 = reg[RH];
  let s2 = reg[RL];
  twoSum(al, bl);
  const t1 = reg[RH];
  const t2 = reg[RL];
  s2 += t1;
  quickTwoSum(s1, s2);
  quickTwoSum(reg[RH], reg[RL] + t2);
}

/** (ah, al) + b. */
function ddAddD(ah: number, al: number, b: number): void {
  twoSum(ah, b);
  quickTwoSum(reg[RH], reg[RL] + al);
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
  ddAdd(ah, al, -reg[RH], -reg[RL]);
  const q2 = reg[RH] / bh;
  const rh = reg[RH];
  const rl = reg[RL];
  ddMulD(bh, bl, q2);
  ddAdd(rh, rl, -reg[RH], -reg[RL]);
  const q3 = reg[RH] / bh;
  quickTwoSum(q1, q2);
  ddAddD(reg[RH], reg[RL], q3);
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

/** 2^e for e in [−1022, 1023], looked up: the sums below call ldexp once per term. */
const POW2 = Float64Array.from({ length: 2046 }, (_, k) => 2 ** (k - 1022));

/** x·2^e without intermediate overflow (C's ldexp). */
function ldexp(x: number, e: number): number {
  if (e >= -1022 && e <= 1023) return x * POW2[e + 1022];
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

/** dd frexp: mantissa of (ah, al) in reg[RH], reg[RL], exponent in FREXP_E. */
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
  reg[RH] = man;
  reg[RL] = b1;
}

/** (ah, al)^m for m ≥ 0: pow of the high word, corrected by (1 + lo/hi)^m. */
function ddPow(ah: number, al: number, m: number): void {
  if (m === 0 || ah === 0) {
    reg[RH] = m === 0 ? 1 : 0;
    reg[RL] = 0;
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

/** (ah, al)^m = (reg[RH], reg[RL])·2^POW_E with the mantissa in [0.5, 1), for m ≥ 0. */
function ddPowScaled(ah: number, al: number, m: number): void {
  if (m === 0) {
    reg[RH] = 1;
    reg[RL] = 0;
    POW_E = 0;
    return;
  }
  ddFrexp(ah, al);
  const yh = reg[RH];
  const yl = reg[RL];
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
    ddFrexp(reg[RH], reg[RL]);
    POW_E = FREXP_E + m * yE;
    return;
  }
  const q = Math.trunc(m / maxExpt);
  const r = m % maxExpt;
  ddPowScaled(yh, yl, r);
  const rh = reg[RH];
  const rl = reg[RL];
  const rE = POW_E;
  ddPowScaled(yh, yl, maxExpt);
  const mE = POW_E;
  ddPowScaled(reg[RH], reg[RL], q);
  const mqE = POW_E + mE * q;
  ddMul(rh, rl, reg[RH], reg[RL]);
  ddFrexp(reg[RH], reg[RL]);
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
 * log A_v in double precision (error ~1e-9 at n = 1e6, against margins of 50): enough to tell
 * which terms of a long sum count.
 */
function logTerm(n: number, x: number, v: number, logBinomN: number): number {
  const w = 1 - x - v / n;
  const value =
    logBinomN -
    gammaln(v + 1) -
    gammaln(n - v + 1) +
    (v - 1) * Math.log(x + v / n) +
    (n - v === 0 ? 0 : (n - v) * Math.log(w));
  return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
}

/** Sums of at least this many terms go through {@link longSum}. */
const LONG_SUM_TERMS = 4000;

/** Terms apart at which {@link countingTerms} looks at a long sum. */
const PROBE_STRIDE = 256;

/**
 * For long Smirnov sums (n up to 1e6 gives ~1e6 terms) the terms below 1e-22 of the largest
 * lie at the two ends only: the terms rise to a peak and then fall, with at most a shallow
 * dip and rise on the way (a few units of log, never near 50). A probe every 256 terms of
 * log A_v finds the largest and the range [first, last] of the terms within 50 of it in log,
 * widened by one probe step on each side so that no term that counts is left out; every term
 * inside is summed.
 */
function countingTerms(n: number, x: number, nTerms: number): { first: number; last: number } {
  const logBinomN = gammaln(n + 1);
  const probes: number[] = [];
  for (let v = 1; v < nTerms; v += PROBE_STRIDE) probes.push(v);
  if (probes[probes.length - 1] !== nTerms - 1) probes.push(nTerms - 1);
  const logs = probes.map((v) => logTerm(n, x, v, logBinomN));
  const threshold = Math.max(...logs) - 50;
  let lo = 0;
  while (logs[lo] < threshold) lo++;
  let hi = logs.length - 1;
  while (logs[hi] < threshold) hi--;
  return {
    first: lo === 0 ? 1 : probes[lo - 1],
    last: hi === logs.length - 1 ? nTerms - 1 : probes[hi + 1],
  };
}

/** log(k!) − log(√(2πk)·(k/e)^k), the Stirling remainder of an integer k ≥ 1. */
function stirlerr(k: number): number {
  if (k >= 10) return lgammaCorrection(k);
  return gammaln(k + 1) - (k + 0.5) * Math.log(k) + k - 0.5 * LOG_2PI;
}

/**
 * A_v without its binomial, (x + v/n)^(v−1)·(1 − x − v/n)^(n−v), times C = (ch, cl) as
 * (reg[RH], reg[RL])·2^POW_E in double-double (C's own power of two is the caller's to add).
 */
function powersTimes(n: number, x: number, v: number, ch: number, cl: number): void {
  ddDiv(n - v, 0, n, 0);
  ddAddD(reg[RH], reg[RL], -x);
  ddPowScaled(reg[RH], reg[RL], n - v);
  const t2h = reg[RH];
  const t2l = reg[RL];
  const t2E = POW_E;
  ddDiv(v, 0, n, 0);
  ddAddD(reg[RH], reg[RL], x);
  ddPowScaled(reg[RH], reg[RL], v - 1);
  ddMul(reg[RH], reg[RL], t2h, t2l);
  ddMul(reg[RH], reg[RL], ch, cl);
  POW_E += t2E;
}

/**
 * A_v = C(n, v)·(x + v/n)^(v−1)·(1 − x − v/n)^(n−v) as (reg[RH], reg[RL])·2^POW_E for 0 < v < n, in
 * double-double to ~1e-15, nx = n·x given as (nxh, nxl). With C(n, v) in Stirling's form
 * √(n/(2πv(n−v)))·e^(stirlerr(n) − stirlerr(v) − stirlerr(n−v))·(n/v)^v·(n/(n−v))^(n−v), its
 * powers fold into the term's: A_v = √(…)·e^(…)·((nx+v)/v)^v·((n−nx−v)/(n−v))^(n−v)·n/(nx+v),
 * two powers with split exponents where the term as written takes four.
 */
function termScaled(n: number, nxh: number, nxl: number, v: number): void {
  const base =
    Math.sqrt(n / (2 * Math.PI * v * (n - v))) *
    Math.exp(stirlerr(n) - stirlerr(v) - stirlerr(n - v));
  ddAddD(nxh, nxl, v);
  const sh = reg[RH]; // nx + v
  const sl = reg[RL];
  ddDiv(sh, sl, v, 0);
  ddPowScaled(reg[RH], reg[RL], v);
  const p1h = reg[RH];
  const p1l = reg[RL];
  const p1E = POW_E;
  ddAddD(-nxh, -nxl, n - v);
  ddDiv(reg[RH], reg[RL], n - v, 0);
  ddPowScaled(reg[RH], reg[RL], n - v);
  const p2E = POW_E;
  ddMul(reg[RH], reg[RL], p1h, p1l);
  ddMulD(reg[RH], reg[RL], base * n);
  ddDiv(reg[RH], reg[RL], sh, sl);
  ddFrexp(reg[RH], reg[RL]);
  POW_E = FREXP_E + p1E + p2E;
}

/**
 * log(1 + t) for the tiny t of the ratio of two terms (|t| ≤ 2^-10: six terms of its series
 * leave ~1e-19 relative), else Math.log1p: the series costs a fifth of the call.
 */
function log1pSmall(t: number): number {
  if (t > 9.765625e-4 || t < -9.765625e-4) return Math.log1p(t);
  return t * (1 - t * (0.5 - t * (1 / 3 - t * (0.25 - t * (0.2 - t / 6)))));
}

/** Terms of a long sum between two recomputed in double-double. */
const EXACT_EVERY = 32;

/**
 * Σ A_v for first ≤ v ≤ last, plus the v = 0 term (h0, l0) already formed. Each term follows
 * from the one before by the ratio A_{v+1}/A_v = (n−v)/(v+1)·(nx+v)/(n−nx−v)·(1 + 1/(nx+v))^v·
 * (1 − 1/(n−nx−v))^(n−v−1), a handful of ulps each; every 32nd term is recomputed in
 * double-double so the error cannot build up. At n = 1e6 this is ~20 times faster than
 * forming every term in double-double and agrees with it to ~1e-14.
 */
function longSum(
  n: number,
  nxh: number,
  nxl: number,
  range: { first: number; last: number },
  h0: number,
  l0: number,
): number {
  const nx = nxh + nxl;
  let sumH = h0;
  let sumL = l0;
  let m = 0; // current term = m·2^e
  let e = 0;
  let sinceExact = EXACT_EVERY;
  for (let v = range.first; v <= range.last; v++) {
    const wPrev = n - (v - 1) - nx; // n·(1 − x − (v−1)/n)
    if (sinceExact >= EXACT_EVERY || wPrev < 16) {
      termScaled(n, nxh, nxl, v);
      m = reg[RH] + reg[RL];
      e = POW_E;
      sinceExact = 0;
    } else {
      const u = v - 1;
      const ratio =
        ((n - u) / (u + 1)) *
        ((nx + u) / wPrev) *
        Math.exp(u * log1pSmall(1 / (nx + u)) + (n - u - 1) * log1pSmall(-1 / wPrev));
      m *= ratio;
      if (m > 2 ** 64 || m < 2 ** -64) {
        const f = frexp(m);
        m = f;
        e += FREXP_E;
      }
      sinceExact++;
    }
    const a = ldexp(m, e);
    if (Number.isFinite(a) && a !== 0) {
      // twoSum then quickTwoSum, spelled out on locals: the shared registers live on the heap
      const s = sumH + a;
      const c = s - sumH;
      const t = sumH - (s - c) + (a - c) + sumL;
      sumH = s + t;
      sumL = t - (sumH - s);
    }
  }
  return sumH + sumL;
}

/**
 * One-sided Smirnov tail P(Dn+ ≥ x) = x·Σ_{v=0}^{⌊n(1−x)⌋} C(n,v)(x+v/n)^(v−1)(1−x−v/n)^(n−v)
 * (Smirnov 1944; Birnbaum & Tingey 1951), as `scipy.special.smirnov`: the terms in
 * double-double with split exponents (van Mulbregt 2018, arXiv:1802.06966), the short upper
 * sum where it has at most three terms, and exp(−(6nx+1)²/(18n)) beyond n = 10^6. Long sums
 * (n ≳ 4000) go through {@link longSum}. No argument checks: `kstwo` validates.
 *
 * @example
 * smirnov(10, 0.3); // 0.1354635556
 */
export function smirnov(n: number, x: number): number {
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
    flh = reg[RH];
    fll = reg[RL];
  }
  ddAdd(nxh, nxl, -flh, -fll);
  let alpha = reg[RH];
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
    ddPow(reg[RH], reg[RL], n - 1);
    return clip01(1 - x * reg[RH]);
  }
  if (-2 * n * x * x < MINLOG) return 0;
  if (nxfl >= n - 1) {
    twoSum(1, -x);
    ddPow(reg[RH], reg[RL], n);
    return clip01(reg[RH]);
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
    ddDiv(reg[RH], reg[RL], 1, 0);
    ddPow(reg[RH], reg[RL], n - 1);
    sumH = reg[RH];
    sumL = reg[RL];
  } else {
    twoSum(1, -x);
    ddDiv(reg[RH], reg[RL], 1, 0);
    ddPow(reg[RH], reg[RL], n);
    ddDiv(reg[RH], reg[RL], x, 0);
    sumH = reg[RH];
    sumL = reg[RL];
  }
  // C(n, j) as mantissa (cH, cL) in [0.5, 1) and exponent cE
  let cH = 1;
  let cL = 0;
  let cE = 0;
  const vmid = Math.floor(n / 2);
  if (!upper && nTerms >= LONG_SUM_TERMS) {
    const total = longSum(n, nxh, nxl, countingTerms(n, x, nTerms), sumH, sumL);
    return clip01(total * x);
  }
  for (let j = 0; j < nTerms; j++) {
    if (j > 0) {
      const v = start + j * step;
      // A_v = C(n, v)·(x + v/n)^(v−1)·(1 − x − v/n)^(n−v), C(n, v) kept as it goes
      powersTimes(n, x, v, cH, cL);
      const e = cE + POW_E;
      const ah = ldexp(reg[RH], e);
      const al = ldexp(reg[RL], e);
      if (Number.isFinite(ah) && ah !== 0) {
        ddAdd(sumH, sumL, ah, al);
        sumH = reg[RH];
        sumL = reg[RL];
      }
      if (ah !== 0) {
        if (4 * (nTerms - j) * Math.abs(ah) < EPS * sumH && j !== nTerms - 1) break;
      } else if (j > vmid) {
        break;
      }
    }
    ddDiv(n - j, 0, j + 1, 0);
    ddMul(cH, cL, reg[RH], reg[RL]);
    ddFrexp(reg[RH], reg[RL]);
    cH = reg[RH];
    cL = reg[RL];
    cE += FREXP_E;
  }
  ddMulD(sumH, sumL, x);
  const prob = reg[RH];
  return clip01(step < 0 ? 1 - prob : prob);
}
