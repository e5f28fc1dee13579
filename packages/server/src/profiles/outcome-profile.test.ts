/**
 * An outcome profile answers the monitors' metrics as @tend/core answers them on the rows:
 * confusion-matrix metrics to 1e-12, sums to 1e-9 relative, ROC AUC and the median absolute
 * error within their stated bounds on 200 000 rows (exactly while the sketches hold every
 * value); profiles merged from parts answer as the whole, intervals included; bytes round-trip,
 * and bytes of format 1 are refused; the multinomial bootstrap of the confusion matrix agrees
 * with the row bootstrap.
 */
import { bootstrapCi, createRng, gammaln } from '@tend/core';
import { describe, expect, it } from 'vitest';
import {
  binomial,
  confusionBootstrap,
  metricNames,
  performanceMetric,
} from '../monitors/performance-metric.js';
import type { LabelledEvent } from '../monitors/window-data.js';
import { profileInterval } from './outcome-intervals.js';
import {
  confusionMetric,
  metricFromProfile,
  profileRows,
  RAW_ONLY_METRICS,
} from './outcome-metrics.js';
import {
  OUTCOME_PROFILE_FORMAT,
  OutcomeProfile,
  outcomeKind,
  outcomeProfileFormat,
} from './outcome-profile.js';

const rng = createRng(5);
const normal = () => {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};

function event(label: unknown, prediction: unknown, scores: Record<string, number> | null) {
  return {
    eventId: 'e',
    ts: '2026-03-01T00:00:00.000Z',
    prediction,
    scores,
    latencyMs: null,
    segment: null,
    label,
  } satisfies LabelledEvent;
}

/** Binary events: a score that tells the classes apart, ties, a few null labels. */
function binaryEvents(n: number): LabelledEvent[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 997 === 0) return event(null, 1, { '0': 0.5, '1': 0.5 });
    const y = rng.next() < 0.3 ? 1 : 0;
    const raw = 1 / (1 + Math.exp(-(1.2 * normal() + (y === 1 ? 1 : -0.5))));
    // Scores in thousandths: many ties, as real models' rounded scores have.
    const s = i % 3 === 0 ? Math.round(raw * 1000) / 1000 : raw;
    return event(y, s >= 0.5 ? 1 : 0, { '0': 1 - s, '1': s });
  });
}

/** Multiclass events over a, b, c: probability rows summing to 1, some without class c. */
function multiclassEvents(n: number): LabelledEvent[] {
  const classes = ['a', 'b', 'c'];
  return Array.from({ length: n }, (_, i) => {
    const y = Math.floor(rng.next() * 3);
    const w = classes.map((_, k) => Math.exp(normal() + (k === y ? 1.2 : 0)));
    if (i % 7 === 0) w[2] = 0;
    const total = w.reduce((a, b) => a + b, 0);
    const scores: Record<string, number> = {};
    classes.forEach((c, k) => {
      if (w[k] > 0) scores[c] = w[k] / total;
    });
    let top = 0;
    for (let k = 1; k < 3; k++) if (w[k] > w[top]) top = k;
    return event(classes[y], classes[top], scores);
  });
}

function regressionEvents(n: number): LabelledEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const y = 50 + 20 * normal();
    return event(i % 500 === 0 ? 0 : y, y + 5 * normal() + 1, null);
  });
}

function profileOf(task: string, events: LabelledEvent[]): OutcomeProfile {
  const p = new OutcomeProfile(outcomeKind(task) ?? 'classification');
  for (const e of events) p.update(e.label, e.prediction, e.scores);
  return p;
}

/** The metric on the rows, as the monitor's exact path computes it. */
function onRows(task: string, name: string, events: LabelledEvent[], pos = '1') {
  const m = performanceMetric(task, name, pos);
  const { yTrue, yPred } = m.columns(events);
  return { rows: yTrue.length, value: m.fn(yTrue, yPred) };
}

