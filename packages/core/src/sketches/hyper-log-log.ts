/**
 * HyperLogLog distinct counter (Flajolet, Fusy, Gandouet & Meunier 2007) with HLL++'s 64-bit
 * hash and small-range linear counting (Heule, Nunkesser & Hall, "HyperLogLog in practice",
 * EDBT 2013), and instead of HLL++'s empirical bias tables Ertl's bias-free "improved" estimator
 * (Ertl, "New cardinality estimation algorithms for HyperLogLog sketches", 2017, Algorithm 6).
 */
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';
import { ByteReader, ByteWriter, SketchTag } from './bytes.js';
import { murmurHash3X86128 } from './murmur-hash3.js';

const VERSION = 1;
/** HLL++'s linear-counting thresholds for p = 4 … 18 (Heule et al. 2013, appendix). */
const THRESHOLD = [
  10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000, 50000, 120000, 350000,
];
const ALPHA_INF = 1 / (2 * Math.LN2);

// Scratch space for hashing: type byte + payload (numbers: 8 bytes; strings: UTF-8, grown).
let scratch = new Uint8Array(64);
let scratchView = new DataView(scratch.buffer);
const hashOut = new Uint32Array(4);
const encoder = new TextEncoder();

/** Value accepted by {@link HyperLogLog.update}. */
export type HllValue = string | number;

/**
 * The 64 hash bits a HyperLogLog uses for `value`, as [high, low] unsigned 32-bit words:
 * the first two words (h1, h2) of MurmurHash3_x86_128, seed 0, over a type byte followed by the
 * payload: 0x01 + UTF-8 for a string, 0x02 + the IEEE double little-endian for a number (−0
 * hashed as 0, every NaN as the canonical NaN). So 1 and '1' are different values.
 *
 * @example
 * hllHash('a'); // [348772482, 2512740293] on every platform
 */
export function hllHash(value: HllValue): [number, number] {
  let len: number;
  if (typeof value === 'number') {
    scratch[0] = 2;
    scratchView.setFloat64(1, value === 0 ? 0 : Number.isNaN(value) ? Number.NaN : value, true);
    len = 9;
  } else {
    if (scratch.length < 1 + 3 * value.length) {
      scratch = new Uint8Array(2 * (1 + 3 * value.length));
      scratchView = new DataView(scratch.buffer);
    }
    scratch[0] = 1;
    len = 1 + encoder.encodeInto(value, scratch.subarray(1)).written;
  }
  murmurHash3X86128(scratch, len, 0, hashOut);
  return [hashOut[0], hashOut[1]];
}

function sigma(x: number): number {
  if (x === 1) return Number.POSITIVE_INFINITY;
  let y = 1;
  let z = x;
  for (;;) {
    x *= x;
    const prev = z;
    z += x * y;
    y += y;
    if (z === prev) return z;
  }
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  for (;;) {
    x = Math.sqrt(x);
    const prev = z;
    y *= 0.5;
    z -= (1 - x) ** 2 * y;
    if (z === prev) return z / 3;
  }
}

/** Options of {@link HyperLogLog}. */
export interface HyperLogLogOptions {
  /** Precision p, 4 … 18 (default 12): m = 2^p registers, relative standard error 1.04/√m. */
  p?: number;
}

/**
 * Mergeable distinct-count estimate of strings and numbers in m = 2^p one-byte registers;
 * relative standard error 1.04/√m (1.625 % at p = 12).
 *
 * @example
 * const h = new HyperLogLog(); for (let i = 0; i < 1000; i++) h.update(i % 100); Math.round(h.estimate()); // 100
 */
export class HyperLogLog {
  /** Precision: the sketch has 2^p registers. */
  readonly p: number;
  private readonly registers: Uint8Array;

  constructor({ p = 12 }: HyperLogLogOptions = {}) {
    checkNumberOption('HyperLogLog', 'p', p, { min: 4, max: 18, integer: true });
    this.p = p;
    this.registers = new Uint8Array(1 << p);
  }

  /** Add a string or a number (NaN counts as one value). */
  update(value: HllValue): void {
    if (typeof value !== 'number' && typeof value !== 'string') {
      throw new TendInputError(
        'HyperLogLog.update',
        'value',
        'invalid_type',
        `is ${value === null ? 'null' : typeof value}; expected a string or a number`,
      );
    }
    const [hi, lo] = hllHash(value);
    const p = this.p;
    const index = hi >>> (32 - p);
    // Rank = leading zeros of the 64 − p bits after the index, plus one (at most 65 − p).
    const rest = (hi << p) >>> 0;
    const rank = rest !== 0 ? Math.clz32(rest) + 1 : 32 - p + (lo !== 0 ? Math.clz32(lo) + 1 : 33);
    if (rank > this.registers[index]) this.registers[index] = rank;
  }

