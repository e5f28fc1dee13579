/**
 * What the monitors of one window of one version read, each part loaded once and only when a
 * monitor asks for it: the window's profiles (every segment, every column), its events (for
 * exact tests on small windows and for metrics once labels join), the version's reference,
 * other windows' profiles, and earlier results of a monitor.
 */

import { ColumnProfile } from '../profiles/column-profile.js';
import { normalTime } from '../registry/audit-log.js';
import type { Db, RegistryContext } from '../registry/context.js';
import type { ModelRow } from '../store/tables.js';

/** One stored prediction event, parsed. */
export interface StoredEvent {
  eventId: string;
  ts: string;
  features: Record<string, unknown>;
  prediction: unknown;
  scores: Record<string, number> | null;
  latencyMs: number | null;
  segment: Record<string, string> | null;
}

/** A prediction event with the label that joined it (its features are not read). */
export interface LabelledEvent extends Omit<StoredEvent, 'features'> {
  label: unknown;
}

/** A column of the reference: its profile, and a uniform sample of its values. */
export interface ReferenceData {
  events: number;
  profile: ColumnProfile;
  sample: unknown[];
}

export interface WindowProfiles {
  /** segment ('' for all events) → column → profile. */
  bySegment: Map<string, Map<string, ColumnProfile>>;
  /** Events in the window (all segments), 0 when it has none. */
  events: number;
}

/** Rows read per query when a window's events are loaded. */
const PAGE = 5000;

interface EventRow {
  event_id: string;
  ts: string;
  features?: string;
  prediction: string;
  scores: string | null;
  latency_ms: number | null;
  segment: string | null;
  label?: string;
}

function parseOutputs(r: EventRow): Omit<StoredEvent, 'features'> {
  return {
    eventId: r.event_id,
    ts: r.ts,
    prediction: JSON.parse(r.prediction) as unknown,
    scores: r.scores === null ? null : (JSON.parse(r.scores) as Record<string, number>),
    latencyMs: r.latency_ms,
    segment: r.segment === null ? null : (JSON.parse(r.segment) as Record<string, string>),
  };
}

/**
 * One window of one version, as its monitors see it.
 *
 * @example
 * const data = await WindowData.load(ctx, owner, versionId, 3, '2026-03-03T14:00:00.000Z'); data.events; // 4210
 */
export class WindowData {
  private eventsCache?: Promise<StoredEvent[]>;
  private labelledCache?: Promise<LabelledEvent[]>;
  private referenceCache?: Promise<Map<string, ReferenceData> | null>;

  private constructor(
    /** The store, its dialect and the clock. */
    readonly ctx: RegistryContext,
    readonly owner: ModelRow,
    readonly versionId: number,
    readonly versionNumber: number,
    readonly windowStart: string,
    readonly profiles: WindowProfiles,
  ) {}

  /** The window's profiles read; the rest is read when asked for. */
  static async load(
    ctx: RegistryContext,
    owner: ModelRow,
    versionId: number,
    versionNumber: number,
    windowStart: string,
  ): Promise<WindowData> {
    const start = normalTime(windowStart, 'window');
    const profiles = await readWindowProfiles(ctx.db, owner.id, versionId, [start]);
    return new WindowData(ctx, owner, versionId, versionNumber, start, profiles);
  }

  /** The store. */
  get db(): Db {
    return this.ctx.db;
  }

  get windowSeconds(): number {
    return this.owner.window_seconds;
  }

  /** Whether the model's windows are of a count of predictions, not of time. */
  get countWindows(): boolean {
    return this.owner.window_events !== null;
  }

  /** The first and last event times of the window (for count windows, its span). */
  async timeSpan(): Promise<{ first: string; last: string } | null> {
    const r = await this.db
      .selectFrom('predictions')
      .select((eb) => [eb.fn.min('ts').as('first'), eb.fn.max('ts').as('last')])
      .where('model_id', '=', this.owner.id)
      .where('version_id', '=', this.versionId)
      .where('window_start', '=', this.windowStart)
      .executeTakeFirst();
    return r?.first == null ? null : { first: r.first as string, last: r.last as string };
  }

  /** Events in the window, all segments. */
  get events(): number {
    return this.profiles.events;
  }

  /** A column's profile in a segment ('' for all events). */
  profile(column: string, segment = ''): ColumnProfile | undefined {
    return this.profiles.bySegment.get(segment)?.get(column);
  }

