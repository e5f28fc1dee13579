/**
 * Prediction events into the store, a batch at a time.
 *
 * A batch is taken whole or not at all. An event that cannot be stored — a version the model
 * does not have, an alias that is not set, a time that is not one — refuses the whole batch
 * (422, every bad event named by its index), and nothing of it is written. An event whose
 * features do not match the version's input schema is stored, its findings counted in the
 * answer and kept with it — unless the model has `strictInputs`, when those refuse the batch
 * too. Each event is stored once per model by its id: a batch sent again, or an event sent
 * twice, adds nothing (counted as duplicates). The events stored update their windows'
 * profiles in the same transaction (`profiles/window-profiles.ts`), and those whose label came
 * first their outcome profiles (`profiles/outcome-profiles.ts`). Batches of a model that
 * arrive while others of it are being written wait and are then written together, in one
 * transaction (`group-commit.ts`); each still counts as if alone. The answer comes once the
 * batch is committed.
 */

import type { Insertable } from 'kysely';
import { DomainError } from '../domain-error.js';
import { outcomeKind } from '../profiles/outcome-profile.js';
import {
  type JoinedOutcome,
  mergeOutcomeProfiles,
  profileOutcomes,
} from '../profiles/outcome-profiles.js';
import { mergeProfiles, type ProfiledEvent, profileEvents } from '../profiles/window-profiles.js';
import type { Db, RegistryContext } from '../registry/context.js';
import { lockModelRow } from '../registry/model-lock.js';
import { modelRow } from '../registry/models.js';
import type { Version } from '../registry/schemas.js';
import type { ModelRow, PredictionsTable } from '../store/tables.js';
import { assignWindows } from './assign-windows.js';
import type { PredictionEvent } from './event-schemas.js';
import { eventTime } from './event-time.js';
import { GroupCommit } from './group-commit.js';
import { countFindings, type Finding, type FindingCounts, inputChecker } from './input-checks.js';

/** The alias an event is taken to be served under when it names no version nor alias. */
export const DEFAULT_ALIAS = 'champion';
/** Rows per INSERT: far under both databases' limits on bound values. */
const CHUNK = 500;

export interface IngestResult {
  accepted: number;
  duplicates: number;
  findings: FindingCounts;
}

interface Target {
  versionId: number;
  check: ((features: PredictionEvent['features']) => Finding[]) | null;
}

/**
 * Store a batch of prediction events of `model`. `arrived` is the function
 * `announcePredictions` gave when the batch began to arrive, if it was called.
 *
 * @example
 * await ingestPredictions(ctx, 'churn', [{ id: 'p1', version: 3, features: { age: 31 }, prediction: 1 }]);
 */
export async function ingestPredictions(
  ctx: RegistryContext,
  model: string,
  events: PredictionEvent[],
  arrived: () => void = () => {},
): Promise<IngestResult> {
  let batch: PreparedBatch;
  try {
    batch = await prepareBatch(ctx, model, events);
  } finally {
    arrived();
  }
  return groupCommitOf(ctx).submit(model, batch, events.length);
}

/**
 * Say a batch of `model`'s predictions is being received, so the batches being written wait
 * for it to be written with them; call the function returned when it has arrived or never will.
 *
 * @example
 * const arrived = announcePredictions(ctx, 'churn'); await ingestPredictions(ctx, 'churn', events, arrived);
 */
export function announcePredictions(ctx: RegistryContext, model: string): () => void {
  return groupCommitOf(ctx).announce(model);
}

/** A batch checked and made into rows, waiting to be written. */
interface PreparedBatch {
  owner: ModelRow;
  events: PredictionEvent[];
  rows: PredictionRow[];
  /** Each event's input-schema findings. */
  perEvent: Finding[][];
  received: string;
}

/** A prediction's row as made from its event, before its window is known. */
type PredictionRow = Required<Omit<Insertable<PredictionsTable>, 'id' | 'window_start'>>;

type StoredRow = PredictionRow & { window_start: string };

/** Events in a group written in one transaction: a few batches of 1 000 from several senders. */
const GROUP_EVENTS = 10_000;
const groupCommits = new WeakMap<RegistryContext, GroupCommit<PreparedBatch, IngestResult>>();

function groupCommitOf(ctx: RegistryContext): GroupCommit<PreparedBatch, IngestResult> {
  let commits = groupCommits.get(ctx);
  if (commits === undefined) {
    commits = new GroupCommit((batches) => writeBatches(ctx, batches), GROUP_EVENTS);
    groupCommits.set(ctx, commits);
  }
  return commits;
}

/**
 * Check a batch and make its rows, or refuse it whole (422) naming every bad event; nothing is
 * written yet.
 */
