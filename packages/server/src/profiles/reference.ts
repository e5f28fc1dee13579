/**
 * A version's reference: what its inputs and outputs looked like when it was trained or first
 * served, for production windows to be compared against. It is kept as one profile per column
 * (the same `ColumnProfile` as a window's, so the two compare sketch to sketch) and a bounded
 * sample of the column's values, drawn uniformly with a fixed seed, for exact tests. It is made
 * from a file (the training or validation data) or from stored production windows, and a new
 * one replaces the old whole.
 */
import { createRng } from '@tend/core';
import { DomainError } from '../domain-error.js';
import { cellsOf } from '../ingest/frame-events.js';
import type { Frame } from '../io/frame.js';
import { normalTime, recordAudit } from '../registry/audit-log.js';
import type { Actor, Db, RegistryContext } from '../registry/context.js';
import { versionRow } from '../registry/versions.js';
import { ColumnProfile, type ProfileSummary } from './column-profile.js';

/** Values kept per column for exact tests. */
export const REFERENCE_SAMPLE = 5000;

export interface ReferenceColumn {
  column: string;
  events: number;
  profile: ColumnProfile;
  sample: (number | string | boolean)[];
}

export interface ReferenceMapping {
  prediction?: string;
  label?: string;
  /** One column per class, named by the class. */
  probabilities?: string[];
  ignore?: string[];
}

/**
 * `count` row indices from [0, n), uniform and sorted, the same for the same seed.
 *
 * @example
 * sampleRows(10, 3, 1); // e.g. [2, 5, 9]
 */
export function sampleRows(n: number, count: number, seed: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  // Reservoir sampling (Vitter's algorithm R).
  const rng = createRng(seed);
  const rows = Array.from({ length: count }, (_, i) => i);
  for (let i = count; i < n; i++) {
    const j = rng.nextInt(i + 1);
    if (j < count) rows[j] = i;
  }
  return rows.sort((a, b) => a - b);
}

/**
 * The reference columns of a file read into a Frame: each feature (`feature:<name>`), the
 * prediction, the label and the class probabilities (`score:<class>`) when mapped.
 *
 * @example
 * profileFrame(frame, { prediction: 'score', label: 'y' }).map((c) => c.column);
 */
export function profileFrame(
  frame: Frame,
  mapping: ReferenceMapping = {},
  seed = 0,
): ReferenceColumn[] {
  const names = new Set(frame.columns.map((c) => c.name));
  const roles = new Map<string, string>();
  const claim = (name: string | undefined, column: string, what: string) => {
    if (name === undefined) return;
    if (!names.has(name))
      throw new DomainError('invalid', `${what} column "${name}" is not in the file`, what);
    roles.set(name, column);
  };
  claim(mapping.prediction, 'prediction', 'prediction');
  claim(mapping.label, 'label', 'label');
  for (const p of mapping.probabilities ?? []) claim(p, `score:${p}`, 'probabilities');
  for (const i of mapping.ignore ?? []) claim(i, '', 'ignore');
  const rows = sampleRows(frame.rowCount, REFERENCE_SAMPLE, seed);
  const out: ReferenceColumn[] = [];
  for (const c of frame.columns) {
    const column = roles.get(c.name) ?? `feature:${c.name}`;
    if (column === '') continue;
    const cell = cellsOf(c);
    const profile = new ColumnProfile();
    for (let r = 0; r < frame.rowCount; r++) profile.update(cell(r));
    const sample = rows.map(cell).filter((v): v is number | string => v !== null);
    out.push({ column, events: frame.rowCount, profile, sample });
  }
  return out;
}

/**
 * Replace a version's reference.
 *
 * @example
 * await setReference(ctx, actor, 'churn', 3, profileFrame(frame), 'train.parquet');
 */
export async function setReference(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  number: number,
  columns: ReferenceColumn[],
  source: string,
): Promise<ReferenceInfo> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const v = await versionRow(trx, model, number);
    await trx.deleteFrom('reference_profiles').where('version_id', '=', v.id).execute();
    for (let from = 0; from < columns.length; from += 100) {
      await trx
        .insertInto('reference_profiles')
        .values(
          columns.slice(from, from + 100).map((c) => ({
            version_id: v.id,
            column_name: c.column,
            events: c.events,
            profile: c.profile.toBytes(),
            sample: JSON.stringify(c.sample),
            source,
            created_at: at,
            created_by: actor.name,
          })),
        )
        .execute();
    }
    await recordAudit(trx, actor, at, {
      action: 'version.reference.set',
      targetType: 'version',
      target: `${model}/${number}`,
      model,
      after: { source, columns: columns.map((c) => c.column), rows: columns[0]?.events ?? 0 },
    });
  });
  ctx.emit({ type: 'version.reference_set', model, version: number, data: { source } });
  return readReference(ctx.db, model, number);
}

/**
 * A reference made of the version's stored production windows in [from, to): their profiles
 * merged, and a sample of the stored events.
 *
 * @example
 * await referenceFromProduction(ctx, actor, 'churn', 3, '2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z');
 */
