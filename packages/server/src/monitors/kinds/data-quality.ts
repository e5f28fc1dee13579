/**
 * `data_quality`: per feature, the share of missing values, of values of the wrong type, of
 * categories the reference never had and of numbers outside the reference's range; and the
 * window's volume against what earlier windows at the same time of day (or of the week) had.
 *
 * Shares come from the window's profile: counts are exact; the out-of-range share of a window
 * over `exactLimit` events is read from its KLL sketch (within its rank error), and new
 * categories from its frequent items (exact while a feature has at most 100 categories).
 * Where the version has a reference, the missing and type-error levels are added to the
 * reference's own shares, so a feature that was always 10 % empty is not an alarm.
 */
import { quantileSorted } from '@tend/core';
import type { ColumnProfile } from '../../profiles/column-profile.js';
import { statusOf } from '../levels.js';
import type { DataQualitySettings, LevelsConfig } from '../monitor-schemas.js';
import type { Evaluator, ResultRow } from '../result-row.js';
import type { ReferenceData, WindowData } from '../window-data.js';
import { DEFAULT_EXACT_LIMIT, kindOfProfile } from './column-drift-results.js';

const FEATURE = 'feature:';
const SHARE_DEFAULTS: LevelsConfig = { warning: 0.01, alert: 0.05 };
const MISSING_DEFAULTS: LevelsConfig = { warning: 0.05, alert: 0.2 };
const DAY = 86_400;

/**
 * The largest double below x.
 *
 * @example
 * nextDown(1) < 1; // true
 */
export function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const bits = new BigInt64Array(f.buffer);
  bits[0] += x > 0 ? -1n : 1n;
  return f[0];
}

/** Levels moved up by the reference's own share. */
function shifted(
  levels: LevelsConfig | undefined,
  defaults: LevelsConfig,
  base: number,
): LevelsConfig {
  const { warning, alert } = { ...defaults, ...levels };
  return {
    ...(warning === undefined ? {} : { warning: warning + base }),
    ...(alert === undefined ? {} : { alert: alert + base }),
  };
}

function wrongTypeShare(p: ColumnProfile, kind: 'numerical' | 'categorical'): number | null {
  const c = p.counts;
  const present = c.count - c.missing;
  if (present === 0) return null;
  const wrong = kind === 'numerical' ? c.string + c.boolean + c.other : c.number + c.other;
  return wrong / present;
}

function newCategoryShare(
  p: ColumnProfile,
  ref: ReferenceData,
): { share: number | null; unseen: string[] } {
  if (p.items === null || p.items.n === 0) return { share: null, unseen: [] };
  const known = new Set<string>(ref.sample.map((v) => String(v)));
  for (const row of ref.profile.items?.items() ?? []) known.add(String(row.item));
  let count = 0;
  const unseen: string[] = [];
  for (const row of p.items.items()) {
    const item = String(row.item);
    if (known.has(item)) continue;
    count += row.lowerBound;
    if (unseen.length < 10) unseen.push(item);
  }
  return { share: count / p.items.n, unseen };
}

function outOfRangeShare(
  p: ColumnProfile,
  ref: ReferenceData,
  values: unknown[] | undefined,
): { share: number | null; exact: boolean } {
  const range = ref.profile.moments;
  if (range === null || p.quantiles === null || p.quantiles.n === 0)
    return { share: null, exact: true };
  const { min, max } = range;
  if (values !== undefined) {
    let n = 0;
    let out = 0;
    for (const v of values) {
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      n++;
      if (v < min || v > max) out++;
    }
    return { share: n === 0 ? null : out / n, exact: true };
  }
  const q = p.quantiles;
  return { share: q.rank(nextDown(min)) + (1 - q.rank(max)), exact: false };
}

