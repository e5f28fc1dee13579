/**
 * Builds one column of a Frame cell by cell, in growable typed arrays (no per-row objects).
 *
 * With a kind given (the reference's kind, or the user's override) every cell is parsed as
 * that kind: a cell that does not parse is stored as missing and counted in `invalid`; a
 * categorical column keeps every text as it is. Missing markers are missing in every kind.
 *
 * Without a kind the column's kind is inferred while reading: numerical while every
 * non-missing cell is a number, datetime while every one is an ISO-8601 date or datetime
 * (rules in `cell-text.ts`), categorical otherwise. `true`/`false` are categorical. When a
 * numerical or datetime column meets a cell of another kind it turns categorical and the
 * values seen so far are re-encoded as text: a number as `String(number)` (so `1.50` becomes
 * `1.5` and `1e3` becomes `1000`), a datetime as its ISO form (`2024-01-02T00:00:00.000Z`).
 * A column whose cells are all missing is numerical (all NaN), as pandas makes it float64.
 */

import { ByteKeyTable } from './byte-key-table.js';
import {
  isMissingText,
  parseDatetimeText,
  parseNumberBytes,
  parseNumberText,
} from './cell-text.js';
import type { CategoricalColumn, Column, ColumnKind, NumericColumn } from './frame.js';
import { GrowableInt32Array } from './growable-array.js';
import { NumberStore } from './number-store.js';

/**
 * A copy of `text` that shares no memory with the string it was sliced from. V8 makes a
 * slice of 13 or more characters a view into its parent, so a dictionary entry cut from a
 * 1 MB chunk of a CSV file would keep the whole chunk alive.
 */
function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** 'empty' is an inferred column that has seen only missing cells so far. */
type BuildState = ColumnKind | 'empty';

/**
 * One column under construction.
 *
 * @example
 * const b = new ColumnBuilder('age'); b.pushText('31'); b.pushText('NA'); b.finish();
 * // { name: 'age', kind: 'numerical', values: Float64Array [31, NaN], missing: 1, invalid: 0 }
 */
export class ColumnBuilder {
  private state: BuildState;
  private values: NumberStore | null;
  private codes: GrowableInt32Array | null = null;
  private readonly lookup = new Map<string, number>();
  private readonly dictionary: string[] = [];
  /** Codes of categories (and −1 for missing markers) by their bytes, for `pushField`. */
  private byBytes: ByteKeyTable | null = null;
  private missing = 0;
  private invalid = 0;

  /**
   * `kind` fixes the column's kind; without it the kind is inferred. `compact` keeps numbers
   * as scaled integers while they allow it (`NumberStore`).
   */
  constructor(
    readonly name: string,
    private readonly kind?: ColumnKind,
    compact = false,
  ) {
    this.state = kind ?? 'empty';
    this.values = kind === 'categorical' ? null : new NumberStore(compact);
    if (kind === 'categorical') this.codes = new GrowableInt32Array();
  }

  /** Make room for `rows` cells in all (the reader's estimate), so pushes up to it never copy. */
  reserve(rows: number): void {
    this.values?.reserve(rows);
    this.codes?.reserve(rows);
  }

  /** Cells pushed so far. */
  get length(): number {
    return this.values === null ? this.codes!.length : this.values.length;
  }

  /** A missing cell (null, absent, or a missing marker). */
  pushMissing(): void {
    this.missing++;
    if (this.values === null) this.codes!.push(-1);
    else this.values.push(Number.NaN);
  }

  /** A cell as text: a CSV field or a JSON string. */
  pushText(text: string): void {
    if (isMissingText(text)) {
      this.pushMissing();
      return;
    }
    const state = this.state;
    if (state === 'categorical') {
      this.codes!.push(this.codeOf(text));
      return;
    }
    if (state === 'numerical' || state === 'empty') {
      const x = parseNumberText(text);
      if (!Number.isNaN(x)) {
        this.state = 'numerical';
        this.values!.push(x);
        return;
      }
    }
    if (state === 'datetime' || state === 'empty') {
      const ms = parseDatetimeText(text);
      if (!Number.isNaN(ms)) {
        this.state = 'datetime';
        this.values!.push(ms);
        return;
      }
    }
    if (this.kind !== undefined) {
      this.pushInvalid();
      return;
    }
    this.becomeCategorical();
    this.codes!.push(this.codeOf(text));
  }

