/**
 * ADWIN, adaptive windowing (Bifet & Gavaldà, "Learning from time-changing data with adaptive
 * windowing", SIAM SDM 2007; the bucket-compressed ADWIN2), with River's defaults and update
 * rule (river/drift/adwin.py and adwin_c.pyx, River ≥ 0.15 with `clock`, `max_buckets`,
 * `min_window_length`, `grace_period`; cut points as in the current adwin_c.pyx, which visits
 * every bucket of every row).
 */
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';
import {
  checkState,
  checkValue,
  DetectorBase,
  type DetectorStateBase,
  decodeNumber,
} from './detector.js';

/** Options of {@link Adwin}; the defaults are River's. */
export interface AdwinOptions {
  /** Significance δ of the cut test (default 0.002). */
  delta?: number;
  /** Look for a cut every `clock` values (default 32). */
  clock?: number;
  /** Buckets of each size kept before two are merged (default 5). */
  maxBuckets?: number;
  /** Smallest sub-window length a cut may leave on either side (default 5). */
  minWindowLength?: number;
  /** No cut is looked for until the window holds more than this many values (default 10). */
  gracePeriod?: number;
}

/** One row of buckets, all of size 2^row: their sums and variance sums, oldest first. */
interface Row {
  totals: number[];
  variances: number[];
}

/** Serialised {@link Adwin}. */
export interface AdwinState extends DetectorStateBase<'adwin', Required<AdwinOptions>> {
  width: number;
  total: number;
  variance: number;
  tick: number;
  rows: Row[];
}

const FN = 'Adwin';

/**
 * ADWIN change detector on a stream of numbers (often 0/1 errors, or any bounded values).
 *
 * Keeps the recent window in exponential-histogram buckets (row r holds up to `maxBuckets`
 * sums of 2^r values). Every `clock` values it tries each bucket boundary as a cut W₀|W₁ and
 * drops the oldest bucket while |μ̂₀ − μ̂₁| > ε, with
 * ε = √(2·m·σ̂²·δ′) + (2/3)·δ′·m, δ′ = ln(2·ln|W|/δ), m = 1/(n₀ − L + 1) + 1/(n₁ − L + 1)
 * (L = `minWindowLength`); a drift is any update where that happened. As in River, the
 * detector then restarts with an empty window on the next update.
 *
 * @example
 * const a = new Adwin(); for (let i = 0; i < 2000; i++) a.update(i < 1000 ? i % 2 : 5 + (i % 2)); a.nDetections; // 1
 */
export class Adwin extends DetectorBase {
  readonly delta: number;
  readonly clock: number;
  readonly maxBuckets: number;
  readonly minWindowLength: number;
  readonly gracePeriod: number;
  private rows: Row[] = [{ totals: [], variances: [] }];
  private w = 0;
  private sum = 0;
  private varSum = 0;
  private tick = 0;

  constructor(options: AdwinOptions = {}) {
    super();
    this.delta = options.delta ?? 0.002;
    this.clock = options.clock ?? 32;
    this.maxBuckets = options.maxBuckets ?? 5;
    this.minWindowLength = options.minWindowLength ?? 5;
    this.gracePeriod = options.gracePeriod ?? 10;
    checkNumberOption(FN, 'delta', this.delta, { min: 0, max: 1, exclusiveMin: true });
    checkNumberOption(FN, 'clock', this.clock, { min: 1, integer: true });
    checkNumberOption(FN, 'maxBuckets', this.maxBuckets, { min: 2, integer: true });
    checkNumberOption(FN, 'minWindowLength', this.minWindowLength, { min: 1, integer: true });
    checkNumberOption(FN, 'gracePeriod', this.gracePeriod, { min: 0, integer: true });
  }

  /** Number of values in the current window. */
  get width(): number {
    return this.w;
  }

  /** Mean of the current window (0 when empty). */
  get estimation(): number {
    return this.w === 0 ? 0 : this.sum / this.w;
  }

  protected check(x: number): void {
    checkValue(`${FN}.update`, x);
  }

  protected step(x: number): void {
    this.insert(x);
    this.tick += 1;
    if (this.tick % this.clock !== 0 || this.w <= this.gracePeriod) return;
    // Each cut found drops the oldest bucket; the scan restarts until no cut holds.
    while (this.findCut()) {
      this.drift = true;
      this.dropOldest();
    }
  }

  private insert(x: number): void {
    const head = this.rows[0];
    head.totals.push(x);
    head.variances.push(0);
    this.w += 1;
    if (this.w > 1) {
      // Babcock et al. (2003): the new value's contribution to the window's squared deviations.
      const d = x - this.sum / (this.w - 1);
      this.varSum += ((this.w - 1) * d * d) / this.w;
    }
    this.sum += x;
    this.compress();
  }

