/**
 * The one entry point `tend report` reads its datasets through: picks the reader by the
 * file's extension (or `options.format`), checks the file exists, is a readable regular file
 * and is not empty, and checks the options, so every refusal is a `ReadError` naming the file.
 *
 * Extensions: `.csv`, `.tsv` (TAB-delimited unless `delimiter` says otherwise), `.txt` → CSV;
 * `.ndjson`, `.jsonl` → NDJSON; `.parquet` → Parquet; case-insensitive.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Frame } from './frame.js';
import { readCsv } from './read-csv.js';
import { ReadError } from './read-error.js';
import { readNdjson } from './read-ndjson.js';
import type { FileFormat, ReadOptions } from './read-options.js';

export type { FileFormat, ReadOptions } from './read-options.js';

const FORMAT_BY_EXTENSION: Readonly<Record<string, FileFormat>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.parquet': 'parquet',
};

const FORMATS: readonly FileFormat[] = ['csv', 'ndjson', 'parquet'];

/**
 * The format a path is read as: `format` when given, else by extension.
 *
 * @example
 * formatOf('data/current.JSONL'); // 'ndjson'
 */
export function formatOf(path: string, format?: FileFormat): FileFormat {
  if (format !== undefined) {
    if (!FORMATS.includes(format)) {
      throw new ReadError(
        path,
        'invalid_option',
        `option format is "${format}"; expected ${FORMATS.join(', ')}`,
      );
    }
    return format;
  }
  const ext = extname(path).toLowerCase();
  const byExt = FORMAT_BY_EXTENSION[ext];
  if (byExt === undefined) {
    const known = Object.keys(FORMAT_BY_EXTENSION).join(', ');
    throw new ReadError(
      path,
      'unsupported_format',
      `cannot tell the format from the extension "${ext || '(none)'}"; use one of ${known} or give the format`,
    );
  }
  return byExt;
}

function checkDelimiter(path: string, delimiter: string | undefined): void {
  if (delimiter === undefined) return;
  const ascii = delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80;
  if (!ascii || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new ReadError(
      path,
      'invalid_option',
      `option delimiter is ${JSON.stringify(delimiter)}; expected one ASCII character other than a quote or a line break`,
    );
  }
}

/**
 * The size of a file that can be read: it exists, is a regular file, is readable and is not
 * empty; otherwise a ReadError naming it. Cheap, so a pair of files is checked before either
 * is read.
 *
 * @example
 * await checkFile('current.csv'); // 155986026
 */
export async function checkFile(path: string): Promise<number> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new ReadError(path, 'unreadable', 'is not a regular file (a directory?)');
    }
    await access(path, constants.R_OK);
    size = info.size;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReadError(path, 'not_found', 'no such file');
    throw new ReadError(path, 'unreadable', `cannot be read (${code ?? String(error)})`);
  }
  if (size === 0) throw new ReadError(path, 'empty', 'the file is empty');
  return size;
}

/**
 * Read a CSV, NDJSON or Parquet file into a Frame (see each reader for its rules).
 *
 * @example
 * const frame = await readFrame('current.csv', { schema: referenceKinds }); frame.rowCount;
 */
export async function readFrame(path: string, options: ReadOptions = {}): Promise<Frame> {
  const format = formatOf(path, options.format);
  checkDelimiter(path, options.delimiter);
  const size = await checkFile(path);
  if (format === 'parquet') {
    // Loaded on demand: the Parquet reader and its codecs cost every other run 0.2 s to load.
    const { readParquet } = await import('./read-parquet.js');
    return readParquet(path, options, size);
  }
  if (format === 'ndjson') return readNdjson(path, options, size);
  const tsv = extname(path).toLowerCase() === '.tsv';
  const csvOptions =
    tsv && options.delimiter === undefined ? { ...options, delimiter: '\t' } : options;
  return readCsv(path, csvOptions, size);
}
