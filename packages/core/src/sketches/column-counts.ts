/**
 * Per-column value counts for data-quality monitoring: how many values were missing and of
 * which JavaScript type the others were. Exact, and merged by adding counts.
 */
import { TendInputError } from '../errors.js';
import { ByteReader, ByteWriter, SketchTag } from './bytes.js';

const VERSION = 1;
const FIELDS = ['count', 'missing', 'number', 'integer', 'string', 'boolean', 'other'] as const;

/** The counts of a {@link ColumnCounts}. */
export type ColumnCountsSummary = Record<(typeof FIELDS)[number], number>;

/**
 * Counts of a column's values. Every value falls in exactly one of `missing` (null, undefined,
 * NaN or the empty string), `number` (any other number, ±Infinity included), `string`
 * (non-empty), `boolean` or `other` (bigint, objects, …), so those five add up to `count`;
 * `integer` counts the numbers that are integers (a subset of `number`).
 *
 * @example
 * const c = new ColumnCounts(); [1, 2.5, '', null, 'a', true].forEach((v) => c.update(v)); c.missing; // 2
 */
export class ColumnCounts implements ColumnCountsSummary {
  /** Values seen. */
  count = 0;
  /** null, undefined, NaN or ''. */
  missing = 0;
  /** Numbers other than NaN (integers included). */
  number = 0;
  /** Numbers that are integers. */
  integer = 0;
  /** Non-empty strings. */
  string = 0;
  /** Booleans. */
  boolean = 0;
  /** Anything else: bigint, symbol, object, function. */
  other = 0;

  /** Count one value. */
  update(value: unknown): void {
    this.count++;
    if (value === null || value === undefined || value === '') this.missing++;
    else if (typeof value === 'number') {
      if (Number.isNaN(value)) this.missing++;
      else {
        this.number++;
        if (Number.isInteger(value)) this.integer++;
      }
    } else if (typeof value === 'string') this.string++;
    else if (typeof value === 'boolean') this.boolean++;
    else this.other++;
  }

  /**
   * Fraction of values missing (NaN while empty).
   *
   * @example
   * const c = new ColumnCounts(); [1, null].forEach((v) => c.update(v)); c.missingFraction(); // 0.5
   */
  missingFraction(): number {
    return this.count === 0 ? Number.NaN : this.missing / this.count;
  }

  /**
   * Add another column's counts to these.
   *
   * @example
   * const a = new ColumnCounts(); a.update(1); const b = new ColumnCounts(); b.update('x'); a.merge(b).count; // 2
   */
  merge(other: ColumnCounts): this {
    if (!(other instanceof ColumnCounts)) {
      throw new TendInputError(
        'ColumnCounts.merge',
        'other',
        'invalid_type',
        'must be a ColumnCounts',
      );
    }
    for (const f of FIELDS) this[f] += other[f];
    return this;
  }

  /** The counts as a plain object. */
  toJSON(): ColumnCountsSummary {
    const out = {} as ColumnCountsSummary;
    for (const f of FIELDS) out[f] = this[f];
    return out;
  }

  /**
   * Binary form (58 bytes): tag 0x43, version 1, then count, missing, number, integer, string,
   * boolean, other as f64 (exact integers up to 2^53).
   *
   * @example
   * ColumnCounts.fromBytes(new ColumnCounts().toBytes()).count; // 0
   */
  toBytes(): Uint8Array {
    const w = new ByteWriter(SketchTag.columnCounts, VERSION, 58);
    w.f64s(FIELDS.map((f) => this[f]));
    return w.finish();
  }

  /** Read counts written by {@link toBytes}. */
  static fromBytes(bytes: Uint8Array): ColumnCounts {
    const r = new ByteReader('ColumnCounts.fromBytes', bytes, SketchTag.columnCounts, VERSION);
    const values = r.f64s(FIELDS.length);
    r.end();
    const c = new ColumnCounts();
    FIELDS.forEach((f, i) => {
      const v = values[i];
      if (!(Number.isSafeInteger(v) && v >= 0)) r.corrupt(`${f} is ${v}`);
      c[f] = v;
    });
    if (c.missing + c.number + c.string + c.boolean + c.other !== c.count || c.integer > c.number) {
      r.corrupt('counts do not add up');
    }
    return c;
  }
}
