/**
 * KLL quantile sketch (Karnin, Lang & Liberty, "Optimal quantile approximation in streams",
 * FOCS 2016), laid out as Apache DataSketches' `KllDoublesSketch`: a stack of compactors whose
 * capacities shrink geometrically (factor 2/3) from the top level down to a floor of 8; an item
 * at level h stands for 2^h inputs. When the sketch holds more items than its total capacity, the
 * lowest full level is sorted and every other item (odd or even positions, by a seeded coin)
 * moves up one level with double weight.
 */
import { TendInputError } from '../errors.js';
import { createRng, type Rng, rngFromState } from '../random/xoshiro128.js';
import { checkNumberOption } from '../validate.js';
import { ByteReader, ByteWriter, SketchTag } from './bytes.js';
import {
  buildSortedView,
  levelCapacity,
  MIN_WIDTH,
  mergeSorted,
  type SortedView,
  weightAtOrBelow,
} from './kll-levels.js';

const VERSION = 1;

/**
 * Level capacities by depth below the top, per k, made once: a server makes thousands of small
 * sketches a second (one per column of each batch), and working these out was most of the cost
 * of making one.
 * The array is shared and never written.
 */
const CAPACITIES = new Map<number, Float64Array>();

function capacitiesFor(k: number): Float64Array {
  let caps = CAPACITIES.get(k);
  if (caps === undefined) {
    caps = Float64Array.from({ length: 65 }, (_, d) => levelCapacity(k, d + 1, 0));
    if (CAPACITIES.size < 64) CAPACITIES.set(k, caps); // a few k are ever used; never grow far
  }
  return caps;
}

/** Options of {@link KllSketch}. */
export interface KllSketchOptions {
  /** Accuracy parameter, 8 … 65535 (default 200, DataSketches' default: ≈1.33 % rank error). */
  k?: number;
  /** Seed of the compaction coin (default 1); give workers different seeds. */
  seed?: number;
}

/**
 * Mergeable quantile sketch with rank error ε ≈ 2.296/k^0.9723 (99 % confidence), as
 * DataSketches' KLL; NaN inputs are counted in `nanCount`, never inserted. Ranks and quantiles
 * use the inclusive rule: rank(x) = weight of retained items ≤ x over n.
 *
 * @example
 * const s = new KllSketch(); for (let i = 1; i <= 100; i++) s.update(i); s.quantile(0.5); // 50
 */
export class KllSketch {
  /** Accuracy parameter. */
  readonly k: number;
  /** Number of non-NaN values seen. */
  n = 0;
  /** Number of NaN values seen (not part of n). */
  nanCount = 0;
  /** Smallest value seen (NaN while empty). */
  min = Number.NaN;
  /** Largest value seen (NaN while empty). */
  max = Number.NaN;
  private rng: Rng;
  /** Level 0 is an unsorted buffer holding `size0` items; levels ≥ 1 are sorted. */
  private levels: Float64Array[] = [new Float64Array(0)];
  private buffer: Float64Array;
  private size0 = 0;
  private retained = 0;
  private capacity: number;
  /** Capacity by depth below the top level: caps[d] = max(8, round(k·(2/3)^d)). */
  private readonly caps: Float64Array;
  private view: SortedView | null = null;

  constructor({ k = 200, seed = 1 }: KllSketchOptions = {}) {
    checkNumberOption('KllSketch', 'k', k, { min: MIN_WIDTH, max: 65535, integer: true });
    checkNumberOption('KllSketch', 'seed', seed, {
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
      integer: true,
    });
    this.k = k;
    this.rng = createRng(seed);
    this.caps = capacitiesFor(k);
    this.capacity = this.caps[0];
    this.buffer = new Float64Array(this.capacity + 1);
  }

  /** Add one value; NaN is counted in `nanCount`. */
  update(x: number): void {
    if (typeof x !== 'number') {
      throw new TendInputError(
        'KllSketch.update',
        'x',
        'invalid_type',
        `is ${typeof x}, not a number`,
      );
    }
    if (Number.isNaN(x)) {
      this.nanCount++;
      return;
    }
    if (this.n === 0) {
      this.min = x;
      this.max = x;
    } else if (x < this.min) this.min = x;
    else if (x > this.max) this.max = x;
    this.n++;
    if (this.size0 === this.buffer.length) this.growBuffer(this.size0 + 1);
    this.buffer[this.size0++] = x;
    this.retained++;
    this.view = null;
    if (this.retained > this.capacity) this.compressOnce();
  }

  /** Number of items the sketch retains. */
  get numRetained(): number {
    return this.retained;
  }

  /**
   * A-priori normalised rank error: DataSketches' empirical fit, 2.296/k^0.9723 for ranks,
   * quantiles and CDFs, or 2.446/k^0.9433 for the difference of two ranks (a PMF bin), each
   * holding with 99 % confidence (k = 200: 0.0133 and 0.0165).
   *
   * @example
   * new KllSketch().normalizedRankError(); // 0.013294757464848584
   */
  normalizedRankError(pmf = false): number {
    return pmf ? 2.446 / this.k ** 0.9433 : 2.296 / this.k ** 0.9723;
  }

