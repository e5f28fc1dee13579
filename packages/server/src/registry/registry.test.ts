/**
 * The registry's services on each database (SQLite always, PostgreSQL when configured):
 * models, versions and their numbering, tags, aliases with history and rollback, lineage,
 * comparison, and the audit log written with every change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testDialects } from '../../test/support/test-stores.js';
import { DomainError } from '../domain-error.js';
import {
  aliasAt,
  aliasHistory,
  deleteAlias,
  resolveAlias,
  rollbackAlias,
  setAlias,
} from './aliases.js';
import { queryAudit } from './audit-log.js';
import { compareVersions } from './compare.js';
import type { Actor, RegistryContext, RegistryEvent } from './context.js';
import { lineage } from './lineage.js';
import {
  createModel,
  deleteModel,
  getModel,
  listModels,
  setModelTag,
  updateModel,
} from './models.js';
import {
  createVersion,
  deleteVersion,
  getVersion,
  listVersions,
  setVersionTag,
  updateVersion,
} from './versions.js';

const alice: Actor = { name: 'alice', role: 'editor' };
const bob: Actor = { name: 'bob', role: 'admin' };

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(testDialects())('registry on %s', (dialect) => {
  let dispose: () => Promise<void>;
  let ctx: RegistryContext;
  const events: RegistryEvent[] = [];
  // A clock the tests move: one minute per change, from 1 March 2026.
  let minute = 0;
  const now = () => new Date(Date.UTC(2026, 2, 1, 0, minute++)).toISOString();

  beforeAll(async () => {
    const opened = await openTestStore(dialect);
    dispose = opened.dispose;
    ctx = { db: opened.store.db, dialect, now, emit: (e) => events.push(e) };
  });
  afterAll(async () => dispose());

  it('creates a model, refuses its name twice, and lists and finds it', async () => {
    const model = await createModel(ctx, alice, {
      name: 'churn',
      task: 'binary_classification',
      description: 'monthly churn',
      tags: { team: 'growth' },
    });
    expect(model).toMatchObject({
      name: 'churn',
      owner: 'alice',
      tags: { team: 'growth' },
      aliases: {},
      latestVersion: null,
      createdBy: 'alice',
    });
    const dup = await refusal(createModel(ctx, alice, { name: 'churn', task: 'regression' }));
    expect(dup.kind).toBe('conflict');
    expect(dup.field).toBe('name');
    await createModel(ctx, alice, { name: 'price', task: 'regression' });
    expect((await listModels(ctx.db)).map((m) => m.name)).toEqual(['churn', 'price']);
    expect((await listModels(ctx.db, { search: 'HUR' })).map((m) => m.name)).toEqual(['churn']);
    expect((await listModels(ctx.db, { search: '%' })).map((m) => m.name)).toEqual([]);
    expect(
      (await listModels(ctx.db, { tag: { key: 'team', value: 'growth' } })).map((m) => m.name),
    ).toEqual(['churn']);
    expect(events.at(-1)).toMatchObject({ type: 'model.created', model: 'price' });
    const missing = await refusal(getModel(ctx.db, 'nope'));
    expect(missing.kind).toBe('not_found');
    // `_` and `%` are searched as themselves, not as LIKE's wildcards.
    await createModel(ctx, alice, { name: 'a_b', task: 'regression' });
    await createModel(ctx, alice, { name: 'axb', task: 'regression' });
    expect((await listModels(ctx.db, { search: 'A_' })).map((m) => m.name)).toEqual(['a_b']);
    expect((await listModels(ctx.db, { search: 'x' })).map((m) => m.name)).toEqual(['axb']);
  });

  it('numbers versions per model and keeps what reproduces each', async () => {
    const v1 = await createVersion(ctx, alice, 'churn', {
      artifactUri: 's3://models/churn/1',
      artifactSha256: 'a'.repeat(64),
      codeCommit: 'abc123',
      dataRef: 's3://data/churn/2026-01.parquet',
      dataHash: 'sha256:1111',
      pipelineVersion: '1.0',
      params: { lr: 0.1, depth: 6 },
      metrics: { auc: 0.88, recall: 0.7 },
      segmentMetrics: { 'region=EU': { auc: 0.86 } },
      dependencies: { 'scikit-learn': '1.5.0' },
      inputSchema: [
        { name: 'age', type: 'integer' },
        { name: 'plan', type: 'categorical', categories: ['a', 'b'] },
      ],
      card: { intendedUse: 'retention offers' },
    });
    expect(v1.version).toBe(1);
    expect(v1.artifact).toEqual({
      uri: 's3://models/churn/1',
      sha256: 'a'.repeat(64),
      size: null,
      stored: false,
    });
    const v2 = await createVersion(ctx, alice, 'churn', {
      parent: { version: 1 },
      codeCommit: 'def456',
      dataHash: 'sha256:2222',
      params: { lr: 0.05, depth: 6, trees: 300 },
      metrics: { auc: 0.9, recall: 0.72 },
      dependencies: { 'scikit-learn': '1.5.1', numpy: '2.0' },
      inputSchema: [{ name: 'age', type: 'double' }],
    });
    const v3 = await createVersion(ctx, alice, 'churn', {
      parent: { version: 2 },
      tags: { stage: 'candidate' },
    });
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(v3.parent).toEqual({ model: 'churn', version: 2 });
    expect(v3.tags).toEqual({ stage: 'candidate' });
    const other = await createVersion(ctx, alice, 'price', {
      parent: { model: 'churn', version: 3 },
    });
    expect(other.version).toBe(1);
    expect((await listVersions(ctx.db, 'churn')).map((v) => v.version)).toEqual([3, 2, 1]);
    expect((await getModel(ctx.db, 'churn')).latestVersion).toBe(3);
    const badParent = await refusal(
      createVersion(ctx, alice, 'churn', { parent: { version: 99 } }),
    );
    expect([badParent.kind, badParent.field]).toEqual(['invalid', 'parent']);
    expect(badParent.message).toContain('no version 99');
    const missing = await refusal(getVersion(ctx.db, 'churn', 42));
    expect(missing.message).toBe('model "churn" has no version 42');
  });

  it('gives versions registered at once consecutive numbers, none twice', async () => {
    await createModel(ctx, alice, { name: 'busy', task: 'regression' });
    const made = await Promise.all(
      Array.from({ length: 12 }, () => createVersion(ctx, alice, 'busy', {})),
    );
    expect(made.map((v) => v.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  it('never reuses a deleted version number', async () => {
    await createModel(ctx, alice, { name: 'scratch', task: 'ranking' });
    await createVersion(ctx, alice, 'scratch', {});
    await deleteVersion(ctx, alice, 'scratch', 1);
    expect((await createVersion(ctx, alice, 'scratch', {})).version).toBe(2);
  });

  it('updates versions and tags, and audits before and after', async () => {
    const v = await updateVersion(ctx, alice, 'churn', 1, { status: 'archived' });
    expect(v.status).toBe('archived');
    await setVersionTag(ctx, alice, 'churn', 2, 'validated', 'yes');
    expect((await getVersion(ctx.db, 'churn', 2)).tags).toEqual({ validated: 'yes' });
    await setVersionTag(ctx, alice, 'churn', 2, 'validated', null);
    expect((await getVersion(ctx.db, 'churn', 2)).tags).toEqual({});
    const gone = await refusal(setVersionTag(ctx, alice, 'churn', 2, 'validated', null));
    expect(gone.kind).toBe('not_found');
    await setModelTag(ctx, alice, 'churn', 'team', 'retention');
    expect((await getModel(ctx.db, 'churn')).tags).toEqual({ team: 'retention' });
    const [last] = await queryAudit(ctx.db, { model: 'churn', limit: 1 });
    expect(last).toMatchObject({
      actor: 'alice',
      action: 'model.tag.set',
      target: 'churn',
      before: { team: 'growth' },
      after: { team: 'retention' },
    });
    const update = (await queryAudit(ctx.db, { action: 'version.update' }))[0];
    expect((update.before as { status: string }).status).toBe('ready');
    expect((update.after as { status: string }).status).toBe('archived');
  });

  it('keeps every alias move, answers which version held it when, and rolls back in steps', async () => {
    const t1 = (await setAlias(ctx, alice, 'churn', 'champion', { version: 1, reason: 'first' }))!;
    expect(t1).toMatchObject({
      action: 'set',
      version: 1,
      previous: null,
      actor: 'alice',
      reason: 'first',
    });
    expect(await setAlias(ctx, alice, 'churn', 'champion', { version: 1 })).toBeNull();
    const t2 = (await setAlias(ctx, bob, 'churn', 'champion', {
      version: 2,
      reason: 'AUC +0.02',
    }))!;
    const t3 = (await setAlias(ctx, bob, 'churn', 'champion', { version: 3 }))!;
    expect(t3.previous).toBe(2);
    expect((await resolveAlias(ctx.db, 'churn', 'champion')).version).toBe(3);
    expect((await getModel(ctx.db, 'churn')).aliases).toEqual({ champion: 3 });
    expect((await getVersion(ctx.db, 'churn', 3)).aliases).toEqual(['champion']);
    // Which version was champion when: just after each move, and before any.
    expect((await aliasAt(ctx.db, 'churn', 'champion', t2.at)).version).toBe(2);
    const between = new Date(Date.parse(t3.at) - 1).toISOString();
    expect((await aliasAt(ctx.db, 'churn', 'champion', between)).version).toBe(2);
    expect((await aliasAt(ctx.db, 'churn', 'champion', '2020-01-01T00:00:00Z')).version).toBeNull();
    const back = await rollbackAlias(ctx, bob, 'churn', 'champion', 'v3 raised complaints');
    expect(back).toMatchObject({
      action: 'rollback',
      version: 2,
      previous: 3,
      reason: 'v3 raised complaints',
    });
    expect((await rollbackAlias(ctx, bob, 'churn', 'champion')).version).toBe(1);
    const none = await refusal(rollbackAlias(ctx, bob, 'churn', 'champion'));
    expect([none.kind, none.message]).toEqual([
      'conflict',
      'alias "champion" of "churn" has had no earlier holder',
    ]);
    expect(
      (await aliasHistory(ctx.db, 'churn', 'champion')).map((e) => [e.action, e.version]),
    ).toEqual([
      ['rollback', 1],
      ['rollback', 2],
      ['set', 3],
      ['set', 2],
      ['set', 1],
    ]);
    const audit = await queryAudit(ctx.db, { model: 'churn', action: 'alias.rollback' });
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ version: 2 }, { version: 1 }],
      [{ version: 3 }, { version: 2 }],
    ]);
    expect(events.filter((e) => e.type === 'alias.rolled_back').map((e) => e.version)).toEqual([
      2, 1,
    ]);
  });

  it('restores a deleted alias by rollback, and refuses bad or reserved alias names', async () => {
    await setAlias(ctx, alice, 'churn', 'challenger', { version: 3 });
    await deleteAlias(ctx, alice, 'churn', 'challenger', 'experiment over');
    const missing = await refusal(resolveAlias(ctx.db, 'churn', 'challenger'));
    expect(missing.kind).toBe('not_found');
    expect((await rollbackAlias(ctx, alice, 'churn', 'challenger')).version).toBe(3);
    for (const bad of ['latest', 'Latest', 'v2', 'V10', 'has space', '']) {
      const error = await refusal(setAlias(ctx, alice, 'churn', bad, { version: 1 }));
      expect([error.kind, error.field]).toEqual(['invalid', 'alias']);
    }
    const noVersion = await refusal(setAlias(ctx, alice, 'churn', 'canary', { version: 77 }));
    expect(noVersion.kind).toBe('not_found');
    const held = await refusal(deleteVersion(ctx, alice, 'churn', 3));
    expect([held.kind, held.message]).toEqual([
      'conflict',
      'version 3 of "churn" holds the alias "challenger": move or delete it first',
    ]);
  });

  it('draws lineage across models, and compares two versions field by field', async () => {
    const graph = await lineage(ctx.db, 'churn', 2);
    expect(graph.root).toBe('version:churn/2');
    expect(graph.edges.filter((e) => e.relation === 'parent_of')).toEqual([
      { from: 'version:churn/1', to: 'version:churn/2', relation: 'parent_of' },
      { from: 'version:churn/2', to: 'version:churn/3', relation: 'parent_of' },
      { from: 'version:churn/3', to: 'version:price/1', relation: 'parent_of' },
    ]);
    expect(graph.nodes.find((n) => n.id === 'data:sha256:2222')?.kind).toBe('data');
    expect(graph.edges).toContainEqual({
      from: 'version:churn/2',
      to: 'code:def456',
      relation: 'built_from',
    });
    const diff = await compareVersions(ctx.db, 'churn', 1, 2);
    expect(diff.metrics.find((m) => m.name === 'auc')).toMatchObject({
      a: 0.88,
      b: 0.9,
      change: 'changed',
    });
    expect(diff.metrics.find((m) => m.name === 'auc')!.delta).toBeCloseTo(0.02, 12);
    expect(diff.params.map((p) => [p.name, p.change])).toEqual([
      ['depth', 'same'],
      ['lr', 'changed'],
      ['trees', 'added'],
    ]);
    expect(diff.dependencies.map((p) => [p.name, p.change])).toEqual([
      ['numpy', 'added'],
      ['scikit-learn', 'changed'],
    ]);
    expect(diff.inputSchema.map((p) => [p.name, p.change])).toEqual([
      ['age', 'changed'],
      ['plan', 'removed'],
    ]);
    expect(diff.segmentMetrics).toEqual([
      { name: 'region=EU/auc', a: 0.86, b: undefined, change: 'removed', delta: null },
    ]);
  });

  it('renames and deletes a model; the audit log keeps its record and cannot be edited', async () => {
    const renamed = await updateModel(ctx, bob, 'scratch', { name: 'scratch-2' });
    expect(renamed.name).toBe('scratch-2');
    const clash = await refusal(updateModel(ctx, bob, 'scratch-2', { name: 'churn' }));
    expect(clash.kind).toBe('conflict');
    await deleteModel(ctx, bob, 'scratch-2');
    expect((await refusal(getModel(ctx.db, 'scratch-2'))).kind).toBe('not_found');
    const [deleted] = await queryAudit(ctx.db, { model: 'scratch-2', action: 'model.delete' });
    expect(deleted).toMatchObject({ actor: 'bob', before: { name: 'scratch-2' } });
    await expect(
      ctx.db.updateTable('audit_events').set({ actor: 'mallory' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(ctx.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    const march = await queryAudit(ctx.db, {
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-01T00:03:00Z',
    });
    // Minute 1 was the refused second "churn": a refusal leaves no entry.
    expect(march.map((e) => [e.at, e.action, e.target])).toEqual([
      ['2026-03-01T00:02:00.000Z', 'model.create', 'price'],
      ['2026-03-01T00:00:00.000Z', 'model.create', 'churn'],
    ]);
  });
});
