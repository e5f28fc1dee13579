import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { readErrorOf } from '../../test/support/frames.js';
import type { CategoricalColumn, ColumnKind, Frame, NumericColumn } from './frame.js';
import { columnOf, numbersOf } from './frame.js';
import { readCsv } from './read-csv.js';
import type { ReadOptions } from './read-options.js';
import { readParquet } from './read-parquet.js';

const dir = mkdtempSync(join(tmpdir(), 'tend-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const read = (path: string, options: ReadOptions = {}) =>
  readParquet(path, options, statSync(path).size);

const readError = (path: string, options: ReadOptions = {}) =>
  readErrorOf(() => read(path, options));

/** A frame's columns as plain data, so two frames can be compared with toEqual. */
function plain(frame: Frame) {
  return {
    rowCount: frame.rowCount,
    duplicateRows: frame.duplicateRows,
    columns: frame.columns.map((c) =>
      c.kind === 'categorical'
        ? { ...c, codes: Array.from(c.codes) }
        : { ...c, values: Array.from(numbersOf(c)) },
    ),
  };
}

// The same ten rows as Parquet (typed) and as CSV (text); row 9 repeats row 2.
const age = [31, null, 45, 27, 38, 52, 19, 64, null, 45];
const income = [52000.5, -1500, NaN, 0.01, 7, 1e6, 3.25, 41000, 12, NaN];
const city = ['Paris', 'Lyon', null, 'Paris', 'Nice', 'Lyon', 'Paris', 'Nice', 'Lyon', null];
const member = [true, false, true, null, false, true, true, false, false, true];
const joined = [0, 86400000, 1.5e12, null, 1.7e12, 1e9, 2e12, 3e11, 86400000, 1.5e12];
const big = [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 2n, 3n];
function writeBoth(rowGroupSize: number): { parquet: string; csv: string } {
  const parquet = join(dir, `people-${rowGroupSize}.parquet`);
  parquetWriteFile({
    filename: parquet,
    rowGroupSize,
    columnData: [
      { name: 'age', data: age, type: 'INT32' },
      { name: 'income', data: income, type: 'DOUBLE' },
      { name: 'city', data: city, type: 'STRING' },
      { name: 'member', data: member, type: 'BOOLEAN' },
      {
        name: 'joined',
        data: joined.map((t) => (t === null ? null : new Date(t))),
        type: 'TIMESTAMP',
      },
      { name: 'big', data: big, type: 'INT64' },
    ],
  });
  const cell = (v: unknown) =>
    v === null || (typeof v === 'number' && Number.isNaN(v)) ? 'NA' : String(v);
  const lines = ['age,income,city,member,joined,big'];
  for (let i = 0; i < age.length; i++) {
    const when = joined[i] === null ? '' : new Date(joined[i] as number).toISOString();
    lines.push([age[i], income[i], city[i], member[i], when, big[i]].map(cell).join(','));
  }
  const csv = join(dir, 'people.csv');
  writeFileSync(csv, `${lines.join('\n')}\n`);
  return { parquet, csv };
}

describe('readParquet', () => {
  it('reads back what hyparquet-writer wrote, equal to the CSV of the same data', async () => {
    for (const rowGroupSize of [100, 3]) {
      const { parquet, csv } = writeBoth(rowGroupSize);
      const progress: [number, number][] = [];
      const fromParquet = await read(parquet, {
        onProgress: (done, total) => progress.push([done, total]),
      });
      const size = statSync(parquet).size;
      expect(progress.length).toBe(Math.ceil(age.length / rowGroupSize));
      expect(progress.every(([done, total]) => done > 0 && done <= size && total === size)).toBe(
        true,
      );
      const fromCsv = await readCsv(csv, {}, statSync(csv).size);
      expect(fromParquet.format).toBe('parquet');
      expect(fromParquet.columns.map((c) => c.kind)).toEqual([
        'numerical',
        'numerical',
        'categorical',
        'categorical',
        'datetime',
        'numerical',
      ]);
      expect(plain(fromParquet)).toEqual(plain(fromCsv));
      expect(fromParquet.duplicateRows).toBe(1);
    }
  });

  it('reads only the columns asked for, and gives kinds from the schema and overrides', async () => {
    const { parquet } = writeBoth(4);
    const schema = new Map<string, ColumnKind>([['age', 'categorical']]);
    const f = await read(parquet, {
      columns: ['member', 'age', 'joined'],
      schema,
      kinds: { joined: 'numerical' },
    });
    expect(f.columns.map((c) => [c.name, c.kind, c.invalid])).toEqual([
      ['age', 'categorical', 0],
      ['member', 'categorical', 0],
      ['joined', 'numerical', 9],
    ]);
    expect((columnOf(f, 'age') as CategoricalColumn).dictionary.slice(0, 2)).toEqual(['31', '45']);
  });

  it('reads gzip-compressed files, not only Snappy', async () => {
    const path = join(dir, 'gzip.parquet');
    parquetWriteFile({
      filename: path,
      codec: 'GZIP',
      compressors: { GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes)) },
      columnData: [
        { name: 'x', data: [1.5, 2.5, null], type: 'DOUBLE' },
        { name: 'c', data: ['a', 'b', 'a'], type: 'STRING' },
      ],
    });
    const frame = await read(path);
    expect((columnOf(frame, 'x') as NumericColumn).values).toEqual(
      Float64Array.of(1.5, 2.5, Number.NaN),
    );
    expect((columnOf(frame, 'c') as CategoricalColumn).dictionary).toEqual(['a', 'b']);
  });

  it('reads DATE and DECIMAL columns, and an infinity as invalid', async () => {
    const path = join(dir, 'typed.parquet');
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: 'day', data: [new Date(Date.UTC(2024, 0, 2)), null] },
        { name: 'price', data: [12.34, -0.5] },
        { name: 'ratio', data: [Number.POSITIVE_INFINITY, 2] },
      ],
      schema: [
        { name: 'root', num_children: 3 },
        { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
        {
          name: 'price',
          type: 'INT32',
          converted_type: 'DECIMAL',
          scale: 2,
          precision: 6,
          repetition_type: 'REQUIRED',
        },
        { name: 'ratio', type: 'DOUBLE', repetition_type: 'REQUIRED' },
      ],
    });
    const f = await read(path);
    expect(f.columns.map((c) => [c.name, c.kind, c.missing, c.invalid])).toEqual([
      ['day', 'datetime', 1, 0],
      ['price', 'numerical', 0, 0],
      ['ratio', 'numerical', 0, 1],
    ]);
    expect(Array.from(numbersOf(columnOf(f, 'day') as NumericColumn))).toEqual([
      Date.UTC(2024, 0, 2),
      NaN,
    ]);
    const price = Array.from(numbersOf(columnOf(f, 'price') as NumericColumn));
    expect(price[0]).toBeCloseTo(12.34, 12);
    expect(price[1]).toBeCloseTo(-0.5, 12);
  });

  it('refuses a corrupt file, an unsupported column type and an unknown column', async () => {
    const corrupt = await readError(join(import.meta.dirname, 'testdata', 'corrupt.parquet'));
    expect(corrupt.code).toBe('corrupt_parquet');
    expect(corrupt.message).toMatch(/corrupt\.parquet: not a valid Parquet file: /);

    const path = join(dir, 'json.parquet');
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: 'id', data: [1, 2], type: 'INT32' },
        { name: 'meta', data: [{ a: 1 }, { b: 2 }], type: 'JSON' },
      ],
    });
    const unsupported = await readError(path);
    expect(unsupported.code).toBe('unsupported_type');
    expect(unsupported.column).toBe('meta');
    expect(unsupported.message).toMatch(
      /column "meta" is Parquet type BYTE_ARRAY annotated JSON, which Tend cannot read/,
    );
    const f = await read(path, { columns: ['id'] });
    expect(f.rowCount).toBe(2);

    const unknown = await readError(path, { columns: ['nope'] });
    expect(unknown.code).toBe('unknown_column');
  });
});
