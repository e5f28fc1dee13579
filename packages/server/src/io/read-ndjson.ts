/**
 * Reads an NDJSON (JSON Lines) file into a Frame, streamed line by line.
 *
 * The rules:
 * - One JSON object per line; LF or CRLF line ends; blank lines (spaces only) are skipped;
 *   a UTF-8 byte-order mark before the first line is skipped.
 * - The keys of the first object are the columns, in JavaScript's key order (the order in
 *   the line, except that integer-like keys such as "7" come first, ascending).
 * - A later object without one of those keys has a missing cell there; a later object with
 *   a key the first one lacked is an error naming the line and the key (a new column half
 *   way down a file is more often a bug upstream than intended, and silently adding it would
 *   give it missing values for every earlier row).
 * - Values may be numbers, strings, booleans or null. A string is read as a CSV cell is
 *   (so "42" can make a numerical column and "NA" is missing); a boolean is the text
 *   `true`/`false`; null is missing. An object or an array is refused, naming line and key.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { countDuplicateRows } from './duplicate-rows.js';
import type { Frame } from './frame.js';
import { ReadError } from './read-error.js';
import { type PlannedColumn, planColumns, type ReadOptions } from './read-options.js';

const CHUNK_BYTES = 1 << 20;

/**
 * Read an NDJSON file (rules in the file comment). `totalBytes` is the file's size, for progress.
 *
 * @example
 * const frame = await readNdjson('events.ndjson', {}, 1234); frame.rowCount;
 */
export async function readNdjson(
  path: string,
  options: ReadOptions,
  totalBytes: number,
): Promise<Frame> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES, encoding: 'utf8' });
  let bytesRead = 0;
  if (options.onProgress !== undefined) {
    const onProgress = options.onProgress;
    stream.on('data', (chunk) => {
      bytesRead += Buffer.byteLength(chunk);
      onProgress(bytesRead, totalBytes);
    });
  }
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let names: Set<string> | undefined;
  let planned: PlannedColumn[] = [];
  let rowCount = 0;
  let lineNumber = 0;
  try {
    for await (let text of lines) {
      lineNumber++;
      if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() === '') continue;
      const row = parseObject(path, text, lineNumber);
      if (names === undefined) {
        const keys = Object.keys(row);
        if (keys.includes('')) {
          throw new ReadError(
            path,
            'no_header',
            'the first object has an empty key: name every column',
            {
              line: lineNumber,
            },
          );
        }
        names = new Set(keys);
        planned = planColumns(path, keys, options);
      } else {
        for (const key in row) {
          if (!names.has(key)) {
            throw new ReadError(
              path,
              'new_key',
              `key "${key}" is not in the first object; every column must be there from the first line`,
              { line: lineNumber, column: key },
            );
          }
        }
      }
      for (let k = 0; k < planned.length; k++) {
        const builder = planned[k].builder;
        const value = row[builder.name];
        if (value === undefined || value === null) builder.pushMissing();
        else if (typeof value === 'number') builder.pushNumber(value);
        else if (typeof value === 'string') builder.pushText(value);
        else if (typeof value === 'boolean') builder.pushBoolean(value);
        // An absent key such as "constructor" finds Object.prototype's member: still missing.
        else if (!Object.hasOwn(row, builder.name)) builder.pushMissing();
        else {
          const what = Array.isArray(value) ? 'an array' : 'an object';
          throw new ReadError(
            path,
            'nested_value',
            `"${builder.name}" holds ${what}; only numbers, strings, booleans and null can be read`,
            { line: lineNumber, column: builder.name },
          );
        }
      }
      rowCount++;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  if (names === undefined) {
    throw new ReadError(path, 'empty', 'holds no JSON object, only blank lines');
  }
  const columns = planned.map((p) => p.builder.finish());
  return {
    source: path,
    format: 'ndjson',
    rowCount,
    columns,
    duplicateRows: countDuplicateRows(columns, rowCount),
  };
}

/** One line parsed as a JSON object, or a ReadError saying why it is not one. */
function parseObject(path: string, text: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReadError(path, 'invalid_json', `invalid JSON: ${(error as Error).message}`, {
      line,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new ReadError(path, 'not_an_object', `expected a JSON object, found ${what}`, { line });
  }
  return value as Record<string, unknown>;
}
