/**
 * The MLflow-compatible routes answer what MLflow's client expects: the shapes of
 * `model_registry.proto` (snake_case, string versions, epoch-millisecond times, tag lists),
 * MLflow's search filters and pages, and MLflow's error bodies — while every change lands in
 * Tend's registry, audit log and alias history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-stores.js';
import type { TendApp } from '../http/app.js';

describe.each(testDialects())('MLflow registry API on %s', (dialect) => {
  let tend: TendApp;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ tend, dispose } = await openTestApp(dialect));
  });
  afterAll(async () => dispose());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await tend.app.inject({
      method: method as 'GET',
      url: `/api/2.0/mlflow/${path}`,
      ...(body === undefined
        ? {}
        : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    return { status: res.statusCode, body: res.json() };
  };

  it('creates registered models and versions in MLflow shapes', async () => {
    const created = await call('POST', 'registered-models/create', {
      name: 'fraud',
      tags: [{ key: 'team', value: 'risk' }],
      description: 'card fraud',
    });
    expect(created.status).toBe(200);
    const rm = created.body.registered_model;
    expect(rm).toMatchObject({
      name: 'fraud',
      description: 'card fraud',
      tags: [{ key: 'team', value: 'risk' }],
      aliases: [],
      latest_versions: [],
    });
    expect(typeof rm.creation_timestamp).toBe('number');
    expect(rm.creation_timestamp).toBeGreaterThan(1.7e12);
    const dup = await call('POST', 'registered-models/create', { name: 'fraud' });
    expect(dup).toEqual({
      status: 400,
      body: {
        error_code: 'RESOURCE_ALREADY_EXISTS',
        message: 'a model named "fraud" already exists',
      },
    });
    const v1 = await call('POST', 'model-versions/create', {
      name: 'fraud',
      source: 's3://m/fraud/1',
      run_id: 'run-1',
      run_link: 'http://runs/1',
    });
    expect(v1.body.model_version).toMatchObject({
      name: 'fraud',
      version: '1',
      current_stage: 'None',
      source: 's3://m/fraud/1',
      run_id: 'run-1',
      run_link: 'http://runs/1',
      status: 'READY',
      tags: [],
      aliases: [],
    });
    const v2 = await call('POST', 'model-versions/create', {
      name: 'fraud',
      source: 's3://m/fraud/2',
      tags: [{ key: 'stage', value: 'candidate' }],
    });
    expect(v2.body.model_version.version).toBe('2');
    const missing = await call('GET', 'model-versions/get?name=fraud&version=7');
    expect(missing).toEqual({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'model "fraud" has no version 7' },
    });
    const noName = await call('POST', 'model-versions/create', { source: 'x' });
    expect(noName.status).toBe(400);
    expect(noName.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'body.name is required',
    });
  });

  it('sets, resolves and deletes aliases, recorded in the alias history', async () => {
    expect(
      (
        await call('POST', 'registered-models/alias', {
          name: 'fraud',
          alias: 'champion',
          version: '1',
        })
      ).body,
    ).toEqual({});
    expect(
      (await call('GET', 'registered-models/alias?name=fraud&alias=champion')).body.model_version,
    ).toMatchObject({ version: '1', aliases: ['champion'] });
    const got = (await call('GET', 'registered-models/get?name=fraud')).body.registered_model;
    expect(got.aliases).toEqual([{ alias: 'champion', version: '1' }]);
    expect(got.latest_versions.map((v: { version: string }) => v.version)).toEqual(['2']);
    const reserved = await call('POST', 'registered-models/alias', {
      name: 'fraud',
      alias: 'latest',
      version: '1',
    });
    expect(reserved.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    await call('POST', 'registered-models/alias', {
      name: 'fraud',
      alias: 'challenger',
      version: '2',
    });
    expect(
      (await call('DELETE', 'registered-models/alias?name=fraud&alias=challenger')).status,
    ).toBe(200);
    const history = (
      await tend.app.inject({ url: '/api/v1/models/fraud/aliases/challenger/history' })
    ).json();
    expect(
      history.events.map((e: { action: string; reason: string }) => [e.action, e.reason]),
    ).toEqual([
      ['delete', 'deleted through the MLflow API'],
      ['set', 'set through the MLflow API'],
    ]);
  });

  it('searches with MLflow filters, order and pages', async () => {
    await call('POST', 'registered-models/create', {
      name: 'churn',
      tags: [{ key: 'team', value: 'growth' }],
    });
    const like = await call(
      'GET',
      `registered-models/search?filter=${encodeURIComponent("name LIKE 'fr%'")}`,
    );
    expect(like.body.registered_models.map((m: { name: string }) => m.name)).toEqual(['fraud']);
    const byTag = await call(
      'GET',
      `registered-models/search?filter=${encodeURIComponent("tags.team = 'growth'")}`,
    );
    expect(byTag.body.registered_models.map((m: { name: string }) => m.name)).toEqual(['churn']);
    const all = await call('GET', 'registered-models/search?order_by=name%20DESC');
    expect(all.body.registered_models.map((m: { name: string }) => m.name)).toEqual([
      'fraud',
      'churn',
    ]);
    const bad = await call(
      'GET',
      `registered-models/search?filter=${encodeURIComponent("name = 'a' OR name = 'b'")}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const q = `filter=${encodeURIComponent("name='fraud'")}&order_by=${encodeURIComponent('version_number DESC')}&max_results=1`;
    const first = await call('GET', `model-versions/search?${q}`);
    expect(first.body.model_versions.map((v: { version: string }) => v.version)).toEqual(['2']);
    expect(first.body.next_page_token).toBeDefined();
    const second = await call(
      'GET',
      `model-versions/search?${q}&page_token=${first.body.next_page_token}`,
    );
    expect(second.body.model_versions.map((v: { version: string }) => v.version)).toEqual(['1']);
    expect(second.body.next_page_token).toBeUndefined();
    const runs = await call(
      'GET',
      `model-versions/search?filter=${encodeURIComponent("run_id IN ('run-1', 'run-9')")}`,
    );
    expect(runs.body.model_versions.map((v: { version: string }) => v.version)).toEqual(['1']);
    const none = await call(
      'GET',
      `model-versions/search?filter=${encodeURIComponent("name='no-such-model'")}`,
    );
    expect(none.body).toEqual({ model_versions: [] });
    const latest = await call('POST', 'registered-models/get-latest-versions', {
      name: 'fraud',
      stages: ['None'],
    });
    expect(latest.body.model_versions.map((v: { version: string }) => v.version)).toEqual(['2']);
  });

  it('tags, describes, deletes, renames, and gives a download URI', async () => {
    await call('POST', 'model-versions/set-tag', {
      name: 'fraud',
      version: '1',
      key: 'validated',
      value: 'yes',
    });
    expect(
      (await call('GET', 'model-versions/get?name=fraud&version=1')).body.model_version.tags,
    ).toEqual([{ key: 'validated', value: 'yes' }]);
    await call('DELETE', 'model-versions/delete-tag', {
      name: 'fraud',
      version: '1',
      key: 'validated',
    });
    expect(
      (await call('GET', 'model-versions/get?name=fraud&version=1')).body.model_version.tags,
    ).toEqual([]);
    const described = await call('PATCH', 'model-versions/update', {
      name: 'fraud',
      version: '1',
      description: 'baseline',
    });
    expect(described.body.model_version.description).toBe('baseline');
    await call('POST', 'registered-models/set-tag', { name: 'fraud', key: 'tier', value: '1' });
    await call('DELETE', 'registered-models/delete-tag', { name: 'fraud', key: 'team' });
    expect(
      (await call('GET', 'registered-models/get?name=fraud')).body.registered_model.tags,
    ).toEqual([{ key: 'tier', value: '1' }]);
    expect(
      (await call('GET', 'model-versions/get-download-uri?name=fraud&version=1')).body,
    ).toEqual({ artifact_uri: 's3://m/fraud/1' });
    // As in MLflow, deleting a version removes the aliases on it.
    expect(
      (await call('DELETE', 'model-versions/delete', { name: 'fraud', version: '1' })).status,
    ).toBe(200);
    expect((await call('GET', 'registered-models/alias?name=fraud&alias=champion')).status).toBe(
      404,
    );
    const renamed = await call('POST', 'registered-models/rename', {
      name: 'fraud',
      new_name: 'card-fraud',
    });
    expect(renamed.body.registered_model.name).toBe('card-fraud');
    expect((await call('DELETE', 'registered-models/delete', { name: 'card-fraud' })).status).toBe(
      200,
    );
    expect((await call('GET', 'registered-models/get?name=card-fraud')).body.error_code).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
    const audit = (
      await tend.app.inject({ url: '/api/v1/audit?model=card-fraud&action=model.delete' })
    ).json();
    expect(audit.events).toHaveLength(1);
  });
});
