/**
 * Heavy hitters with the weighted Misra–Gries summary (Misra & Gries, "Finding repeated
 * elements", 1982), merged as Agarwal, Cormode, Huang, Phillips, Wei & Yi, "Mergeable
 * summaries" (PODS 2012 / TODS 2013): add the counters, then subtract the (k+1)-th largest
 * count from all and drop those left ≤ 0. Every subtraction δ removes at least (k+1)·δ of
 * weight, so the total subtracted, `maximumError()`, is ≤ (n − retained weight)/(k+1).
 */
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';
import { ByteReader, ByteWriter, SketchTag } from './bytes.js';

const VERSION = 1;

/** An item a {@link FrequentItems} counts. */
export type FrequentItem = string | number;

/** One row of {@link FrequentItems.items}. */
export interface FrequentItemRow {
  item: FrequentItem;
  /** counter + maximumError(), DataSketches' estimate (an upper estimate). */
  estimate: number;
  /** The counter: the true weight is at least this. */
  lowerBound: number;
  /** counter + maximumError(): the true weight is at most this. */
  upperBound: number;
}

/** Options of {@link FrequentItems}. */
export interface FrequentItemsOptions {
  /** Counters k kept after each purge (default 100, 1 … 1 000 000). */
  maxItems?: number;
}

/**
 * Mergeable heavy-hitter summary: for every item, true weight ∈ [lowerBound, upperBound], and an
 * item not listed has true weight ≤ maximumError() ≤ n/(maxItems + 1). To amortise purges the
 * table grows to 2·maxItems counters before it is cut back to at most maxItems.
 *
 * @example
 * const f = new FrequentItems({ maxItems: 2 }); ['a', 'b', 'a', 'c', 'a'].forEach((x) => f.update(x)); f.items()[0].item; // 'a'
 */
export class FrequentItems {
  /** Counters kept after each purge (k). */
  readonly maxItems: number;
  /** Total weight seen. */
  n = 0;
  private counts = new Map<FrequentItem, number>();
  private offset = 0;

  constructor({ maxItems = 100 }: FrequentItemsOptions = {}) {
    checkNumberOption('FrequentItems', 'maxItems', maxItems, {
      min: 1,
      max: 1000000,
      integer: true,
    });
    this.maxItems = maxItems;
  }

  /** Add `weight` (a positive finite number, default 1) to `item`, a string or a number. */
  update(item: FrequentItem, weight = 1): void {
    const fn = 'FrequentItems.update';
    if (typeof item !== 'string' && typeof item !== 'number') {
      const t = item === null ? 'null' : typeof item;
      throw new TendInputError(
        fn,
        'item',
        'invalid_type',
        `is ${t}; expected a string or a number`,
      );
    }
    if (typeof weight !== 'number' || !(weight > 0) || weight === Number.POSITIVE_INFINITY) {
      throw new TendInputError(
        fn,
        'weight',
        'out_of_range',
        `is ${String(weight)}; expected a positive finite number`,
      );
    }
    this.n += weight;
    this.counts.set(item, (this.counts.get(item) ?? 0) + weight);
    if (this.counts.size > 2 * this.maxItems) this.purge();
  }

  /**
   * Upper bound on the error of any estimate: the weight subtracted so far. An item absent from
   * {@link items} has true weight ≤ this.
   *
   * @example
   * const f = new FrequentItems({ maxItems: 1 }); ['a', 'b', 'c'].forEach((x) => f.update(x)); f.maximumError(); // 1
   */
  maximumError(): number {
    return this.offset;
  }

  /**
   * Retained items with their bounds, largest estimate first (ties in first-seen order).
   *
   * @example
   * const f = new FrequentItems(); f.update('a', 3); f.items(); // [{ item: 'a', estimate: 3, lowerBound: 3, upperBound: 3 }]
   */
  items(): FrequentItemRow[] {
    const rows: FrequentItemRow[] = [];
    for (const [item, c] of this.counts) {
      rows.push({ item, estimate: c + this.offset, lowerBound: c, upperBound: c + this.offset });
    }
    return rows.sort((a, b) => b.lowerBound - a.lowerBound);
  }

