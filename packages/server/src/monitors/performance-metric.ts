/**
 * The performance metrics a monitor can follow, by the model's task: the same families and
 * names as `tend report` (report/performance-metrics.ts), each with the way it reads labelled
 * events (labels and predictions as classes, the positive class's score, every class's
 * probability, or numbers) and whether more is better.
 *
 * A window of more than EXACT_LABELS labelled predictions is measured from its outcome
 * profiles instead of its rows (`windowLabels`), and a confusion-matrix metric's interval
 * is then bootstrapped from the matrix (`confusionBootstrap`).
 */
import {
  createRng,
  gammaln,
  type Label,
  quantileSorted,
  type Rng,
  TendInputError,
} from '@tend/core';
import { type Confusion, RAW_ONLY_METRICS } from '../profiles/outcome-metrics.js';
import { outcomeKind } from '../profiles/outcome-profile.js';
import {
  readOutcomeProfiles,
  rebuildOutcomeProfiles,
  type WindowOutcomes,
} from '../profiles/outcome-profiles.js';
import {
  binaryLabelMetrics,
  binaryScoreMetrics,
  type MetricFn,
  multiclassLabelMetrics,
  multiclassProbaMetrics,
  regressionMetrics,
} from '../report/performance-metrics.js';
import type { PerformanceSettings } from './monitor-schemas.js';
import type { ResultRow } from './result-row.js';
import type { LabelledEvent, WindowData } from './window-data.js';

const LOWER_IS_BETTER = new Set([
  'logLoss',
  'brierScore',
  'expectedCalibrationError',
  'mae',
  'mse',
  'rmse',
  'mape',
  'medianAbsoluteError',
  'maxError',
]);

/** How a metric reads labelled events: classes, the positive class's score, scores, numbers. */
export type MetricInput = 'label' | 'score' | 'proba' | 'number';

const FAMILIES: Record<string, { input: MetricInput; names: string[] }[]> = {
  binary_classification: [
    { input: 'label', names: Object.keys(binaryLabelMetrics('1')) },
    { input: 'score', names: Object.keys(binaryScoreMetrics('1')) },
  ],
  multiclass_classification: [
    { input: 'label', names: Object.keys(multiclassLabelMetrics()) },
    { input: 'proba', names: Object.keys(multiclassProbaMetrics(['a', 'b'])) },
  ],
  regression: [{ input: 'number', names: Object.keys(regressionMetrics()) }],
};

/**
 * The metric names a model of `task` can be monitored on.
 *
 * @example
 * metricNames('regression'); // ['mae', 'mse', 'rmse', …]
 */
export function metricNames(task: string): string[] {
  return (FAMILIES[task] ?? []).flatMap((f) => f.names);
}

/** A metric ready to run on labelled events. */
export interface PerformanceMetric {
  name: string;
  higherIsBetter: boolean;
  input: MetricInput;
  /**
   * Whether a large window's outcome profile answers it; average precision does not, and is
   * read from the window's stored scores (`kinds/performance-scores.ts`).
   */
  profiled: boolean;
  /** The truths and predictions it takes, from the events it can read (others are skipped). */
  columns(events: LabelledEvent[]): { yTrue: unknown[]; yPred: unknown[] };
  fn: MetricFn<unknown, unknown>;
}

const asNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The metric `name` of a `task` model; `positiveLabel` is a binary model's positive class.
 *
 * @example
 * performanceMetric('binary_classification', 'recall', '1').higherIsBetter; // true
 */