  /**
   * Estimated number of distinct values: linear counting m·ln(m/V) (V empty registers) while it
   * is below HLL++'s threshold for p, else Ertl's improved estimator α∞·m²/(m·σ(C₀/m) +
   * Σₖ Cₖ·2^−k + m·τ(1 − C_{q+1}/m)·2^−q), q = 64 − p, Cₖ the number of registers equal to k.
   *
   * @example
   * const h = new HyperLogLog(); ['a', 'b', 'a'].forEach((v) => h.update(v)); Math.round(h.estimate()); // 2
   */
  estimate(): number {
    const m = this.registers.length;
    const q = 64 - this.p;
    const counts = new Float64Array(q + 2);
    for (let i = 0; i < m; i++) counts[this.registers[i]]++;
    if (counts[0] > 0) {
      const linear = m * Math.log(m / counts[0]);
      if (linear <= THRESHOLD[this.p - 4]) return linear;
    }
    let z = m * tau(1 - counts[q + 1] / m);
    for (let k = q; k >= 1; k--) z = 0.5 * (z + counts[k]);
    z += m * sigma(counts[0] / m);
    return (ALPHA_INF * m * m) / z;
  }

  /**
   * Relative standard error 1.04/√m of the estimate (Flajolet et al. 2007).
   *
   * @example
   * new HyperLogLog({ p: 12 }).relativeStandardError(); // 0.01625
   */
  relativeStandardError(): number {
    return 1.04 / Math.sqrt(this.registers.length);
  }

  /**
   * Fold another HyperLogLog with the same p into this one (register-wise maximum): the result
   * is exactly the sketch of the union of both streams.
   *
   * @example
   * const a = new HyperLogLog(); a.update('x'); const b = new HyperLogLog(); b.update('y'); Math.round(a.merge(b).estimate()); // 2
   */
  merge(other: HyperLogLog): this {
    if (!(other instanceof HyperLogLog)) {
      throw new TendInputError(
        'HyperLogLog.merge',
        'other',
        'invalid_type',
        'must be a HyperLogLog',
      );
    }
    if (other.p !== this.p) {
      throw new TendInputError(
        'HyperLogLog.merge',
        'other',
        'invalid_option',
        `has p = ${other.p} but this sketch has p = ${this.p}`,
      );
    }
    const a = this.registers;
    const b = other.registers;
    for (let i = 0; i < a.length; i++) if (b[i] > a[i]) a[i] = b[i];
    return this;
  }

  /** Summary for logs and JSON APIs (not a round trip: use toBytes). */
  toJSON(): { kind: 'hyperLogLog'; p: number; estimate: number } {
    return { kind: 'hyperLogLog', p: this.p, estimate: this.estimate() };
  }

  /**
   * Binary form: tag 0x48, version 1, p (u8), then the registers packed 6 bits each (four
   * registers in three bytes, little-endian): 3·2^p/4 + 3 bytes (3075 at p = 12).
   *
   * @example
   * HyperLogLog.fromBytes(new HyperLogLog().toBytes()).p; // 12
   */
  toBytes(): Uint8Array {
    const m = this.registers.length;
    const w = new ByteWriter(SketchTag.hyperLogLog, VERSION, 3 + (3 * m) / 4);
    w.u8(this.p);
    const packed = new Uint8Array((3 * m) / 4);
    const r = this.registers;
    for (let i = 0, o = 0; i < m; i += 4, o += 3) {
      const v = r[i] | (r[i + 1] << 6) | (r[i + 2] << 12) | (r[i + 3] << 18);
      packed[o] = v & 0xff;
      packed[o + 1] = (v >>> 8) & 0xff;
      packed[o + 2] = v >>> 16;
    }
    w.bytes(packed);
    return w.finish();
  }

  /** Read a sketch written by {@link toBytes}. */
  static fromBytes(bytes: Uint8Array): HyperLogLog {
    const rd = new ByteReader('HyperLogLog.fromBytes', bytes, SketchTag.hyperLogLog, VERSION);
    const p = rd.u8();
    if (p < 4 || p > 18) rd.corrupt(`p = ${p}`);
    const h = new HyperLogLog({ p });
    const m = 1 << p;
    const packed = rd.bytesOf((3 * m) / 4);
    rd.end();
    const r = h.registers;
    for (let i = 0, o = 0; i < m; i += 4, o += 3) {
      const v = packed[o] | (packed[o + 1] << 8) | (packed[o + 2] << 16);
      r[i] = v & 63;
      r[i + 1] = (v >>> 6) & 63;
      r[i + 2] = (v >>> 12) & 63;
      r[i + 3] = v >>> 18;
    }
    for (let i = 0; i < m; i++) if (r[i] > 65 - p) rd.corrupt(`register ${i} is ${r[i]}`);
    return h;
  }
}
