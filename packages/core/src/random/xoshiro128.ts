/**
 * Seeded pseudo-random numbers for everything in Tend that draws at random (bootstrap,
 * KSWIN's sample, simulators). xoshiro128** (Blackman & Vigna, "Scrambled linear
 * pseudorandom number generators", 2018), state seeded through splitmix32. Only integer
 * operations and exact divisions by powers of two are used, so the same seed yields the same
 * stream on every platform, and `fixtures/tend_random.py` reproduces it bit for bit.
 */
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';

/** A seeded stream of numbers. */
export interface Rng {
  /** Next unsigned 32-bit integer. */
  nextUint32(): number;
  /** Next double in [0, 1) with 53 random bits. */
  next(): number;
  /** Next integer in [0, n), unbiased for n ≤ 2^32. */
  nextInt(n: number): number;
  /** The generator's state, to resume the stream later with {@link rngFromState}. */
  state(): [number, number, number, number];
}

function splitmix32(x: number): number {
  let t = x ^ (x >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/**
 * A generator seeded by a non-negative safe integer.
 *
 * @example
 * createRng(42).next(); // same number on every run and platform
 */
export function createRng(seed: number): Rng {
  checkNumberOption('createRng', 'seed', seed, {
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    integer: true,
  });
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  let x = (lo ^ Math.imul(hi, 0x85ebca6b)) >>> 0;
  const s: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    s[i] = splitmix32(x);
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return rngFromState(s);
}

/**
 * Resume a generator from a saved {@link Rng.state}.
 *
 * @example
 * const a = createRng(7); a.next(); const b = rngFromState(a.state()); // b continues a
 */
export function rngFromState(state: readonly number[]): Rng {
  if (state.length !== 4 || state.some((v) => !Number.isInteger(v) || v < 0 || v > 0xffffffff)) {
    throw new TendInputError(
      'rngFromState',
      'state',
      'invalid_state',
      'must be four unsigned 32-bit integers',
    );
  }
  let s0 = state[0] >>> 0;
  let s1 = state[1] >>> 0;
  let s2 = state[2] >>> 0;
  let s3 = state[3] >>> 0;
  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return r;
  };
  return {
    nextUint32,
    next: () => {
      const a = nextUint32() >>> 5;
      const b = nextUint32() >>> 6;
      return (a * 67108864 + b) / 9007199254740992;
    },
    nextInt: (n: number) => {
      if (!(n >= 1 && Number.isInteger(n)))
        throw new TendInputError(
          'Rng.nextInt',
          'n',
          'invalid_option',
          `is ${n}; expected a positive integer`,
        );
      if (n > 4294967296) {
        const a = nextUint32() >>> 5;
        const b = nextUint32() >>> 6;
        return Math.floor(((a * 67108864 + b) / 9007199254740992) * n);
      }
      const limit = 4294967296 - (4294967296 % n);
      let u = nextUint32();
      while (u >= limit) u = nextUint32();
      return u % n;
    },
    state: () => [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0],
  };
}