  /** The columns the window's events had (all events). */
  columns(): string[] {
    return [...(this.profiles.bySegment.get('')?.keys() ?? [])];
  }

  /** The window's events, oldest first. */
  rawEvents(): Promise<StoredEvent[]> {
    this.eventsCache ??= this.readEvents();
    return this.eventsCache;
  }

  /** The window's events that have a label. */
  labelled(): Promise<LabelledEvent[]> {
    this.labelledCache ??= this.readLabelled();
    return this.labelledCache;
  }

  /** The version's reference by column, or null when it has none. */
  reference(): Promise<Map<string, ReferenceData> | null> {
    this.referenceCache ??= readReferenceData(this.db, this.versionId);
    return this.referenceCache;
  }

  private async readEvents(): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    await this.pages(false, (r) =>
      out.push({ ...parseOutputs(r), features: JSON.parse(r.features as string) }),
    );
    return out;
  }

  private async readLabelled(): Promise<LabelledEvent[]> {
    const out: LabelledEvent[] = [];
    // The features are left unread: metrics need the outputs and labels only.
    await this.pages(true, (r) =>
      out.push({ ...parseOutputs(r), label: JSON.parse(r.label as string) as unknown }),
    );
    return out;
  }

  /**
   * The window's events (with their labels: only those that have one, and then without their
   * features) a page at a time, in storage order, from the (model, version, window, id) index.
   */
  private async pages(withLabels: boolean, each: (row: EventRow) => void): Promise<void> {
    let after = 0;
    for (;;) {
      const q = this.db
        .selectFrom('predictions')
        .select([
          'predictions.id',
          'predictions.event_id',
          'predictions.ts',
          'predictions.prediction',
          'predictions.scores',
          'predictions.latency_ms',
          'predictions.segment',
        ])
        .where('predictions.model_id', '=', this.owner.id)
        .where('predictions.version_id', '=', this.versionId)
        .where('predictions.window_start', '=', this.windowStart)
        .where('predictions.id', '>', after);
      const rows = (
        withLabels
          ? await q
              .innerJoin('labels', (j) =>
                j
                  .onRef('labels.model_id', '=', 'predictions.model_id')
                  .onRef('labels.event_id', '=', 'predictions.event_id'),
              )
              .select('labels.label')
              .orderBy('predictions.id')
              .limit(PAGE)
              .execute()
          : await q.select('predictions.features').orderBy('predictions.id').limit(PAGE).execute()
      ) as (EventRow & { id: number })[];
      for (const r of rows) each(r);
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].id;
    }
  }
}

/**
 * The profiles of the given windows of a version merged into one, every segment and column.
 *
 * @example
 * (await readWindowProfiles(db, modelId, versionId, ['2026-03-03T14:00:00.000Z'])).events; // 4210
 */
export async function readWindowProfiles(
  db: Db,
  modelId: number,
  versionId: number,
  windows: string[],
): Promise<WindowProfiles> {
  const bySegment = new Map<string, Map<string, ColumnProfile>>();
  let events = 0;
  if (windows.length === 0) return { bySegment, events };
  const rows = await db
    .selectFrom('window_profiles')
    .select(['segment', 'column_name', 'events', 'profile'])
    .where('model_id', '=', modelId)
    .where('version_id', '=', versionId)
    .where('window_start', 'in', windows)
    .execute();
  for (const r of rows) {
    let columns = bySegment.get(r.segment);
    if (columns === undefined) {
      columns = new Map();
      bySegment.set(r.segment, columns);
    }
    const p = ColumnProfile.fromBytes(r.profile);
    const had = columns.get(r.column_name);
    columns.set(r.column_name, had === undefined ? p : had.merge(p));
    if (r.segment === '' && r.column_name === 'prediction') events += r.events;
  }
  return { bySegment, events };
}

async function readReferenceData(
  db: Db,
  versionId: number,
): Promise<Map<string, ReferenceData> | null> {
  const rows = await db
    .selectFrom('reference_profiles')
    .select(['column_name', 'events', 'profile', 'sample'])
    .where('version_id', '=', versionId)
    .execute();
  if (rows.length === 0) return null;
  return new Map(
    rows.map((r) => [
      r.column_name,
      {
        events: r.events,
        profile: ColumnProfile.fromBytes(r.profile),
        sample: JSON.parse(r.sample) as unknown[],
      },
    ]),
  );
}