const CONFUSION = new Set([
  'accuracy',
  'balancedAccuracy',
  'precision',
  'recall',
  'f1',
  'mcc',
  'precisionMacro',
  'recallMacro',
  'f1Macro',
  'f1Weighted',
]);
const SKETCHED = new Set(['rocAuc', 'rocAucOvrMacro', 'rocAucOvrWeighted', 'medianAbsoluteError']);

/** Check every metric of a task: returns the sketch metrics' bounds, to check they are used. */
function agree(task: string, events: LabelledEvent[], profile: OutcomeProfile, pos = '1') {
  const bounds: Record<string, number> = {};
  for (const name of metricNames(task)) {
    if (RAW_ONLY_METRICS.has(name)) continue;
    const raw = onRows(task, name, events, pos);
    expect(profileRows(task, name, pos, profile), name).toBe(raw.rows);
    const got = metricFromProfile(task, name, pos, profile);
    if (CONFUSION.has(name)) {
      expect(got.exact).toBe(true);
      expect(Math.abs(got.value - raw.value), name).toBeLessThanOrEqual(1e-12);
    } else if (!SKETCHED.has(name)) {
      expect(got.exact).toBe(true);
      expect(Math.abs(got.value - raw.value), name).toBeLessThanOrEqual(1e-9 * Math.abs(raw.value));
    } else if (name === 'medianAbsoluteError') {
      // The value's rank among the rows' errors is within the bound of one half.
      const errors = events
        .filter((e) => typeof e.label === 'number' && typeof e.prediction === 'number')
        .map((e) => Math.abs((e.prediction as number) - (e.label as number)));
      const rank = errors.filter((x) => x <= got.value).length / errors.length;
      const below = errors.filter((x) => x < got.value).length / errors.length;
      const bound = got.errorBound ?? 0;
      expect(got.boundOn ?? 'rank').toBe('rank');
      expect(below - 0.5, name).toBeLessThanOrEqual(bound + 1e-12);
      expect(0.5 - rank, name).toBeLessThanOrEqual(bound + 1e-12);
      bounds[name] = bound;
    } else {
      const bound = got.exact ? 1e-12 : (got.errorBound as number);
      expect(Math.abs(got.value - raw.value), name).toBeLessThanOrEqual(bound);
      bounds[name] = got.exact ? 0 : bound;
    }
  }
  return bounds;
}

describe('OutcomeProfile metrics against the rows', () => {
  const binary = binaryEvents(200_000);
  const multiclass = multiclassEvents(200_000);
  const regression = regressionEvents(200_000);

  it('binary: confusion metrics to 1e-12, sums to 1e-9, ROC AUC within its bound', () => {
    const p = profileOf('binary_classification', binary);
    expect(p.labelled).toBe(200_000);
    const bounds = agree('binary_classification', binary, p);
    expect(bounds.rocAuc).toBeGreaterThan(0);
    expect(bounds.rocAuc).toBeLessThan(0.02);
    // The other class as the positive one reads its own scores.
    agree('binary_classification', binary, p, '0');
  });

  it('multiclass: confusion metrics, the log loss and one-vs-rest ROC AUC', () => {
    const p = profileOf('multiclass_classification', multiclass);
    const bounds = agree('multiclass_classification', multiclass, p);
    expect(bounds.rocAucOvrMacro).toBeGreaterThan(0);
  });

  it('regression: sums to 1e-9, the median absolute error within its rank bound', () => {
    const p = profileOf('regression', regression);
    const bounds = agree('regression', regression, p);
    expect(bounds.medianAbsoluteError).toBeGreaterThan(0);
  });

  it('is exact on windows the sketches hold whole', () => {
    for (const [task, events] of [
      ['binary_classification', binary.slice(0, 300)],
      ['multiclass_classification', multiclass.slice(0, 120)],
      ['regression', regression.slice(0, 301)],
      ['regression', regression.slice(0, 300)],
    ] as const) {
      const bounds = agree(task, events, profileOf(task, events));
      expect(Object.values(bounds).every((b) => b === 0)).toBe(true);
    }
  });

  it('throws where the rows metric throws', () => {
    const oneClass = binary.filter((e) => e.label === 0).slice(0, 100);
    const p = profileOf('binary_classification', oneClass);
    expect(() => onRows('binary_classification', 'rocAuc', oneClass)).toThrow(/only one class/);
    expect(() => metricFromProfile('binary_classification', 'rocAuc', '1', p)).toThrow(
      /only one class/,
    );
    const three = [...binary.slice(1, 50), event(2, 1, { '1': 0.5 })];
    const q = profileOf('binary_classification', three);
    expect(() => onRows('binary_classification', 'recall', three)).toThrow(/multiclass/);
    expect(() => metricFromProfile('binary_classification', 'recall', '1', q)).toThrow(
      /multiclass/,
    );
    const outside = [...binary.slice(1, 50), event(1, 1, { '1': 1.5 })];
    const r = profileOf('binary_classification', outside);
    expect(() => onRows('binary_classification', 'logLoss', outside)).toThrow(/\[0, 1\]/);
    expect(() => metricFromProfile('binary_classification', 'logLoss', '1', r)).toThrow(/\[0, 1\]/);
  });
});