export async function referenceFromProduction(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  number: number,
  from: string,
  to: string,
): Promise<ReferenceInfo> {
  const start = normalTime(from, 'from');
  const end = normalTime(to, 'to');
  const v = await versionRow(ctx.db, model, number);
  const rows = await ctx.db
    .selectFrom('window_profiles')
    .select(['column_name', 'events', 'profile'])
    .where('version_id', '=', v.id)
    .where('segment', '=', '')
    .where('window_start', '>=', start)
    .where('window_start', '<', end)
    .execute();
  if (rows.length === 0) {
    throw new DomainError(
      'invalid',
      `version ${number} of "${model}" has no production events from ${start} to ${end}`,
      'from',
    );
  }
  const merged = new Map<string, { events: number; profile: ColumnProfile }>();
  for (const r of rows) {
    const m = merged.get(r.column_name);
    const p = ColumnProfile.fromBytes(r.profile);
    if (m === undefined) merged.set(r.column_name, { events: r.events, profile: p });
    else {
      m.events += r.events;
      m.profile.merge(p);
    }
  }
  const samples = await productionSample(
    ctx.db,
    v.model_id,
    v.id,
    start,
    end,
    merged.get('prediction')?.events ?? 0,
  );
  const columns = [...merged].map(([column, m]) => ({
    column,
    ...m,
    sample: samples.get(column) ?? [],
  }));
  return setReference(ctx, actor, model, number, columns, `production ${start} to ${end}`);
}

/**
 * Up to REFERENCE_SAMPLE stored events of a version's windows starting in a time range (the
 * windows whose profiles the reference merges), drawn uniformly, by column. `count` is how many events the range holds (its profiles say): the ids are read a
 * page at a time and only the drawn ones kept, so a range of millions of events costs the
 * sample's memory, not the range's.
 */
async function productionSample(
  db: Db,
  modelId: number,
  versionId: number,
  start: string,
  end: string,
  count: number,
): Promise<Map<string, (number | string | boolean)[]>> {
  const positions = sampleRows(count, REFERENCE_SAMPLE, 0);
  const picked: number[] = [];
  let seen = 0;
  let next = 0;
  // Pages in (window, id) order, each continuing the (model, version, window, id) index scan
  // where the last one stopped.
  let last: { window: string; id: number } | undefined;
  while (next < positions.length) {
    let q = db
      .selectFrom('predictions')
      .select(['id', 'window_start'])
      .where('model_id', '=', modelId)
      .where('version_id', '=', versionId)
      .where('window_start', '>=', start)
      .where('window_start', '<', end);
    if (last !== undefined) {
      const { window, id } = last;
      q = q.where((eb) => eb(eb.refTuple('window_start', 'id'), '>', eb.tuple(window, id)));
    }
    const page = await q.orderBy('window_start').orderBy('id').limit(10_000).execute();
    for (const r of page) {
      while (next < positions.length && positions[next] === seen) {
        picked.push(r.id);
        next++;
      }
      seen++;
    }
    if (page.length < 10_000) break;
    const tail = page[page.length - 1];
    last = { window: tail.window_start, id: tail.id };
  }
  const out = new Map<string, (number | string | boolean)[]>();
  const push = (column: string, value: unknown) => {
    if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean')
      return;
    const list = out.get(column);
    if (list === undefined) out.set(column, [value]);
    else list.push(value);
  };
  for (let from = 0; from < picked.length; from += 500) {
    const events = await db
      .selectFrom('predictions')
      .select(['features', 'prediction', 'scores'])
      .where('id', 'in', picked.slice(from, from + 500))
      .orderBy('id')
      .execute();
    for (const e of events) {
      const features = JSON.parse(e.features) as Record<string, unknown>;
      for (const name in features) push(`feature:${name}`, features[name]);
      push('prediction', JSON.parse(e.prediction));
      if (e.scores !== null) {
        const scores = JSON.parse(e.scores) as Record<string, number>;
        for (const cls in scores) push(`score:${cls}`, scores[cls]);
      }
    }
  }
  return out;
}

export interface ReferenceInfo {
  model: string;
  version: number;
  source: string;
  createdAt: string;
  createdBy: string;
  columns: { column: string; events: number; sampled: number; summary: ProfileSummary }[];
}

/**
 * A version's reference, column by column; a not-found error when it has none.
 *
 * @example
 * (await readReference(db, 'churn', 3)).columns.map((c) => c.column);
 */
export async function readReference(db: Db, model: string, number: number): Promise<ReferenceInfo> {
  const v = await versionRow(db, model, number);
  const rows = await db
    .selectFrom('reference_profiles')
    .selectAll()
    .where('version_id', '=', v.id)
    .orderBy('column_name')
    .execute();
  if (rows.length === 0) {
    throw new DomainError(
      'not_found',
      `version ${number} of "${model}" has no reference`,
      'reference',
    );
  }
  return {
    model,
    version: number,
    source: rows[0].source,
    createdAt: rows[0].created_at,
    createdBy: rows[0].created_by,
    columns: rows.map((r) => ({
      column: r.column_name,
      events: r.events,
      sampled: (JSON.parse(r.sample) as unknown[]).length,
      summary: ColumnProfile.fromBytes(r.profile).summary(),
    })),
  };
}
