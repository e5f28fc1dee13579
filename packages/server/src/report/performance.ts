/**
 * Model performance in the reference and current datasets, overall and per segment, with
 * seeded bootstrap intervals, and fairness gaps across segments.
 */
import { bootstrapCi, fairnessGaps, type Label } from '@tend/core';
import type { CategoricalColumn, Column, Frame, NumericColumn } from '../io/frame.js';
import { columnOf, numbersOf } from '../io/frame.js';
import { ReportInputError } from './errors.js';
import {
  binaryLabelMetrics,
  binaryScoreMetrics,
  type MetricFn,
  multiclassLabelMetrics,
  multiclassProbaMetrics,
  regressionMetrics,
} from './performance-metrics.js';
import type { FairnessGaps, MetricSet, PerformanceReport, Report } from './report-types.js';

/** How the model's output is mapped: one label or score column, or one probability per class. */
export type PredictionMapping = NonNullable<Report['mapping']['prediction']>;

/** Options of {@link performanceReport}. */
export interface PerformanceOptions {
  target: string;
  prediction: PredictionMapping;
  segments: string[];
  /** Resamples of the bootstrap (0: no intervals). */
  nResamples: number;
  seed: number;
  /** Intervals are computed only up to this many rows per dataset (the bootstrap is O(n·B)). */
  maxBootstrapRows: number;
  /** The positive class of a binary task (default: "1", "true" or "yes" if present, else the larger label). */
  posLabel?: string;
}

/** Rows of one dataset with target and prediction both present. */
interface Rows {
  index: Uint32Array;
  yTrue: Label[];
  label?: Label[];
  score?: number[];
  proba?: number[][];
  regression?: { yTrue: number[]; yPred: number[] };
}

const CONFIDENCE = 0.95;
const MAX_CLASSES = 50;

/** A column whose numbers are at hand as doubles, row by row. */
type RowColumn = CategoricalColumn | (NumericColumn & { values: Float64Array });

/** The column with its numbers as doubles (made from scaled integers when needed). */
function rowColumn(column: Column): RowColumn {
  if (column.kind === 'categorical' || column.values) return column as RowColumn;
  return { ...column, values: numbersOf(column) };
}

/** Cell of row i as a label (categories as their text, numbers as their shortest form). */
function labelAt(column: RowColumn, i: number): Label | undefined {
  if (column.kind === 'categorical') {
    const code = column.codes[i];
    return code < 0 ? undefined : column.dictionary[code];
  }
  const v = column.values[i];
  return Number.isNaN(v) ? undefined : String(v);
}

function need(frame: Frame, name: string, what: string): RowColumn {
  const column = columnOf(frame, name);
  if (!column) {
    throw new ReportInputError(`${frame.source}: the ${what} column "${name}" is not in the file`);
  }
  return rowColumn(column);
}

/**
 * Decide the task from the reference's target and prediction columns: probabilities decide by
 * their number of columns; a categorical target or an integer one with at most 20 values is
 * classification (binary with two classes); any other numerical target is regression.
 *
 * @example
 * inferTask(targetColumn, [scoreColumn], { kind: 'score', columns: ['p'] }); // 'binary'
 */
export function inferTask(
  targetColumn: Column,
  prediction: Column[],
  mapping: PredictionMapping,
): PerformanceReport['task'] {
  const target = rowColumn(targetColumn);
  if (mapping.kind === 'probabilities') return prediction.length === 2 ? 'binary' : 'multiclass';
  if (target.kind === 'categorical') return classesOf(target).length > 2 ? 'multiclass' : 'binary';
  const distinct = new Set<number>();
  for (const v of target.values) {
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v) || distinct.size > MAX_CLASSES) return 'regression';
    distinct.add(v);
  }
  if (distinct.size > 20) return 'regression';
  return distinct.size > 2 ? 'multiclass' : 'binary';
}

function classesOf(column: RowColumn): string[] {
  const seen = new Set<string>();
  const rows = column.kind === 'categorical' ? column.codes.length : column.values.length;
  for (let i = 0; i < rows; i++) {
    const l = labelAt(column, i);
    if (l !== undefined) seen.add(String(l));
  }
  return [...seen].sort(compareClassNames);
}