  /** Merge the two oldest buckets of any row that overflowed into the next row. */
  private compress(): void {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (row.totals.length !== this.maxBuckets + 1) break;
      if (r + 1 === this.rows.length) this.rows.push({ totals: [], variances: [] });
      const next = this.rows[r + 1];
      const size = 2 ** r;
      const d = row.totals[0] / size - row.totals[1] / size;
      next.totals.push(row.totals[0] + row.totals[1]);
      next.variances.push(row.variances[0] + row.variances[1] + size * 0.5 * d * d);
      row.totals.splice(0, 2);
      row.variances.splice(0, 2);
      if (next.totals.length <= this.maxBuckets) break;
    }
  }

  /** Remove the oldest bucket (first of the last row). */
  private dropOldest(): void {
    const last = this.rows.length - 1;
    const row = this.rows[last];
    const n = 2 ** last;
    const u = row.totals[0];
    this.w -= n;
    this.sum -= u;
    const d = u / n - this.sum / this.w;
    this.varSum -= row.variances[0] + (n * this.w * d * d) / (n + this.w);
    row.totals.shift();
    row.variances.shift();
    if (row.totals.length === 0) this.rows.pop();
  }

  /** Whether some bucket boundary splits the window into halves with distinct means. */
  private findCut(): boolean {
    let n0 = 0;
    let n1 = this.w;
    let u0 = 0;
    let u1 = this.sum;
    const L = this.minWindowLength;
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      const size = 2 ** r;
      for (let k = 0; k < row.totals.length; k++) {
        n0 += size;
        n1 -= size;
        u0 += row.totals[k];
        u1 -= row.totals[k];
        if (r === 0 && k === row.totals.length - 1) return false;
        if (n1 >= L && n0 >= L && this.cutHolds(n0, n1, u0 / n0 - u1 / n1)) return true;
      }
    }
    return false;
  }

  private cutHolds(n0: number, n1: number, diff: number): boolean {
    const L = this.minWindowLength;
    const dPrime = Math.log((2 * Math.log(this.w)) / this.delta);
    const m = 1 / (n0 - L + 1) + 1 / (n1 - L + 1);
    const eps = Math.sqrt(2 * m * (this.varSum / this.w) * dPrime) + (2 / 3) * dPrime * m;
    return Math.abs(diff) > eps;
  }

  protected restart(): void {
    this.clearFlags();
    this.rows = [{ totals: [], variances: [] }];
    this.w = 0;
    this.sum = 0;
    this.varSum = 0;
    this.tick = 0;
  }

  /** Plain state for `JSON.stringify`; {@link Adwin.fromJSON} resumes it exactly. */
  toJSON(): AdwinState {
    return {
      type: 'adwin',
      version: 1,
      options: {
        delta: this.delta,
        clock: this.clock,
        maxBuckets: this.maxBuckets,
        minWindowLength: this.minWindowLength,
        gracePeriod: this.gracePeriod,
      },
      ...this.baseState(),
      width: this.w,
      total: this.sum,
      variance: this.varSum,
      tick: this.tick,
      rows: this.rows.map((r) => ({ totals: [...r.totals], variances: [...r.variances] })),
    };
  }

  /**
   * Resume a detector saved with `toJSON()`.
   *
   * @example
   * Adwin.fromJSON(new Adwin().toJSON()).width; // 0
   */
  static fromJSON(state: AdwinState): Adwin {
    const fn = `${FN}.fromJSON`;
    const s = checkState<AdwinState>(fn, state, 'adwin');
    const d = new Adwin(s.options);
    d.restoreBase(fn, s);
    d.w = decodeNumber(fn, 'width', s.width);
    d.sum = decodeNumber(fn, 'total', s.total);
    d.varSum = decodeNumber(fn, 'variance', s.variance);
    d.tick = decodeNumber(fn, 'tick', s.tick);
    const rowOk = (r: Row) =>
      r !== null &&
      Array.isArray(r.totals) &&
      Array.isArray(r.variances) &&
      r.totals.length === r.variances.length &&
      r.totals.length <= d.maxBuckets + 1;
    if (!Array.isArray(s.rows) || s.rows.length === 0 || !s.rows.every(rowOk)) {
      throw new TendInputError(fn, 'state', 'invalid_state', 'has no valid bucket rows');
    }
    d.rows = s.rows.map((r, i) => ({
      totals: r.totals.map((v) => decodeNumber(fn, `rows[${i}].totals`, v)),
      variances: r.variances.map((v) => decodeNumber(fn, `rows[${i}].variances`, v)),
    }));
    return d;
  }
}
