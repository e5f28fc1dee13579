/**
 * The decay forecast: when the fitted trend line of a metric reaches a threshold ("at this
 * rate recall falls below 0.80 in about 9 days"), with the interval of times the confidence
 * band of the line allows.
 */
import { checkChoice, checkNumberOption } from '../validate.js';
import { bandQuantile, checkTrend, type LinearTrend } from './linear-trend.js';

/** Which way the metric must go to reach the threshold. */
export type CrossingDirection = 'below' | 'above';

/** Options of {@link forecastCrossing}. */
export interface ForecastCrossingOptions {
  /** The time to forecast from, in the units of t (default `trend.tMax`, the latest window). */
  from?: number;
  /** Two-sided coverage of the band and the significance level 1 − confidence (default 0.95). */
  confidence?: number;
  /**
   * 'below' (default): the metric falls below the threshold, as recall or accuracy decaying;
   * 'above': it rises above it, as an error rate or a loss.
   */
  direction?: CrossingDirection;
}

/** When the trend line reaches the threshold. All times are in the units of t. */
export interface CrossingForecast {
  /**
   * Where the fitted line reaches the threshold going in `direction`; `crossesAt − from` is
   * the time left (negative when it already has). null unless the slope points towards the
   * threshold and differs from 0 significantly (its two-sided p-value is below
   * 1 − confidence): a flat or noisy trend gives no date.
   */
  crossesAt: number | null;
  /** The fitted line at `from` is at or past the threshold. */
  already: boolean;
  /**
   * [earliest, latest]: the times the confidence band of the line allows for the crossing.
   * earliest is where the band's near edge (the lower edge for 'below') reaches the threshold
   * for good, latest where its far edge does; `Infinity` when the far edge never does (the
   * slope is not significant), `-Infinity` when the near edge is past it everywhere. null
   * when the band moves away from the threshold (the slope points away from it
   * significantly, or the data lie exactly on a line or level that never reaches it). Either
   * end may lie before `from`: the crossing may already have happened.
   */
  interval: [number, number] | null;
  /** The `from` used. */
  from: number;
}

const FN = 'forecastCrossing';
const DIRECTIONS: readonly CrossingDirection[] = ['below', 'above'];

/**
 * When the fitted trend line of a metric reaches `threshold`, and the interval of crossing
 * times its confidence band allows.
 *
 * The line is m(t) = ȳ + b·(t − t̄) and the band of its mean m(t) ± q·se(t) with
 * se(t)² = s²/Σw + se(b)²·(t − t̄)² and q = t_{n−2, 1−α/2}, α = 1 − confidence, as statsmodels'
 * `get_prediction(...).conf_int(alpha)` ({@link predictTrend}). `crossesAt` is the root of
 * m(t) = threshold. The band's edges reach the threshold where (m(t) − threshold)² =
 * q²·se(t)², a quadratic in d = t − t̄,
 *
 *   (b² − q²·se(b)²)·d² + 2·b·g·d + g² − q²·s²/Σw = 0,   g = ȳ − threshold,
 *
 * solved exactly (the root without cancellation first, the other as c/(a·root)). When the
 * slope is significant (|b|/se(b) > q, i.e. p < α) and points towards the threshold, both
 * edges are monotone and the two roots are the earliest and latest crossing: the interval is
 * Fieller's confidence interval for the crossing time, t̄ − g/b. When it is not significant
 * the far edge never stays past the threshold (latest = ∞), while the near edge, a hyperbola
 * branch, turns past it in the end: earliest is then the later root, where the near edge
 * reaches the threshold for good, or −∞ when the near edge is at or past it everywhere.
 *
 * Fitted on windows numbered in days, `crossesAt − from` reads "at this rate, the metric
 * crosses the threshold in about that many days", and the interval "somewhere between
 * earliest and latest, at the confidence asked for". It is a straight-line extrapolation of
 * the windows seen: it knows nothing of a change to come, and reads far beyond the data are
 * only as good as the trend's staying straight.
 *
 * @example
 * forecastCrossing(linearTrend([0, 1, 2, 3, 4], [0.9, 0.89, 0.88, 0.87, 0.86]), 0.8).crossesAt; // 9.99999999999999
 */
export function forecastCrossing(
  trend: LinearTrend,
  threshold: number,
  options: ForecastCrossingOptions = {},
): CrossingForecast {
  checkTrend(FN, trend);
  checkNumberOption(FN, 'threshold', threshold);
  const direction = options.direction ?? 'below';
  checkChoice(FN, 'direction', direction, DIRECTIONS);
  const from = options.from ?? trend.tMax;
  checkNumberOption(FN, 'from', from);
  const q = bandQuantile(FN, trend.df, options.confidence ?? 0.95);

  const { tMean, yMean, slope } = trend;
  const fitted = yMean + slope * (from - tMean);
  const already = direction === 'below' ? fitted <= threshold : fitted >= threshold;

  // Turned so that 'past the threshold' is g > 0 and the line rises at β towards it:
  // g(d) = g0 + β·d, near edge g + q·se, far edge g − q·se.
  const sign = direction === 'below' ? -1 : 1;
  const beta = sign * slope;
  const g0 = sign * (yMean - threshold);
  const qsb = q * trend.slopeStdErr;
  const qs0 = q * trend.yMeanStdErr;
  // (g0 + β·d)² − q²·(s0² + sb²·d²) = a·d² + 2·b·d + c
  const a = (beta - qsb) * (beta + qsb);
  const b = beta * g0;
  const c = (g0 - qs0) * (g0 + qs0);
  // b² − a·c, written without its cancelling terms
  const disc = (qsb * g0) ** 2 + qs0 * qs0 * a;

  if (a > 0) {
    // significant: both edges are monotone in the slope's direction
    if (beta < 0) return { crossesAt: null, already, interval: null, from };
    const [r1, r2] = roots(a, b, c, disc);
    return { crossesAt: tMean - g0 / beta, already, interval: [tMean + r1, tMean + r2], from };
  }
  // not significant: no date, and the far edge never stays past the threshold
  const none = { crossesAt: null, already, from };
  let earliest: number;
  if (beta + qsb <= 0) {
    // the near edge levels off at g0 (exact constant data, or β = −q·sb to the last bit)
    if (g0 < 0) return { ...none, interval: null };
    earliest = Number.NEGATIVE_INFINITY;
  } else if (a === 0) {
    // β = q·sb: the near edge rises from g0 to +∞; the equation is linear
    earliest = g0 >= 0 ? Number.NEGATIVE_INFINITY : tMean - c / (2 * b);
  } else if (disc <= 0) {
    // the band straddles the threshold everywhere
    earliest = Number.NEGATIVE_INFINITY;
  } else {
    // the near edge is convex and dips below the threshold between the roots when g < 0 at
    // their midpoint −b/a; otherwise the roots are where the far edge pokes above it
    const [, r2] = roots(a, b, c, disc);
    earliest = g0 + beta * (-b / a) < 0 ? tMean + r2 : Number.NEGATIVE_INFINITY;
  }
  return { ...none, interval: [earliest, Number.POSITIVE_INFINITY] };
}

/** Roots of a·d² + 2·b·d + c = 0, ascending, given disc = b² − a·c ≥ 0 and a ≠ 0. */
function roots(a: number, b: number, c: number, disc: number): [number, number] {
  const h = -(b + (b >= 0 ? 1 : -1) * Math.sqrt(Math.max(disc, 0)));
  if (h === 0) return [0, 0]; // b = 0 and disc = 0, so c = 0: a double root at 0
  const x = h / a;
  const y = c / h;
  return x <= y ? [x, y] : [y, x];
}
