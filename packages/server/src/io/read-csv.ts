/**
 * Reads a CSV file into a Frame, streamed: the file is read in 1 MB chunks, `CsvTokenizer`
 * splits them into records (dialect and line numbering there) and each record goes straight
 * into the column builders, so the file's text never sits in memory whole.
 *
 * The first record is the header; every later record must have as many fields. Errors name
 * the physical line where the offending record starts (its first line, when a quoted field
 * spans several).
 */
import { open } from 'node:fs/promises';
import type { ColumnBuilder } from './column-builder.js';
import { type CsvRecord, CsvTokenizer } from './csv-tokenizer.js';
import { detectDelimiter, firstLineEnd } from './detect-delimiter.js';
import { countDuplicateRows } from './duplicate-rows.js';
import type { Frame } from './frame.js';
import { ReadError } from './read-error.js';
import {
  checkColumnNames,
  type PlannedColumn,
  planColumns,
  type ReadOptions,
} from './read-options.js';

/** Bytes per read from disk: large reads keep the tokenizer busy and the calls few. */
const CHUNK_BYTES = 1 << 20;
/** How far to look for the end of the header line before detecting the delimiter anyway. */
const HEAD_LIMIT = 1 << 22;

/**
 * Read a CSV file (`options.delimiter`, or the one `detectDelimiter` finds on the header
 * line). `totalBytes` is the file's size, for progress.
 *
 * @example
 * const frame = await readCsv('current.csv', {}, 1234); frame.columns.map((c) => c.kind);
 */
export async function readCsv(
  path: string,
  options: ReadOptions,
  totalBytes: number,
): Promise<Frame> {
  let header: string[] | undefined;
  let planned: PlannedColumn[] = [];
  let rowCount = 0;
  let tokenizer: CsvTokenizer | undefined;
  const onRow = (fields: number, line: number): void => {
    const width = (header as string[]).length;
    if (fields !== width) {
      const count = `${fields} field${fields === 1 ? '' : 's'}`;
      throw new ReadError(path, 'ragged_row', `row has ${count}, the header has ${width}`, {
        line,
      });
    }
    rowCount++;
  };
  const onRecord = (record: CsvRecord, line: number): void => {
    if (header === undefined) {
      header = record.texts();
      checkColumnNames(path, header, line);
      planned = planColumns(path, header, options);
      // Rows of quote-free lines go from the bytes straight to the builders.
      const sinks: (ColumnBuilder | null)[] = header.map(() => null);
      for (const p of planned) sinks[p.index] = p.builder;
      tokenizer?.directRows(sinks, onRow);
      return;
    }
    // A ragged row is refused before any of its fields is pushed.
    onRow(record.count, line);
    // A line with quotes: each field read on its own (`pushField` parses what it needs).
    const { bytes, starts, ends, quoted } = record;
    for (let k = 0; k < planned.length; k++) {
      const { index, builder } = planned[k];
      const text = quoted[index];
      if (text === undefined) builder.pushField(bytes, starts[index], ends[index]);
      else builder.pushText(text);
    }
  };

  let head: Buffer[] = [];
  // The tokenizer for the file's delimiter, fed the chunks held back so far.
  const start = (): void => {
    const delimiter = options.delimiter ?? detectDelimiter(Buffer.concat(head));
    tokenizer = new CsvTokenizer(path, delimiter, onRecord);
    for (const c of head) tokenizer.write(c);
  };
  let headBytes = 0;
  let bytesRead = 0;
  let reserved = false;
  // Hold chunks back until the header line is complete, to detect the delimiter from it.
  // One buffer, read into again and again: fresh memory for each megabyte would cost a page
  // fault per 4 KB and twice the memory traffic.
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const got = (await handle.read(buffer, 0, CHUNK_BYTES, null)).bytesRead;
      if (got === 0) break;
      const chunk = buffer.subarray(0, got);
      bytesRead += chunk.length;
      options.onProgress?.(bytesRead, totalBytes);
      if (tokenizer === undefined) {
        head.push(Buffer.from(chunk));
        headBytes += chunk.length;
        const headText = head.length === 1 ? chunk : Buffer.concat(head);
        if (headBytes < HEAD_LIMIT && firstLineEnd(headText) === -1) continue;
        start();
        head = [];
      } else {
        tokenizer.write(chunk);
      }
      if (!reserved && rowCount >= 100) {
        // Room for the rows the file holds at the first chunk's bytes per row, and 5 % more:
        // columns then never copy themselves as they grow, nor keep doubled spare capacity.
        reserved = true;
        const rows = Math.ceil(((totalBytes / bytesRead) * rowCount * 21) / 20);
        for (const p of planned) p.builder.reserve(rows);
      }
    }
  } finally {
    await handle.close();
  }
  if (tokenizer === undefined) start();
  (tokenizer as unknown as CsvTokenizer).end();
  if (header === undefined) {
    throw new ReadError(path, 'no_header', 'no header row: the file holds only blank lines');
  }
  const columns = planned.map((p) => p.builder.finish());
  return {
    source: path,
    format: 'csv',
    rowCount,
    columns,
    duplicateRows: countDuplicateRows(columns, rowCount),
  };
}
