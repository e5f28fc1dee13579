/**
 * `npm run bench -- report`: `tend report REF CUR --json OUT` end to end as a child process
 * against `evidently_preset.py` (what Evidently's default data-drift preset computes, in
 * pandas + SciPy) on the same seeded CSVs, 1 000 000 rows × 25 columns each by default
 * (`--rows N` or TEND_BENCH_ROWS=N to change it). Both are measured the same way: wall
 * seconds from spawn to exit, and the peak resident set size; each program runs three times
 * (`--runs N` or TEND_BENCH_RUNS=N), taking turns, and the medians are reported. The target of issue #3 is
 * speedup ≥ 10 and memory_ratio ≤ 1/3. Without pandas or SciPy under /usr/bin/python3 the
 * Tend figures are still printed, with `pandas_scipy: "unavailable"`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figures } from '../../core/bench/harness.js';
import { generateReportData, intArg } from './gen-report-data.js';
import { BENCH_DIR, type Measured, measureProcess } from './measure-process.js';

const PYTHON = '/usr/bin/python3';
const TEND_BIN = fileURLToPath(new URL('../bin/tend.js', import.meta.url));
const TEND_MAIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

function benchRows(): number {
  const fromArgs = intArg(process.argv.slice(2), 'rows');
  if (fromArgs !== undefined) return fromArgs;
  const env = process.env.TEND_BENCH_ROWS;
  if (env === undefined || env === '') return 1_000_000;
  const n = intArg([`--rows=${env}`], 'rows');
  return n ?? 1_000_000;
}

/** Runs of each program (`--runs N` or TEND_BENCH_RUNS), interleaved; medians are reported. */
function benchRuns(): number {
  const fromArgs = intArg(process.argv.slice(2), 'runs');
  const env = process.env.TEND_BENCH_RUNS;
  const n = fromArgs ?? (env ? intArg([`--runs=${env}`], 'runs') : undefined) ?? 3;
  if (n < 1) throw new RangeError('--runs must be at least 1');
  return n;
}

/** The median of numbers (the mean of the middle two when even). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall, CPU and peak RSS of several runs of one program. */
function medianOf(runs: Measured[]): { wallS: number; cpuS: number; peakRssMb: number } {
  return {
    wallS: median(runs.map((r) => r.wallS)),
    cpuS: median(runs.map((r) => r.cpuS)),
    peakRssMb: median(runs.map((r) => r.peakRssMb)),
  };
}

function round(x: number, digits = 3): number {
  return Number(x.toFixed(digits));
}

function failed(what: string, m: Measured): Error {
  return new Error(`${what} exited with ${m.exitCode}:\n${m.stderr.slice(-2000)}`);
}

function pandasAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import pandas, scipy'], { stdio: 'ignore' }).status === 0;
}

/** What evidently_preset.py prints (the parts read here). */
interface PythonSummary {
  drifted_columns: string[];
  max_rss_mb: number;
  read_s: number;
  compute_s: number;
  columns_drift: { name: string; method: string; score: number; drifted: boolean }[];
}

/**
 * The largest relative difference between the Python script's drift scores and those of
 * `tend report --preset evidently`, so the figures show both computed the same thing; a
 * column whose method or decision differs is named instead.
 */
function maxRelDiff(py: PythonSummary, tendJson: string): number | string {
  const report = JSON.parse(tendJson) as {
    columns: { name: string; drift?: { method: string; statistic: number; drifted: boolean } }[];
  };
  const byName = new Map(report.columns.map((c) => [c.name, c.drift]));
  let worst = 0;
  for (const col of py.columns_drift) {
    const d = byName.get(col.name);
    if (!d || d.method !== col.method || d.drifted !== col.drifted)
      return `mismatch in ${col.name}`;
    worst = Math.max(
      worst,
      Math.abs(d.statistic - col.score) / Math.max(Math.abs(col.score), 1e-300),
    );
  }
  return Number(worst.toExponential(2));
}

/**
 * Run both programs on the generated files and return their figures and ratios.
 *
 * @example
 * const figures = await bench(); // { tend_report_wall_s: …, speedup: …, … }
 */