async function prepareBatch(
  ctx: RegistryContext,
  model: string,
  events: PredictionEvent[],
): Promise<PreparedBatch> {
  const owner = await modelRow(ctx.db, model);
  const errors: { field: string; message: string }[] = [];
  // The versions and aliases the batch names, each looked up once.
  const numbers = new Set<number>();
  const aliases = new Set<string>();
  for (const e of events) {
    if (e.version !== undefined) numbers.add(e.version);
    else aliases.add(e.alias ?? DEFAULT_ALIAS);
  }
  const byNumber = new Map<number, Target>();
  if (numbers.size > 0) {
    const rows = await ctx.db
      .selectFrom('versions')
      .select(['id', 'number', 'input_schema'])
      .where('model_id', '=', owner.id)
      .where('number', 'in', [...numbers])
      .execute();
    for (const r of rows) byNumber.set(r.number, target(r.id, r.input_schema));
  }
  const byAlias = new Map<string, Target>();
  if (aliases.size > 0) {
    const rows = await ctx.db
      .selectFrom('aliases')
      .innerJoin('versions', 'versions.id', 'aliases.version_id')
      .select(['aliases.alias', 'versions.id', 'versions.input_schema'])
      .where('aliases.model_id', '=', owner.id)
      .where('aliases.alias', 'in', [...aliases])
      .execute();
    for (const r of rows) byAlias.set(r.alias, target(r.id, r.input_schema));
  }
  const received = ctx.now();
  const strict = owner.strict_inputs === 1;
  const perEvent: Finding[][] = [];
  const rows = events.map((e, i): PredictionRow => {
    let t: Target | undefined;
    if (e.version !== undefined) {
      if (e.alias !== undefined) {
        errors.push({
          field: `body.${i}.alias`,
          message: 'give the version or the alias, not both',
        });
      }
      t = byNumber.get(e.version);
      if (t === undefined) {
        errors.push({
          field: `body.${i}.version`,
          message: `model "${model}" has no version ${e.version}`,
        });
      }
    } else {
      const alias = e.alias ?? DEFAULT_ALIAS;
      t = byAlias.get(alias);
      if (t === undefined) {
        const why =
          e.alias === undefined
            ? ' (an event naming no version or alias is taken as served by it)'
            : '';
        errors.push({
          field: `body.${i}.alias`,
          message: `model "${model}" has no alias "${alias}"${why}`,
        });
      }
    }
    const ts = eventTime(e.timestamp, received, i, errors);
    const findings = t?.check?.(e.features) ?? [];
    perEvent.push(findings);
    if (strict) {
      for (const f of findings) {
        errors.push({ field: `body.${i}.features.${f.feature}`, message: describeFinding(f) });
      }
    }
    const scores = e.probabilities ?? e.scores;
    return {
      model_id: owner.id,
      version_id: t?.versionId ?? 0,
      event_id: e.id,
      ts,
      features: JSON.stringify(e.features),
      prediction: JSON.stringify(e.prediction),
      scores: scores === undefined ? null : JSON.stringify(scores),
      latency_ms: e.latencyMs ?? null,
      error: e.error ?? null,
      segment: e.segment === undefined ? null : JSON.stringify(e.segment),
      quality: findings.length === 0 ? null : JSON.stringify(findings),
      received_at: received,
    };
  });
  if (errors.length > 0) {
    const bad = new Set(errors.map((x) => x.field.split('.')[1])).size;
    throw new DomainError(
      'invalid',
      `${bad} of ${events.length} events cannot be stored (${errors[0].field}: ${errors[0].message}); nothing of this batch was written`,
      undefined,
      errors,
    );
  }
  return { owner, events, rows, perEvent, received };
}

/**
 * Write batches of one model in one transaction, each after the other as if alone, and answer
 * what each stored. The profiles of all their events are merged at once.
 */
async function writeBatches(
  ctx: RegistryContext,
  batches: PreparedBatch[],
): Promise<IngestResult[]> {
  const owner = batches[0].owner;
  const received = batches[batches.length - 1].received;
  return ctx.db.transaction().execute(async (trx) => {
    // One batch of a model at a time on PostgreSQL: the model's row lock orders batches that
    // touch the same window profiles, which would otherwise lock their rows in different orders
    // and deadlock. (SQLite writes one transaction at a time anyway.)
    await lockModelRow(trx, ctx.dialect, owner.id);
    const profiled: ProfiledEvent[] = [];
    const storedRows: StoredRow[] = [];
    const results: IngestResult[] = [];
    for (const batch of batches) {
      const before = profiled.length;
      // The findings of the events stored now: a batch sent again counts none twice.
      const storedFindings: Finding[][] = [];
      await writeRows(trx, batch, (row, e, i) => {
        storedFindings.push(batch.perEvent[i]);
        storedRows.push(row);
        profiled.push({
          versionId: row.version_id,
          window: row.window_start,
          features: e.features,
          prediction: e.prediction,
          scores: e.probabilities ?? e.scores,
          latencyMs: e.latencyMs,
          error: e.error !== undefined,
          segment: e.segment,
        });
      });
      const accepted = profiled.length - before;
      results.push({
        accepted,
        duplicates: batch.events.length - accepted,
        findings: countFindings(storedFindings),
      });
    }
    await mergeProfiles(trx, owner.id, profileEvents(profiled), received);
    await joinEarlyLabels(trx, owner, storedRows, received);
    return results;
  });
}