  /**
   * Bounds for one item, counted or not.
   *
   * @example
   * const f = new FrequentItems(); f.update('a', 3); f.bounds('z'); // { item: 'z', estimate: 0, lowerBound: 0, upperBound: 0 }
   */
  bounds(item: FrequentItem): FrequentItemRow {
    const c = this.counts.get(item);
    if (c === undefined) return { item, estimate: 0, lowerBound: 0, upperBound: this.offset };
    return { item, estimate: c + this.offset, lowerBound: c, upperBound: c + this.offset };
  }

  /**
   * Fold another summary with the same maxItems into this one (Agarwal et al. 2012): counters
   * add, maximum errors add, then the table is cut back as usual.
   *
   * @example
   * const a = new FrequentItems(); a.update('x'); const b = new FrequentItems(); b.update('x'); a.merge(b).bounds('x').lowerBound; // 2
   */
  merge(other: FrequentItems): this {
    const fn = 'FrequentItems.merge';
    if (!(other instanceof FrequentItems)) {
      throw new TendInputError(fn, 'other', 'invalid_type', 'must be a FrequentItems');
    }
    if (other.maxItems !== this.maxItems) {
      throw new TendInputError(
        fn,
        'other',
        'invalid_option',
        `has maxItems = ${other.maxItems} but this sketch has maxItems = ${this.maxItems}`,
      );
    }
    if (other === this)
      throw new TendInputError(fn, 'other', 'invalid_state', 'is this sketch itself');
    for (const [item, c] of other.counts) this.counts.set(item, (this.counts.get(item) ?? 0) + c);
    this.n += other.n;
    this.offset += other.offset;
    if (this.counts.size > 2 * this.maxItems) this.purge();
    return this;
  }

  /** Subtract the (k+1)-th largest counter from every counter and drop those left ≤ 0. */
  private purge(): void {
    const k = this.maxItems;
    const values = Float64Array.from(this.counts.values()).sort();
    const delta = values[values.length - k - 1];
    for (const [item, c] of this.counts) {
      if (c <= delta) this.counts.delete(item);
      else this.counts.set(item, c - delta);
    }
    this.offset += delta;
  }

  /** Summary for logs and JSON APIs (not a round trip: use toBytes). */
  toJSON(): {
    kind: 'frequentItems';
    maxItems: number;
    n: number;
    maximumError: number;
    items: FrequentItemRow[];
  } {
    return {
      kind: 'frequentItems',
      maxItems: this.maxItems,
      n: this.n,
      maximumError: this.offset,
      items: this.items(),
    };
  }

  /**
   * Binary form: tag 0x46, version 1, maxItems (u32), n, maximumError (f64), count (u32), then
   * per counter a type byte (1 string, 2 number), the item (u32 length + UTF-8, or f64) and the
   * counter (f64).
   *
   * @example
   * FrequentItems.fromBytes(new FrequentItems().toBytes()).maxItems; // 100
   */
  toBytes(): Uint8Array {
    const w = new ByteWriter(SketchTag.frequentItems, VERSION, 32 + 24 * this.counts.size);
    w.u32(this.maxItems);
    w.f64(this.n);
    w.f64(this.offset);
    w.u32(this.counts.size);
    for (const [item, c] of this.counts) {
      if (typeof item === 'string') {
        w.u8(1);
        w.string(item);
      } else {
        w.u8(2);
        w.f64(item);
      }
      w.f64(c);
    }
    return w.finish();
  }

  /** Read a summary written by {@link toBytes}. */
  static fromBytes(bytes: Uint8Array): FrequentItems {
    const r = new ByteReader('FrequentItems.fromBytes', bytes, SketchTag.frequentItems, VERSION);
    const maxItems = r.u32();
    if (maxItems < 1 || maxItems > 1000000) r.corrupt(`maxItems = ${maxItems}`);
    const f = new FrequentItems({ maxItems });
    f.n = r.f64();
    f.offset = r.f64();
    const count = r.u32();
    if (count > 2 * maxItems) r.corrupt(`${count} counters for maxItems = ${maxItems}`);
    for (let i = 0; i < count; i++) {
      const type = r.u8();
      if (type !== 1 && type !== 2) r.corrupt(`item type ${type}`);
      const item = type === 1 ? r.string() : r.f64();
      const c = r.f64();
      if (!(c > 0)) r.corrupt(`counter ${c}`);
      f.counts.set(item, c);
    }
    r.end();
    return f;
  }
}
