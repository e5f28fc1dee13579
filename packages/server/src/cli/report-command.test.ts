import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { csv, tempDir } from '../../test/support/temp-files.js';
import { type ReportFlags, resolveOptions, runReport } from './report-command.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const rows = Array.from({ length: 60 }, (_, i) => [i % 7, i % 2 ? 'x' : 'y', i % 2, (i % 10) / 10]);
const ref = tmp.write('ref.csv', csv(['a', 'b', 'y', 'p'], rows));
const cur = tmp.write(
  'cur.csv',
  csv(
    ['a', 'b', 'y', 'p'],
    rows.map((r) => [Number(r[0]) + 3, ...r.slice(1)]),
  ),
);

/** Run the command with captured output. */
async function run(reference: string | undefined, current: string | undefined, flags: ReportFlags) {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        append(String(chunk));
        done();
      },
    });
  const stderr = Object.assign(
    sink((s) => (err += s)),
    { isTTY: false },
  ) as unknown as NodeJS.WriteStream;
  const code = await runReport(reference, current, flags, {
    stdout: sink((s) => (out += s)),
    stderr,
  });
  return { code, out, err };
}

describe('tend report', () => {
  it('exits 0, prints the summary and writes JSON and HTML', async () => {
    const json = join(tmp.dir, 'r.json');
    const html = join(tmp.dir, 'r.html');
    const r = await run(ref, cur, { target: 'y', prediction: 'p', json, html, bootstrap: '0' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Dataset drift: /);
    expect(r.out).toMatch(/Performance \(binary\)/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.columns.map((c: { name: string }) => c.name)).toEqual(['a', 'b', 'y', 'p']);
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('exits 1 when a condition fails and prints each failure', async () => {
    const r = await run(ref, cur, {
      condition: ['drift.share < 0', 'missingShare(a) <= 0'],
      quiet: false,
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Conditions: 1 of 2 hold/);
    expect(r.out).toMatch(/✗ drift\.share < 0 — drift\.share < 0 does not hold/);
  });

  it('exits 2 with one line naming file, line and column on bad input', async () => {
    const ragged = tmp.write('ragged.csv', 'a,b\n1,2\n3\n');
    const r = await run(ref, ragged, {});
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^tend report: .*ragged\.csv:3: /);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const missing = await run(ref, join(tmp.dir, 'absent.csv'), {});
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/absent\.csv: no such file/);
    const noTarget = await run(ref, cur, { target: 'label' });
    expect(noTarget.err).toMatch(/the target \(--target\) column "label" is not in the file/);
    const badTest = await run(ref, cur, { stattest: ['b=ks'] });
    expect(badTest.code).toBe(2);
    expect(badTest.err).toMatch(
      /--stattest b=ks: column 'b' is categorical; ks accepts numerical columns only/,
    );
    const badCondition = await run(ref, cur, { condition: ['accuracy >='] });
    expect(badCondition.code).toBe(2);
  });

  it('reads a config file, with flags winning', () => {
    const config = tmp.write(
      'tend.yaml',
      `reference: ${ref}\ncurrent: ${cur}\ntarget: y\nprediction: [p]\nstattest: ks\nthreshold: 0.01\nconditions: ['drift.share < 0.5']\n`,
    );
    const { options } = resolveOptions(undefined, undefined, {
      config,
      stattest: ['a=psi'],
      threshold: '0.2',
    });
    expect(options.reference).toBe(ref);
    expect(options.target).toBe('y');
    expect(options.prediction).toEqual({ columns: ['p'] });
    expect(options.stattest).toEqual({ '*': 'ks', a: 'psi' });
    expect(options.threshold).toBe(0.2);
    expect(options.conditions?.map((c) => c.text)).toEqual(['drift.share < 0.5']);
  });

  it('refuses unknown config keys and bad values by name', () => {
    const bad = tmp.write('bad.yaml', 'target: y\ntreshold: 0.1\n');
    expect(() => resolveOptions(ref, cur, { config: bad })).toThrow(/unknown setting "treshold"/);
    const wrong = tmp.write('wrong.json', '{"segments": "region"}');
    expect(() => resolveOptions(ref, cur, { config: wrong })).toThrow(
      /"segments" must be a list of strings/,
    );
    const range = tmp.write('range.yaml', 'driftShare: 2\n');
    expect(() => resolveOptions(ref, cur, { config: range })).toThrow(/--drift-share is "2"/);
    expect(() => resolveOptions(ref, cur, { preset: 'nannyml' })).toThrow(/--preset is "nannyml"/);
    expect(() => resolveOptions(undefined, cur, {})).toThrow(
      /give the reference and current files/,
    );
  });
});
