import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { binCategorical, jensenShannonDistance, wassersteinDistanceNormed } from '@tend/core';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReportData } from './gen-report-data.js';

// evidently_preset.py needs Debian's pandas and SciPy; without them there is nothing to check.
const PYTHON = '/usr/bin/python3';
const hasPandas =
  existsSync(PYTHON) &&
  spawnSync(PYTHON, ['-c', 'import pandas, scipy'], { stdio: 'ignore' }).status === 0;
const SCRIPT = fileURLToPath(new URL('./evidently_preset.py', import.meta.url));

const root = mkdtempSync(join(tmpdir(), 'tend-evidently-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function columns(path: string): Map<string, string[]> {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const out = new Map(header.map((h) => [h, [] as string[]]));
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    for (let j = 0; j < cells.length; j++) out.get(header[j])?.push(cells[j]);
  }
  return out;
}

interface Summary {
  rows: number[];
  columns: number;
  drifted_columns: string[];
  share: number;
  dataset_drift: boolean;
  columns_drift: { name: string; type: string; method: string; score: number }[];
  missing: { reference: Record<string, number>; current: Record<string, number> };
}

describe.skipIf(!hasPandas)('evidently_preset.py', () => {
  const data = generateReportData({ rows: 3000, seed: 5, dir: root });
  const run = spawnSync(PYTHON, [SCRIPT, data.reference, data.current], { encoding: 'utf8' });
  const summary = JSON.parse(run.stdout || '{}') as Summary;
  const ref = columns(data.reference);
  const cur = columns(data.current);

  it('types the 25 columns as Evidently does and picks its > 1000-row tests', () => {
    expect(run.status).toBe(0);
    expect(summary.rows).toEqual([3000, 3000]);
    const methods = Object.fromEntries(summary.columns_drift.map((c) => [c.name, c.method]));
    expect(methods.num_00).toBe('wasserstein');
    expect(methods.num_03).toBe('wasserstein'); // integer ages: 72 distinct values
    expect(methods.cat_0).toBe('jensenshannon');
    expect(summary.columns_drift).toHaveLength(25);
  });

  it("gives @tend/core's Wasserstein ÷ sd and Jensen–Shannon distance on each column", () => {
    for (const col of summary.columns_drift) {
      const r = ref.get(col.name)!.filter((c) => c !== '');
      const c = cur.get(col.name)!.filter((x) => x !== '');
      const want =
        col.type === 'num'
          ? wassersteinDistanceNormed(r.map(Number), c.map(Number))
          : (() => {
              const b = binCategorical(r, c);
              return jensenShannonDistance(b.reference, b.current);
            })();
      expect(Math.abs(col.score - want) / want, col.name).toBeLessThan(1e-9);
    }
  });

  it('finds the drift that was written and counts the empty cells', () => {
    expect(summary.drifted_columns).toEqual(['num_00', 'num_01', 'num_02', 'cat_0']);
    expect(summary.share).toBeCloseTo(4 / 25, 12);
    expect(summary.dataset_drift).toBe(false);
    const empties = (m: Map<string, string[]>, name: string) =>
      m.get(name)!.filter((c) => c === '').length;
    expect(summary.missing.current.num_06).toBe(empties(cur, 'num_06'));
    expect(summary.missing.reference.cat_2).toBe(empties(ref, 'cat_2'));
    expect(summary.missing.reference.num_06).toBe(0);
  });
});
