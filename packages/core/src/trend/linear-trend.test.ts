import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportsWithoutExample } from '../../../../scripts/doc-examples.js';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { TendInputError } from '../errors.js';
import {
  bandQuantile,
  checkTrend,
  type LinearTrend,
  linearTrend,
  predictTrend,
} from './linear-trend.js';

type Num = number | string;
interface TrendCase {
  label: string;
  t: number[];
  y: number[];
  weights: number[] | null;
  /** The points lie exactly on a line or level: standard errors are round-off. */
  exact: boolean;
  linregress?: Record<
    'slope' | 'intercept' | 'rValue' | 'pValue' | 'slopeStdErr' | 'interceptStdErr',
    Num
  >;
  statsmodels: Record<
    | 'slope'
    | 'intercept'
    | 'slopeStdErr'
    | 'interceptStdErr'
    | 'pValue'
    | 'rSquared'
    | 'residualStd',
    Num
  >;
  exactFit: Record<
    | 'slope'
    | 'intercept'
    | 'rValue'
    | 'residualStd'
    | 'slopeStdErr'
    | 'interceptStdErr'
    | 'tMean'
    | 'yMean',
    number
  >;
  band: {
    at: number;
    confidence: number;
    mean: number;
    meanStdErr: number;
    lower: number;
    upper: number;
  }[];
}
const fx = loadFixture<{ cases: TrendCase[] }>('trend.json');

function fit(c: TrendCase): LinearTrend {
  return linearTrend(c.t, c.y, c.weights ? { weights: c.weights } : {});
}

/** Standard errors of points exactly on a line are round-off: ~1e-17 against values ~1. */
const ROUND_OFF = { rel: 0, abs: 1e-15 };