  /**
   * A cell as the UTF-8 bytes `bytes[start, end)` (an unquoted CSV field): the same as
   * `pushText` of their text, without making the string when the cell is a number of a
   * numerical column or a category already seen. When the caller already read the cell as
   * a plain decimal (the CSV tokenizer does), `places` is its places after the point and
   * `digits` its digits as a signed integer; −1 places otherwise.
   */
  pushField(bytes: Buffer, start: number, end: number, places = -1, digits = 0): void {
    // The common case alone, small enough for the engine to inline into the reader's loop.
    if (this.state === 'numerical' && places >= 0) {
      this.values!.pushDecimal(digits, places);
      return;
    }
    this.pushFieldBytes(bytes, start, end);
  }

  private pushFieldBytes(bytes: Buffer, start: number, end: number): void {
    const state = this.state;
    if (state === 'numerical') {
      const x = parseNumberBytes(bytes, start, end);
      if (!Number.isNaN(x)) {
        this.values!.push(x);
        return;
      }
    } else if (state === 'categorical') {
      this.byBytes ??= new ByteKeyTable();
      let code = this.byBytes.get(bytes, start, end);
      if (code === ByteKeyTable.NOT_FOUND) {
        const text = bytes.toString('utf8', start, end);
        code = isMissingText(text) ? -1 : this.codeOf(text);
        this.byBytes.set(bytes, start, end, code);
      }
      if (code === -1) this.missing++;
      this.codes!.push(code);
      return;
    }
    this.pushText(bytes.toString('utf8', start, end));
  }

  /** A typed number (JSON, Parquet). NaN is missing; ±Infinity is read as the text `Infinity`. */
  pushNumber(x: number): void {
    if (Number.isNaN(x)) {
      this.pushMissing();
      return;
    }
    const state = this.state;
    if (!Number.isFinite(x)) {
      // Not a number Tend computes on: invalid in a numerical column, text otherwise.
      if (this.kind === 'numerical') {
        this.pushInvalid();
        return;
      }
      this.pushText(String(x));
      return;
    }
    if (state === 'numerical' || state === 'empty') {
      this.state = 'numerical';
      this.values!.push(x);
      return;
    }
    if (state === 'datetime') {
      if (this.kind !== undefined) {
        this.pushInvalid();
        return;
      }
      this.becomeCategorical();
    }
    this.codes!.push(this.codeOf(String(x)));
  }

  /** A typed boolean (JSON, Parquet): the text `true` or `false`, so categorical. */
  pushBoolean(b: boolean): void {
    this.pushText(b ? 'true' : 'false');
  }

  /** A typed datetime (Parquet DATE/TIMESTAMP) as epoch milliseconds; NaN is missing. */
  pushDatetime(ms: number): void {
    if (Number.isNaN(ms)) {
      this.pushMissing();
      return;
    }
    const state = this.state;
    if (state === 'datetime' || state === 'empty') {
      this.state = 'datetime';
      this.values!.push(ms);
      return;
    }
    if (state === 'numerical') {
      if (this.kind !== undefined) {
        this.pushInvalid();
        return;
      }
      this.becomeCategorical();
    }
    this.codes!.push(this.codeOf(new Date(ms).toISOString()));
  }

  /** The finished column; the builder must not be used afterwards. */
  finish(): Column {
    const { name, missing, invalid } = this;
    if (this.values === null) {
      const column: CategoricalColumn = {
        name,
        kind: 'categorical',
        codes: this.codes!.toArray(),
        dictionary: this.dictionary,
        missing,
        invalid,
      };
      return column;
    }
    const kind = this.state === 'datetime' ? 'datetime' : 'numerical';
    const column: NumericColumn = { name, kind, ...this.values.finish(), missing, invalid };
    return column;
  }

  private pushInvalid(): void {
    this.invalid++;
    this.values!.push(Number.NaN);
  }

  private codeOf(text: string): number {
    let code = this.lookup.get(text);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(detach(text));
      this.lookup.set(text, code);
    }
    return code;
  }

  /** Re-encode the numbers or datetimes seen so far as text (see the file's comment). */
  private becomeCategorical(): void {
    const seen = this.values!;
    const asDate = this.state === 'datetime';
    const codes = new GrowableInt32Array();
    for (let i = 0; i < seen.length; i++) {
      const v = seen.get(i);
      if (Number.isNaN(v)) codes.push(-1);
      else codes.push(this.codeOf(asDate ? new Date(v).toISOString() : String(v)));
    }
    this.values = null;
    this.codes = codes;
    this.state = 'categorical';
  }
}