describe('OutcomeProfile merge and bytes', () => {
  for (const [task, make] of [
    ['binary_classification', binaryEvents],
    ['multiclass_classification', multiclassEvents],
    ['regression', regressionEvents],
  ] as const) {
    it(`${task}: parts merged answer as the whole, and bytes round-trip`, () => {
      const events = make(60_000);
      const whole = profileOf(task, events);
      const parts = [0, 1, 2].map((k) =>
        profileOf(
          task,
          events.filter((_, i) => i % 3 === k),
        ),
      );
      const merged = OutcomeProfile.fromBytes(parts[0].toBytes())
        .merge(OutcomeProfile.fromBytes(parts[1].toBytes()))
        .merge(parts[2]);
      expect(merged.labelled).toBe(whole.labelled);
      expect(merged.confusion).toEqual(whole.confusion);
      expect(merged.scored).toBe(whole.scored);
      expect(merged.wrongByScore).toEqual(whole.wrongByScore);
      agree(task, events, merged);
      for (const name of metricNames(task)) {
        if (RAW_ONLY_METRICS.has(name) || SKETCHED.has(name)) continue;
        const a = metricFromProfile(task, name, '1', merged).value;
        const b = metricFromProfile(task, name, '1', whole).value;
        expect(Math.abs(a - b), name).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
        // The sums of squares and cross sums behind the analytic intervals merge too.
        if (CONFUSION.has(name) || name === 'expectedCalibrationError') continue;
        const options = { confidence: 0.95, resamples: 0 };
        const ci = profileInterval(task, name, '1', merged, options);
        const want = profileInterval(task, name, '1', whole, options);
        if ('skipped' in want || 'skipped' in ci) {
          expect(ci, name).toEqual(want);
          continue;
        }
        expect(ci.method).toBe(want.method);
        for (const k of ['low', 'high'] as const) {
          expect(Math.abs(ci[k] - want[k]), name).toBeLessThanOrEqual(1e-9 * Math.abs(want[k]));
        }
      }
      const bytes = merged.toBytes();
      const again = OutcomeProfile.fromBytes(bytes);
      expect(Buffer.compare(again.toBytes(), bytes)).toBe(0);
      expect(again.kind).toBe(merged.kind);
    });
  }

  it('refuses bytes of another kind, and profiles of another kind', () => {
    expect(() => OutcomeProfile.fromBytes(Uint8Array.of(9, 1))).toThrow(/not an outcome profile/);
    // Format 1 lacked the sums of the intervals: its bytes are rebuilt, never read.
    expect(OUTCOME_PROFILE_FORMAT).toBe(2);
    const bytes = new OutcomeProfile('regression').toBytes();
    expect(outcomeProfileFormat(bytes)).toBe(OUTCOME_PROFILE_FORMAT);
    bytes[0] = 1;
    expect(outcomeProfileFormat(bytes)).toBe(1);
    expect(() => OutcomeProfile.fromBytes(bytes)).toThrow(/format 2 .*format 1\)/);
    expect(() =>
      new OutcomeProfile('regression').merge(new OutcomeProfile('classification')),
    ).toThrow(/cannot merge/);
  });
});

