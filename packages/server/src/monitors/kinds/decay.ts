/**
 * `decay`: the trend of a performance monitor's metric across the latest windows, and when,
 * at that rate, it crosses its threshold: "at this rate recall falls below 0.80 in about 9
 * days", so retraining can be planned before the breach. The line is fitted by least squares
 * weighted by each window's labelled predictions (@tend/core `linearTrend`), time in days
 * before the window evaluated; the date and its interval come from the line and its
 * confidence band (`forecastCrossing`). A trend that is flat, noisy or moving away from the
 * threshold gives no date, and the status stays ok.
 */
import { forecastCrossing, linearTrend } from '@tend/core';
import type { DecaySettings } from '../monitor-schemas.js';
import { performanceMetric } from '../performance-metric.js';
import type { Evaluator } from '../result-row.js';

const DAY_MS = 86_400_000;

function days(x: number): string {
  const hours = Math.round(Math.abs(x) * 24);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const d = Math.round(hours / 24);
  return `${d} day${d === 1 ? '' : 's'}`;
}

/**
 * The decay forecast of a window.
 *
 * @example
 * await decay({ monitor: 'recall', threshold: 0.8 }, data, monitor); // [{ metric: 'days_to_threshold:recall', value: 9.2, status: 'warning', … }]
 */
export const decay: Evaluator<DecaySettings> = async (settings, data) => {
  const followed = await data.db
    .selectFrom('monitors')
    .select(['id', 'config'])
    .where('model_id', '=', data.owner.id)
    .where('name', '=', settings.monitor)
    .where('kind', '=', 'performance')
    .executeTakeFirst();
  if (followed === undefined) {
    throw new Error(`performance monitor "${settings.monitor}" is gone`);
  }
  const config = JSON.parse(followed.config) as { metric: string; positiveLabel?: string };
  const metric = performanceMetric(data.owner.task, config.metric, config.positiveLabel);
  const name = `days_to_threshold:${metric.name}`;
  const count = settings.windows ?? 30;
  const rows = await data.db
    .selectFrom('monitor_results')
    .select(['window_start', 'value', 'detail'])
    .where('monitor_id', '=', followed.id)
    .where('version_id', '=', data.versionId)
    .where('segment', '=', '')
    .where('metric', '=', metric.name)
    .where('window_start', '<=', data.windowStart)
    .where('value', 'is not', null)
    .orderBy('window_start', 'desc')
    .limit(count)
    .execute();
  const direction = metric.higherIsBetter ? 'below' : 'above';
  const base = {
    metric: metric.name,
    threshold: settings.threshold,
    direction,
    windows: rows.length,
  };
  if (rows.length < 3) {
    return [
      {
        metric: name,
        value: null,
        status: 'no_data',
        detail: { ...base, reason: 'fewer than 3 windows with the metric' },
      },
    ];
  }
  const now = Date.parse(data.windowStart);
  const t = rows.map((r) => (Date.parse(r.window_start) - now) / DAY_MS);
  const y = rows.map((r) => r.value as number);
  const weights = rows.map((r) =>
    Math.max(1, Number((JSON.parse(r.detail) as { labels?: number }).labels ?? 1)),
  );
  let trend: ReturnType<typeof linearTrend>;
  try {
    trend = linearTrend(t, y, { weights });
  } catch (err) {
    return [
      {
        metric: name,
        value: null,
        status: 'no_data',
        detail: { ...base, error: (err as Error).message },
      },
    ];
  }
  const forecast = forecastCrossing(trend, settings.threshold, { direction, from: 0 });
  const detail = {
    ...base,
    slopePerDay: trend.slope,
    pValue: trend.pValue,
    fittedNow: trend.intercept,
    interval: forecast.interval,
  };
  const verb = direction === 'below' ? 'falls below' : 'rises above';
  if (forecast.crossesAt === null) {
    return [
      {
        metric: name,
        value: null,
        status: 'ok',
        detail: { ...detail, forecast: `no significant trend towards ${settings.threshold}` },
      },
    ];
  }
  const left = forecast.crossesAt;
  const sentence =
    forecast.already || left <= 0
      ? `at this rate ${metric.name} is already past ${settings.threshold}`
      : `at this rate ${metric.name} ${verb} ${settings.threshold} in about ${days(left)}`;
  const status =
    left <= (settings.alertWithinDays ?? 7)
      ? 'alert'
      : left <= (settings.warningWithinDays ?? 14)
        ? 'warning'
        : 'ok';
  return [{ metric: name, value: left, status, detail: { ...detail, forecast: sentence } }];
};