function featureRows(
  name: string,
  p: ColumnProfile,
  ref: ReferenceData | undefined,
  values: unknown[] | undefined,
  events: number,
  settings: DataQualitySettings,
): ResultRow[] {
  const rows: ResultRow[] = [];
  const c = p.counts;
  const refCounts = ref?.profile.counts;
  const refMissing = refCounts && refCounts.count > 0 ? refCounts.missing / refCounts.count : 0;
  // An event without the feature at all is as missing as one that sent it empty.
  const absent = Math.max(0, events - c.count);
  const missing = events === 0 ? null : (c.missing + absent) / events;
  rows.push({
    metric: `missing_share:${name}`,
    value: missing,
    status: statusOf(
      missing,
      shifted(settings.missingShare, MISSING_DEFAULTS, refMissing),
      {},
      'higher',
    ),
    detail: { missing: c.missing, absent, events, referenceShare: refMissing },
  });
  const kind = kindOfProfile(ref?.profile ?? p);
  if (kind === null) return rows;
  const refWrong = ref === undefined ? 0 : (wrongTypeShare(ref.profile, kind) ?? 0);
  const wrong = wrongTypeShare(p, kind);
  rows.push({
    metric: `type_error_share:${name}`,
    value: wrong,
    status: statusOf(
      wrong,
      shifted(settings.typeErrorShare, SHARE_DEFAULTS, refWrong),
      {},
      'higher',
    ),
    detail: { expected: kind, counts: c.toJSON(), referenceShare: refWrong },
  });
  if (ref === undefined) return rows;
  if (kind === 'categorical') {
    const { share, unseen } = newCategoryShare(p, ref);
    rows.push({
      metric: `new_category_share:${name}`,
      value: share,
      status: statusOf(share, settings.newCategoryShare, SHARE_DEFAULTS, 'higher'),
      detail: { unseen },
    });
  } else {
    const { share, exact } = outOfRangeShare(p, ref, values);
    rows.push({
      metric: `out_of_range_share:${name}`,
      value: share,
      status: statusOf(share, settings.outOfRangeShare, SHARE_DEFAULTS, 'higher'),
      detail: { min: ref.profile.moments?.min, max: ref.profile.moments?.max, exact },
    });
  }
  return rows;
}

/**
 * Volume against the same time of day (hourly windows and shorter: the same window on earlier
 * days) or of the week (windows up to a day: the same weekday on earlier weeks), or the
 * windows just before (longer windows): the median of up to `lookback` of them is expected.
 */
async function volumeRow(data: WindowData, settings: DataQualitySettings): Promise<ResultRow> {
  if (data.countWindows) {
    return {
      metric: 'volume_ratio',
      value: null,
      status: 'no_data',
      detail: { events: data.events, reason: 'windows of a count of predictions all hold as many' },
    };
  }
  const lookback = settings.volume?.lookback ?? 7;
  const low = settings.volume?.low ?? 0.5;
  const high = settings.volume?.high ?? 2;
  const size = data.windowSeconds;
  const period = size < DAY ? DAY : Math.max(size, 7 * DAY);
  const start = Date.parse(data.windowStart);
  const earlier = Array.from({ length: lookback }, (_, i) =>
    new Date(start - (i + 1) * period * 1000).toISOString(),
  );
  const rows = await data.db
    .selectFrom('window_profiles')
    .select(['window_start', 'events'])
    .where('model_id', '=', data.owner.id)
    .where('version_id', '=', data.versionId)
    .where('segment', '=', '')
    .where('column_name', '=', 'prediction')
    .where('window_start', 'in', earlier)
    .execute();
  if (rows.length < 2) {
    return {
      metric: 'volume_ratio',
      value: null,
      status: 'no_data',
      detail: {
        events: data.events,
        reason: `fewer than 2 earlier windows ${period / 3600} h apart to expect from`,
      },
    };
  }
  const expected = quantileSorted(Float64Array.from(rows, (r) => r.events).sort(), 0.5);
  const ratio = expected === 0 ? null : data.events / expected;
  const status =
    ratio === null
      ? 'no_data'
      : ratio < low || ratio > high
        ? 'alert'
        : ratio < (1 + low) / 2 || ratio > (1 + high) / 2
          ? 'warning'
          : 'ok';
  return {
    metric: 'volume_ratio',
    value: ratio,
    status,
    detail: {
      events: data.events,
      expected,
      windows: rows.length,
      periodHours: period / 3600,
      low,
      high,
    },
  };
}

/**
 * The data-quality results of a window: per feature, then the volume.
 *
 * @example
 * await dataQuality({}, data, monitor); // [{ metric: 'missing_share:age', value: 0.02, status: 'ok', … }, …]
 */
export const dataQuality: Evaluator<DataQualitySettings> = async (settings, data) => {
  const reference = await data.reference();
  const names =
    settings.features ??
    [
      ...new Set([
        ...data.columns().filter((c) => c.startsWith(FEATURE)),
        ...[...(reference?.keys() ?? [])].filter((c) => c.startsWith(FEATURE)),
      ]),
    ]
      .map((c) => c.slice(FEATURE.length))
      .sort();
  const exact = data.events <= DEFAULT_EXACT_LIMIT;
  const events = exact ? await data.rawEvents() : undefined;
  const rows: ResultRow[] = [];
  for (const name of names) {
    const p = data.profile(FEATURE + name);
    if (p === undefined) {
      // A feature no event of the window carried is missing from every one of them.
      rows.push({
        metric: `missing_share:${name}`,
        value: data.events === 0 ? null : 1,
        status: data.events === 0 ? 'no_data' : 'alert',
        detail: { reason: 'no event of the window has this feature' },
      });
      continue;
    }
    const values = events?.map((e) => e.features[name]);
    rows.push(
      ...featureRows(name, p, reference?.get(FEATURE + name), values, data.events, settings),
    );
  }
  rows.push(await volumeRow(data, settings));
  return rows;
};
