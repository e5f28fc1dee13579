/**
 * Window profiles: each stored prediction event updates, in the transaction that stores it,
 * the profiles of its window (of time or of a count of predictions, as `assignWindows` gave
 * it) for its version, for all events and for each of its segments (`region=EU`), column by
 * column. A batch's events are profiled in memory, then merged into the stored profiles. The
 * caller holds the model's row lock (`ingestPredictions`), so on PostgreSQL servers writing
 * the same window at once add up, one after the other, instead of overwriting each other;
 * SQLite writes one transaction at a time anyway.
 */
import type { Db } from '../registry/context.js';
import { ColumnProfile } from './column-profile.js';

/** One stored event, as profiled. */
export interface ProfiledEvent {
  versionId: number;
  /** Its window (`predictions.window_start`, from `assignWindows`). */
  window: string;
  features: Record<string, unknown>;
  prediction: unknown;
  scores?: Record<string, number>;
  latencyMs?: number;
  /** Set when the model call failed (the event's `error`). */
  error?: boolean;
  segment?: Record<string, string>;
}

/**
 * The first instant of the window holding `ts`, ISO-8601.
 *
 * @example
 * windowStart('2026-03-03T14:37:12.000Z', 3600); // '2026-03-03T14:00:00.000Z'
 */
export function windowStart(ts: string, windowSeconds: number): string {
  return windowStarts([ts], windowSeconds)[0];
}

/**
 * {@link windowStart} of each of `times`. Neighbouring events mostly share a window, and its
 * start is written out once for them: a batch is thousands of events.
 *
 * @example
 * windowStarts(['2026-03-03T14:37:12Z', '2026-03-03T14:59:00Z'], 3600); // both '2026-03-03T14:00:00.000Z'
 */
export function windowStarts(times: readonly string[], windowSeconds: number): string[] {
  const size = windowSeconds * 1000;
  let slot = Number.NaN;
  let start = '';
  return times.map((ts) => {
    const at = Math.floor(Date.parse(ts) / size);
    if (at !== slot) {
      slot = at;
      start = new Date(at * size).toISOString();
    }
    return start;
  });
}

/** The key of one stored profile row, as text. */
const keyOf = (versionId: number, window: string, segment: string, column: string) =>
  `${versionId}\u0000${window}\u0000${segment}\u0000${column}`;

interface Delta {
  versionId: number;
  window: string;
  segment: string;
  column: string;
  events: number;
  profile: ColumnProfile;
}

/** The profiles of one version, window and segment, by column. */
interface Group {
  versionId: number;
  window: string;
  segment: string;
  columns: Map<string, Delta>;
}

function profileOf(g: Group, column: string): Delta {
  let d = g.columns.get(column);
  if (d === undefined) {
    d = {
      versionId: g.versionId,
      window: g.window,
      segment: g.segment,
      column,
      events: 0,
      profile: new ColumnProfile(),
    };
    g.columns.set(column, d);
  }
  return d;
}

function addTo(d: Delta, value: unknown): void {
  d.events++;
  d.profile.update(value);
}

/**
 * The profiles a batch of events adds, by window, version, segment and column.
 *
 * @example
 * profileEvents(events).length; // windows × versions × (1 + segments) × columns
 */
