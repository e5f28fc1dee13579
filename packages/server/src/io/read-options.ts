/**
 * The options every reader takes, and the one place that turns a file's column names plus
 * those options into column builders: which columns to keep, and which kind each gets
 * (the user's override first, then the reference's schema, then inference).
 */
import { ColumnBuilder } from './column-builder.js';
import type { ColumnKind, Schema } from './frame.js';
import { ReadError } from './read-error.js';

/** The formats a file can be read as. */
export type FileFormat = 'csv' | 'ndjson' | 'parquet';

/** How to read one file into a Frame. */
export interface ReadOptions {
  /** Read as this format, whatever the file's extension. */
  format?: FileFormat;
  /** Kinds to give columns (the reference's, when reading current); others are inferred. */
  schema?: Schema;
  /** The user's overrides, by column name; they win over `schema`. Each must name a column. */
  kinds?: Record<string, ColumnKind>;
  /** CSV only: the field delimiter, one character; detected from the header line when absent. */
  delimiter?: string;
  /** Read only these columns (others are skipped and cost no memory). Each must exist. */
  columns?: string[];
  /**
   * Keep numerical columns as scaled integers when their values allow it (`NumberStore`):
   * half the memory; the columns then carry `scaled` instead of `values`.
   */
  compact?: boolean;
  /** Called as the file is read, with bytes read so far and the file's size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

const KINDS: readonly ColumnKind[] = ['numerical', 'categorical', 'datetime'];

/** One column of the file that is kept, with its position among the file's columns. */
export interface PlannedColumn {
  /** 0-based position of the column in the file (CSV field index, Parquet column index). */
  index: number;
  builder: ColumnBuilder;
}

/**
 * Builders for the columns to read, in the file's order; refuses a `columns` entry or a
 * `kinds` key that names no column of the file, and a kind that is not one of the three.
 * `fixedKind` gives a column's kind when the file itself states it (Parquet); it yields to
 * `kinds` and `schema`.
 *
 * @example
 * planColumns('a.csv', ['x', 'y'], { columns: ['y'] }).map((p) => p.index); // [1]
 */
export function planColumns(
  file: string,
  names: readonly string[],
  options: ReadOptions,
  fixedKind?: (index: number) => ColumnKind | undefined,
): PlannedColumn[] {
  const present = new Set(names);
  const available = () =>
    names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
  let wanted: Set<string> | undefined;
  if (options.columns !== undefined) {
    wanted = new Set();
    for (const name of options.columns) {
      if (!present.has(name)) {
        throw new ReadError(
          file,
          'unknown_column',
          `option columns names "${name}", which is not in the file (its columns: ${available()})`,
          { column: name },
        );
      }
      wanted.add(name);
    }
  }
  const kinds = options.kinds ?? {};
  for (const [name, kind] of Object.entries(kinds)) {
    if (!present.has(name)) {
      throw new ReadError(
        file,
        'unknown_column',
        `option kinds names "${name}", which is not in the file (its columns: ${available()})`,
        { column: name },
      );
    }
    if (!KINDS.includes(kind)) {
      throw new ReadError(
        file,
        'invalid_option',
        `option kinds gives "${name}" the kind "${kind}"; expected ${KINDS.join(', ')}`,
        { column: name },
      );
    }
  }
  const planned: PlannedColumn[] = [];
  names.forEach((name, index) => {
    if (wanted !== undefined && !wanted.has(name)) return;
    const kind = Object.hasOwn(kinds, name)
      ? kinds[name]
      : (options.schema?.get(name) ?? fixedKind?.(index));
    planned.push({ index, builder: new ColumnBuilder(name, kind, options.compact) });
  });
  return planned;
}

/**
 * Refuses two columns with the same name or a column without a name (the header's fields
 * are 1-based in the message, as a spreadsheet user counts them).
 *
 * @example
 * checkColumnNames('a.csv', ['x', 'x'], 1); // throws ReadError 'a.csv:1: column "x" appears twice in the header (fields 1 and 2)'
 */
export function checkColumnNames(file: string, names: readonly string[], line?: number): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') {
      throw new ReadError(file, 'no_header', `header field ${i + 1} is empty: name every column`, {
        line,
      });
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new ReadError(
        file,
        'duplicate_column',
        `column "${name}" appears twice in the header (fields ${first + 1} and ${i + 1})`,
        { line, column: name },
      );
    }
    seen.set(name, i);
  });
}