/**
 * Store a batch's rows in their windows; `stored` is called with each row stored now (not a
 * duplicate), its event and index.
 */
async function writeRows(
  trx: Db,
  batch: PreparedBatch,
  stored: (row: StoredRow, event: PredictionEvent, index: number) => void,
): Promise<void> {
  const { owner, rows, events } = batch;
  // Each event's window; a count window needs to know first which events are new.
  const fresh = await freshEvents(trx, owner, rows);
  const windows = await assignWindows(
    trx,
    owner,
    rows.map((r) => ({ versionId: r.version_id, ts: r.ts })),
    fresh,
  );
  // Rows take their window in place: a batch is thousands of rows, each copy garbage.
  const windowed = rows as StoredRow[];
  for (let i = 0; i < windowed.length; i++) windowed[i].window_start = windows[i];
  const inserted = new Set<string>();
  for (let from = 0; from < windowed.length; from += CHUNK) {
    const done = await trx
      .insertInto('predictions')
      .values(windowed.slice(from, from + CHUNK))
      .onConflict((oc) => oc.columns(['model_id', 'event_id']).doNothing())
      .returning('event_id')
      .execute();
    for (const r of done) inserted.add(r.event_id);
  }
  // Only the events stored now count in the profiles: a batch sent again changes nothing.
  events.forEach((e, i) => {
    if (inserted.delete(e.id)) stored(windowed[i], e, i); // else a duplicate, or an id met before
  });
}

/**
 * Which rows of a batch are new: all of them for windows of time (whose assignment does not
 * depend on it); for windows of a count, those whose id is not stored yet, the first of an
 * id met twice in the batch.
 */
async function freshEvents(
  trx: Db,
  owner: ModelRow,
  rows: { event_id: string }[],
): Promise<boolean[]> {
  if (owner.window_events === null) return rows.map(() => true);
  const known = new Set<string>();
  for (let from = 0; from < rows.length; from += CHUNK) {
    const found = await trx
      .selectFrom('predictions')
      .select('event_id')
      .where('model_id', '=', owner.id)
      .where(
        'event_id',
        'in',
        rows.slice(from, from + CHUNK).map((r) => r.event_id),
      )
      .execute();
    for (const f of found) known.add(f.event_id);
  }
  return rows.map((r) => {
    if (known.has(r.event_id)) return false;
    known.add(r.event_id);
    return true;
  });
}

/**
 * Add the predictions stored now whose label came first to their windows' outcome profiles
 * (a label arriving later is added by `ingestLabels`; the model's row lock orders the two).
 */
async function joinEarlyLabels(
  trx: Db,
  owner: ModelRow,
  stored: {
    version_id: number;
    event_id: string;
    window_start: string;
    prediction: string;
    scores: string | null;
    segment: string | null;
  }[],
  at: string,
): Promise<void> {
  const kind = outcomeKind(owner.task);
  if (kind === null || stored.length === 0) return;
  const joined: JoinedOutcome[] = [];
  for (let from = 0; from < stored.length; from += CHUNK) {
    const chunk = stored.slice(from, from + CHUNK);
    const labels = await trx
      .selectFrom('labels')
      .select(['event_id', 'label'])
      .where('model_id', '=', owner.id)
      .where(
        'event_id',
        'in',
        chunk.map((r) => r.event_id),
      )
      .execute();
    if (labels.length === 0) continue;
    const byId = new Map(labels.map((l) => [l.event_id, l.label]));
    for (const r of chunk) {
      const label = byId.get(r.event_id);
      if (label === undefined) continue;
      // The values as they are read back from the store, as a rebuild reads them.
      joined.push({
        versionId: r.version_id,
        window: r.window_start,
        label: JSON.parse(label),
        prediction: JSON.parse(r.prediction),
        scores: r.scores === null ? null : JSON.parse(r.scores),
        segment: r.segment === null ? null : JSON.parse(r.segment),
      });
    }
  }
  await mergeOutcomeProfiles(trx, owner.id, profileOutcomes(owner.task, joined), at);
}

function target(versionId: number, inputSchema: string | null): Target {
  return {
    versionId,
    check: inputChecker(
      inputSchema === null ? null : (JSON.parse(inputSchema) as Version['inputSchema']),
    ),
  };
}

/**
 * A finding in words, for a refusal.
 *
 * @example
 * describeFinding({ feature: 'age', kind: 'type', expected: 'integer' }); // 'is not of the type integer'
 */
export function describeFinding(f: Finding): string {
  switch (f.kind) {
    case 'missing':
      return "is missing, and the version's input schema requires it";
    case 'type':
      return `is not of the type ${f.expected}`;
    case 'category':
      return "is not one of the categories the version's input schema lists";
    case 'unexpected':
      return "is not in the version's input schema";
  }
}
