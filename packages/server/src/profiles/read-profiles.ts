/**
 * Reading window profiles back: by version, segment, column and time range, each as a
 * readable summary (counts, mean and spread, quantiles, top items, distinct count).
 */
import { normalTime } from '../registry/audit-log.js';
import type { Db } from '../registry/context.js';
import { modelRow } from '../registry/models.js';
import { ColumnProfile, type ProfileSummary } from './column-profile.js';

export interface ProfileQuery {
  version?: number;
  /** '' (the default) for all events, or `attribute=value`. */
  segment?: string;
  column?: string;
  /** Windows starting at or after this time. */
  from?: string;
  /** Windows starting before this time. */
  to?: string;
  limit?: number;
}

export interface WindowProfile {
  version: number;
  windowStart: string;
  segment: string;
  column: string;
  events: number;
  summary: ProfileSummary;
}

/**
 * The stored profiles matching the query, oldest window first.
 *
 * @example
 * await readProfiles(db, 'churn', { column: 'feature:age', version: 3 });
 */
export async function readProfiles(
  db: Db,
  model: string,
  query: ProfileQuery = {},
): Promise<{ windowSeconds: number; windowEvents: number | null; profiles: WindowProfile[] }> {
  const owner = await modelRow(db, model);
  let q = db
    .selectFrom('window_profiles')
    .innerJoin('versions', 'versions.id', 'window_profiles.version_id')
    .select([
      'versions.number',
      'window_profiles.window_start',
      'window_profiles.segment',
      'window_profiles.column_name',
      'window_profiles.events',
      'window_profiles.profile',
    ])
    .where('window_profiles.model_id', '=', owner.id)
    .where('window_profiles.segment', '=', query.segment ?? '');
  if (query.version !== undefined) q = q.where('versions.number', '=', query.version);
  if (query.column !== undefined) q = q.where('window_profiles.column_name', '=', query.column);
  if (query.from !== undefined)
    q = q.where('window_profiles.window_start', '>=', normalTime(query.from, 'from'));
  if (query.to !== undefined)
    q = q.where('window_profiles.window_start', '<', normalTime(query.to, 'to'));
  const rows = await q
    .orderBy('window_profiles.window_start')
    .orderBy('versions.number')
    .orderBy('window_profiles.column_name')
    .limit(query.limit ?? 1000)
    .execute();
  return {
    windowSeconds: owner.window_seconds,
    windowEvents: owner.window_events,
    profiles: rows.map((r) => ({
      version: r.number,
      windowStart: r.window_start,
      segment: r.segment,
      column: r.column_name,
      events: r.events,
      summary: ColumnProfile.fromBytes(r.profile).summary(),
    })),
  };
}
