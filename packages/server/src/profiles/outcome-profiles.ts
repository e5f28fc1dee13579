/**
 * Outcome profiles in the store: each labelled prediction — a label joining a stored
 * prediction, or a prediction whose label came first — is added, in the transaction that
 * stores it, to the outcome profiles (`outcome-profile.ts`) of its prediction's tumbling window
 * (by the prediction's time), version and segments ('' for all events, and each
 * `attribute=value`), as window profiles are kept. The caller holds the model's row lock
 * (`lockModelRow`), so two servers adding to the same profile add up, one after the other,
 * and a label and its prediction arriving at once are joined by exactly one of the two.
 *
 * A label that replaces another (a correction) cannot be taken out of a sketch: its window's
 * profiles are marked stale, still count their labelled predictions, and are rebuilt from the
 * rows when they are next read for a metric (`rebuildOutcomeProfiles`). So is a window whose
 * stored profiles were written in an older format than OUTCOME_PROFILE_FORMAT (they lack sums
 * the metrics' intervals need): it reads as stale, and a batch that joins it counts its labels
 * and marks it stale instead of merging into bytes it cannot read.
 *
 * A binary classifier's batch also appends its positive-class scores (`outcome-scores.ts`)
 * in the same call, and a rebuild writes a window's scores again with its profiles.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../registry/context.js';
import { lockModelRow } from '../registry/model-lock.js';
import type { Dialect } from '../store/migrations.js';
import type { Database, ModelRow } from '../store/tables.js';
import {
  OUTCOME_PROFILE_FORMAT,
  type OutcomeKind,
  OutcomeProfile,
  outcomeKind,
  outcomeProfileFormat,
} from './outcome-profile.js';
import {
  appendOutcomeScores,
  deleteOutcomeScores,
  keepsScores,
  type ScoreDelta,
  ScoreLists,
} from './outcome-scores.js';

/** A prediction with the label that joined it, as the profiles take it. */
export interface JoinedOutcome {
  versionId: number;
  /** The prediction's window (`predictions.window_start`). */
  window: string;
  label: unknown;
  prediction: unknown;
  scores: Record<string, number> | null;
  segment: Record<string, string> | null;
}

/** What a batch adds to one stored profile. */
export interface OutcomeDelta {
  versionId: number;
  window: string;
  segment: string;
  profile: OutcomeProfile;
  /** The scores it appends (`outcome-scores.ts`); null for a model that keeps none. */
  scores: ScoreLists | null;
}

/** Rows per statement when merging. */
const CHUNK = 200;
/** Rows read per query when a window is rebuilt. */
const PAGE = 5000;

const keyOf = (versionId: number, window: string, segment: string) =>
  `${versionId}\u0000${window}\u0000${segment}`;

/** Adds joined outcomes to in-memory profiles by version, window and segment. */
class Grouper {
  readonly groups = new Map<string, OutcomeDelta>();

  constructor(
    private readonly kind: OutcomeKind,
    private readonly withScores: boolean,
  ) {}

  add(o: JoinedOutcome): void {
    const window = o.window;
    this.update(this.to(o.versionId, window, ''), o);
    if (o.segment === null) return;
    for (const k in o.segment) this.update(this.to(o.versionId, window, `${k}=${o.segment[k]}`), o);
  }

  private update(d: OutcomeDelta, o: JoinedOutcome): void {
    d.profile.update(o.label, o.prediction, o.scores);
    d.scores?.update(o.label, o.scores);
  }

  private to(versionId: number, window: string, segment: string): OutcomeDelta {
    const key = keyOf(versionId, window, segment);
    let d = this.groups.get(key);
    if (d === undefined) {
      const profile = new OutcomeProfile(this.kind);
      const scores = this.withScores ? new ScoreLists() : null;
      d = { versionId, window, segment, profile, scores };
      this.groups.set(key, d);
    }
    return d;
  }
}

/**
 * The outcome profiles a batch of labelled predictions adds, by version, window and segment,
 * with the scores it appends when the model of `task` keeps them (`keepsScores`).
 *
 * @example
 * profileOutcomes('binary_classification', joined).length; // windows × versions × (1 + segments)
 */
export function profileOutcomes(task: string, outcomes: JoinedOutcome[]): OutcomeDelta[] {
  const kind = outcomeKind(task);
  if (kind === null) throw new TypeError(`a ${task} model has no outcome profiles`);
  const g = new Grouper(kind, keepsScores(task));
  for (const o of outcomes) g.add(o);
  return [...g.groups.values()];
}

