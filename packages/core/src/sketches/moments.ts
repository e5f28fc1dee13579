/**
 * Count, mean, variance, skewness and kurtosis of a stream in one pass: central moment sums
 * M2, M3, M4 updated per value by Welford's recurrence extended by Terriberry (2007), and
 * merged exactly by the pairwise formulas of Chan, Golub & LeVeque (1979) and Pébay
 * ("Formulas for robust, one-pass parallel computation of covariances and arbitrary-order
 * statistical moments", Sandia SAND2008-6212).
 */
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';
import { ByteReader, ByteWriter, SketchTag } from './bytes.js';

const VERSION = 1;
/** numpy.finfo(float64).resolution, SciPy's threshold for "all values equal". */
const RESOLUTION = 1e-15;

/** Options of {@link Moments.skew}. */
export interface SkewOptions {
  /** Biased (default, SciPy's) or adjusted Fisher–Pearson estimator G1. */
  bias?: boolean;
}

/** Options of {@link Moments.kurtosis}. */
export interface KurtosisOptions extends SkewOptions {
  /** Excess kurtosis, normal → 0 (default, SciPy's); false gives Pearson's, normal → 3. */
  fisher?: boolean;
}

/**
 * Streaming, mergeable moments; NaN values are counted in `nanCount`, infinities refused.
 * `skew` and `kurtosis` follow `scipy.stats.skew` / `kurtosis` (NaN when all values are equal).
 *
 * @example
 * const m = new Moments(); [1, 2, 3, 4, 10].forEach((x) => m.update(x)); m.skew(); // 1.1384199576606164 (SciPy: 1.1384199576606167)
 */
export class Moments {
  /** Number of (non-NaN) values. */
  count = 0;
  /** Number of NaN values seen (not part of count). */
  nanCount = 0;
  /** Mean (NaN while empty). */
  mean = Number.NaN;
  /** Smallest value (NaN while empty). */
  min = Number.NaN;
  /** Largest value (NaN while empty). */
  max = Number.NaN;
  private m2 = 0;
  private m3 = 0;
  private m4 = 0;
  // Neumaier-compensated sum: the sum stays exact to a few ulps however long the stream.
  private s = 0;
  private c = 0;

  /** Add one value; NaN is counted in `nanCount`. */
  update(x: number): void {
    if (typeof x !== 'number') {
      throw new TendInputError(
        'Moments.update',
        'x',
        'invalid_type',
        `is ${typeof x}, not a number`,
      );
    }
    if (Number.isNaN(x)) {
      this.nanCount++;
      return;
    }
    if (!Number.isFinite(x)) {
      throw new TendInputError(
        'Moments.update',
        'x',
        'not_finite',
        `is ${x}; values must be finite`,
      );
    }
    const n1 = this.count;
    const n = n1 + 1;
    this.count = n;
    if (n1 === 0) {
      this.mean = x;
      this.min = x;
      this.max = x;
    } else if (x < this.min) this.min = x;
    else if (x > this.max) this.max = x;
    const delta = x - (n1 === 0 ? x : this.mean);
    const dn = delta / n;
    const dn2 = dn * dn;
    const term1 = delta * dn * n1;
    if (n1 > 0) this.mean += dn;
    this.m4 += term1 * dn2 * (n * n - 3 * n + 3) + 6 * dn2 * this.m2 - 4 * dn * this.m3;
    this.m3 += term1 * dn * (n - 2) - 3 * dn * this.m2;
    this.m2 += term1;
    this.addToSum(x, 0);
  }

  private addToSum(x: number, comp: number): void {
    const t = this.s + x;
    this.c += comp + (Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s);
    this.s = t;
  }

  /** Sum of the values (compensated). */
  get sum(): number {
    return this.s + this.c;
  }

  /**
   * Variance Σ(x − mean)²/(count − ddof): ddof 0 (default) for the population's, 1 for the
   * sample's; NaN when count ≤ ddof.
   *
   * @example
   * const m = new Moments(); [1, 2, 3, 4].forEach((x) => m.update(x)); m.variance(1); // 1.6666666666666667
   */
  variance(ddof = 0): number {
    checkNumberOption('Moments.variance', 'ddof', ddof, { min: 0 });
    return this.count > ddof ? this.m2 / (this.count - ddof) : Number.NaN;
  }

  /** SciPy's test for data whose values are all equal: m2 ≤ (resolution·mean)². */
  private degenerate(): boolean {
    const m2 = this.m2 / this.count;
    return this.count === 0 || m2 <= (RESOLUTION * this.mean) ** 2;
  }