  /**
   * Estimated normalised rank of x: the fraction of values ≤ x.
   *
   * @example
   * const s = new KllSketch(); [1, 2, 3, 4].forEach((v) => s.update(v)); s.rank(2); // 0.5
   */
  rank(x: number): number {
    this.checkNotEmpty('rank');
    if (typeof x !== 'number' || Number.isNaN(x)) {
      throw new TendInputError(
        'KllSketch.rank',
        'x',
        'not_finite',
        `is ${String(x)}; expected a number`,
      );
    }
    return weightAtOrBelow(this.sortedView(), x) / this.n;
  }

  /**
   * Estimated q-quantile: the smallest retained item whose inclusive rank is ≥ q (q = 0 gives
   * min, q = 1 gives max).
   *
   * @example
   * const s = new KllSketch(); [1, 2, 3, 4].forEach((v) => s.update(v)); s.quantile(0.5); // 2
   */
  quantile(q: number): number {
    this.checkNotEmpty('quantile');
    checkNumberOption('KllSketch.quantile', 'q', q, { min: 0, max: 1 });
    if (q === 0) return this.min;
    if (q === 1) return this.max;
    const { items, cum } = this.sortedView();
    const target = q * this.n;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] >= target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  }

  /**
   * {@link quantile} at each of qs.
   *
   * @example
   * const s = new KllSketch(); [1, 2, 3, 4].forEach((v) => s.update(v)); s.quantiles([0, 1]); // [1, 4]
   */
  quantiles(qs: ArrayLike<number>): number[] {
    return Array.from(qs, (q) => this.quantile(q));
  }

  /**
   * Estimated CDF at strictly increasing split points s₁ < … < s_m: [rank(s₁), …, rank(s_m), 1].
   *
   * @example
   * const s = new KllSketch(); [1, 2, 3, 4].forEach((v) => s.update(v)); s.cdf([2]); // [0.5, 1]
   */
  cdf(splitPoints: ArrayLike<number>): number[] {
    this.checkNotEmpty('cdf');
    for (let i = 0; i < splitPoints.length; i++) {
      const v = splitPoints[i];
      if (typeof v !== 'number' || Number.isNaN(v) || (i > 0 && !(v > splitPoints[i - 1]))) {
        throw new TendInputError(
          'KllSketch.cdf',
          'splitPoints',
          'invalid_option',
          `[${i}] is ${String(v)}; split points must be numbers in strictly increasing order`,
        );
      }
    }
    const out = Array.from(splitPoints, (s) => this.rank(s));
    out.push(1);
    return out;
  }

  /** Retained items in increasing order with their cumulative weights (cached until changed). */
  sortedView(): SortedView {
    if (this.view) return this.view;
    const sorted = this.levels.map((l, h) =>
      h === 0 ? this.buffer.slice(0, this.size0).sort() : l,
    );
    this.view = buildSortedView(sorted);
    return this.view;
  }

  /**
   * Fold another sketch with the same k into this one; the result answers as a sketch of both
   * streams, within the same error bound.
   *
   * @example
   * const a = new KllSketch(); a.update(1); const b = new KllSketch(); b.update(3); a.merge(b); a.max; // 3
   */
  merge(other: KllSketch): this {
    if (!(other instanceof KllSketch)) {
      throw new TendInputError('KllSketch.merge', 'other', 'invalid_type', 'must be a KllSketch');
    }
    if (other.k !== this.k) {
      throw new TendInputError(
        'KllSketch.merge',
        'other',
        'invalid_option',
        `has k = ${other.k} but this sketch has k = ${this.k}`,
      );
    }
    if (other === this)
      throw new TendInputError(
        'KllSketch.merge',
        'other',
        'invalid_state',
        'is this sketch itself',
      );
    this.nanCount += other.nanCount;
    if (other.n === 0) return this;
    this.min = this.n === 0 ? other.min : Math.min(this.min, other.min);
    this.max = this.n === 0 ? other.max : Math.max(this.max, other.max);
    this.n += other.n;
    if (this.size0 + other.size0 > this.buffer.length) this.growBuffer(this.size0 + other.size0);
    this.buffer.set(other.buffer.subarray(0, other.size0), this.size0);
    this.size0 += other.size0;
    for (let h = 1; h < other.levels.length; h++) {
      if (h >= this.levels.length) this.levels.push(new Float64Array(0));
      this.levels[h] = mergeSorted(this.levels[h], other.levels[h]);
    }
    this.retained += other.retained;
    this.capacity = this.totalCapacity();
    this.view = null;
    while (this.retained > this.capacity) this.compressOnce();
    return this;
  }

  private totalCapacity(): number {
    let c = 0;
    for (let d = 0; d < this.levels.length; d++) c += this.caps[d];
    return c;
  }

  private growBuffer(min: number): void {
    const next = new Float64Array(Math.max(min, this.buffer.length * 2));
    next.set(this.buffer.subarray(0, this.size0));
    this.buffer = next;
  }

  /** Compact the lowest level holding at least its capacity (DataSketches' update path). */
  private compressOnce(): void {
    const numLevels = this.levels.length;
    let h = 0;
    while (h < numLevels - 1) {
      const size = h === 0 ? this.size0 : this.levels[h].length;
      if (size >= this.caps[numLevels - 1 - h]) break;
      h++;
    }
    if (h === numLevels - 1) {
      this.levels.push(new Float64Array(0));
      this.capacity = this.totalCapacity();
    }
    const items = h === 0 ? this.buffer.slice(0, this.size0).sort() : this.levels[h];
    // An odd item stays behind with its weight, so no weight is lost.
    const keep = items.length % 2;
    const offset = this.rng.nextUint32() & 1;
    const half = (items.length - keep) >> 1;
    const promoted = new Float64Array(half);
    for (let i = 0; i < half; i++) promoted[i] = items[keep + 2 * i + offset];
    this.levels[h + 1] = mergeSorted(this.levels[h + 1], promoted);
    if (h === 0) {
      if (keep) this.buffer[0] = items[0];
      this.size0 = keep;
    } else {
      this.levels[h] = items.slice(0, keep);
    }
    this.retained -= half;
    this.view = null;
  }

  private checkNotEmpty(method: string): void {
    if (this.n === 0) {
      throw new TendInputError(
        `KllSketch.${method}`,
        'sketch',
        'empty',
        'has seen no (non-NaN) values',
      );
    }
  }

  /** Summary for logs and JSON APIs (not a round trip: use toBytes). */
  toJSON(): {
    kind: 'kll';
    k: number;
    n: number;
    nanCount: number;
    min: number | null;
    max: number | null;
    retained: number;
  } {
    const fin = (v: number) => (Number.isFinite(v) ? v : null);
    return {
      kind: 'kll',
      k: this.k,
      n: this.n,
      nanCount: this.nanCount,
      min: fin(this.min),
      max: fin(this.max),
      retained: this.retained,
    };
  }

  /**
   * Binary form: tag 0x4B, version 1, k (u32), n, nanCount, min, max (f64), coin state
   * (4 × u32), number of levels (u32), then per level its size (u32) and items (f64).
   *
   * @example
   * KllSketch.fromBytes(new KllSketch().toBytes()).n; // 0
   */
  toBytes(): Uint8Array {
    const w = new ByteWriter(
      SketchTag.kll,
      VERSION,
      64 + 8 * this.retained + 4 * this.levels.length,
    );
    w.u32(this.k);
    w.f64(this.n);
    w.f64(this.nanCount);
    w.f64(this.min);
    w.f64(this.max);
    for (const s of this.rng.state()) w.u32(s);
    w.u32(this.levels.length);
    for (let h = 0; h < this.levels.length; h++) {
      const items = h === 0 ? this.buffer.subarray(0, this.size0) : this.levels[h];
      w.u32(items.length);
      w.f64s(items);
    }
    return w.finish();
  }

  /** Read a sketch written by {@link toBytes}; it answers and continues exactly as the original. */
  static fromBytes(bytes: Uint8Array): KllSketch {
    const r = new ByteReader('KllSketch.fromBytes', bytes, SketchTag.kll, VERSION);
    const k = r.u32();
    if (k < MIN_WIDTH || k > 65535) r.corrupt(`k = ${k}`);
    const s = new KllSketch({ k });
    s.n = r.f64();
    s.nanCount = r.f64();
    s.min = r.f64();
    s.max = r.f64();
    s.rng = rngFromState([r.u32(), r.u32(), r.u32(), r.u32()]);
    const numLevels = r.u32();
    if (numLevels < 1 || numLevels > 64) r.corrupt(`${numLevels} levels`);
    let weight = 0;
    s.levels = [];
    for (let h = 0; h < numLevels; h++) {
      const items = r.f64s(r.u32());
      for (let i = 0; i < items.length; i++) {
        if (Number.isNaN(items[i]) || (h > 0 && i > 0 && items[i] < items[i - 1])) {
          r.corrupt(`level ${h} is not a sorted list of numbers`);
        }
      }
      if (h === 0) {
        s.buffer = new Float64Array(Math.max(items.length + 1, levelCapacity(k, numLevels, 0) + 1));
        s.buffer.set(items);
        s.size0 = items.length;
      }
      s.levels.push(h === 0 ? new Float64Array(0) : items);
      s.retained += items.length;
      weight += items.length * 2 ** h;
    }
    r.end();
    if (!Number.isSafeInteger(s.nanCount) || s.nanCount < 0) r.corrupt(`nanCount = ${s.nanCount}`);
    if (weight !== s.n) r.corrupt(`retained weight ${weight} differs from n = ${s.n}`);
    s.capacity = s.totalCapacity();
    return s;
  }
}