export default async function bench(): Promise<Figures> {
  const rows = benchRows();
  if (!existsSync(TEND_MAIN)) {
    throw new Error('packages/server is not built: run `npm run build` first');
  }
  process.stderr.write(`  generating ${rows} rows × 25 columns (reused when present) …\n`);
  const data = generateReportData({ rows, seed: 1 });
  const out = mkdtempSync(join(tmpdir(), 'tend-bench-report-out-'));
  try {
    const runs = benchRuns();
    const jsonOut = join(out, 'report.json');
    const evJson = join(out, 'evidently.json');
    const tendArgs = [
      TEND_BIN,
      'report',
      data.reference,
      data.current,
      '--json',
      jsonOut,
      '--quiet',
    ];
    // The same computation as the Python script: Evidently's tests, no multivariate step.
    const evArgs = [
      TEND_BIN,
      'report',
      data.reference,
      data.current,
      '--preset',
      'evidently',
      '--no-multivariate',
      '--json',
      evJson,
      '--quiet',
    ];
    const withPython = pandasAvailable();
    const pyArgs = [join(BENCH_DIR, 'evidently_preset.py'), data.reference, data.current];
    // The programs take turns, run after run, so a machine that slows down or speeds up
    // in the meantime weighs on all of them alike; each figure is the median of its runs.
    const tendRuns: Measured[] = [];
    const evRuns: Measured[] = [];
    const pyRuns: Measured[] = [];
    for (let r = 1; r <= runs; r++) {
      process.stderr.write(`  run ${r}/${runs}: tend report …\n`);
      const tend = await measureProcess('node', tendArgs);
      if (tend.exitCode !== 0) throw failed('tend report', tend);
      tendRuns.push(tend);
      process.stderr.write(
        `  run ${r}/${runs}: tend report --preset evidently --no-multivariate …\n`,
      );
      const ev = await measureProcess('node', evArgs);
      if (ev.exitCode !== 0) throw failed('tend report --preset evidently', ev);
      evRuns.push(ev);
      if (!withPython) continue;
      process.stderr.write(`  run ${r}/${runs}: pandas + SciPy (evidently_preset.py) …\n`);
      const py = await measureProcess(PYTHON, pyArgs);
      if (py.exitCode !== 0) throw failed('evidently_preset.py', py);
      pyRuns.push(py);
    }
    const tend = medianOf(tendRuns);
    const tendEv = medianOf(evRuns);
    const report = JSON.parse(readFileSync(jsonOut, 'utf8')) as {
      dataset: { drift: { driftedColumns: string[] } };
    };
    const walls = (xs: Measured[]) => xs.map((m) => round(m.wallS, 2)).join(',');
    const figures: Figures = {
      rows: data.rows,
      columns: data.columns,
      data_reused: String(data.reused),
      runs,
      tend_report_wall_s: round(tend.wallS),
      tend_report_cpu_s: round(tend.cpuS),
      tend_report_peak_rss_mb: round(tend.peakRssMb, 1),
      tend_report_walls_s: walls(tendRuns),
      tend_drifted_columns: report.dataset.drift.driftedColumns.join(','),
      rss_source: tendRuns[0].rssSource,
      tend_evidently_preset_wall_s: round(tendEv.wallS),
      tend_evidently_preset_peak_rss_mb: round(tendEv.peakRssMb, 1),
    };
    if (!withPython) {
      figures.pandas_scipy = 'unavailable';
      return figures;
    }
    const summary = JSON.parse(pyRuns[pyRuns.length - 1].stdout) as PythonSummary;
    const py = medianOf(pyRuns);
    // Without GNU time the script's own getrusage peak stands in for the measured one.
    const pyRss = Number.isNaN(py.peakRssMb) ? summary.max_rss_mb : py.peakRssMb;
    Object.assign(figures, {
      pandas_scipy_wall_s: round(py.wallS),
      pandas_scipy_cpu_s: round(py.cpuS),
      pandas_scipy_peak_rss_mb: round(pyRss, 1),
      pandas_scipy_walls_s: walls(pyRuns),
      pandas_read_csv_s: summary.read_s,
      pandas_compute_s: summary.compute_s,
      pandas_scipy_drifted_columns: summary.drifted_columns.join(','),
      speedup: round(py.wallS / tend.wallS, 2),
      memory_ratio: round(tend.peakRssMb / pyRss, 3),
      speedup_evidently_preset: round(py.wallS / tendEv.wallS, 2),
      memory_ratio_evidently_preset: round(tendEv.peakRssMb / pyRss, 3),
      evidently_scores_max_rel_diff: maxRelDiff(summary, readFileSync(evJson, 'utf8')),
    });
    return figures;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
