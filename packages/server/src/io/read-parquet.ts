/**
 * Reads a Parquet file into a Frame with `hyparquet`, one row group at a time and only the
 * columns asked for, so memory holds the finished columns plus one row group's chunk.
 *
 * Kinds come from the Parquet schema (unless `kinds` or `schema` say otherwise):
 * INT32/INT64/FLOAT/DOUBLE, DECIMAL and FLOAT16 → numerical; BOOLEAN, strings (BYTE_ARRAY,
 * UTF8/STRING, ENUM, UUID) → categorical; DATE, TIMESTAMP (any unit) and INT96 → datetime as
 * epoch milliseconds (finer units truncated toward zero). Strings go through the same cell
 * rules as CSV text (so "NA" is missing). ±Infinity in a numerical column is invalid. Nested
 * columns (struct, list, map) and JSON, BSON, INTERVAL, TIME, geometry, variant and bare
 * FIXED_LEN_BYTE_ARRAY columns are refused by name. Compression: none, Snappy, gzip, Brotli,
 * zstd, LZ4 (the codecs of `hyparquet-compressors`: Polars writes zstd by default).
 */
import {
  asyncBufferFromFile,
  type FileMetaData,
  type ParquetParsers,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type SchemaTree,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { countDuplicateRows } from './duplicate-rows.js';
import type { ColumnKind, Frame } from './frame.js';
import { ReadError } from './read-error.js';
import { planColumns, type ReadOptions } from './read-options.js';

/** Timestamps and dates as epoch milliseconds, not Date objects: one number per cell. */
const parsers: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us / 1000n),
  timestampFromNanoseconds: (ns: bigint) => Number(ns / 1000000n),
  dateFromDays: (days: number) => days * 86400000,
};

/**
 * The kind a Parquet column's values have, or a reason it cannot be read.
 *
 * @example
 * parquetKind({ children: [], count: 1, path: ['x'], element: { name: 'x', type: 'DOUBLE' } }); // 'numerical'
 */
export function parquetKind(node: SchemaTree): ColumnKind | { unsupported: string } {
  if (node.children.length > 0) return { unsupported: 'a nested (struct, list or map) column' };
  const { type, converted_type: converted, logical_type: logical } = node.element;
  const annotation = logical?.type ?? converted;
  switch (annotation) {
    case 'DATE':
    case 'TIMESTAMP':
    case 'TIMESTAMP_MILLIS':
    case 'TIMESTAMP_MICROS':
      return 'datetime';
    case 'DECIMAL':
    case 'FLOAT16':
    case 'INTEGER':
    case 'INT_8':
    case 'INT_16':
    case 'INT_32':
    case 'INT_64':
    case 'UINT_8':
    case 'UINT_16':
    case 'UINT_32':
    case 'UINT_64':
      return 'numerical';
    case 'STRING':
    case 'UTF8':
    case 'ENUM':
    case 'UUID':
      return 'categorical';
    case undefined:
      break;
    default:
      return { unsupported: `Parquet type ${type} annotated ${annotation}` };
  }
  switch (type) {
    case 'BOOLEAN':
    case 'BYTE_ARRAY':
      return 'categorical';
    case 'INT32':
    case 'INT64':
    case 'FLOAT':
    case 'DOUBLE':
      return 'numerical';
    case 'INT96':
      return 'datetime';
    default:
      return { unsupported: `Parquet type ${type} without a logical type` };
  }
}

/**
 * Read a Parquet file (mapping in the file comment). `totalBytes` is the file's size, for progress.
 *
 * @example
 * const frame = await readParquet('current.parquet', {}, 1234); frame.columns[0].kind;
 */
export async function readParquet(
  path: string,
  options: ReadOptions,
  totalBytes: number,
): Promise<Frame> {
  const file = await asyncBufferFromFile(path);
  let metadata: FileMetaData;
  let nodes: SchemaTree[];
  try {
    metadata = await parquetMetadataAsync(file);
    nodes = parquetSchema(metadata).children;
  } catch (error) {
    throw corrupt(path, error);
  }
  const names = nodes.map((n) => n.element.name);
  const kinds = nodes.map(parquetKind);
  const planned = planColumns(path, names, options, (i) => {
    const k = kinds[i];
    return typeof k === 'string' ? k : undefined;
  });
  for (const p of planned) {
    const k = kinds[p.index];
    if (typeof k !== 'string') {
      throw new ReadError(
        path,
        'unsupported_type',
        `column "${p.builder.name}" is ${k.unsupported}, which Tend cannot read; leave it out with option columns`,
        { column: p.builder.name },
      );
    }
  }
  const wanted = planned.map((p) => p.builder.name);
  let rowStart = 0;
  let bytesDone = 0;
  for (const group of metadata.row_groups) {
    const groupRows = Number(group.num_rows);
    const rowEnd = rowStart + groupRows;
    const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>();
    try {
      // With no column asked for there is nothing to decode; the row count comes from metadata.
      if (wanted.length > 0)
        await parquetRead({
          file,
          metadata,
          columns: wanted,
          rowStart,
          rowEnd,
          parsers,
          compressors,
          onChunk: (chunk) => {
            const list = chunks.get(chunk.columnName) ?? [];
            list.push({ rowStart: chunk.rowStart, data: chunk.columnData });
            chunks.set(chunk.columnName, list);
          },
        });
    } catch (error) {
      throw corrupt(path, error);
    }
    for (const p of planned) {
      const b = p.builder;
      const datetime = kinds[p.index] === 'datetime';
      const before = b.length;
      for (const chunk of chunks.get(b.name) ?? []) {
        // A chunk may hold rows outside the group asked for; keep only those inside it.
        const from = Math.max(rowStart, chunk.rowStart);
        const to = Math.min(rowEnd, chunk.rowStart + chunk.data.length);
        for (let r = from; r < to; r++) {
          const v = chunk.data[r - chunk.rowStart];
          if (v === null || v === undefined) b.pushMissing();
          else if (typeof v === 'number') datetime ? b.pushDatetime(v) : b.pushNumber(v);
          else if (typeof v === 'bigint') b.pushNumber(Number(v));
          else if (typeof v === 'string') b.pushText(v);
          else if (typeof v === 'boolean') b.pushBoolean(v);
          else
            throw new ReadError(
              path,
              'unsupported_type',
              `column "${b.name}" holds a value Tend cannot read`,
              { column: b.name },
            );
        }
      }
      if (b.length - before !== groupRows) {
        throw new ReadError(
          path,
          'corrupt_parquet',
          `not a valid Parquet file: column "${b.name}" has ${b.length - before} values in a row group of ${groupRows} rows`,
          { column: b.name },
        );
      }
    }
    rowStart = rowEnd;
    for (const c of group.columns) bytesDone += Number(c.meta_data?.total_compressed_size ?? 0);
    options.onProgress?.(Math.min(bytesDone, totalBytes), totalBytes);
  }
  const columns = planned.map((p) => p.builder.finish());
  return {
    source: path,
    format: 'parquet',
    rowCount: rowStart,
    columns,
    duplicateRows: countDuplicateRows(columns, rowStart),
  };
}

function corrupt(path: string, error: unknown): ReadError {
  if (error instanceof ReadError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ReadError(path, 'corrupt_parquet', `not a valid Parquet file: ${detail}`);
}
