import { describe, expect, it } from 'vitest';
import type { Tolerance } from '../../test/support/close.js';
import { expectClose } from '../../test/support/close.js';
import { loadFixture, num } from '../../test/support/fixtures.js';
import { studentT } from '../distributions/student-t.js';
import { TendInputError } from '../errors.js';
import { type CrossingDirection, forecastCrossing } from './forecast-crossing.js';
import { type LinearTrend, linearTrend, predictTrend } from './linear-trend.js';

interface CrossingRow {
  threshold: number;
  direction: CrossingDirection;
  confidence: number;
  from: number | null;
  crossesAt: number | null;
  already: boolean;
  interval: [number | string, number | string] | null;
}
interface TrendCase {
  label: string;
  t: number[];
  y: number[];
  weights: number[] | null;
  crossings: CrossingRow[];
}
const fx = loadFixture<{ cases: TrendCase[] }>('trend.json');

function fit(c: TrendCase): LinearTrend {
  return linearTrend(c.t, c.y, c.weights ? { weights: c.weights } : {});
}

function forecast(trend: LinearTrend, q: CrossingRow) {
  return forecastCrossing(trend, q.threshold, {
    direction: q.direction,
    confidence: q.confidence,
    from: q.from ?? undefined,
  });
}

/** Times agree to 1e-9 of themselves or of the span of t, whichever is larger. */
function timeTolerance(c: TrendCase): Tolerance {
  return { rel: 1e-9, abs: 1e-9 * (Math.max(...c.t) - Math.min(...c.t)) };
}

const DAYS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const EXACT = [0.9, 0.89, 0.88, 0.87, 0.86, 0.85, 0.84, 0.83, 0.82, 0.81, 0.8];