export function profileEvents(events: ProfiledEvent[]): Delta[] {
  // When every event names a value of one segment key, that key's segments split the batch,
  // and the profiles of all its events are theirs merged: each value is added once, not twice.
  const split = partitionKey(events);
  // Keys are made per event and segment, not per value: a batch is tens of thousands of values.
  const groups = new Map<string, Group>();
  const featureColumns = new Map<string, string>();
  const scoreColumns = new Map<string, string>();
  const parts: Group[] = []; // the groups of the split key's segments
  for (const e of events) {
    const window = e.window;
    const segments = split === null ? [''] : [];
    if (e.segment !== undefined) for (const k in e.segment) segments.push(`${k}=${e.segment[k]}`);
    const part = split === null ? null : `${split}=${e.segment?.[split]}`;
    for (const segment of segments) {
      const key = `${e.versionId}\u0000${window}\u0000${segment}`;
      let g = groups.get(key);
      if (g === undefined) {
        g = { versionId: e.versionId, window, segment, columns: new Map() };
        groups.set(key, g);
        if (segment === part) parts.push(g);
      }
      for (const name in e.features) {
        let column = featureColumns.get(name);
        if (column === undefined) {
          column = `feature:${name}`;
          featureColumns.set(name, column);
        }
        addTo(profileOf(g, column), e.features[name]);
      }
      addTo(profileOf(g, 'prediction'), e.prediction);
      if (e.scores !== undefined) {
        for (const cls in e.scores) {
          let column = scoreColumns.get(cls);
          if (column === undefined) {
            column = `score:${cls}`;
            scoreColumns.set(cls, column);
          }
          addTo(profileOf(g, column), e.scores[cls]);
        }
      }
      if (e.latencyMs !== undefined) addTo(profileOf(g, 'latency_ms'), e.latencyMs);
      // Failed calls only: their count over the window's events is its error rate.
      if (e.error === true) addTo(profileOf(g, 'error'), true);
    }
  }
  addWholeGroups(groups, parts);
  return [...groups.values()].flatMap((g) => [...g.columns.values()]);
}

/** A segment key every event of the batch gives a value for, or null. */
function partitionKey(events: ProfiledEvent[]): string | null {
  const first = events[0]?.segment;
  if (first === undefined) return null;
  for (const key in first) {
    if (events.every((e) => e.segment !== undefined && e.segment[key] !== undefined)) return key;
  }
  return null;
}

/**
 * The groups of all events (segment '') of each version and window, merged from the groups of
 * one segment key, which split those events between them.
 */
function addWholeGroups(groups: Map<string, Group>, parts: Group[]): void {
  for (const part of parts) {
    const key = `${part.versionId}\u0000${part.window}\u0000`;
    let whole = groups.get(key);
    if (whole === undefined) {
      whole = { versionId: part.versionId, window: part.window, segment: '', columns: new Map() };
      groups.set(key, whole);
    }
    for (const [column, d] of part.columns) {
      const sum = profileOf(whole, column);
      sum.events += d.events;
      sum.profile.merge(d.profile);
    }
  }
}

/** Rows per statement when merging. */
const CHUNK = 200;

/**
 * Merge a batch's profiles into the stored ones, in the caller's transaction, which holds the
 * model's row lock.
 *
 * @example
 * await mergeProfiles(trx, modelId, profileEvents(stored), now);
 */
export async function mergeProfiles(
  trx: Db,
  modelId: number,
  all: Delta[],
  at: string,
): Promise<void> {
  for (let from = 0; from < all.length; from += CHUNK) {
    const chunk = all.slice(from, from + CHUNK);
    const versions = [...new Set(chunk.map((d) => d.versionId))];
    const windows = [...new Set(chunk.map((d) => d.window))];
    const columns = [...new Set(chunk.map((d) => d.column))];
    const stored = await trx
      .selectFrom('window_profiles')
      .select(['version_id', 'window_start', 'segment', 'column_name', 'events', 'profile'])
      .where('model_id', '=', modelId)
      .where('version_id', 'in', versions)
      .where('window_start', 'in', windows)
      .where('column_name', 'in', columns)
      .execute();
    const byKey = new Map(
      stored.map((r) => [keyOf(r.version_id, r.window_start, r.segment, r.column_name), r]),
    );
    const merged = chunk.map((d) => {
      const row = byKey.get(keyOf(d.versionId, d.window, d.segment, d.column));
      const profile =
        row === undefined ? d.profile : ColumnProfile.fromBytes(row.profile).merge(d.profile);
      return {
        model_id: modelId,
        version_id: d.versionId,
        window_start: d.window,
        segment: d.segment,
        column_name: d.column,
        events: (row?.events ?? 0) + d.events,
        profile: profile.toBytes(),
        updated_at: at,
      };
    });
    await trx
      .insertInto('window_profiles')
      .values(merged)
      .onConflict((oc) =>
        oc
          .columns(['model_id', 'version_id', 'window_start', 'segment', 'column_name'])
          .doUpdateSet((eb) => ({
            events: eb.ref('excluded.events'),
            profile: eb.ref('excluded.profile'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
      )
      .execute();
  }
}
