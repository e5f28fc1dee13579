/**
 * The performance metrics a monitor can follow, by the model's task: the same families and
 * names as `tend report` (report/performance-metrics.ts), each with the way it reads labelled
 * events (labels and predictions as classes, the positive class's score, every class's
 * probability, or numbers) and whether more is better.
 */
import type { Label } from '@tend/core';
import {
  binaryLabelMetrics,
  binaryScoreMetrics,
  type MetricFn,
  multiclassLabelMetrics,
  multiclassProbaMetrics,
  regressionMetrics,
} from '../report/performance-metrics.js';
import type { LabelledEvent } from './window-data.js';

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

type Input = 'label' | 'score' | 'proba' | 'number';

const FAMILIES: Record<string, { input: Input; names: string[] }[]> = {
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
