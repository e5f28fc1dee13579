/**
 * What a window keeps of one column (a feature, the prediction, the label, a score, the
 * latency): counts of missing values and types, and — only for the kinds of values the column
 * has — moments and KLL quantiles of its numbers, and frequent items and a HyperLogLog count of
 * its other values. Every part is a mergeable sketch of @tend/core, so the profile of a window
 * written by several batches or several servers is their merge: exact for counts and moments,
 * within the sketches' stated bounds for quantiles, frequent items and distinct counts.
 */
import { ColumnCounts, FrequentItems, HyperLogLog, KllSketch, Moments } from '@tend/core';

const FORMAT = 1;
const HAS_NUMBERS = 1;
const HAS_ITEMS = 2;
/** Frequent items kept per column and window: ranks hold for items above n/100. */
const MAX_ITEMS = 100;
/** 2^10 registers: distinct counts within ±3.3 % (one standard error), under 1 KB a column. */
const HLL_P = 10;

/**
 * One column's profile.
 *
 * @example
 * const p = new ColumnProfile(); [1, 2, null, 'x'].forEach((v) => p.update(v)); p.counts.missing; // 1
 */
export class ColumnProfile {
  counts = new ColumnCounts();
  moments: Moments | null = null;
  quantiles: KllSketch | null = null;
  items: FrequentItems | null = null;
  distinct: HyperLogLog | null = null;

  /** Add one value. */
  update(value: unknown): void {
    this.counts.update(value);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return;
      this.moments ??= new Moments();
      this.quantiles ??= new KllSketch();
      this.moments.update(value);
      this.quantiles.update(value);
    } else if (typeof value === 'string' || typeof value === 'boolean') {
      if (value === '') return;
      const item = String(value);
      this.items ??= new FrequentItems({ maxItems: MAX_ITEMS });
      this.distinct ??= new HyperLogLog({ p: HLL_P });
      this.items.update(item);
      this.distinct.update(item);
    }
  }

  /** Merge another profile of the same column into this one. */
  merge(other: ColumnProfile): this {
    this.counts.merge(other.counts);
    if (other.moments !== null) {
      this.moments =
        this.moments === null
          ? Moments.fromBytes(other.moments.toBytes())
          : this.moments.merge(other.moments);
      this.quantiles =
        this.quantiles === null
          ? KllSketch.fromBytes((other.quantiles as KllSketch).toBytes())
          : this.quantiles.merge(other.quantiles as KllSketch);
    }
    if (other.items !== null) {
      this.items =
        this.items === null
          ? FrequentItems.fromBytes(other.items.toBytes())
          : this.items.merge(other.items);
      this.distinct =
        this.distinct === null
          ? HyperLogLog.fromBytes((other.distinct as HyperLogLog).toBytes())
          : this.distinct.merge(other.distinct as HyperLogLog);
    }
    return this;
  }

  /** Compact bytes: the parts present, each length-prefixed. */
  toBytes(): Buffer {
    const parts: Uint8Array[] = [this.counts.toBytes()];
    let flags = 0;
    if (this.moments !== null && this.quantiles !== null) {
      flags |= HAS_NUMBERS;
      parts.push(this.moments.toBytes(), this.quantiles.toBytes());
    }
    if (this.items !== null && this.distinct !== null) {
      flags |= HAS_ITEMS;
      parts.push(this.items.toBytes(), this.distinct.toBytes());
    }
    const size = 2 + parts.reduce((s, p) => s + 4 + p.length, 0);
    const out = Buffer.allocUnsafe(size);
    out[0] = FORMAT;
    out[1] = flags;
    let at = 2;
    for (const p of parts) {
      out.writeUInt32LE(p.length, at);
      out.set(p, at + 4);
      at += 4 + p.length;
    }
    return out;
  }

  /** A profile from `toBytes()`; throws on bytes of another format. */
  static fromBytes(bytes: Uint8Array): ColumnProfile {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.length < 2 || buf[0] !== FORMAT) {
      throw new Error(
        `not a column profile of format ${FORMAT} (${buf.length} bytes, format ${buf[0]})`,
      );
    }
    const flags = buf[1];
    let at = 2;
    const next = (): Uint8Array => {
      const n = buf.readUInt32LE(at);
      const part = buf.subarray(at + 4, at + 4 + n);
      at += 4 + n;
      return part;
    };
    const p = new ColumnProfile();
    p.counts = ColumnCounts.fromBytes(next());
    if (flags & HAS_NUMBERS) {
      p.moments = Moments.fromBytes(next());
      p.quantiles = KllSketch.fromBytes(next());
    }
    if (flags & HAS_ITEMS) {
      p.items = FrequentItems.fromBytes(next());
      p.distinct = HyperLogLog.fromBytes(next());
    }
    return p;
  }

  /** A readable summary: counts, mean and spread, quantiles, top items, distinct count. */
  summary(): ProfileSummary {
    const s: ProfileSummary = { ...this.counts.toJSON() };
    if (this.moments !== null && this.quantiles !== null) {
      const m = this.moments;
      s.numbers = {
        mean: m.mean,
        std: m.count > 1 ? Math.sqrt(m.variance(1)) : null,
        min: m.min,
        max: m.max,
        quantiles: Object.fromEntries(
          [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99].map((q) => [
            String(q),
            this.quantiles!.quantile(q),
          ]),
        ),
      };
    }
    if (this.items !== null && this.distinct !== null) {
      s.items = {
        top: this.items
          .items()
          .slice(0, 20)
          .map((r) => ({ value: String(r.item), count: r.estimate })),
        distinct: Math.round(this.distinct.estimate()),
      };
    }
    return s;
  }
}

export interface ProfileSummary {
  count: number;
  missing: number;
  number: number;
  integer: number;
  string: number;
  boolean: number;
  other: number;
  numbers?: {
    mean: number;
    std: number | null;
    min: number;
    max: number;
    quantiles: Record<string, number>;
  };
  items?: { top: { value: string; count: number }[]; distinct: number };
}