export function performanceMetric(
  task: string,
  name: string,
  positiveLabel = '1',
): PerformanceMetric {
  const family = (FAMILIES[task] ?? []).find((f) => f.names.includes(name));
  if (family === undefined) {
    throw new TypeError(
      `metric "${name}" is not one of a ${task} model's: ${metricNames(task).join(', ')}`,
    );
  }
  const higherIsBetter = !LOWER_IS_BETTER.has(name);
  const input = family.input;
  const profiled = !RAW_ONLY_METRICS.has(name);
  const pick = (
    events: LabelledEvent[],
    read: (e: LabelledEvent) => [unknown, unknown] | undefined,
  ) => {
    const yTrue: unknown[] = [];
    const yPred: unknown[] = [];
    for (const e of events) {
      const pair = read(e);
      if (pair === undefined) continue;
      yTrue.push(pair[0]);
      yPred.push(pair[1]);
    }
    return { yTrue, yPred };
  };
  const cls = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
  switch (family.input) {
    case 'label':
      return {
        name,
        higherIsBetter,
        input,
        profiled,
        fn: (task === 'binary_classification'
          ? binaryLabelMetrics(positiveLabel)
          : multiclassLabelMetrics())[name] as MetricFn<unknown, unknown>,
        columns: (events) =>
          pick(events, (e) => {
            const t = cls(e.label);
            const p = cls(e.prediction);
            return t === undefined || p === undefined ? undefined : [t, p];
          }),
      };
    case 'score':
      return {
        name,
        higherIsBetter,
        input,
        profiled,
        fn: binaryScoreMetrics(positiveLabel)[name] as MetricFn<unknown, unknown>,
        columns: (events) =>
          pick(events, (e) => {
            const t = cls(e.label);
            const s = asNumber(e.scores?.[positiveLabel]);
            return t === undefined || s === undefined ? undefined : [t, s];
          }),
      };
    case 'proba': {
      let classes: Label[] = [];
      return {
        name,
        higherIsBetter,
        input,
        profiled,
        fn: (t, p) =>
          (multiclassProbaMetrics(classes)[name] as MetricFn<Label, number[]>)(
            t as Label[],
            p as number[][],
          ),
        columns: (events) => {
          const seen = new Set<string>();
          for (const e of events) for (const k in e.scores ?? {}) seen.add(k);
          classes = [...seen].sort();
          return pick(events, (e) => {
            const t = cls(e.label);
            if (t === undefined || e.scores === null) return undefined;
            return [t, classes.map((c) => asNumber(e.scores?.[c as string]) ?? 0)];
          });
        },
      };
    }
    default:
      return {
        name,
        higherIsBetter,
        input,
        profiled,
        fn: regressionMetrics()[name] as MetricFn<unknown, unknown>,
        columns: (events) =>
          pick(events, (e) => {
            const t = asNumber(e.label);
            const p = asNumber(e.prediction);
            return t === undefined || p === undefined ? undefined : [t, p];
          }),
      };
  }
}

/** Windows with at most this many labelled predictions are measured on their rows. */
export const EXACT_LABELS = 20_000;

/** How a window's labelled predictions are measured. */
export interface WindowLabels {
  /** Its outcome profiles, when it has more than EXACT_LABELS labelled predictions. */
  profiles: WindowOutcomes | null;
  /** Its labelled rows otherwise (none read when its outcome profile counts none). */
  rows(): Promise<LabelledEvent[]>;
}

const labelsOf = new WeakMap<WindowData, Promise<WindowLabels>>();

async function loadLabels(data: WindowData): Promise<WindowLabels> {
  const rows = () => data.labelled();
  const kind = outcomeKind(data.owner.task);
  if (kind === null) return { profiles: null, rows };
  const w = await readOutcomeProfiles(data.db, data.owner.id, data.versionId, data.windowStart);
  // Every label and prediction stored is profiled: no count, no labelled row to read.
  if (w.labelled === 0) return { profiles: null, rows: async () => [] };
  if (w.labelled <= EXACT_LABELS) return { profiles: null, rows };
  if (!w.stale) return { profiles: w, rows };
  const at = data.ctx.now();
  const fresh = await rebuildOutcomeProfiles(
    data.db,
    data.ctx.dialect,
    data.owner,
    data.versionId,
    data.windowStart,
    at,
  );
  return { profiles: fresh, rows };
}

/**
 * How the window's labelled predictions are measured: from its outcome profiles when it holds
 * more than EXACT_LABELS of them (rebuilt from its rows first if a label of it was replaced),
 * else from its rows. Read once per evaluation of the window, for every monitor that asks.
 *
 * @example
 * const labels = await windowLabels(data); labels.profiles?.labelled; // 1000000
 */
export function windowLabels(data: WindowData): Promise<WindowLabels> {
  let labels = labelsOf.get(data);
  if (labels === undefined) {
    labels = loadLabels(data);
    labelsOf.set(data, labels);
  }
  return labels;
}

/** Binomial(n, p) by counting geometric waiting times: expected n·p + 1 draws (small n·p). */
function binomialByWaiting(rng: Rng, n: number, p: number): number {
  const logQ = Math.log1p(-p);
  let x = 0;
  let trials = 0;
  for (;;) {
    trials += Math.max(1, Math.ceil(Math.log(1 - rng.next()) / logQ));
    if (trials > n) return x;
    x++;
  }
}

/**
 * Binomial(n, p), p ≤ 1/2 and n·p ≥ 10, by Hörmann's transformed rejection with squeeze
 * (BTRS: "The generation of binomial random variates", J. Stat. Comput. Simul. 46, 1993):
 * exact, about 1.2 pairs of uniforms a draw whatever n.
 */
