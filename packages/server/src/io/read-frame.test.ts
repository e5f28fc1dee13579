import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readErrorOf } from '../../test/support/frames.js';
import { formatOf, type ReadOptions, readFrame } from './read-frame.js';

const dir = mkdtempSync(join(tmpdir(), 'tend-frame-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const testdata = (name: string) => join(import.meta.dirname, 'testdata', name);
function temp(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const readError = (path: string, options: ReadOptions = {}) =>
  readErrorOf(() => readFrame(path, options));

describe('formatOf', () => {
  it('maps extensions case-insensitively, and the format option wins', () => {
    expect(formatOf('a.csv')).toBe('csv');
    expect(formatOf('a.TSV')).toBe('csv');
    expect(formatOf('dir.v2/a.txt')).toBe('csv');
    expect(formatOf('a.ndjson')).toBe('ndjson');
    expect(formatOf('a.JSONL')).toBe('ndjson');
    expect(formatOf('a.parquet')).toBe('parquet');
    expect(formatOf('a.log', 'ndjson')).toBe('ndjson');
  });
});

describe('readFrame', () => {
  it('reads each format by its extension', async () => {
    const csv = await readFrame(testdata('people.csv'));
    expect([csv.source, csv.format, csv.rowCount]).toEqual([testdata('people.csv'), 'csv', 5]);
    const jsonl = join(dir, 'events.JSONL');
    copyFileSync(testdata('events.ndjson'), jsonl);
    const nd = await readFrame(jsonl);
    expect([nd.format, nd.rowCount]).toEqual(['ndjson', 4]);
  });

  it('reads .tsv with tabs even when commas are more frequent, and a given format over the extension', async () => {
    const tsv = await readFrame(temp('a.tsv', 'a,b,c\td\n1,2,3\t4\n'));
    expect(tsv.columns.map((c) => c.name)).toEqual(['a,b,c', 'd']);
    const log = await readFrame(temp('events.log', '{"x": 1}\n'), { format: 'ndjson' });
    expect(log.format).toBe('ndjson');
  });

  it('refuses a missing file, a directory, an empty file and an unknown extension', async () => {
    const missing = await readError(join(dir, 'nope.csv'));
    expect([missing.code, missing.message]).toEqual([
      'not_found',
      `${join(dir, 'nope.csv')}: no such file`,
    ]);
    const sub = join(dir, 'folder.csv');
    mkdirSync(sub);
    expect((await readError(sub)).code).toBe('unreadable');
    const empty = await readError(temp('empty.csv', ''));
    expect([empty.code, empty.message]).toEqual([
      'empty',
      `${join(dir, 'empty.csv')}: the file is empty`,
    ]);
    expect((await readError(temp('empty.parquet', ''))).code).toBe('empty');
    const xlsx = await readError(temp('book.xlsx', 'x'));
    expect(xlsx.code).toBe('unsupported_format');
    expect(xlsx.message).toMatch(
      /book\.xlsx: cannot tell the format from the extension "\.xlsx"; use one of \.csv, \.tsv, \.txt, \.ndjson, \.jsonl, \.parquet or give the format$/,
    );
    expect((await readError(temp('README', 'x'))).message).toMatch(/extension "\(none\)"/);
  });

  it('refuses bad format and delimiter options', async () => {
    const path = testdata('people.csv');
    const format = await readError(path, { format: 'xls' as unknown as 'csv' });
    expect(format.code).toBe('invalid_option');
    expect(format.message).toMatch(/option format is "xls"; expected csv, ndjson, parquet$/);
    for (const delimiter of ['', ';;', '"', '\n']) {
      const e = await readError(path, { delimiter });
      expect(e.code, JSON.stringify(delimiter)).toBe('invalid_option');
    }
  });

  it("passes on the readers' errors: ragged rows, corrupt Parquet", async () => {
    const ragged = await readError(testdata('ragged.csv'));
    expect(ragged.message).toBe(`${testdata('ragged.csv')}:3: row has 5 fields, the header has 6`);
    expect((await readError(testdata('corrupt.parquet'))).code).toBe('corrupt_parquet');
  });
});
