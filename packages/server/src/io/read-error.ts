/**
 * The one error every reader throws for input it cannot accept. Its message names the file,
 * the line and the column where that is known (`current.csv:17: row has 5 fields, the header
 * has 6`), so the `tend` command can print it as is and exit with code 2, without a stack trace.
 */

/** Machine-readable reason a file was refused. */
export type ReadErrorCode =
  | 'not_found'
  | 'unreadable'
  | 'unsupported_format'
  | 'empty'
  | 'no_header'
  | 'duplicate_column'
  | 'ragged_row'
  | 'malformed_csv'
  | 'invalid_json'
  | 'not_an_object'
  | 'nested_value'
  | 'new_key'
  | 'corrupt_parquet'
  | 'unsupported_type'
  | 'unknown_column'
  | 'invalid_option';

/** Where in the file the problem is; every field is optional. */
export interface ReadErrorPlace {
  /** 1-based physical line where the offending record starts (CSV, NDJSON). */
  line?: number;
  /** The column's name, when the problem is one column's. */
  column?: string;
}

/**
 * A file that cannot be read as a dataset. `file` is the path as given, `line` the 1-based
 * physical line of the record's start (CSV and NDJSON only), `column` the column's name.
 *
 * @example
 * new ReadError('current.csv', 'ragged_row', 'row has 5 fields, the header has 6', { line: 17 }).message
 * // 'current.csv:17: row has 5 fields, the header has 6'
 */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  readonly line: number | undefined;
  readonly column: string | undefined;
  constructor(
    readonly file: string,
    readonly code: ReadErrorCode,
    detail: string,
    place: ReadErrorPlace = {},
  ) {
    super(`${file}${place.line === undefined ? '' : `:${place.line}`}: ${detail}`);
    this.line = place.line;
    this.column = place.column;
  }
}