function binomialBtrs(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = gammaln(m + 1) + gammaln(n - m + 1);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const lv = Math.log((v * alpha) / (a / (us * us) + b));
    if (lv <= h - gammaln(k + 1) - gammaln(n - k + 1) + (k - m) * lpq) return k;
  }
}

/**
 * A Binomial(n, p) draw from `rng`.
 *
 * @example
 * binomial(createRng(1), 1_000_000, 0.3); // about 300 000
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  return n * p < 10 ? binomialByWaiting(rng, n, p) : binomialBtrs(rng, n, p);
}

/**
 * The percentile bootstrap interval of a confusion-matrix metric from the matrix alone. A
 * resample of the n rows with replacement is, as far as such a metric can tell, a draw of
 * Multinomial(n, cell counts / n) over the matrix's cells: the resampled matrix has that law
 * whichever rows make it up, so drawing it directly (cell by cell, each a binomial of the rows
 * left, in the cells' sorted order) is the row bootstrap of `bootstrapCi`, statistically, at
 * a cost that does not grow with n. Seeded by `createRng(seed)`; a resample on which the
 * metric is undefined is skipped, as there, and NumPy's linear quantiles bound the interval.
 *
 * @example
 * confusionBootstrap((c) => confusionMetric('accuracy', '1', c), confusion, { nResamples: 200, confidenceLevel: 0.95, seed: 0 }); // { low: 0.69, high: 0.71, nResamples: 200, nSkipped: 0 }
 */
export function confusionBootstrap(
  metric: (c: Confusion) => number,
  confusion: Confusion,
  options: { nResamples: number; confidenceLevel: number; seed: number },
): { low: number; high: number; nResamples: number; nSkipped: number } {
  const cells: { t: string; p: string; n: number }[] = [];
  for (const [t, row] of confusion) for (const [p, n] of row) if (n > 0) cells.push({ t, p, n });
  cells.sort((x, y) => (x.t < y.t ? -1 : x.t > y.t ? 1 : x.p < y.p ? -1 : x.p > y.p ? 1 : 0));
  let total = 0;
  for (const c of cells) total += c.n;
  const rng = createRng(options.seed);
  const values: number[] = [];
  let nSkipped = 0;
  for (let b = 0; b < options.nResamples; b++) {
    const drawn = new Map<string, Map<string, number>>();
    let rows = total;
    let mass = total;
    for (let i = 0; i < cells.length && rows > 0; i++) {
      const { t, p, n } = cells[i];
      const x = i === cells.length - 1 ? rows : binomial(rng, rows, n / mass);
      rows -= x;
      mass -= n;
      if (x === 0) continue;
      let row = drawn.get(t);
      if (row === undefined) {
        row = new Map();
        drawn.set(t, row);
      }
      row.set(p, x);
    }
    let v: number;
    try {
      v = metric(drawn);
    } catch (e) {
      if (!(e instanceof TendInputError)) throw e;
      nSkipped++;
      continue;
    }
    if (Number.isFinite(v)) values.push(v);
    else nSkipped++;
  }
  if (values.length < 2) {
    throw new TendInputError(
      'confusionBootstrap',
      'metric',
      'invalid_state',
      `is undefined on ${nSkipped} of ${options.nResamples} resamples; too few remain for an interval`,
    );
  }
  const sorted = Float64Array.from(values).sort();
  const alpha = 1 - options.confidenceLevel;
  return {
    low: quantileSorted(sorted, alpha / 2),
    high: quantileSorted(sorted, 1 - alpha / 2),
    nResamples: values.length,
    nSkipped,
  };
}

/**
 * The `no_data` result of a measure on fewer labelled predictions than the monitor asks for
 * (`minLabels`, default 30), or null when there are enough.
 *
 * @example
 * tooFewLabels({ segment: '', metric: 'recall' }, 12, {}); // { …, value: null, status: 'no_data', detail: { labels: 12, reason: 'fewer than 30 labelled predictions' } }
 */
export function tooFewLabels(
  base: { segment: string; metric: string },
  labels: number,
  settings: Pick<PerformanceSettings, 'minLabels'>,
): ResultRow | null {
  const minLabels = settings.minLabels ?? 30;
  if (labels >= minLabels) return null;
  return {
    ...base,
    value: null,
    status: 'no_data',
    detail: { labels, reason: `fewer than ${minLabels} labelled predictions` },
  };
}
