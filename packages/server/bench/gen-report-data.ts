/**
 * The data of `npm run bench -- report`: a seeded reference and current CSV of 20 numeric and
 * 5 categorical columns (1 000 000 rows each by default) in the system's temp directory.
 * The current file drifts in a known way: the means of num_00, num_01 and num_02 move by
 * 0.5, 0.3 and 1.0 standard deviations, and cat_0's category mix changes; num_05 and cat_2
 * miss values in both files, num_06 only in the current one. Files are written a block of
 * rows at a time (never one giant string), under a temporary name renamed at the end, so an
 * interrupted run is never mistaken for a finished one and a finished one is reused.
 *
 * Run alone: `tsx packages/server/bench/gen-report-data.ts [--rows N] [--seed S]`.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRng, type Rng } from '@tend/core';

/** How one numeric column is drawn. */
interface NumericSpec {
  name: string;
  draw: (rng: Rng, normal: () => number) => number;
  /** Decimals written. */
  digits: number;
  /** Mean shift of the current file, in the column's standard deviations. */
  shiftSd: number;
  sd: number;
  /** Share of empty cells in the reference and in the current file. */
  missing: [number, number];
}

/** How one categorical column is drawn: categories with their reference and current shares. */
interface CategoricalSpec {
  name: string;
  categories: string[];
  reference: number[];
  current: number[];
  missing: [number, number];
}

const NUMERIC_KINDS = ['normal', 'lognormal', 'uniform', 'integer', 'exponential'] as const;

function numericSpecs(): NumericSpec[] {
  const shifts: Record<number, number> = { 0: 0.5, 1: 0.3, 2: 1.0 };
  const missing: Record<number, [number, number]> = { 5: [0.02, 0.02], 6: [0, 0.05] };
  return Array.from({ length: 20 }, (_, i): NumericSpec => {
    const kind = NUMERIC_KINDS[i % NUMERIC_KINDS.length];
    const name = `num_${String(i).padStart(2, '0')}`;
    const base = { name, shiftSd: shifts[i] ?? 0, missing: missing[i] ?? [0, 0] } as const;
    const mu = 10 * i;
    switch (kind) {
      case 'normal':
        return { ...base, sd: 1 + i, digits: 4, draw: (_r, z) => mu + (1 + i) * z() };
      case 'lognormal':
        // sd of exp(N(0, 0.5²)) = sqrt((e^0.25 − 1)·e^0.25)
        return { ...base, sd: 0.6039, digits: 4, draw: (_r, z) => Math.exp(0.5 * z()) };
      case 'uniform':
        return { ...base, sd: 100 / Math.sqrt(12), digits: 3, draw: (r) => 100 * r.next() };
      case 'integer':
        return { ...base, sd: 72 / Math.sqrt(12), digits: 0, draw: (r) => 18 + r.nextInt(72) };
      default:
        return { ...base, sd: 5, digits: 3, draw: (r) => -5 * Math.log(1 - r.next()) };
    }
  });
}

const CATEGORICAL: CategoricalSpec[] = [
  {
    name: 'cat_0',
    categories: ['red', 'green', 'blue', 'yellow', 'black'],
    reference: [0.4, 0.3, 0.15, 0.1, 0.05],
    current: [0.2, 0.25, 0.2, 0.15, 0.2],
    missing: [0, 0],
  },
  {
    name: 'cat_1',
    categories: Array.from({ length: 10 }, (_, i) => `plan_${i}`),
    reference: Array.from({ length: 10 }, () => 0.1),
    current: Array.from({ length: 10 }, () => 0.1),
    missing: [0, 0],
  },
  {
    name: 'cat_2',
    categories: ['mobile', 'desktop', 'tablet'],
    reference: [0.6, 0.3, 0.1],
    current: [0.6, 0.3, 0.1],
    missing: [0.01, 0.01],
  },
  {
    name: 'cat_3',
    categories: Array.from({ length: 50 }, (_, i) => `city_${String(i).padStart(2, '0')}`),
    reference: Array.from({ length: 50 }, () => 0.02),
    current: Array.from({ length: 50 }, () => 0.02),
    missing: [0, 0],
  },
  {
    name: 'cat_4',
    categories: ['yes', 'no'],
    reference: [0.3, 0.7],
    current: [0.3, 0.7],
    missing: [0, 0],
  },
];