describe('linearTrend', () => {
  it('covers the fixture cases: n = 3 to 365, weighted, exact, constant', () => {
    expect(fx.cases.length).toBeGreaterThanOrEqual(15);
    expect(new Set(fx.cases.map((c) => c.t.length))).toEqual(new Set([3, 5, 11, 30, 365]));
    expect(fx.cases.filter((c) => c.weights).length).toBeGreaterThanOrEqual(5);
  });

  it('matches the least-squares fit computed in exact rational arithmetic', () => {
    for (const c of fx.cases) {
      const r = fit(c);
      const e = c.exactFit;
      for (const k of ['slope', 'intercept', 'rValue', 'tMean', 'yMean'] as const) {
        expectClose(r[k], e[k], `${c.label} ${k}`, { rel: 1e-12, abs: 1e-15 });
      }
      for (const k of ['residualStd', 'slopeStdErr', 'interceptStdErr'] as const) {
        expectClose(r[k], e[k], `${c.label} ${k}`, c.exact ? ROUND_OFF : { rel: 1e-12 });
      }
      expect(r.n).toBe(c.t.length);
      expect(r.df).toBe(c.t.length - 2);
      expect(r.tMax).toBe(Math.max(...c.t));
    }
  });

  it('matches scipy.stats.linregress (unweighted)', () => {
    const cases = fx.cases.filter((c) => c.linregress && !c.exact);
    expect(cases.length).toBeGreaterThanOrEqual(7);
    for (const c of cases) {
      const r = fit(c);
      const lr = c.linregress!;
      for (const k of Object.keys(lr) as (keyof typeof lr)[]) {
        expectClose(r[k], num(lr[k]), `${c.label} ${k}`);
      }
    }
  });

  it('matches statsmodels OLS / WLS (params, bse, pvalues, rsquared, scale)', () => {
    for (const c of fx.cases.filter((c) => !c.exact)) {
      const r = fit(c);
      const sm = c.statsmodels;
      for (const k of [
        'slope',
        'intercept',
        'slopeStdErr',
        'interceptStdErr',
        'pValue',
        'residualStd',
      ] as const) {
        expectClose(r[k], num(sm[k]), `${c.label} ${k}`);
      }
      expectClose(r.rValue ** 2, num(sm.rSquared), `${c.label} r²`);
    }
  });

  it('gives the line with zero (round-off) errors on exact data, as SciPy', () => {
    for (const c of fx.cases.filter((c) => c.exact)) {
      const r = fit(c);
      const lr = c.linregress!;
      expectClose(r.slope, num(lr.slope), `${c.label} slope`, { abs: 1e-15 });
      expectClose(r.intercept, num(lr.intercept), `${c.label} intercept`);
      expectClose(r.rValue, num(lr.rValue), `${c.label} rValue`);
      expectClose(r.slopeStdErr, num(lr.slopeStdErr), `${c.label} stderr`, ROUND_OFF);
    }
    const line = linearTrend([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(line).toMatchObject({ slope: 2, intercept: 1, rValue: 1, pValue: 0, slopeStdErr: 0 });
    const decay = linearTrend(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      [0.9, 0.89, 0.88, 0.87, 0.86, 0.85, 0.84, 0.83, 0.82, 0.81, 0.8],
    );
    expectClose(decay.slope, -0.01, 'decay slope', { rel: 1e-14 });
    expect(decay.pValue).toBeLessThan(1e-100);
    // constant y: slope 0, r = 0 and p = 1, as linregress
    expect(linearTrend([0, 1, 2], [0.85, 0.85, 0.85])).toMatchObject({
      slope: 0,
      rValue: 0,
      pValue: 1,
      slopeStdErr: 0,
      residualStd: 0,
    });
  });

  it('weights: equal weights change nothing, scaled weights change no estimate', () => {
    const c = fx.cases.find((c) => c.label === 'n30 weighted counts')!;
    const w = c.weights!;
    const plain = linearTrend(c.t, c.y);
    const ones = linearTrend(c.t, c.y, { weights: c.t.map(() => 7) });
    for (const k of ['slope', 'intercept', 'slopeStdErr', 'interceptStdErr', 'pValue'] as const) {
      expectClose(ones[k], plain[k], `equal weights ${k}`, { rel: 1e-13 });
    }
    const a = linearTrend(c.t, c.y, { weights: w });
    const b = linearTrend(c.t, c.y, { weights: w.map((v) => v / 1000) });
    for (const k of ['slope', 'intercept', 'slopeStdErr', 'interceptStdErr', 'pValue'] as const) {
      expectClose(b[k], a[k], `scaled weights ${k}`, { rel: 1e-13 });
    }
    expectClose(b.residualStd, a.residualStd / Math.sqrt(1000), 'residualStd at weight 1');
  });

  it('keeps its precision when t is far from 0 (Unix times in milliseconds)', () => {
    const c = fx.cases.find((c) => c.label === 'n30 daily decay')!;
    const days = linearTrend(c.t, c.y);
    const ms = linearTrend(
      c.t.map((d) => 1.7e12 + d * 86_400_000),
      c.y,
    );
    expectClose(ms.slope * 86_400_000, days.slope, 'slope per day', { rel: 1e-12 });
    expectClose(ms.slopeStdErr * 86_400_000, days.slopeStdErr, 'stderr per day', { rel: 1e-12 });
    expectClose(ms.pValue, days.pValue, 'pValue', { rel: 1e-11 });
    expectClose(ms.rValue, days.rValue, 'rValue', { rel: 1e-13 });
    expectClose(ms.yMean, days.yMean, 'yMean', { rel: 1e-14 });
  });

  it('runs the doc examples', () => {
    const tr = linearTrend([0, 1, 2, 3], [0.9, 0.88, 0.87, 0.85]);
    expect(tr.slope).toBe(-0.016000000000000014);
    expect(predictTrend(tr, 5).mean).toBe(0.819);
    expect(bandQuantile('predictTrend', 9, 0.95)).toBe(2.2621571627982053);
    expect(() => checkTrend('predictTrend', linearTrend([0, 1, 2], [1, 2, 4]))).not.toThrow();
  });

  it('refuses bad input, naming the argument', () => {
    const cases: [() => unknown, string, string, RegExp][] = [
      [() => linearTrend([0, 1], [1, 2]), 't', 'empty', /t must hold at least 3 values, got 2/],
      [() => linearTrend([0, 1, 2], [1, 2]), 'y', 'length_mismatch', /y has 2 values but t/],
      [() => linearTrend([0, 1, 2], [1, 2, Number.NaN]), 'y', 'not_finite', /y \[2\] is NaN/],
      [() => linearTrend([0, Infinity, 2], [1, 2, 3]), 't', 'not_finite', /t \[1\] is Infinity/],
      [
        () => linearTrend([0, 1, 2], [1, 2, 3], { weights: [1, 2] }),
        'weights',
        'length_mismatch',
        /weights has 2 values/,
      ],
      [
        () => linearTrend([0, 1, 2], [1, 2, 3], { weights: [1, 0, 2] }),
        'weights',
        'out_of_range',
        /weights \[1\] is 0; must be > 0/,
      ],
      [
        () => linearTrend([0, 1, 2], [1, 2, 3], { weights: [1, -2, 2] }),
        'weights',
        'out_of_range',
        /weights \[1\] is -2/,
      ],
      [
        () => linearTrend([0, 1, 2], [1, 2, 3], { weights: [1, Number.NaN, 2] }),
        'weights',
        'not_finite',
        /weights \[1\] is NaN/,
      ],
      [
        () => linearTrend([5, 5, 5, 5], [1, 2, 3, 4]),
        't',
        'invalid_state',
        /t holds one value \(5\) 4 times; a trend needs at least two distinct times/,
      ],
    ];
    for (const [call, argument, code, message] of cases) {
      let error: unknown;
      try {
        call();
      } catch (e) {
        error = e;
      }
      expect(error, String(message)).toBeInstanceOf(TendInputError);
      expect((error as TendInputError).fn).toBe('linearTrend');
      expect((error as TendInputError).argument).toBe(argument);
      expect((error as TendInputError).code).toBe(code);
      expect((error as TendInputError).message).toMatch(message);
    }
  });
});

describe('predictTrend', () => {
  it('matches statsmodels get_prediction(...).summary_frame(alpha): the band of the mean', () => {
    let rows = 0;
    for (const c of fx.cases) {
      const r = fit(c);
      for (const b of c.band) {
        const p = predictTrend(r, b.at, { confidence: b.confidence });
        const label = `${c.label} at ${b.at} (${b.confidence})`;
        expectClose(p.mean, b.mean, `${label} mean`, c.exact ? { abs: 1e-15 } : {});
        if (c.exact) {
          // statsmodels' errors here are its own round-off (its pinv), ~1e-16
          expectClose(p.meanStdErr, 0, `${label} se`, ROUND_OFF);
          continue;
        }
        expectClose(p.meanStdErr, b.meanStdErr, `${label} se`);
        expectClose(p.lower, b.lower, `${label} lower`);
        expectClose(p.upper, b.upper, `${label} upper`);
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(100);
  });

  it('is narrowest at tMean and symmetric about the fitted line', () => {
    const r = linearTrend([0, 1, 2, 3, 4], [0.93, 0.915, 0.921, 0.897, 0.889]);
    const centre = predictTrend(r, r.tMean);
    expect(centre.meanStdErr).toBe(r.yMeanStdErr);
    expect(predictTrend(r, r.tMean + 1).meanStdErr).toBeGreaterThan(centre.meanStdErr);
    expect(predictTrend(r, r.tMean - 1).meanStdErr).toBeCloseTo(
      predictTrend(r, r.tMean + 1).meanStdErr,
      15,
    );
    const p = predictTrend(r, 10, { confidence: 0.9 });
    expectClose(p.upper - p.mean, p.mean - p.lower, 'symmetric');
  });

  it('refuses bad input', () => {
    const r = linearTrend([0, 1, 2], [1, 2, 4]);
    expect(() => predictTrend(r, Number.NaN)).toThrow(/predictTrend: at is NaN/);
    expect(() => predictTrend(r, 1, { confidence: 1 })).toThrow(
      /predictTrend: confidence is 1; expected a number in \(0, 1\)/,
    );
    expect(() => predictTrend(r, 1, { confidence: 0 })).toThrow(/confidence is 0/);
    expect(() => predictTrend({} as LinearTrend, 1)).toThrow(
      /predictTrend: trend must be a result of linearTrend/,
    );
  });
});

describe('trend module', () => {
  it('documents every exported function with an @example', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    expect(exportsWithoutExample(dir, { constants: true })).toEqual([]);
  });
});
