/**
 * Every metric against scikit-learn 1.2 on fixtures/metrics.json (gen_metrics.py): binary,
 * imbalanced, multiclass with string labels, ties in scores, perfect and worst predictions,
 * zero divisions, with and without sample weights. Bar: 1e-12 relative, 1e-12 absolute.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import {
  accuracyScore,
  averagePrecisionScore,
  balancedAccuracyScore,
  brierScoreLoss,
  confusionMatrix,
  expectedCalibrationError,
  explainedVarianceScore,
  f1Score,
  fbetaScore,
  type Label,
  logLoss,
  matthewsCorrcoef,
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  medianAbsoluteError,
  precisionRecallCurve,
  precisionRecallFscoreSupport,
  precisionScore,
  quantileSorted,
  r2Score,
  recallScore,
  rocAucScore,
  rocCurve,
  rootMeanSquaredError,
} from './index.js';

type Json = number | string | null | boolean | Json[] | { [k: string]: Json };
interface Call {
  fn: string;
  options: Record<string, Json>;
  expected: Json;
}
interface Case {
  name: string;
  a: Json[];
  b: Json[];
  sampleWeight: number[];
  calls: Call[];
}
interface MetricsFixture {
  labelCases: Case[];
  scoreCases: Case[];
  regressionCases: Case[];
  quantile: { values: number[]; q: number[]; expected: number[] }[];
  errors: { fn: string; a: Json[]; b: Json[]; options: Record<string, Json>; sklearn: string }[];
}

const fx = loadFixture<MetricsFixture>('metrics.json');
const TOL = { rel: 1e-12, abs: 1e-12 };
let worst = 0;
let compared = 0;

// biome-ignore lint/suspicious/noExplicitAny: a table of differently typed functions
type AnyFn = (a: any, b: any, o: any) => unknown;
const FNS: Record<string, AnyFn> = {
  accuracyScore,
  averagePrecisionScore,
  balancedAccuracyScore,
  brierScoreLoss,
  confusionMatrix,
  expectedCalibrationError,
  explainedVarianceScore,
  f1Score,
  fbetaScore,
  logLoss,
  matthewsCorrcoef,
  maxError: (a, b) => maxError(a, b),
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  medianAbsoluteError,
  precisionRecallCurve,
  precisionRecallFscoreSupport,
  precisionScore,
  r2Score,
  rocAucScore,
  rocCurve,
  rootMeanSquaredError,
};

function isNumberLike(v: Json): v is number | string {
  return typeof v === 'number' || v === 'nan' || v === 'inf' || v === '-inf';
}

function same(actual: unknown, expected: Json, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
  } else if (isNumberLike(expected) && typeof actual === 'number') {
    const e = num(expected);
    expectClose(actual, e, label, TOL);
    compared++;
    if (Number.isFinite(e) && Math.abs(e) > 1e-12) {
      worst = Math.max(worst, Math.abs(actual - e) / Math.abs(e));
    }
  } else if (Array.isArray(expected)) {
    const a = actual as ArrayLike<unknown>;
    expect(a.length, `${label} length`).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) same(a[i], expected[i], `${label}[${i}]`);
  } else if (typeof expected === 'object') {
    for (const [k, e] of Object.entries(expected)) {
      same((actual as Record<string, unknown>)[k], e, `${label}.${k}`);
    }
  } else {
    expect(actual, label).toBe(expected);
  }
}

function optionsOf(c: Case, options: Record<string, Json>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) o[k] = v === '$w' ? c.sampleWeight : v;
  return o;
}

function runCases(cases: Case[]): void {
  for (const c of cases) {
    for (const call of c.calls) {
      const label = `${c.name} ${call.fn} ${JSON.stringify(call.options)}`;
      const o = optionsOf(c, call.options);
      same(FNS[call.fn](c.a, c.b, o), call.expected, label);
      if (call.fn === 'precisionRecallFscoreSupport') checkWrappers(c, o, call.expected, label);
    }
  }
}

/** precisionScore & co. are sklearn's wrappers of precision_recall_fscore_support. */
function checkWrappers(c: Case, o: Record<string, unknown>, expected: Json, label: string): void {
  const e = expected as Record<string, Json>;
  const y = c.a as Label[];
  const p = c.b as Label[];
  const { beta = 1, ...rest } = o as { beta?: number };
  if (beta === 1) {
    same(precisionScore(y, p, rest as never), e.precision, `${label} precisionScore`);
    same(recallScore(y, p, rest as never), e.recall, `${label} recallScore`);
    same(f1Score(y, p, rest as never), e.fScore, `${label} f1Score`);
  }
  same(fbetaScore(y, p, { ...rest, beta } as never), e.fScore, `${label} fbetaScore`);
}

describe('metrics agree with scikit-learn 1.2 within 1e-12', () => {
  afterAll(() => {
    console.info(
      `metrics: ${compared} values compared, worst relative deviation ${worst.toExponential(2)}`,
    );
  });

  it('on labels: accuracy, balanced accuracy, confusion matrix, P/R/F, MCC', () => {
    expect(fx.labelCases.length).toBeGreaterThanOrEqual(10);
    runCases(fx.labelCases);
  });

  it('on scores: ROC AUC and curve, average precision, PR curve, log loss, Brier, ECE', () => {
    expect(fx.scoreCases.length).toBeGreaterThanOrEqual(12);
    runCases(fx.scoreCases);
  });

  it('on regression targets: MAE, MSE, RMSE, MAPE, median AE, max error, R², EV', () => {
    runCases(fx.regressionCases);
  });

  it('on quantiles: NumPy linear quantile of stored vectors', () => {
    for (const { values, q, expected } of fx.quantile) {
      const sorted = Float64Array.from(values).sort();
      q.forEach((qi, i) => {
        expectClose(quantileSorted(sorted, qi), expected[i], `q=${qi} of n=${values.length}`, {
          rel: 0,
          abs: 0,
        });
      });
    }
  });

  it('refuse every input scikit-learn refuses', () => {
    expect(fx.errors.length).toBeGreaterThanOrEqual(25);
    for (const e of fx.errors) {
      const f = FNS[e.fn];
      expect(f, e.fn).toBeTypeOf('function');
      const fix = (v: Json) => (isNumberLike(v) ? num(v) : v);
      const b = e.b.map((v) => (Array.isArray(v) ? v.map(fix) : fix(v)));
      expect(() => f(e.a.map(fix), b, e.options), `${e.fn} ${JSON.stringify(e)}`).toThrow(
        TendInputError,
      );
    }
  });
});
