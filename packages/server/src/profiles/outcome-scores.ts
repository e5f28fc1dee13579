/**
 * Outcome scores: the raw scores behind a large window's average precision, which no sketch
 * bounds (precision at low recall turns on the few highest scores). For a binary model, each
 * labelled prediction's finite score of each class its scores name is kept, per version,
 * window, segment ('' and each `attribute=value`, as outcome profiles) and class, split by
 * whether the label is that class: average precision with positive class c reads c's two
 * arrays, sorts them and computes the exact value (`scores-average-precision.ts`).
 *
 * Why per class: the positive class is a monitor's setting (`positiveLabel`, default '1'),
 * chosen after the scores are stored and possibly different between two monitors, and a
 * binary model's scores may name both classes with scores that are not each other's
 * complement to the last bit; so, as `ClassScores` in the outcome profile, every class the
 * scores name is kept, each row counted as a positive of its own label's class only. A row
 * whose score of c is missing or not finite is left out of c's arrays, and a row without a
 * label out of all of them, as the rows' metric leaves them out
 * (`performanceMetric(...).columns`); c's arrays therefore hold exactly the rows that the
 * profile's `classes.get(c)` counts (`n`, `positives`). Multiclass and regression models have
 * no average precision and keep none.
 *
 * Storage: appended, never updated — one chunk row per version, window, segment and class per
 * batch of joined outcomes, in the transaction that merges the batch into the outcome profiles
 * (`mergeOutcomeProfiles`), its two arrays packed as float64 little-endian bytes. When a
 * window's profiles are rebuilt from the rows (a corrected label, an older format), its chunks
 * are deleted and written again from the rows. A window whose labels joined before the table
 * existed (migration `0004_outcome_scores`) has fewer scores than its profile counts: it is
 * rebuilt before its average precision is read from them (`monitors/window-scores.ts`).
 */
import type { Db } from '../registry/context.js';

/** A score the metrics take: a finite number (as `performanceMetric(...).columns`). */
const asNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** A class as the metrics take it: its text; null is no class. */
const asClass = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

/** Chunk rows per insert statement. */
const ROWS = 100;

/** Whether the platform stores float64 little-endian (then bytes are copied, not converted). */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/**
 * Whether a model of `task` keeps outcome scores: binary classifiers only (average precision).
 *
 * @example
 * keepsScores('binary_classification'); // true
 */
export function keepsScores(task: string): boolean {
  return task === 'binary_classification';
}

/** One class's scores: of the rows labelled with it, and of the others. */
interface ClassLists {
  positives: number[];
  negatives: number[];
}

/**
 * The scores a batch of labelled predictions adds to one version, window and segment, by class.
 *
 * @example
 * const s = new ScoreLists(); s.update(1, { '0': 0.3, '1': 0.7 }); s.byClass.get('1')?.positives; // [0.7]
 */
export class ScoreLists {
  readonly byClass = new Map<string, ClassLists>();

  /** Add one labelled prediction: its label and its class scores. */
  update(label: unknown, scores: Record<string, unknown> | null): void {
    const t = asClass(label);
    if (t === undefined || scores === null || typeof scores !== 'object') return;
    for (const k in scores) {
      const v = asNumber(scores[k]);
      if (v === undefined) continue;
      let c = this.byClass.get(k);
      if (c === undefined) {
        c = { positives: [], negatives: [] };
        this.byClass.set(k, c);
      }
      (t === k ? c.positives : c.negatives).push(v);
    }
  }
}

/** What a batch appends for one version, window and segment. */
export interface ScoreDelta {
  versionId: number;
  window: string;
  segment: string;
  scores: ScoreLists;
}

function pack(values: number[]): Buffer {
  const a = Float64Array.from(values);
  if (LITTLE_ENDIAN) return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const b = Buffer.allocUnsafe(a.byteLength);
  for (let i = 0; i < a.length; i++) b.writeDoubleLE(a[i], 8 * i);
  return b;
}

