/**
 * The stored scores (`profiles/outcome-scores.ts`) a large window's average precision is read
 * from, checked against its outcome profiles before use: each segment's arrays must hold at
 * least the rows its profile counts for the positive class (`classes.get(c)`: `n`, of them
 * `positives`). Fewer means labels joined before the scores were kept (migration
 * `0004_outcome_scores`): the window is rebuilt from its rows — profiles and scores — under the
 * model's row lock, and read again, so no value is ever measured on part of a window. More
 * means labels joined between the two reads: the scores are the later, complete state.
 */

import { rebuildOutcomeProfiles, type WindowOutcomes } from '../profiles/outcome-profiles.js';
import { readOutcomeScores, type SortedScores } from '../profiles/outcome-scores.js';
import type { Db } from '../registry/context.js';
import type { WindowData } from './window-data.js';

/** A large window's scores of one class, and the profiles they were checked against. */
export interface WindowScores {
  /** The window's outcome profiles (the rebuilt ones when its scores were incomplete). */
  outcomes: WindowOutcomes;
  /** By segment, the class's sorted scores; a segment still incomplete has none. */
  scores: Map<string, SortedScores>;
}

/** The segments whose scores hold fewer rows than their profile counts for class `cls`. */
function incomplete(
  outcomes: WindowOutcomes,
  cls: string,
  scores: Map<string, SortedScores>,
): string[] {
  return [...scores].flatMap(([segment, s]) => {
    const cs = outcomes.profile(segment)?.classes.get(cls);
    const positives = cs?.positives ?? 0;
    const negatives = (cs?.n ?? 0) - positives;
    return s.positives.length < positives || s.negatives.length < negatives ? [segment] : [];
  });
}

/**
 * The stored scores of the positive class `cls` in `segments` of a window measured from its
 * outcome profiles `outcomes`, rebuilt from the rows first when they hold fewer rows than the
 * profiles count.
 *
 * @example
 * const { scores } = await windowScores(data, outcomes, '1', ['']); scores.get('')?.positives.length; // 350123
 */
export async function windowScores(
  data: WindowData,
  outcomes: WindowOutcomes,
  cls: string,
  segments: string[],
): Promise<WindowScores> {
  const read = (db: Db) =>
    readOutcomeScores(db, data.owner.id, data.versionId, data.windowStart, cls, segments);
  const scores = await read(data.db);
  if (incomplete(outcomes, cls, scores).length === 0) return { outcomes, scores };
  const fresh = await rebuildOutcomeProfiles(
    data.db,
    data.ctx.dialect,
    data.owner,
    data.versionId,
    data.windowStart,
    data.ctx.now(),
    async (current, trx) => current.stale || incomplete(current, cls, await read(trx)).length > 0,
  );
  const again = await read(data.db);
  for (const segment of incomplete(fresh, cls, again)) again.delete(segment);
  return { outcomes: fresh, scores: again };
}