/**
 * The 25 column names in file order.
 *
 * @example
 * REPORT_DATA_COLUMNS[20]; // 'cat_0'
 */
export const REPORT_DATA_COLUMNS: readonly string[] = [
  ...numericSpecs().map((s) => s.name),
  ...CATEGORICAL.map((s) => s.name),
];

/** Cumulative shares, so a category is drawn with one uniform and a short scan. */
function cumulative(shares: number[]): number[] {
  let sum = 0;
  return shares.map((s) => {
    sum += s;
    return sum;
  });
}

/** Rows per block written: about 2 MB of text. */
const BLOCK_ROWS = 10_000;

function writeCsv(path: string, rows: number, seed: number, side: 0 | 1): void {
  const rng = createRng(seed);
  // Box–Muller yields normals in pairs; keep the spare one.
  let spare = Number.NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = Number.NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const theta = 2 * Math.PI * rng.next();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  const numeric = numericSpecs();
  const cumShares = CATEGORICAL.map((c) => cumulative(side === 0 ? c.reference : c.current));
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${REPORT_DATA_COLUMNS.join(',')}\n`);
    const cells: string[] = new Array(REPORT_DATA_COLUMNS.length);
    for (let start = 0; start < rows; start += BLOCK_ROWS) {
      const lines: string[] = [];
      const end = Math.min(rows, start + BLOCK_ROWS);
      for (let row = start; row < end; row++) {
        let k = 0;
        for (const spec of numeric) {
          const shift = side === 1 ? spec.shiftSd * spec.sd : 0;
          const x = spec.draw(rng, normal) + shift;
          // The missing draw comes after the value so both files consume the same stream shape.
          cells[k++] = rng.next() < spec.missing[side] ? '' : x.toFixed(spec.digits);
        }
        for (let c = 0; c < CATEGORICAL.length; c++) {
          const spec = CATEGORICAL[c];
          const cum = cumShares[c];
          const u = rng.next() * cum[cum.length - 1];
          let j = 0;
          while (j < cum.length - 1 && u >= cum[j]) j++;
          cells[k++] = rng.next() < spec.missing[side] ? '' : spec.categories[j];
        }
        lines.push(cells.join(','));
      }
      writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Where the files went and whether they were already there. */
export interface ReportData {
  reference: string;
  current: string;
  rows: number;
  columns: number;
  reused: boolean;
}

/**
 * Write (or reuse) the seeded reference and current CSVs of `rows` rows each.
 *
 * @example
 * const { reference, current } = generateReportData({ rows: 100_000, seed: 1 });
 */
export function generateReportData(
  options: { rows?: number; seed?: number; dir?: string } = {},
): ReportData {
  const rows = options.rows ?? 1_000_000;
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(rows) || rows < 1) {
    throw new RangeError(`generateReportData: rows is ${rows}; expected an integer ≥ 1`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed >= Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`generateReportData: seed is ${seed}; expected an integer ≥ 0`);
  }
  const dir = options.dir ?? join(tmpdir(), `tend-bench-report-seed${seed}-rows${rows}`);
  mkdirSync(dir, { recursive: true });
  const reference = join(dir, 'reference.csv');
  const current = join(dir, 'current.csv');
  const reused = existsSync(reference) && existsSync(current);
  if (!existsSync(reference)) writeCsv(reference, rows, seed, 0);
  if (!existsSync(current)) writeCsv(current, rows, seed + 1, 1);
  return { reference, current, rows, columns: REPORT_DATA_COLUMNS.length, reused };
}

/**
 * The value of `--name N` or `--name=N` among the arguments, if given.
 *
 * @example
 * intArg(['--rows', '1000'], 'rows'); // 1000
 */
export function intArg(args: readonly string[], name: string): number | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const text =
      a === `--${name}`
        ? args[i + 1]
        : a.startsWith(`--${name}=`)
          ? a.slice(name.length + 3)
          : undefined;
    if (text === undefined) continue;
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) {
      throw new RangeError(`--${name} is "${text}"; expected a non-negative integer`);
    }
    return n;
  }
  return undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const data = generateReportData({ rows: intArg(args, 'rows'), seed: intArg(args, 'seed') });
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}