  /**
   * Skewness g1 = m3/m2^1.5 (central moments mᵢ = Σ(x − mean)ⁱ/n), as `scipy.stats.skew`; with
   * bias false, G1 = g1·√(n(n−1))/(n−2) for n > 2 (SciPy keeps g1 for n ≤ 2).
   *
   * @example
   * const m = new Moments(); [1, 2, 3, 4, 10].forEach((x) => m.update(x)); m.skew(); // 1.1384199576606164 (SciPy: 1.1384199576606167)
   */
  skew({ bias = true }: SkewOptions = {}): number {
    if (this.degenerate()) return Number.NaN;
    const n = this.count;
    const g1 = (Math.sqrt(n) * this.m3) / this.m2 ** 1.5;
    if (bias) return g1;
    return n > 2 ? (Math.sqrt((n - 1) * n) / (n - 2)) * g1 : g1;
  }

  /**
   * Kurtosis m4/m2² − 3 (Fisher, default) or m4/m2² (Pearson), as `scipy.stats.kurtosis`; with
   * bias false, ((n²−1)·m4/m2² − 3(n−1)²)/((n−2)(n−3)) + 3 before Fisher's − 3, for n > 3
   * (SciPy keeps the biased value for n ≤ 3).
   *
   * @example
   * const m = new Moments(); [1, 2, 3, 4, 10].forEach((x) => m.update(x)); m.kurtosis(); // -0.2120000000000002 (SciPy: -0.21199999999999974)
   */
  kurtosis({ fisher = true, bias = true }: KurtosisOptions = {}): number {
    if (this.degenerate()) return Number.NaN;
    const n = this.count;
    let k = (n * this.m4) / (this.m2 * this.m2);
    if (!bias && n > 3) {
      k = ((n * n - 1) * k - 3 * (n - 1) ** 2) / ((n - 2) * (n - 3)) + 3;
    }
    return fisher ? k - 3 : k;
  }

  /**
   * Fold another Moments into this one (Pébay 2008, eqs. 3.1 and 2.1): the result equals, up to
   * rounding, the moments of both streams together.
   *
   * @example
   * const a = new Moments(); a.update(1); const b = new Moments(); b.update(3); a.merge(b).mean; // 2
   */
  merge(other: Moments): this {
    if (!(other instanceof Moments)) {
      throw new TendInputError('Moments.merge', 'other', 'invalid_type', 'must be a Moments');
    }
    this.nanCount += other.nanCount;
    const nb = other.count;
    if (nb === 0) return this;
    const na = this.count;
    if (na === 0) {
      Object.assign(this, { ...other, nanCount: this.nanCount });
      return this;
    }
    const n = na + nb;
    const d = other.mean - this.mean;
    const d2 = d * d;
    const { m2: a2, m3: a3, m4: a4 } = this;
    const { m2: b2, m3: b3, m4: b4 } = other;
    this.mean += (d * nb) / n;
    this.m2 = a2 + b2 + (d2 * na * nb) / n;
    this.m3 =
      a3 + b3 + (d * d2 * na * nb * (na - nb)) / (n * n) + (3 * d * (na * b2 - nb * a2)) / n;
    this.m4 =
      a4 +
      b4 +
      (d2 * d2 * na * nb * (na * na - na * nb + nb * nb)) / (n * n * n) +
      (6 * d2 * (na * na * b2 + nb * nb * a2)) / (n * n) +
      (4 * d * (na * b3 - nb * a3)) / n;
    this.count = n;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    this.addToSum(other.s, other.c);
    return this;
  }

  /** Plain object of every statistic (NaN written as null). */
  toJSON(): Record<string, number | null> {
    const v = (x: number) => (Number.isNaN(x) ? null : x);
    return {
      count: this.count,
      nanCount: this.nanCount,
      mean: v(this.mean),
      variance: v(this.variance()),
      skew: v(this.skew()),
      kurtosis: v(this.kurtosis()),
      min: v(this.min),
      max: v(this.max),
      sum: this.sum,
    };
  }

  /**
   * Binary form (82 bytes): tag 0x4D, version 1, then count, nanCount, mean, M2, M3, M4, min,
   * max, sum and its compensation as f64.
   *
   * @example
   * Moments.fromBytes(new Moments().toBytes()).count; // 0
   */
  toBytes(): Uint8Array {
    const w = new ByteWriter(SketchTag.moments, VERSION, 82);
    w.f64s([this.count, this.nanCount, this.mean, this.m2, this.m3, this.m4]);
    w.f64s([this.min, this.max, this.s, this.c]);
    return w.finish();
  }

  /** Read moments written by {@link toBytes}. */
  static fromBytes(bytes: Uint8Array): Moments {
    const r = new ByteReader('Moments.fromBytes', bytes, SketchTag.moments, VERSION);
    const f = r.f64s(10);
    r.end();
    if (!(Number.isInteger(f[0]) && f[0] >= 0 && Number.isInteger(f[1]) && f[1] >= 0)) {
      r.corrupt(`count ${f[0]} / nanCount ${f[1]}`);
    }
    const m = new Moments();
    [m.count, m.nanCount, m.mean, m.m2, m.m3, m.m4, m.min, m.max, m.s, m.c] = f;
    return m;
  }
}