/** Numbers numerically, then text: the order the classes' probability columns follow. */
function compareClassNames(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

function positiveOf(classes: string[], given?: string): string {
  if (given !== undefined) {
    if (!classes.includes(given)) {
      throw new ReportInputError(
        `--pos-label "${given}" is not a class of the target (classes: ${classes.join(', ')})`,
      );
    }
    return given;
  }
  for (const c of ['1', 'true', 'True', 'yes', 'Yes']) if (classes.includes(c)) return c;
  return classes[classes.length - 1];
}

/**
 * Class names of probability columns: each column's name without the prefix all share
 * ("proba_0", "proba_1" → "0", "1"; "p_cat", "p_dog" → "cat", "dog").
 *
 * @example
 * classNamesOfColumns(['proba_0', 'proba_1']); // ['0', '1']
 */
export function classNamesOfColumns(columns: string[]): string[] {
  if (columns.length < 2) return columns;
  let prefix = columns[0];
  for (const c of columns) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return columns.map((c) => c.slice(prefix.length));
}

interface Task {
  task: PerformanceReport['task'];
  classes: string[];
  pos?: string;
}

function collect(frame: Frame, options: PerformanceOptions, t: Task): Rows {
  const target = need(frame, options.target, 'target');
  const preds = options.prediction.columns.map((c) => need(frame, c, 'prediction'));
  const n = frame.rowCount;
  const index: number[] = [];
  const yTrue: Label[] = [];
  const label: Label[] = [];
  const score: number[] = [];
  const proba: number[][] = [];
  const reg = { yTrue: [] as number[], yPred: [] as number[] };
  const kind = options.prediction.kind;
  const posIndex = t.pos === undefined ? -1 : t.classes.indexOf(t.pos);
  const negative = t.classes.find((c) => c !== t.pos);
  for (let i = 0; i < n; i++) {
    if (t.task === 'regression') {
      const y = target.kind === 'categorical' ? Number.NaN : target.values[i];
      const p = preds[0].kind === 'categorical' ? Number.NaN : preds[0].values[i];
      if (Number.isNaN(y) || Number.isNaN(p)) continue;
      index.push(i);
      reg.yTrue.push(y);
      reg.yPred.push(p);
      continue;
    }
    const y = labelAt(target, i);
    if (y === undefined) continue;
    if (kind === 'label') {
      const p = labelAt(preds[0], i);
      if (p === undefined) continue;
      label.push(p);
    } else if (kind === 'score') {
      const s = preds[0].kind === 'categorical' ? Number.NaN : preds[0].values[i];
      if (Number.isNaN(s)) continue;
      score.push(s);
      label.push(s >= 0.5 ? (t.pos as string) : (negative as string));
    } else {
      const row = preds.map((c) => (c.kind === 'categorical' ? Number.NaN : c.values[i]));
      if (row.some(Number.isNaN)) continue;
      let best = 0;
      for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
      label.push(t.classes[best]);
      if (t.task === 'binary') score.push(row[posIndex]);
      else proba.push(row);
    }
    index.push(i);
    yTrue.push(y);
  }
  const rows: Rows = { index: Uint32Array.from(index), yTrue };
  if (t.task === 'regression') rows.regression = reg;
  else rows.label = label;
  if (score.length > 0) rows.score = score;
  if (proba.length > 0) rows.proba = proba;
  return rows;
}

function subset<T>(xs: T[], keep: number[]): T[] {
  return keep.map((k) => xs[k]);
}

/** Evaluate every metric of the task, with intervals when `nResamples` > 0. */
function metricSet(rows: Rows, t: Task, nResamples: number, seed: number): MetricSet {
  const out: MetricSet = {};
  const add = <T, P>(metrics: Record<string, MetricFn<T, P>>, yTrue: T[], yPred: P[]) => {
    for (const [name, fn] of Object.entries(metrics)) {
      let value: number;
      try {
        value = fn(yTrue, yPred);
      } catch {
        continue; // undefined here (one class only for ROC AUC, …): left out, not guessed
      }
      if (!Number.isFinite(value)) continue;
      out[name] = { value };
      if (nResamples > 0) {
        try {
          const ci = bootstrapCi(fn, yTrue, yPred, {
            nResamples,
            seed,
            confidenceLevel: CONFIDENCE,
          });
          out[name].low = ci.low;
          out[name].high = ci.high;
        } catch {
          // too few resamples where the metric is defined: the value stands without interval
        }
      }
    }
  };
  if (rows.yTrue.length === 0 && !rows.regression?.yTrue.length) return out;
  if (t.task === 'regression' && rows.regression) {
    add(regressionMetrics(), rows.regression.yTrue, rows.regression.yPred);
  } else if (t.task === 'binary') {
    add(binaryLabelMetrics(t.pos as string), rows.yTrue, rows.label as Label[]);
    if (rows.score) add(binaryScoreMetrics(t.pos as string), rows.yTrue, rows.score);
  } else {
    add(multiclassLabelMetrics(), rows.yTrue, rows.label as Label[]);
    if (rows.proba) add(multiclassProbaMetrics(t.classes), rows.yTrue, rows.proba);
  }
  return out;
}

function restrict(rows: Rows, keep: number[]): Rows {
  const r: Rows = {
    index: Uint32Array.from(keep, (k) => rows.index[k]),
    yTrue: subset(rows.yTrue, keep),
  };
  if (rows.label) r.label = subset(rows.label, keep);
  if (rows.score) r.score = subset(rows.score, keep);
  if (rows.proba) r.proba = subset(rows.proba, keep);
  if (rows.regression) {
    r.regression = {
      yTrue: subset(rows.regression.yTrue, keep),
      yPred: subset(rows.regression.yPred, keep),
    };
  }
  return r;
}

/** Positions (into `rows`) of each value of a segment column. */
function segmentPositions(frame: Frame, rows: Rows, segment: string): Map<string, number[]> {
  const column = need(frame, segment, 'segment');
  const groups = new Map<string, number[]>();
  rows.index.forEach((row, k) => {
    const value = labelAt(column, row);
    const key = value === undefined ? '(missing)' : String(value);
    const list = groups.get(key);
    if (list) list.push(k);
    else groups.set(key, [k]);
  });
  return groups;
}

const MAX_SEGMENTS = 20;

/**
 * Performance of the model in both datasets, per segment, and (binary tasks) fairness gaps
 * across each segment column, its most frequent reference value taken as privileged.
 *
 * @example
 * performanceReport(ref, cur, { target: 'y', prediction: { kind: 'score', columns: ['p'] }, segments: [], nResamples: 200, seed: 0, maxBootstrapRows: 100000 }).current.rocAuc?.value; // 0.84
 */
export function performanceReport(
  reference: Frame,
  current: Frame,
  options: PerformanceOptions,
): PerformanceReport {
  const target = need(reference, options.target, 'target');
  const preds = options.prediction.columns.map((c) => need(reference, c, 'prediction'));
  const task = inferTask(target, preds, options.prediction);
  let classes: string[] = [];
  if (task !== 'regression') {
    classes =
      options.prediction.kind === 'probabilities'
        ? classNamesOfColumns(options.prediction.columns)
        : classesOf(target);
    if (options.prediction.kind === 'probabilities') {
      const known = new Set(classesOf(target));
      const stray = classes.filter((c) => !known.has(c));
      if (stray.length > 0) {
        throw new ReportInputError(
          `probability columns ${options.prediction.columns.join(', ')} name classes ${classes.join(', ')}, but the target "${options.target}" has classes ${[...known].join(', ')}`,
        );
      }
    }
    if (options.prediction.kind === 'score' && task === 'multiclass') {
      throw new ReportInputError(
        `a single score column "${options.prediction.columns[0]}" needs a binary target; "${options.target}" has ${classes.length} classes — map one probability column per class instead`,
      );
    }
  }
  const t: Task = { task, classes };
  if (task === 'binary') t.pos = positiveOf(classes, options.posLabel);
  const refRows = collect(reference, options, t);
  const curRows = collect(current, options, t);
  const resamples = (rows: Rows) =>
    rows.index.length <= options.maxBootstrapRows ? options.nResamples : 0;
  const report: PerformanceReport = {
    task,
    reference: metricSet(refRows, t, resamples(refRows), options.seed),
    current: metricSet(curRows, t, resamples(curRows), options.seed),
    segments: [],
    fairness: [],
    bootstrap: { nResamples: options.nResamples, confidenceLevel: CONFIDENCE, seed: options.seed },
  };
  for (const segment of options.segments) {
    const refGroups = segmentPositions(reference, refRows, segment);
    const curGroups = segmentPositions(current, curRows, segment);
    const values = [...refGroups.keys(), ...[...curGroups.keys()].filter((v) => !refGroups.has(v))]
      .sort((a, b) => (refGroups.get(b)?.length ?? 0) - (refGroups.get(a)?.length ?? 0))
      .slice(0, MAX_SEGMENTS);
    for (const value of values) {
      const r = refGroups.get(value) ?? [];
      const c = curGroups.get(value) ?? [];
      report.segments.push({
        segment,
        value,
        rows: { reference: r.length, current: c.length },
        reference: metricSet(restrict(refRows, r), t, 0, options.seed),
        current: metricSet(restrict(curRows, c), t, 0, options.seed),
      });
    }
    if (task === 'binary') {
      const privileged = values[0];
      for (const value of values.slice(1)) {
        for (const [dataset, rows, groups] of [
          ['reference', refRows, refGroups],
          ['current', curRows, curGroups],
        ] as const) {
          const gaps = fairnessOf(rows, groups, privileged, value, t.pos as string);
          if (gaps)
            report.fairness.push({ segment, privileged, unprivileged: value, dataset, ...gaps });
        }
      }
    }
  }
  return report;
}

type Gaps = Omit<FairnessGaps, 'segment' | 'privileged' | 'unprivileged' | 'dataset'>;

/** AIF360's four gaps between two values of a segment, or undefined when either has no rows. */
function fairnessOf(
  rows: Rows,
  groups: Map<string, number[]>,
  privileged: string,
  unprivileged: string,
  pos: string,
): Gaps | undefined {
  const a = groups.get(privileged) ?? [];
  const b = groups.get(unprivileged) ?? [];
  if (a.length === 0 || b.length === 0) return undefined;
  const keep = [...a, ...b];
  const group = [...a.map(() => privileged), ...b.map(() => unprivileged)];
  const g = fairnessGaps(subset(rows.yTrue, keep), subset(rows.label as Label[], keep), group, {
    privileged,
    favorableLabel: pos,
  });
  return {
    statisticalParityDifference: g.statisticalParityDifference,
    disparateImpact: g.disparateImpact,
    equalOpportunityDifference: g.equalOpportunityDifference,
    averageOddsDifference: g.averageOddsDifference,
  };
}
