/**
 * Splits CSV bytes into records, chunk by chunk, knowing the physical line each record starts
 * on. Written for speed rather than taken from `csv-parse`, which read 3–4 MB/s on this
 * project's 2-core machine (a minute for the issue's 1 000 000 × 25 benchmark file). It scans
 * the bytes once and hands each record over as byte ranges into the chunk, so an unquoted
 * field never becomes a string unless its reader needs one: numbers are parsed from the
 * bytes, categories looked up by their bytes (`column-builder.ts`).
 *
 * The dialect is RFC 4180 with the usual tolerances:
 * - a field may be double-quoted, with `""` for a quote and line breaks inside;
 * - records end at LF, CRLF or a lone CR; a UTF-8 byte-order mark at the start is skipped;
 * - blank lines are skipped (they still count as lines);
 * - a quote inside an unquoted field (`5'10"`) is kept as a character, as pandas keeps it;
 * - text after a closing quote (`"a"b`) and a quote never closed are errors naming the line.
 * The delimiter is one ASCII character. In UTF-8 no byte of a multi-byte character is below
 * 0x80, so the delimiter, the quote and line breaks are never part of another character.
 * Chunks may split a record or a UTF-8 character anywhere: the unfinished record's bytes are
 * kept and scanned again with the next chunk.
 */
import { ReadError } from './read-error.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MINUS = 45;
const DOT = 46;

/**
 * One record as byte ranges: field `k` is `bytes[starts[k], ends[k])`, unless it was quoted,
 * when `quoted[k]` holds its text with the quotes removed and `""` undone. Reused from record
 * to record: read what you need before the sink returns.
 *
 * @example
 * record.text(0); // 'Zoë "Z"'
 */
export class CsvRecord {
  bytes: Buffer = Buffer.alloc(0);
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  quoted: (string | undefined)[] = [];

  /** Field `k` as text. */
  text(k: number): string {
    const q = this.quoted[k];
    if (q !== undefined) return q;
    return this.bytes.toString('utf8', this.starts[k], this.ends[k]);
  }

  /** Every field as text (the header; tests). */
  texts(): string[] {
    return Array.from({ length: this.count }, (_, k) => this.text(k));
  }

