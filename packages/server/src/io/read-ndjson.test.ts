import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readErrorOf, texts, values } from '../../test/support/frames.js';
import type { ColumnKind } from './frame.js';
import { readNdjson } from './read-ndjson.js';
import type { ReadOptions } from './read-options.js';

const dir = mkdtempSync(join(tmpdir(), 'tend-ndjson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const testdata = (name: string) => join(import.meta.dirname, 'testdata', name);
let fileCount = 0;
function temp(text: string): string {
  const path = join(dir, `t${fileCount++}.ndjson`);
  writeFileSync(path, text);
  return path;
}
const read = (path: string, options: ReadOptions = {}) =>
  readNdjson(path, options, statSync(path).size);
const readError = (path: string, options: ReadOptions = {}) =>
  readErrorOf(() => read(path, options));

describe('readNdjson', () => {
  it('reads one object per line: numbers, strings holding numbers, booleans, null and absent keys', async () => {
    const f = await read(testdata('events.ndjson'));
    expect(f.format).toBe('ndjson');
    expect(f.rowCount).toBe(4);
    expect(f.columns.map((c) => [c.name, c.kind, c.missing])).toEqual([
      ['user', 'categorical', 0],
      ['amount', 'numerical', 0],
      ['paid', 'categorical', 0],
      ['at', 'datetime', 0],
      ['coupon', 'categorical', 3],
    ]);
    expect(values(f, 'amount')).toEqual([12.5, 7, 12.5, -100]);
    expect(texts(f, 'paid')).toEqual(['true', 'false', 'true', 'true']);
    expect(values(f, 'at')).toEqual([
      Date.UTC(2024, 0, 1),
      Date.UTC(2024, 0, 2),
      Date.UTC(2024, 0, 1),
      Date.UTC(2024, 0, 3),
    ]);
    expect(texts(f, 'coupon')).toEqual([null, null, null, 'SPRING']);
    // row 3 repeats row 1: coupon null and "NA" are both missing
    expect(f.duplicateRows).toBe(1);
  });

  it('reads CRLF lines, a BOM, a schema and a column selection', async () => {
    const path = temp('\uFEFF{"a": 1, "b": "x", "c": 2}\r\n{"a": "oops", "b": 3, "c": 4}\r\n');
    const schema = new Map<string, ColumnKind>([
      ['a', 'numerical'],
      ['b', 'categorical'],
    ]);
    const progress: number[] = [];
    const f = await read(path, {
      schema,
      columns: ['b', 'a'],
      onProgress: (done) => progress.push(done),
    });
    expect(progress.at(-1)).toBe(statSync(path).size);
    expect(f.columns.map((c) => [c.name, c.kind, c.invalid])).toEqual([
      ['a', 'numerical', 1],
      ['b', 'categorical', 0],
    ]);
    expect(texts(f, 'b')).toEqual(['x', '3']);
  });

  it('treats an absent key named like an Object member as missing', async () => {
    const f = await read(temp('{"constructor": 1, "x": 2}\n{"x": 3}\n'));
    expect(values(f, 'constructor')).toEqual([1, NaN]);
  });

  it('refuses a nested value, naming file, line and key', async () => {
    const e = await readError(testdata('nested.ndjson'));
    expect(e.code).toBe('nested_value');
    expect(e.line).toBe(3);
    expect(e.column).toBe('meta');
    expect(e.message).toBe(
      `${testdata('nested.ndjson')}:3: "meta" holds an object; only numbers, strings, booleans and null can be read`,
    );
    const arr = await readError(temp('{"a": [1, 2]}\n'));
    expect(arr.message).toMatch(/:1: "a" holds an array;/);
  });

  it('refuses invalid JSON, naming the physical line (blank lines counted)', async () => {
    const e = await readError(testdata('badjson.ndjson'));
    expect(e.code).toBe('invalid_json');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/badjson\.ndjson:3: invalid JSON: /);
  });

  it('refuses a line that is not an object', async () => {
    const e = await readError(temp('{"a": 1}\n[1]\n'));
    expect(e.code).toBe('not_an_object');
    expect(e.message).toMatch(/:2: expected a JSON object, found an array$/);
    expect((await readError(temp('7\n'))).message).toMatch(
      /:1: expected a JSON object, found number$/,
    );
  });

  it('refuses a key the first object lacked, naming line and key', async () => {
    const e = await readError(testdata('newkey.ndjson'));
    expect(e.code).toBe('new_key');
    expect([e.line, e.column]).toEqual([3, 'b']);
    expect(e.message).toMatch(
      /newkey\.ndjson:3: key "b" is not in the first object; every column must be there from the first line$/,
    );
  });

  it('refuses a file of blank lines and an unknown column in the options', async () => {
    expect((await readError(temp('\n  \n'))).code).toBe('empty');
    const e = await readError(temp('{"a": 1}\n'), { columns: ['z'] });
    expect(e.code).toBe('unknown_column');
  });
});
