import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readErrorOf, texts, values } from '../../test/support/frames.js';
import type { CategoricalColumn, Column, ColumnKind, Frame } from './frame.js';
import { columnOf } from './frame.js';
import { readCsv } from './read-csv.js';
import type { ReadOptions } from './read-options.js';

const dir = mkdtempSync(join(tmpdir(), 'tend-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const testdata = (name: string) => join(import.meta.dirname, 'testdata', name);

let fileCount = 0;
function tempCsv(text: string): string {
  const path = join(dir, `t${fileCount++}.csv`);
  writeFileSync(path, text);
  return path;
}

const read = (path: string, options: ReadOptions = {}) =>
  readCsv(path, options, statSync(path).size);

function col(frame: Frame, name: string): Column {
  const c = columnOf(frame, name);
  if (c === undefined) throw new Error(`no column ${name}`);
  return c;
}

const readError = (path: string, options: ReadOptions = {}) =>
  readErrorOf(() => read(path, options));

describe('readCsv: types', () => {
  it('infers numbers, scientific notation, dates, booleans and missing markers', async () => {
    const f = await read(testdata('people.csv'));
    expect(f.format).toBe('csv');
    expect(f.rowCount).toBe(5);
    expect(f.columns.map((c) => [c.name, c.kind, c.missing, c.invalid])).toEqual([
      ['id', 'numerical', 0, 0],
      ['age', 'numerical', 1, 0],
      ['income', 'numerical', 1, 0],
      ['city', 'categorical', 1, 0],
      ['joined', 'datetime', 1, 0],
      ['member', 'categorical', 0, 0],
      ['note', 'categorical', 3, 0],
    ]);
    expect(values(f, 'age')).toEqual([31, NaN, 45, 27, 38]);
    expect(values(f, 'income')).toEqual([52000.5, -1500, NaN, 0.01, 7]);
    expect(texts(f, 'city')).toEqual(['Paris', 'Lyon', 'Paris', null, 'Nice']);
    expect(values(f, 'joined')).toEqual([
      Date.UTC(2021, 2, 4),
      Date.UTC(2021, 2, 5, 10, 20, 30),
      Date.UTC(2021, 2, 6, 8),
      NaN,
      Date.UTC(2022, 11, 31, 22, 59, 59, 999),
    ]);
    expect(texts(f, 'member')).toEqual(['true', 'false', 'true', 'false', 'true']);
    expect(texts(f, 'note')).toEqual(['first', null, null, 'likes "quotes"', null]);
    expect(f.duplicateRows).toBe(0);
  });

  it('makes a column with one non-number categorical, numbers as String(number)', async () => {
    const f = await read(tempCsv('x\n1.0\n2\nabc\n1\n'));
    expect(col(f, 'x').kind).toBe('categorical');
    expect(texts(f, 'x')).toEqual(['1', '2', 'abc', '1']);
  });

  it('gives a header-only file zero rows', async () => {
    const f = await read(tempCsv('a,b\n'));
    expect(f.rowCount).toBe(0);
    expect(f.columns.map((c) => c.name)).toEqual(['a', 'b']);
  });
});

describe('readCsv: RFC 4180 and line numbers', () => {
  it('reads quoted fields with escaped quotes and line breaks, and numbers later errors by physical line', async () => {
    const e = await readError(testdata('multiline.csv'));
    expect(e.message).toBe(`${testdata('multiline.csv')}:9: row has 4 fields, the header has 3`);
    expect(e.line).toBe(9);
    expect(e.code).toBe('ragged_row');
    const lines = (await import('node:fs'))
      .readFileSync(testdata('multiline.csv'), 'utf8')
      .split('\n');
    const f = await read(tempCsv(lines.slice(0, 8).join('\n')));
    expect(texts(f, 'comment')).toEqual([
      'spans\ntwo lines',
      'has "quotes", a comma\nand\nthree lines',
      'plain',
    ]);
    expect(values(f, 'score')).toEqual([0.5, 0.7, 0.9]);
  });

  it('handles CRLF, CRLF inside quotes, a BOM and blank lines, still counting lines right', async () => {
    const text = '\uFEFFid,text\r\n1,"a\r\nb"\r\n\r\n2,"c\r\n\r\nd"\r\n3,e\r\n4\r\n';
    const e = await readError(tempCsv(text));
    expect(e.line).toBe(9);
    expect(e.message).toMatch(/:9: row has 1 field, the header has 2$/);
    const f = await read(tempCsv(text.replace('4\r\n', '')));
    expect(f.columns.map((c) => c.name)).toEqual(['id', 'text']);
    expect(texts(f, 'text')).toEqual(['a\r\nb', 'c\r\n\r\nd', 'e']);
  });

  it('names the line where an unclosed quote opens', async () => {
    const e = await readError(tempCsv('a,b\n1,2\n\n3,"open\n4,5\n6,7\n'));
    expect(e.code).toBe('malformed_csv');
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/:4: a quoted field opens in this row and never closes$/);
  });

  it('keeps a quote inside an unquoted field as a character', async () => {
    const f = await read(tempCsv('h,w\n5\'10",x\n'));
    expect(texts(f, 'h')).toEqual(['5\'10"']);
  });

  it('reports text after a closing quote as malformed, with its line', async () => {
    const e = await readError(tempCsv('a,b\n1,2\n"x"y,3\n'));
    expect(e.code).toBe('malformed_csv');
    expect(e.line).toBe(3);
  });
});

describe('readCsv: delimiters', () => {
  it('detects a semicolon and keeps commas inside fields', async () => {
    const f = await read(testdata('semicolon.csv'));
    expect(f.columns.map((c) => c.name)).toEqual(['name', 'price', 'tags']);
    expect(texts(f, 'name')).toEqual(['Smith, John', 'Doe']);
    expect(values(f, 'price')).toEqual([12.5, 13]);
    expect(texts(f, 'tags')).toEqual(['a,b', 'c']);
  });

  it('detects tabs and pipes, and uses a given delimiter over detection', async () => {
    expect((await read(tempCsv('a\tb\n1\t2\n'))).columns.length).toBe(2);
    expect((await read(tempCsv('a|b|c\n1|2|3\n'))).columns.length).toBe(3);
    // Detection would pick ';' (two of them); the option says '|'.
    const f = await read(tempCsv('a;b;c|d\n1;2;3|4\n'), { delimiter: '|' });
    expect(f.columns.map((c) => c.name)).toEqual(['a;b;c', 'd']);
  });
});

describe('readCsv: a schema, overrides and column selection', () => {
  const current =
    'age,city,when,score\n30,Paris,2024-01-01,1\nold,12,yesterday,2\nNA,,2024-01-03,x\n';

  it('parses each column as the schema says, counting cells that do not parse as invalid', async () => {
    const schema = new Map<string, ColumnKind>([
      ['age', 'numerical'],
      ['city', 'categorical'],
      ['when', 'datetime'],
    ]);
    const f = await read(tempCsv(current), { schema });
    expect(f.columns.map((c) => [c.name, c.kind, c.missing, c.invalid])).toEqual([
      ['age', 'numerical', 1, 1],
      ['city', 'categorical', 1, 0],
      ['when', 'datetime', 0, 1],
      ['score', 'categorical', 0, 0],
    ]);
    expect(values(f, 'age')).toEqual([30, NaN, NaN]);
    expect(texts(f, 'city')).toEqual(['Paris', '12', null]);
    expect(values(f, 'when')).toEqual([Date.UTC(2024, 0, 1), NaN, Date.UTC(2024, 0, 3)]);
  });

  it('lets kinds override the schema and reads only the columns asked for', async () => {
    const schema = new Map<string, ColumnKind>([['score', 'categorical']]);
    const f = await read(tempCsv(current), {
      schema,
      kinds: { score: 'numerical' },
      columns: ['score', 'city'],
    });
    expect(f.columns.map((c) => [c.name, c.kind, c.invalid])).toEqual([
      ['city', 'categorical', 0],
      ['score', 'numerical', 1],
    ]);
  });

  it('refuses a column option naming a column that is not in the header', async () => {
    const e = await readError(tempCsv(current), { columns: ['age', 'zip'] });
    expect(e.code).toBe('unknown_column');
    expect(e.column).toBe('zip');
    expect(e.message).toMatch(
      /option columns names "zip", which is not in the file \(its columns: age, city, when, score\)$/,
    );
  });
});

describe('readCsv: duplicates and progress', () => {
  it('counts rows repeating an earlier row, comparing parsed values', async () => {
    const f = await read(tempCsv('a,b\n1,x\n1.0,x\n2,x\n1,y\n1e0,x\nNA,\n,NA\n'));
    // (1,x) ×3 → 2 duplicates; (missing, missing) ×2 → 1 duplicate
    expect(f.duplicateRows).toBe(3);
  });

  it('reports progress up to the file size', async () => {
    const path = tempCsv('a,b\n1,2\n3,4\n');
    const seen: [number, number][] = [];
    await read(path, { onProgress: (done, total) => seen.push([done, total]) });
    const size = statSync(path).size;
    expect(seen.at(-1)).toEqual([size, size]);
  });
});

describe('readCsv: bad headers', () => {
  it('refuses a file of blank lines, a duplicated column name and an unnamed column', async () => {
    const blank = await readError(tempCsv('\n\n\n'));
    expect(blank.code).toBe('no_header');
    expect(blank.message).toMatch(/: no header row: the file holds only blank lines$/);
    const twice = await readError(tempCsv('\n\na,b,a\n1,2,3\n'));
    expect(twice.code).toBe('duplicate_column');
    expect(twice.message).toMatch(/:3: column "a" appears twice in the header \(fields 1 and 3\)$/);
    const unnamed = await readError(tempCsv(',a\n0,1\n'));
    expect(unnamed.code).toBe('no_header');
    expect(unnamed.line).toBe(1);
  });
});

describe('readCsv: a generated file of 200 000 rows', () => {
  it('reads every row and value', async () => {
    const rows = 200_000;
    const parts = ['id,x,y,group,when\n'];
    let sumX = 0;
    for (let i = 0; i < rows; i++) {
      const x = (i % 1000) / 8;
      sumX += x;
      const day = String((i % 28) + 1).padStart(2, '0');
      parts.push(
        `${i},${x},${i % 7 === 0 ? 'NA' : (i * 1e-3).toExponential(3)},g${i % 13},2024-02-${day}\n`,
      );
    }
    const path = tempCsv(parts.join(''));
    const f = await read(path);
    expect(f.rowCount).toBe(rows);
    expect(f.columns.map((c) => c.kind)).toEqual([
      'numerical',
      'numerical',
      'numerical',
      'categorical',
      'datetime',
    ]);
    expect(values(f, 'x').reduce((s, v) => s + v, 0)).toBeCloseTo(sumX, 6);
    expect(col(f, 'y').missing).toBe(Math.ceil(rows / 7));
    expect((col(f, 'group') as CategoricalColumn).dictionary.length).toBe(13);
    expect(f.duplicateRows).toBe(0);
  });
});