  push(start: number, end: number, quoted: string | undefined): void {
    const k = this.count++;
    if (k === this.starts.length) {
      const starts = new Int32Array(k * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(k * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.starts[k] = start;
    this.ends[k] = end;
    this.quoted[k] = quoted;
  }
}

/** Receives each record (reused: copy what you keep) and the line it starts on. */
export type CsvRecordSink = (record: CsvRecord, line: number) => void;

/** Where one column's fields go on the direct path (a `ColumnBuilder`). */
export interface CsvFieldSink {
  /**
   * An unquoted field `bytes[start, end)`; when it is a plain decimal, `places` is its places
   * after the point and `digits` its digits as a signed integer (its value digits/10^places),
   * else `places` is −1.
   */
  pushField(bytes: Buffer, start: number, end: number, places: number, digits: number): void;
}

/** Line breaks in bytes[from, to): LF, CRLF and a lone CR count one each. */
function countBreaks(bytes: Uint8Array, from: number, to: number): number {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = bytes[k];
    if (c === LF || (c === CR && bytes[k + 1] !== LF)) breaks++;
  }
  return breaks;
}

/** Where the unquoted field starting at `i` ends: the index of the delimiter or line break after it, or `n`. */
function fieldEnd(bytes: Uint8Array, i: number, n: number, d: number): number {
  let j = i;
  while (j < n) {
    const c = bytes[j];
    if (c === d || c === LF || c === CR) break;
    j++;
  }
  return j;
}

const EMPTY = Buffer.alloc(0);

/**
 * A streaming CSV tokenizer: `write` each chunk of bytes, then `end`.
 *
 * @example
 * const t = new CsvTokenizer('a.csv', ',', (r, line) => console.log(line, r.texts()));
 * t.write(Buffer.from('a,b\n"x\ny",2\n')); t.end(); // logs 1 ['a','b'] then 2 ['x\ny','2']
 */
export class CsvTokenizer {
  private readonly delimiter: number;
  private readonly record = new CsvRecord();
  /** The line the next unscanned byte is on. */
  private line = 1;
  /** Bytes of a record not finished by the last chunk. */
  private rest: Buffer = EMPTY;
  private started = false;
  /** The direct path's sinks by field index (null: a field nobody reads), once set. */
  private sinks: (CsvFieldSink | null)[] | null = null;
  private onRow: (fields: number, line: number) => void = () => {};

  /** `delimiter` is one ASCII character (the caller checks it). */
  constructor(
    private readonly file: string,
    delimiter: string,
    private readonly onRecord: CsvRecordSink,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * From now on, send the rows of lines without quotes straight to `sinks`, field by field,
   * then call `onRow` with the row's field count and line (to refuse a ragged row); other rows
   * still go to the record sink. Skipping the record in between is a third of the reading
   * time, and most files hold no quotes at all.
   */
  directRows(sinks: (CsvFieldSink | null)[], onRow: (fields: number, line: number) => void): void {
    this.sinks = sinks;
    this.onRow = onRow;
  }

  /**
   * Scan the records a chunk completes. The chunk's memory may be reused once this returns:
   * nothing keeps a reference to it.
   */
  write(chunk: Buffer): void {
    const rest = this.rest;
    if (rest.length === 0) {
      this.scan(chunk, false);
    } else {
      // The unfinished record and the chunk's first line form whole lines on their own when
      // no quote can carry a line break across: scan them as a small piece, and the rest of
      // the chunk where it lies, rather than copying the whole chunk behind the record.
      const lf = rest.indexOf(QUOTE) === -1 ? chunk.indexOf(LF) : -1;
      if (lf === -1) {
        this.scan(Buffer.concat([rest, chunk]), false);
      } else {
        this.scan(Buffer.concat([rest, chunk.subarray(0, lf + 1)]), false);
        if (this.rest.length === 0) this.scan(chunk.subarray(lf + 1), false);
        else this.rest = Buffer.concat([this.rest, chunk.subarray(lf + 1)]);
      }
    }
    // The caller may reuse the chunk's memory for the next read: keep a copy of what is left.
    if (this.rest.length > 0) this.rest = Buffer.from(this.rest);
  }

  /** Scan the last record; throws when a quoted field is still open. */
  end(): void {
    this.scan(this.rest, true);
  }

  /**
   * Where the direct path may run to from `from`: the end of the last complete line before
   * the next quote (0 when it may not run: no sinks yet, or no such line).
   */
  private directEnd(bytes: Buffer, from: number): number {
    if (this.sinks === null) return 0;
    const quote = bytes.indexOf(QUOTE, from);
    const limit = quote === -1 ? bytes.length : quote;
    const lf = limit > from ? bytes.lastIndexOf(LF, limit - 1) : -1;
    return lf < from ? 0 : lf + 1;
  }

  /** The rows of the complete, quote-free lines in bytes[i, end), sent to the sinks. */
  private scanDirect(bytes: Buffer, i: number, end: number): number {
    const d = this.delimiter;
    const sinks = this.sinks as (CsvFieldSink | null)[];
    const width = sinks.length;
    const onRow = this.onRow;
    let line = this.line;
    while (i < end) {
      let c = bytes[i];
      if (c === LF || c === CR) {
        // A blank line.
        i += c === CR && bytes[i + 1] === LF ? 2 : 1;
        line++;
        continue;
      }
      let k = 0;
      for (;;) {
        // The field's end, and the field read as a plain decimal (`[-]digits[.digits]`, at
        // most 15 digits: most cells of most files are) on the way: its digits as an integer
        // and its places, handed to the sink as they are (a compact column keeps the digits).
        // Written out here rather than called: the call and its results passed through memory
        // cost a twentieth of the reading.
        let j = i;
        let negative = false;
        if (bytes[j] === MINUS) {
          negative = true;
          j++;
        }
        let mantissa = 0;
        let digits = 0;
        let dotAt = -1;
        let plain = true;
        while (j < end) {
          const b = bytes[j];
          const digit = b - 48;
          if (digit >= 0 && digit <= 9) {
            mantissa = mantissa * 10 + digit;
            digits++;
          } else if (b === d || b === LF || b === CR) {
            break;
          } else if (b === DOT && dotAt < 0) {
            dotAt = digits;
          } else {
            plain = false;
            j = fieldEnd(bytes, j, end, d);
            break;
          }
          j++;
        }
        if (k < width) {
          const sink = sinks[k];
          if (sink !== null) {
            if (plain && digits > 0 && digits <= 15) {
              sink.pushField(
                bytes,
                i,
                j,
                dotAt < 0 ? 0 : digits - dotAt,
                negative ? -mantissa : mantissa,
              );
            } else sink.pushField(bytes, i, j, -1, 0);
          }
        }
        k++;
        c = bytes[j];
        if (c === d) {
          i = j + 1;
          continue;
        }
        i = j + (c === CR && bytes[j + 1] === LF ? 2 : 1);
        break;
      }
      this.line = line + 1;
      onRow(k, line);
      line++;
    }
    this.line = line;
    return i;
  }

  private scan(bytes: Buffer, final: boolean): void {
    let i = 0;
    const n = bytes.length;
    if (!this.started) {
      if (n < 3 && !final) {
        this.rest = bytes;
        return;
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    }
    const d = this.delimiter;
    const record = this.record;
    record.bytes = bytes;
    let fastEnd = this.directEnd(bytes, i);
    while (i < n) {
      if (i < fastEnd) {
        i = this.scanDirect(bytes, i, fastEnd);
        continue;
      }
      const start = i;
      const startLine = this.line;
      let c = bytes[i];
      if (c === LF || c === CR) {
        // A blank line.
        if (c === CR && i + 1 >= n && !final) break;
        i += c === CR && bytes[i + 1] === LF ? 2 : 1;
        this.line++;
        continue;
      }
      let breaks = 0;
      record.count = 0;
      for (;;) {
        c = bytes[i];
        if (c === QUOTE) {
          let from = i + 1;
          let parts = '';
          let j: number;
          for (;;) {
            j = bytes.indexOf(QUOTE, from);
            if (j === -1 || (j + 1 >= n && !final)) {
              // The closing quote (or what follows it) is in a later chunk.
              if (!final) {
                this.rest = bytes.subarray(start);
                return;
              }
              throw new ReadError(
                this.file,
                'malformed_csv',
                'a quoted field opens in this row and never closes',
                { line: startLine },
              );
            }
            if (bytes[j + 1] !== QUOTE) break;
            parts += bytes.toString('utf8', from, j + 1);
            from = j + 2;
          }
          breaks += countBreaks(bytes, i + 1, j);
          record.push(i, j, parts + bytes.toString('utf8', from, j));
          i = j + 1;
          c = bytes[i];
          if (i < n && c !== d && c !== LF && c !== CR) {
            throw new ReadError(
              this.file,
              'malformed_csv',
              'text follows a closing quote; a quote inside a quoted field must be doubled ("")',
              { line: startLine + breaks },
            );
          }
        } else {
          const j = fieldEnd(bytes, i, n, d);
          if (j >= n && !final) {
            this.rest = bytes.subarray(start);
            return;
          }
          c = bytes[j];
          record.push(i, j, undefined);
          i = j;
        }
        if (i < n && c === d) {
          i++;
          if (i >= n && !final) {
            this.rest = bytes.subarray(start);
            return;
          }
          continue;
        }
        if (i < n && c === CR) {
          if (i + 1 >= n && !final) {
            this.rest = bytes.subarray(start);
            return;
          }
          i += bytes[i + 1] === LF ? 2 : 1;
          breaks++;
        } else if (i < n) {
          i++; // LF
          breaks++;
        }
        break;
      }
      this.line = startLine + breaks;
      this.onRecord(record, startLine);
      fastEnd = this.directEnd(bytes, i);
    }
    this.rest = i < n ? bytes.subarray(i) : EMPTY;
  }
}
