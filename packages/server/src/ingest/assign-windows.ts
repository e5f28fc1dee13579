/**
 * Which window each newly stored prediction belongs to. Windows of time: the tumbling window
 * of its event time (`windowStart`). Windows of a count of predictions: each version's events,
 * in the order they are stored, fill a window of `window_events` after another; a window's
 * start is the time of its first event, kept strictly after the start of the one before (a
 * backfill without timestamps gives a whole batch one time), so windows sort by start. The
 * open window of each version and its count are kept in `window_counters`; the caller holds
 * the model's row lock, so servers sharing a database count one after the other.
 */
import { windowStarts } from '../profiles/window-profiles.js';
import type { Db } from '../registry/context.js';
import type { ModelRow } from '../store/tables.js';

/**
 * The window of each event (by index); `fresh[i]` false for an event that is not stored now
 * (a duplicate), which takes no place in a count window.
 *
 * @example
 * await assignWindows(trx, owner, [{ versionId: 7, ts: '2026-03-03T14:37:12.000Z' }], [true]); // ['2026-03-03T14:00:00.000Z']
 */
export async function assignWindows(
  trx: Db,
  owner: ModelRow,
  events: { versionId: number; ts: string }[],
  fresh: boolean[],
): Promise<string[]> {
  const size = owner.window_events;
  if (size === null) {
    return windowStarts(
      events.map((e) => e.ts),
      owner.window_seconds,
    );
  }
  const versions = [...new Set(events.map((e) => e.versionId))];
  const stored = await trx
    .selectFrom('window_counters')
    .selectAll()
    .where('model_id', '=', owner.id)
    .where('version_id', 'in', versions)
    .execute();
  const open = new Map(
    stored.map((c) => [c.version_id, { start: c.window_start, events: c.events }]),
  );
  const had = new Set(open.keys());
  const out = events.map((e, i) => {
    if (!fresh[i]) return '';
    let c = open.get(e.versionId);
    if (c === undefined || c.events >= size) {
      const after = c === undefined ? '' : new Date(Date.parse(c.start) + 1).toISOString();
      // biome-ignore lint/complexity/useMathMinMax: the later of two ISO times, compared as text
      c = { start: e.ts > after ? e.ts : after, events: 0 };
      open.set(e.versionId, c);
    }
    c.events++;
    return c.start;
  });
  for (const [versionId, c] of open) {
    if (had.has(versionId)) {
      await trx
        .updateTable('window_counters')
        .set({ window_start: c.start, events: c.events })
        .where('model_id', '=', owner.id)
        .where('version_id', '=', versionId)
        .execute();
    } else {
      await trx
        .insertInto('window_counters')
        .values({
          model_id: owner.id,
          version_id: versionId,
          window_start: c.start,
          events: c.events,
        })
        .execute();
    }
  }
  return out;
}