describe('forecastCrossing', () => {
  it('matches the band edges root-searched in SciPy (brentq on statsmodels-style bands)', () => {
    const seen = new Set<string>();
    for (const c of fx.cases) {
      const trend = fit(c);
      const tol = timeTolerance(c);
      for (const q of c.crossings) {
        const label = `${c.label} ${q.direction} ${q.threshold} at ${q.confidence}`;
        const f = forecast(trend, q);
        expect(f.already, `${label} already`).toBe(q.already);
        expect(f.from).toBe(q.from ?? Math.max(...c.t));
        if (q.crossesAt === null) expect(f.crossesAt, `${label} crossesAt`).toBeNull();
        else expectClose(f.crossesAt!, q.crossesAt, `${label} crossesAt`, tol);
        if (q.interval === null) {
          expect(f.interval, `${label} interval`).toBeNull();
          seen.add('away');
          continue;
        }
        expect(f.interval, `${label} interval`).not.toBeNull();
        const [lo, hi] = [num(q.interval[0]), num(q.interval[1])];
        expectClose(f.interval![0], lo, `${label} earliest`, tol);
        expectClose(f.interval![1], hi, `${label} latest`, tol);
        seen.add(Number.isFinite(hi) ? 'bounded' : Number.isFinite(lo) ? 'open' : 'everywhere');
      }
    }
    // every shape of answer is among the cases
    expect([...seen].sort()).toEqual(['away', 'bounded', 'everywhere', 'open']);
  });

  it('dates a crossing exactly when the slope is significant and points to the threshold', () => {
    for (const c of fx.cases) {
      const trend = fit(c);
      for (const q of c.crossings) {
        const f = forecast(trend, q);
        const label = `${c.label} ${q.direction} ${q.threshold} at ${q.confidence}`;
        const towards = q.direction === 'below' ? trend.slope < 0 : trend.slope > 0;
        const significant = trend.pValue < 1 - q.confidence;
        const bounded = f.interval !== null && Number.isFinite(f.interval[1]);
        expect(f.crossesAt !== null, label).toBe(towards && significant);
        expect(bounded, label).toBe(f.crossesAt !== null);
        if (f.crossesAt === null) continue;
        const [earliest, latest] = f.interval!;
        const eps = 1e-9 * Math.abs(f.crossesAt);
        expect(earliest, label).toBeLessThanOrEqual(f.crossesAt + eps);
        expect(latest, label).toBeGreaterThanOrEqual(f.crossesAt - eps);
        expect(f.already, label).toBe(f.crossesAt <= f.from);
      }
    }
  });

  it('puts the band edge on the threshold at each end of the interval (predictTrend)', () => {
    let checked = 0;
    for (const c of fx.cases) {
      const trend = fit(c);
      for (const q of c.crossings) {
        const f = forecast(trend, q);
        if (!f.interval) continue;
        const [earliest, latest] = f.interval;
        const near = q.direction === 'below' ? 'lower' : 'upper';
        const far = q.direction === 'below' ? 'upper' : 'lower';
        const opts = { confidence: q.confidence };
        const label = `${c.label} ${q.direction} ${q.threshold} at ${q.confidence}`;
        if (Number.isFinite(earliest)) {
          const edge = predictTrend(trend, earliest, opts)[near];
          expectClose(edge, q.threshold, `${label} near edge`, { rel: 1e-12 });
          checked++;
        }
        if (Number.isFinite(latest)) {
          const edge = predictTrend(trend, latest, opts)[far];
          expectClose(edge, q.threshold, `${label} far edge`, { rel: 1e-12 });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(90);
  });

  it('dates the crossing of an exactly linear decreasing series: 0.9, 0.89, … reaches 0.8 at t = 10', () => {
    // five days seen, 0.01 lost a day: 0.86 on day 4, so 0.80 on day 10, 6 days ahead
    const five = forecastCrossing(linearTrend(DAYS.slice(0, 5), EXACT.slice(0, 5)), 0.8);
    expectClose(five.crossesAt!, 10, 'crossesAt', { rel: 1e-14 });
    expect(five.from).toBe(4);
    expectClose(five.crossesAt! - five.from, 6, 'days left', { rel: 1e-13 });
    expect(five.already).toBe(false);
    expectClose(five.interval![0], 10, 'earliest', { rel: 1e-13 });
    expectClose(five.interval![1], 10, 'latest', { rel: 1e-13 });

    // all eleven days: 0.80 is reached on the last day itself
    const all = forecastCrossing(linearTrend(DAYS, EXACT), 0.8);
    expectClose(all.crossesAt!, 10, 'crossesAt', { rel: 1e-14 });
    expect(all.from).toBe(10);
    // 0.85 was crossed on day 5; from day 3 it is still ahead
    const past = forecastCrossing(linearTrend(DAYS, EXACT), 0.85);
    expectClose(past.crossesAt!, 5, 'crossed at', { rel: 1e-14 });
    expect(past.already).toBe(true);
    expect(forecastCrossing(linearTrend(DAYS, EXACT), 0.85, { from: 3 }).already).toBe(false);
    // it never rises above 0.95
    expect(forecastCrossing(linearTrend(DAYS, EXACT), 0.95, { direction: 'above' })).toEqual({
      crossesAt: null,
      already: false,
      interval: null,
      from: 10,
    });
    // time in Unix milliseconds: the same date
    const day = 86_400_000;
    const start = Date.UTC(2024, 5, 1);
    const ms = forecastCrossing(
      linearTrend(
        DAYS.slice(0, 5).map((d) => start + d * day),
        EXACT.slice(0, 5),
      ),
      0.8,
    );
    expectClose((ms.crossesAt! - ms.from) / day, 6, 'days left in ms', { rel: 1e-9 });
  });

  it("'above' on y is 'below' on −y", () => {
    const c = fx.cases.find((c) => c.label === 'n30 daily decay')!;
    const down = fit(c);
    const up = linearTrend(
      c.t,
      c.y.map((v) => -v),
    );
    for (const threshold of [0.8, 0.85, 0.95]) {
      const a = forecastCrossing(down, threshold);
      const b = forecastCrossing(up, -threshold, { direction: 'above' });
      expect(b.already).toBe(a.already);
      expect(b.crossesAt).toBe(a.crossesAt);
      expect(b.interval).toEqual(a.interval);
    }
  });

  it('narrows the interval towards crossesAt as the confidence falls', () => {
    const c = fx.cases.find((c) => c.label === 'n365 daily')!;
    const trend = fit(c);
    let previous: [number, number] | null = null;
    for (const confidence of [0.999, 0.99, 0.95, 0.8, 0.5, 0.1, 1e-6]) {
      const f = forecastCrossing(trend, 0.85, { confidence });
      const [lo, hi] = f.interval!;
      if (previous) {
        expect(lo).toBeGreaterThan(previous[0]);
        expect(hi).toBeLessThan(previous[1]);
      }
      previous = [lo, hi];
    }
    expectClose(previous![0], forecastCrossing(trend, 0.85).crossesAt!, 'tight', { rel: 1e-6 });
  });

  it('gives no date for a level series, and the band decides the interval', () => {
    const level = linearTrend([0, 1, 2, 3, 4], [0.85, 0.85, 0.85, 0.85, 0.85]);
    expect(forecastCrossing(level, 0.8)).toEqual({
      crossesAt: null,
      already: false,
      interval: null,
      from: 4,
    });
    expect(forecastCrossing(level, 0.9)).toEqual({
      crossesAt: null,
      already: true,
      interval: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
      from: 4,
    });
  });

  it('handles a slope exactly on the edge of significance, |slope| = q·se(slope)', () => {
    const df = 10;
    const q = studentT.isf((1 - 0.95) / 2, df); // as the default confidence gives it
    const edge: LinearTrend = {
      ...linearTrend([0, 1, 2], [1, 2, 4]),
      slope: q,
      slopeStdErr: 1,
      yMeanStdErr: 1,
      tMean: 0,
      yMean: 0,
      df,
      tMax: 0,
    };
    // rising at the edge: the near (upper) edge climbs from g0 = −5 and reaches 5 where
    // −5 + q·d + q·√(1 + d²) = 0, d = (25 − q²)/(10q); the far edge never stays above
    const up = forecastCrossing(edge, 5, { direction: 'above' });
    expect(up.crossesAt).toBeNull();
    expectClose(up.interval![0], (25 - q * q) / (10 * q), 'earliest', { rel: 1e-14 });
    expect(up.interval![1]).toBe(Number.POSITIVE_INFINITY);
    expectClose(predictTrend(edge, up.interval![0]).upper, 5, 'upper edge', { rel: 1e-14 });
    expect(forecastCrossing(edge, -5, { direction: 'above' }).interval).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
    // falling away at the edge: the near (lower) edge levels off above −5 for good
    expect(forecastCrossing(edge, -5).interval).toBeNull();
    expect(forecastCrossing(edge, 5).interval).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it('runs the doc example', () => {
    const f = forecastCrossing(linearTrend([0, 1, 2, 3, 4], [0.9, 0.89, 0.88, 0.87, 0.86]), 0.8);
    expect(f.crossesAt).toBe(9.99999999999999);
  });

  it('refuses bad input, naming the argument', () => {
    const trend = linearTrend([0, 1, 2, 3], [0.9, 0.88, 0.87, 0.85]);
    const cases: [() => unknown, string, RegExp][] = [
      [() => forecastCrossing(trend, Number.NaN), 'threshold', /threshold is NaN/],
      [
        () => forecastCrossing(trend, 0.8, { direction: 'down' as CrossingDirection }),
        'direction',
        /direction is "down"; expected one of "below", "above"/,
      ],
      [() => forecastCrossing(trend, 0.8, { confidence: 1 }), 'confidence', /confidence is 1/],
      [() => forecastCrossing(trend, 0.8, { confidence: 0 }), 'confidence', /confidence is 0/],
      [() => forecastCrossing(trend, 0.8, { from: Infinity }), 'from', /from is Infinity/],
      [
        () => forecastCrossing({ ...trend, slope: Number.NaN }, 0.8),
        'trend',
        /trend must be a result of linearTrend/,
      ],
      [() => forecastCrossing(null as unknown as LinearTrend, 0.8), 'trend', /trend must be/],
    ];
    for (const [call, argument, message] of cases) {
      let error: unknown;
      try {
        call();
      } catch (e) {
        error = e;
      }
      expect(error, String(message)).toBeInstanceOf(TendInputError);
      expect((error as TendInputError).fn).toBe('forecastCrossing');
      expect((error as TendInputError).argument).toBe(argument);
      expect((error as TendInputError).message).toMatch(message);
    }
  });
});