/** Copy packed chunks one after the other into `out` from element `at`; answers the next. */
function unpackInto(out: Float64Array, at: number, bytes: Uint8Array): number {
  const n = bytes.byteLength >>> 3;
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer, out.byteOffset + 8 * at, 8 * n).set(bytes.subarray(0, 8 * n));
  } else {
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < n; i++) out[at + i] = v.getFloat64(8 * i, true);
  }
  return at + n;
}

/**
 * Append a batch's scores to the stored chunks, in the caller's transaction (the one that
 * merges the same batch into the outcome profiles).
 *
 * @example
 * await appendOutcomeScores(trx, modelId, [{ versionId: 7, window, segment: '', scores }]);
 */
export async function appendOutcomeScores(
  trx: Db,
  modelId: number,
  deltas: ScoreDelta[],
): Promise<void> {
  const rows = deltas.flatMap((d) =>
    [...d.scores.byClass].map(([cls, lists]) => ({
      model_id: modelId,
      version_id: d.versionId,
      window_start: d.window,
      segment: d.segment,
      class: cls,
      positives: pack(lists.positives),
      negatives: pack(lists.negatives),
    })),
  );
  for (let from = 0; from < rows.length; from += ROWS) {
    await trx
      .insertInto('outcome_scores')
      .values(rows.slice(from, from + ROWS))
      .execute();
  }
}

/**
 * Delete a window's stored scores (every segment and class), before they are written again
 * from its rows.
 *
 * @example
 * await deleteOutcomeScores(trx, modelId, 7, '2026-03-03T14:00:00.000Z');
 */
export async function deleteOutcomeScores(
  trx: Db,
  modelId: number,
  versionId: number,
  windowStart: string,
): Promise<void> {
  await trx
    .deleteFrom('outcome_scores')
    .where('model_id', '=', modelId)
    .where('version_id', '=', versionId)
    .where('window_start', '=', windowStart)
    .execute();
}

/** A segment's scores of one class, each array sorted in increasing order. */
export interface SortedScores {
  /** The class's score of the rows labelled with it. */
  positives: Float64Array;
  /** The class's score of the other rows. */
  negatives: Float64Array;
}

/**
 * The stored scores of class `cls` in the given segments of a window, each segment's chunks
 * concatenated and sorted (a segment without any: two empty arrays).
 *
 * @example
 * (await readOutcomeScores(db, modelId, 7, window, '1', [''])).get('')?.positives.length; // 350123
 */
export async function readOutcomeScores(
  db: Db,
  modelId: number,
  versionId: number,
  windowStart: string,
  cls: string,
  segments: string[],
): Promise<Map<string, SortedScores>> {
  const out = new Map<string, SortedScores>();
  if (segments.length === 0) return out;
  const rows = await db
    .selectFrom('outcome_scores')
    .select(['segment', 'positives', 'negatives'])
    .where('model_id', '=', modelId)
    .where('version_id', '=', versionId)
    .where('window_start', '=', windowStart)
    .where('class', '=', cls)
    .where('segment', 'in', segments)
    .execute();
  const bySegment = new Map<string, typeof rows>(segments.map((s) => [s, []]));
  for (const r of rows) bySegment.get(r.segment)?.push(r);
  for (const [segment, mine] of bySegment) {
    let p = 0;
    let n = 0;
    for (const r of mine) {
      p += r.positives.byteLength >>> 3;
      n += r.negatives.byteLength >>> 3;
    }
    const positives = new Float64Array(p);
    const negatives = new Float64Array(n);
    p = 0;
    n = 0;
    for (const r of mine) {
      p = unpackInto(positives, p, r.positives);
      n = unpackInto(negatives, n, r.negatives);
    }
    out.set(segment, { positives: positives.sort(), negatives: negatives.sort() });
  }
  return out;
}
