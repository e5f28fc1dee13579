/**
 * What comes after a prediction: its label (the ground truth, often days later) and users'
 * feedback. Both are joined to the prediction by its id and may arrive before it. A label sent
 * again for the same prediction replaces the one before (a correction); feedback, like
 * predictions, is stored once by its own id. A batch is taken whole, as predictions are.
 * A label joining a stored prediction is added to its window's outcome profiles in the same
 * transaction; a correction marks them stale (`profiles/outcome-profiles.ts`).
 */

import { DomainError } from '../domain-error.js';
import { forgetEvaluations } from '../monitors/evaluate-window.js';
import { outcomeKind } from '../profiles/outcome-profile.js';
import {
  type JoinedOutcome,
  markOutcomesStale,
  mergeOutcomeProfiles,
  profileOutcomes,
} from '../profiles/outcome-profiles.js';
import type { RegistryContext } from '../registry/context.js';
import { lockModelRow } from '../registry/model-lock.js';
import { modelRow } from '../registry/models.js';
import type { FeedbackEvent, LabelEvent } from './event-schemas.js';
import { eventTime } from './event-time.js';

const CHUNK = 500;

/** Event times as the store keeps them; a bad one refuses the batch, naming every such event. */
function times(events: { timestamp?: string }[], received: string): string[] {
  const errors: { field: string; message: string }[] = [];
  const out = events.map((e, i) => eventTime(e.timestamp, received, i, errors));
  if (errors.length > 0) {
    throw new DomainError(
      'invalid',
      `${errors.length} events have no valid time; nothing was written`,
      undefined,
      errors,
    );
  }
  return out;
}

/**
 * Store labels; answers how many were new and how many replaced an earlier label.
 *
 * @example
 * await ingestLabels(ctx, 'churn', [{ id: 'p1', label: 1 }]); // { accepted: 1, replaced: 0 }
 */
export async function ingestLabels(
  ctx: RegistryContext,
  model: string,
  events: LabelEvent[],
): Promise<{ accepted: number; replaced: number }> {
  const owner = await modelRow(ctx.db, model);
  const received = ctx.now();
  const ts = times(events, received);
  // The last label of an id in the batch wins; PostgreSQL refuses to update one row twice in
  // one statement.
  const last = new Map<string, number>();
  events.forEach((e, i) => {
    last.set(e.id, i);
  });
  const rows = [...last.values()].map((i) => ({
    model_id: owner.id,
    event_id: events[i].id,
    label: JSON.stringify(events[i].label),
    ts: ts[i],
    received_at: received,
  }));
  const kind = outcomeKind(owner.task);
  const replaced = await ctx.db.transaction().execute(async (trx) => {
    // The model's row lock first: a prediction stored at the same time either sees this label
    // or is seen by it, never neither nor both (ingestPredictions takes it too).
    await lockModelRow(trx, ctx.dialect, owner.id);
    let before = 0;
    const joined: JoinedOutcome[] = [];
    const corrected: { versionId: number; window: string }[] = [];
    // The windows of the predictions these labels join: evaluated again, their performance
    // changed.
    const touched: { versionId: number; window: string }[] = [];
    for (let from = 0; from < rows.length; from += CHUNK) {
      const chunk = rows.slice(from, from + CHUNK);
      const ids = chunk.map((r) => r.event_id);
      const existing = await trx
        .selectFrom('labels')
        .select(['event_id', 'label'])
        .where('model_id', '=', owner.id)
        .where('event_id', 'in', ids)
        .execute();
      before += existing.length;
      await trx
        .insertInto('labels')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['model_id', 'event_id']).doUpdateSet((eb) => ({
            label: eb.ref('excluded.label'),
            ts: eb.ref('excluded.ts'),
            received_at: eb.ref('excluded.received_at'),
          })),
        )
        .execute();
      const stored = await trx
        .selectFrom('predictions')
        .select(['event_id', 'version_id', 'window_start', 'prediction', 'scores', 'segment'])
        .where('model_id', '=', owner.id)
        .where('event_id', 'in', ids)
        .execute();
      for (const p of stored) {
        touched.push({ versionId: p.version_id, window: p.window_start });
      }
      if (kind === null) continue;
      const had = new Map(existing.map((r) => [r.event_id, r.label]));
      const labelOf = new Map(chunk.map((r) => [r.event_id, r.label]));
      for (const p of stored) {
        const label = labelOf.get(p.event_id) as string;
        const old = had.get(p.event_id);
        if (old === undefined) {
          joined.push({
            versionId: p.version_id,
            window: p.window_start,
            label: JSON.parse(label),
            prediction: JSON.parse(p.prediction),
            scores: p.scores === null ? null : JSON.parse(p.scores),
            segment: p.segment === null ? null : JSON.parse(p.segment),
          });
        } else if (old !== label) {
          // A correction: the old label is in the window's sketches for good.
          corrected.push({ versionId: p.version_id, window: p.window_start });
        }
        // The same label again changes nothing.
      }
    }
    if (kind !== null) {
      await mergeOutcomeProfiles(trx, owner.id, profileOutcomes(owner.task, joined), received);
      await markOutcomesStale(trx, owner.id, corrected, received);
    }
    await forgetEvaluations(trx, owner.id, touched);
    return before;
  });
  return { accepted: rows.length, replaced };
}

/**
 * Store feedback; answers how many were new and how many had been received before.
 *
 * @example
 * await ingestFeedback(ctx, 'churn', [{ id: 'f1', predictionId: 'p1', thumbs: 'down' }]);
 */
export async function ingestFeedback(
  ctx: RegistryContext,
  model: string,
  events: FeedbackEvent[],
): Promise<{ accepted: number; duplicates: number }> {
  const empty = events.flatMap((e, i) =>
    e.thumbs === undefined && e.rating === undefined && e.comment === undefined
      ? [{ field: `body.${i}`, message: 'feedback needs thumbs, a rating or a comment' }]
      : [],
  );
  if (empty.length > 0) {
    throw new DomainError(
      'invalid',
      `${empty.length} feedback events say nothing; nothing was written`,
      undefined,
      empty,
    );
  }
  const owner = await modelRow(ctx.db, model);
  const received = ctx.now();
  const ts = times(events, received);
  const rows = events.map((e, i) => ({
    model_id: owner.id,
    feedback_id: e.id,
    event_id: e.predictionId,
    thumbs: e.thumbs ?? null,
    rating: e.rating ?? null,
    comment: e.comment ?? null,
    ts: ts[i],
    received_at: received,
  }));
  const accepted = await ctx.db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (let from = 0; from < rows.length; from += CHUNK) {
      const done = await trx
        .insertInto('feedback')
        .values(rows.slice(from, from + CHUNK))
        .onConflict((oc) => oc.columns(['model_id', 'feedback_id']).doNothing())
        .returning('feedback_id')
        .execute();
      inserted += done.length;
    }
    return inserted;
  });
  return { accepted, duplicates: events.length - accepted };
}
