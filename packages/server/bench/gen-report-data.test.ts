import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReportData, intArg, REPORT_DATA_COLUMNS } from './gen-report-data.js';

const root = mkdtempSync(join(tmpdir(), 'tend-gen-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function table(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

function column(rows: string[][], header: string[], name: string): string[] {
  const j = header.indexOf(name);
  return rows.map((r) => r[j]);
}

function mean(cells: string[]): number {
  const xs = cells.filter((c) => c !== '').map(Number);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('generateReportData', () => {
  const rows = 20_000;
  const data = generateReportData({ rows, seed: 3, dir: join(root, 'a') });
  const ref = table(data.reference);
  const cur = table(data.current);

  it('writes 20 numeric and 5 categorical columns and the asked rows, rectangular', () => {
    expect(ref.header).toEqual([...REPORT_DATA_COLUMNS]);
    expect(ref.header.filter((h) => h.startsWith('num_'))).toHaveLength(20);
    expect(ref.header.filter((h) => h.startsWith('cat_'))).toHaveLength(5);
    expect(ref.rows).toHaveLength(rows);
    expect(cur.rows).toHaveLength(rows);
    expect(ref.rows.every((r) => r.length === 25)).toBe(true);
    expect(data).toMatchObject({ rows, columns: 25, reused: false });
  });

  it('is the same for the same seed and reuses finished files', () => {
    const again = generateReportData({ rows, seed: 3, dir: join(root, 'b') });
    expect(readFileSync(again.current, 'utf8')).toBe(readFileSync(data.current, 'utf8'));
    expect(generateReportData({ rows, seed: 3, dir: join(root, 'a') }).reused).toBe(true);
    const other = generateReportData({ rows: 100, seed: 4, dir: join(root, 'c') });
    expect(readFileSync(other.reference, 'utf8').slice(0, 2000)).not.toBe(
      readFileSync(data.reference, 'utf8').slice(0, 2000),
    );
  });

  it('moves the means of num_00, num_01, num_02 by 0.5, 0.3 and 1.0 sd and no other', () => {
    const shift = (name: string) =>
      mean(column(cur.rows, cur.header, name)) - mean(column(ref.rows, ref.header, name));
    expect(shift('num_00')).toBeCloseTo(0.5 * 1, 1); // sd 1
    expect(shift('num_01') / 0.6039).toBeCloseTo(0.3, 1);
    expect(shift('num_02') / (100 / Math.sqrt(12))).toBeCloseTo(1.0, 1);
    expect(Math.abs(shift('num_05')) / 6).toBeLessThan(0.05); // sd 6
  });

  it("changes cat_0's mix only", () => {
    const share = (t: { header: string[]; rows: string[][] }, name: string, value: string) =>
      column(t.rows, t.header, name).filter((c) => c === value).length / rows;
    expect(share(ref, 'cat_0', 'red')).toBeCloseTo(0.4, 1);
    expect(share(cur, 'cat_0', 'red')).toBeCloseTo(0.2, 1);
    expect(share(cur, 'cat_2', 'mobile')).toBeCloseTo(share(ref, 'cat_2', 'mobile'), 1);
  });

  it('leaves cells empty in num_05 and cat_2 in both files, in num_06 only in the current', () => {
    const missing = (t: { header: string[]; rows: string[][] }, name: string) =>
      column(t.rows, t.header, name).filter((c) => c === '').length / rows;
    expect(missing(ref, 'num_05')).toBeCloseTo(0.02, 2);
    expect(missing(cur, 'num_05')).toBeCloseTo(0.02, 2);
    expect(missing(ref, 'cat_2')).toBeCloseTo(0.01, 2);
    expect(missing(ref, 'num_06')).toBe(0);
    expect(missing(cur, 'num_06')).toBeCloseTo(0.05, 2);
    expect(missing(ref, 'num_00')).toBe(0);
  });

  it('refuses a bad size or seed', () => {
    expect(() => generateReportData({ rows: 0 })).toThrow(/rows is 0/);
    expect(() => generateReportData({ rows: 10, seed: -1 })).toThrow(/seed is -1/);
  });
});

describe('intArg', () => {
  it('reads --name N and --name=N, and refuses non-integers', () => {
    expect(intArg(['report', '--rows', '300000'], 'rows')).toBe(300_000);
    expect(intArg(['--rows=5'], 'rows')).toBe(5);
    expect(intArg(['report'], 'rows')).toBeUndefined();
    expect(() => intArg(['--rows', '1e6'], 'rows')).toThrow('--rows is "1e6"');
  });
});