describe('confidently wrong predictions', () => {
  it('counts them exactly at hundredths, and within the bound between', () => {
    const events = binaryEvents(20_000);
    const p = profileOf('binary_classification', events);
    const raw = (c: number) => {
      let scored = 0;
      let wrong = 0;
      for (const e of events) {
        if (e.scores === null || e.prediction === null || e.label === null) continue;
        const predicted = String(e.prediction);
        const score = e.scores[predicted];
        if (typeof score !== 'number') continue;
        scored++;
        if (score >= c && predicted !== String(e.label)) wrong++;
      }
      return { scored, wrong };
    };
    for (const c of [0.5, 0.55, 0.57, 0.9, 0.99, 1]) {
      const { scored, wrong } = raw(c);
      expect(p.scored).toBe(scored);
      expect(p.confidentWrong(c)).toEqual({ wrong, exact: true, bound: 0 });
    }
    for (const c of [0.555, 0.9123]) {
      const got = p.confidentWrong(c);
      expect(got.exact).toBe(false);
      expect(Math.abs(got.wrong - raw(c).wrong)).toBeLessThanOrEqual(got.bound);
    }
  });
});

describe('bootstrap of a confusion matrix', () => {
  it('draws binomials with the right law (chi-square against the pmf)', () => {
    const r = createRng(3);
    for (const [n, q] of [
      [1000, 0.3],
      [40, 0.1],
      [1_000_000, 0.7],
    ] as const) {
      const draws = 50_000;
      const counts = new Map<number, number>();
      for (let i = 0; i < draws; i++) {
        const x = binomial(r, n, q);
        counts.set(x, (counts.get(x) ?? 0) + 1);
      }
      const logPmf = (k: number) =>
        gammaln(n + 1) -
        gammaln(k + 1) -
        gammaln(n - k + 1) +
        k * Math.log(q) +
        (n - k) * Math.log1p(-q);
      let stat = 0;
      let df = -1;
      let restE = 0;
      let restO = 0;
      const sd = Math.sqrt(n * q * (1 - q));
      for (let k = Math.max(0, Math.floor(n * q - 8 * sd)); k <= Math.min(n, n * q + 8 * sd); k++) {
        const e = draws * Math.exp(logPmf(k));
        const o = counts.get(k) ?? 0;
        if (e < 5) {
          restE += e;
          restO += o;
        } else {
          stat += (o - e) ** 2 / e;
          df++;
        }
      }
      stat += (restO - restE) ** 2 / restE;
      df++;
      // χ² of df degrees of freedom: mean df, sd √(2df); 5 sd is far beyond chance.
      expect(stat, `${n}, ${q}`).toBeLessThan(df + 5 * Math.sqrt(2 * df));
    }
  });

  it('gives the interval the row bootstrap gives, up to resampling noise', () => {
    const events = binaryEvents(5000);
    const p = profileOf('binary_classification', events);
    for (const name of ['accuracy', 'f1', 'mcc']) {
      const m = performanceMetric('binary_classification', name, '1');
      const { yTrue, yPred } = m.columns(events);
      const rows = bootstrapCi(m.fn, yTrue, yPred, { nResamples: 400, seed: 0 });
      const cells = confusionBootstrap((c) => confusionMetric(name, '1', c), p.confusion, {
        nResamples: 400,
        confidenceLevel: 0.95,
        seed: 0,
      });
      const width = rows.high - rows.low;
      expect(Math.abs(cells.low - rows.low), name).toBeLessThan(0.15 * width);
      expect(Math.abs(cells.high - rows.high), name).toBeLessThan(0.15 * width);
      expect(cells.nResamples).toBe(400);
    }
  });
});