/**
 * Merge a batch's outcome profiles into the stored ones, and append its scores
 * (`appendOutcomeScores`), in the caller's transaction, which holds the model's row lock. A
 * stale profile stays stale (it still counts its labels); a stored profile of an older format
 * is replaced by the batch's, counting both's labels, and its window marked stale, to be
 * rebuilt from the rows when next read.
 *
 * @example
 * await mergeOutcomeProfiles(trx, modelId, profileOutcomes('binary_classification', joined), now);
 */
export async function mergeOutcomeProfiles(
  trx: Db,
  modelId: number,
  all: OutcomeDelta[],
  at: string,
): Promise<void> {
  for (let from = 0; from < all.length; from += CHUNK) {
    const chunk = all.slice(from, from + CHUNK);
    const stored = await trx
      .selectFrom('outcome_profiles')
      .select(['version_id', 'window_start', 'segment', 'labelled', 'profile'])
      .where('model_id', '=', modelId)
      .where('version_id', 'in', [...new Set(chunk.map((d) => d.versionId))])
      .where('window_start', 'in', [...new Set(chunk.map((d) => d.window))])
      .where('segment', 'in', [...new Set(chunk.map((d) => d.segment))])
      .execute();
    const byKey = new Map(stored.map((r) => [keyOf(r.version_id, r.window_start, r.segment), r]));
    const older: { versionId: number; window: string }[] = [];
    const merged = chunk.map((d) => {
      const row = byKey.get(keyOf(d.versionId, d.window, d.segment));
      let profile = d.profile;
      if (row !== undefined && outcomeProfileFormat(row.profile) !== OUTCOME_PROFILE_FORMAT) {
        profile = new OutcomeProfile(d.profile.kind).merge(d.profile);
        profile.labelled += row.labelled;
        older.push({ versionId: d.versionId, window: d.window });
      } else if (row !== undefined) {
        profile = OutcomeProfile.fromBytes(row.profile).merge(d.profile);
      }
      return {
        model_id: modelId,
        version_id: d.versionId,
        window_start: d.window,
        segment: d.segment,
        labelled: profile.labelled,
        stale: 0,
        profile: profile.toBytes(),
        updated_at: at,
      };
    });
    await trx
      .insertInto('outcome_profiles')
      .values(merged)
      .onConflict((oc) =>
        oc.columns(['model_id', 'version_id', 'window_start', 'segment']).doUpdateSet((eb) => ({
          labelled: eb.ref('excluded.labelled'),
          profile: eb.ref('excluded.profile'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    if (older.length > 0) await markOutcomesStale(trx, modelId, older, at);
  }
  const scores = all.filter((d): d is OutcomeDelta & ScoreDelta => d.scores !== null);
  if (scores.length > 0) await appendOutcomeScores(trx, modelId, scores);
}

/**
 * Mark the outcome profiles of these windows stale: a label of theirs was replaced.
 *
 * @example
 * await markOutcomesStale(trx, modelId, [{ versionId: 7, window: '2026-03-03T14:00:00.000Z' }], now);
 */
export async function markOutcomesStale(
  trx: Db,
  modelId: number,
  windows: { versionId: number; window: string }[],
  at: string,
): Promise<void> {
  const seen = new Set<string>();
  for (const w of windows) {
    const key = keyOf(w.versionId, w.window, '');
    if (seen.has(key)) continue;
    seen.add(key);
    await trx
      .updateTable('outcome_profiles')
      .set({ stale: 1, updated_at: at })
      .where('model_id', '=', modelId)
      .where('version_id', '=', w.versionId)
      .where('window_start', '=', w.window)
      .execute();
  }
}

/**
 * The outcome profiles of one window of one version, each segment read from its bytes when
 * first asked for.
 *
 * @example
 * const w = await readOutcomeProfiles(db, modelId, versionId, start); w.profile('')?.labelled; // 24000
 */
export class WindowOutcomes {
  private readonly parsed = new Map<string, OutcomeProfile>();

  constructor(
    /** Labelled predictions of the window (segment ''), 0 when it has no profile. */
    readonly labelled: number,
    /** A label of the window was replaced since its profiles were built. */
    readonly stale: boolean,
    private readonly stored: Map<string, Uint8Array | OutcomeProfile>,
  ) {}

  /** The segments profiled: '' and every `attribute=value` seen. */
  segments(): string[] {
    return [...this.stored.keys()];
  }

  /** A segment's profile ('' for all events). */
  profile(segment: string): OutcomeProfile | undefined {
    const s = this.stored.get(segment);
    if (s === undefined || s instanceof OutcomeProfile) return s;
    let p = this.parsed.get(segment);
    if (p === undefined) {
      p = OutcomeProfile.fromBytes(s);
      this.parsed.set(segment, p);
    }
    return p;
  }
}

/**
 * The stored outcome profiles of a window (stale or not: see `WindowOutcomes.stale`, which
 * profiles of an older format than OUTCOME_PROFILE_FORMAT also set).
 *
 * @example
 * (await readOutcomeProfiles(db, modelId, versionId, '2026-03-03T14:00:00.000Z')).labelled; // 24000
 */
export async function readOutcomeProfiles(
  db: Db,
  modelId: number,
  versionId: number,
  windowStart: string,
): Promise<WindowOutcomes> {
  const rows = await db
    .selectFrom('outcome_profiles')
    .select(['segment', 'labelled', 'stale', 'profile'])
    .where('model_id', '=', modelId)
    .where('version_id', '=', versionId)
    .where('window_start', '=', windowStart)
    .execute();
  const all = rows.find((r) => r.segment === '');
  return new WindowOutcomes(
    all?.labelled ?? 0,
    rows.some((r) => r.stale !== 0 || outcomeProfileFormat(r.profile) !== OUTCOME_PROFILE_FORMAT),
    new Map(rows.map((r) => [r.segment, r.profile])),
  );
}

/**
 * Rebuild a window's outcome profiles and its scores (`outcome-scores.ts`) from its stored
 * predictions and their labels, under the model's row lock (ingestion of the model waits
 * meanwhile), and answer them. `needed`, asked under the lock, says whether the window still
 * needs it (by default: it is stale); another evaluation may have rebuilt it meanwhile.
 *
 * @example
 * const fresh = await rebuildOutcomeProfiles(db, 'sqlite', owner, versionId, '2026-03-03T14:00:00.000Z', now); fresh.stale; // false
 */
export async function rebuildOutcomeProfiles(
  db: Db,
  dialect: Dialect,
  owner: ModelRow,
  versionId: number,
  windowStart: string,
  at: string,
  needed: (current: WindowOutcomes, trx: Db) => Promise<boolean> = async (w) => w.stale,
): Promise<WindowOutcomes> {
  const kind = outcomeKind(owner.task);
  if (kind === null) throw new TypeError(`a ${owner.task} model has no outcome profiles`);
  const work = async (trx: Db) => {
    await lockModelRow(trx, dialect, owner.id);
    const current = await readOutcomeProfiles(trx, owner.id, versionId, windowStart);
    if (!(await needed(current, trx))) return current;
    const g = new Grouper(kind, keepsScores(owner.task));
    let after = 0;
    for (;;) {
      const rows = await trx
        .selectFrom('predictions')
        .innerJoin('labels', (j) =>
          j
            .onRef('labels.model_id', '=', 'predictions.model_id')
            .onRef('labels.event_id', '=', 'predictions.event_id'),
        )
        .select([
          'predictions.id',
          'predictions.prediction',
          'predictions.scores',
          'predictions.segment',
          'labels.label',
        ])
        .where('predictions.model_id', '=', owner.id)
        .where('predictions.version_id', '=', versionId)
        .where('predictions.window_start', '=', windowStart)
        .where('predictions.id', '>', after)
        .orderBy('predictions.id')
        .limit(PAGE)
        .execute();
      for (const r of rows) {
        g.add({
          versionId,
          window: windowStart,
          label: JSON.parse(r.label),
          prediction: JSON.parse(r.prediction),
          scores: r.scores === null ? null : JSON.parse(r.scores),
          segment: r.segment === null ? null : JSON.parse(r.segment),
        });
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
    await trx
      .deleteFrom('outcome_profiles')
      .where('model_id', '=', owner.id)
      .where('version_id', '=', versionId)
      .where('window_start', '=', windowStart)
      .execute();
    await deleteOutcomeScores(trx, owner.id, versionId, windowStart);
    const deltas = [...g.groups.values()];
    await mergeOutcomeProfiles(trx, owner.id, deltas, at);
    const all = deltas.find((d) => d.segment === '');
    return new WindowOutcomes(
      all?.profile.labelled ?? 0,
      false,
      new Map(deltas.map((d) => [d.segment, d.profile])),
    );
  };
  return db.isTransaction ? work(db) : (db as Kysely<Database>).transaction().execute(work);
}
