/**
 * The HTTP API end to end through Fastify's `inject`, on each database: status codes and
 * problem documents for every class of error, the registry's routes, the OpenAPI document,
 * artifact upload and download, and permissions per role with auth on.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-stores.js';
import { createApiKey } from '../auth/api-keys.js';
import type { TendApp } from './app.js';

const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

describe.each(testDialects())('HTTP API on %s', (dialect) => {
  let tend: TendApp;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ tend, dispose } = await openTestApp(dialect, { bodyLimit: 64 * 1024 }));
  });
  afterAll(async () => dispose());

  const inject = (
    method: string,
    url: string,
    extra: { headers?: object; payload?: string | Buffer } = {},
  ) =>
    tend.app.inject({
      method: method as 'GET',
      url,
      ...extra,
      headers: { 'x-tend-actor': 'alice', ...extra.headers },
    });

  it('serves its health, an OpenAPI 3.1 document of every route, and readable docs', async () => {
    const health = await inject('GET', '/api/v1/health');
    expect(health.json()).toMatchObject({ status: 'ok', database: dialect });
    const doc = (await inject('GET', '/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/models',
        '/api/v1/models/{model}/versions/{version}',
        '/api/v1/models/{model}/aliases/{alias}/rollback',
        '/api/v1/audit',
        '/api/v1/webhooks/{id}/test',
      ]),
    );
    expect(
      doc.paths['/api/v1/models'].post.requestBody.content['application/json'].schema.properties
        .name.pattern,
    ).toBeDefined();
    const docs = await inject('GET', '/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('registers a model and answers every kind of bad request with a problem document', async () => {
    const created = await inject(
      'POST',
      '/api/v1/models',
      json({ name: 'churn', task: 'binary_classification' }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'churn', createdBy: 'alice', owner: 'alice' });
    const cases: [string, string, object, number, string | RegExp][] = [
      [
        'POST',
        '/api/v1/models',
        json({ name: 'churn', task: 'regression' }),
        409,
        'a model named "churn" already exists',
      ],
      [
        'POST',
        '/api/v1/models',
        json({ name: 'bad/name', task: 'regression' }),
        422,
        /^body\.name must match the pattern/,
      ],
      [
        'POST',
        '/api/v1/models',
        json({ name: 'x', task: 'regression', colour: 'red' }),
        422,
        'body.colour is not a known field',
      ],
      [
        'POST',
        '/api/v1/models',
        json({ name: 'x', task: 'astrology' }),
        422,
        /^body\.task must be one of "binary_classification"/,
      ],
      ['POST', '/api/v1/models', json({ task: 'regression' }), 422, 'body.name is required'],
      ['POST', '/api/v1/models', json([]), 422, /body/],
      [
        'POST',
        '/api/v1/models',
        { payload: '{"name": ', headers: { 'content-type': 'application/json' } },
        400,
        /JSON|Unexpected/,
      ],
      [
        'POST',
        '/api/v1/models',
        { payload: 'name=x', headers: { 'content-type': 'text/plain' } },
        415,
        /Unsupported Media Type|content-type/i,
      ],
      [
        'POST',
        '/api/v1/models',
        json({ name: 'big', task: 'regression', description: 'x'.repeat(70_000) }),
        413,
        /larger/,
      ],
      ['GET', '/api/v1/models/nope', {}, 404, 'no model named "nope"'],
      ['GET', '/api/v1/models/churn/versions/abc', {}, 422, 'params.version must be integer'],
      ['GET', '/api/v1/models/churn/versions/0', {}, 422, 'params.version must be >= 1'],
      ['GET', '/api/v1/models/churn/versions/9', {}, 404, 'model "churn" has no version 9'],
      ['GET', '/api/v1/models?limit=0', {}, 422, 'query.limit must be >= 1'],
      ['GET', '/api/v1/nothing-here', {}, 404, 'no route GET /api/v1/nothing-here'],
      [
        'PUT',
        '/api/v1/models/churn/aliases/latest',
        json({ version: 1 }),
        422,
        'the alias "latest" is reserved (in any case)',
      ],
      [
        'GET',
        '/api/v1/audit?from=yesterday',
        {},
        422,
        'from must be an ISO-8601 time, got "yesterday"',
      ],
    ];
    for (const [method, url, extra, status, detail] of cases) {
      const res = await inject(method, url, extra);
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body).toMatchObject({
        status,
        type: expect.stringMatching(/^urn:tend:problem:/),
        instance: url,
      });
      if (typeof detail === 'string') expect(body.detail).toBe(detail);
      else expect(body.detail).toMatch(detail);
    }
  });

  it('registers versions, uploads and downloads an artifact by its hash, and rolls an alias back', async () => {
    const v1 = await inject(
      'POST',
      '/api/v1/models/churn/versions',
      json({ metrics: { auc: 0.88 }, codeCommit: 'abc' }),
    );
    expect(v1.statusCode).toBe(201);
    const bytes = Buffer.from('the weights of version 2');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const v2 = await inject(
      'POST',
      '/api/v1/models/churn/versions',
      json({ artifactSha256: sha, parent: { version: 1 } }),
    );
    expect(v2.json()).toMatchObject({ version: 2, parent: { model: 'churn', version: 1 } });
    const wrong = await inject('PUT', '/api/v1/models/churn/versions/2/artifact', {
      payload: Buffer.from('other bytes'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().detail).toContain(`not to the version's artifactSha256 ${sha}`);
    const up = await inject('PUT', '/api/v1/models/churn/versions/2/artifact', {
      payload: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(up.statusCode).toBe(200);
    expect(up.json().artifact).toEqual({
      uri: `tend:artifacts/sha256/${sha}`,
      sha256: sha,
      size: bytes.length,
      stored: true,
    });
    const down = await inject('GET', '/api/v1/models/churn/versions/2/artifact');
    expect(down.rawPayload.equals(bytes)).toBe(true);
    expect(down.headers.digest).toBe(`sha-256=${Buffer.from(sha, 'hex').toString('base64')}`);
    expect((await inject('GET', '/api/v1/models/churn/versions/1/artifact')).statusCode).toBe(404);

    for (const version of [1, 2]) {
      const set = await inject(
        'PUT',
        '/api/v1/models/churn/aliases/champion',
        json({ version, reason: `promote v${version}` }),
      );
      expect(set.json()).toMatchObject({ changed: true, event: { version, actor: 'alice' } });
    }
    expect((await inject('GET', '/api/v1/models/churn/aliases/champion')).json().version).toBe(2);
    const back = await inject(
      'POST',
      '/api/v1/models/churn/aliases/champion/rollback',
      json({ reason: 'v2 misbehaves' }),
    );
    expect(back.json()).toMatchObject({
      action: 'rollback',
      version: 1,
      previous: 2,
      reason: 'v2 misbehaves',
    });
    const history = (await inject('GET', '/api/v1/models/churn/aliases/champion/history')).json();
    expect(history.events.map((e: { version: number }) => e.version)).toEqual([1, 2, 1]);
    const firstAt = history.events[2].at;
    const then = (
      await inject(
        'GET',
        `/api/v1/models/churn/aliases/champion/history?at=${encodeURIComponent(firstAt)}`,
      )
    ).json();
    expect(then.version).toBe(1);
    // Every alias's moves at once, a removed alias's too, newest first.
    await inject('PUT', '/api/v1/models/churn/aliases/shadow', json({ version: 2 }));
    await inject('DELETE', '/api/v1/models/churn/aliases/shadow?reason=done');
    const all = (await inject('GET', '/api/v1/models/churn/alias-history')).json();
    expect(all.events.map((e: { alias: string; action: string }) => [e.alias, e.action])).toEqual([
      ['shadow', 'delete'],
      ['shadow', 'set'],
      ['champion', 'rollback'],
      ['champion', 'set'],
      ['champion', 'set'],
    ]);
    const lineage = (await inject('GET', '/api/v1/models/churn/versions/1/lineage')).json();
    expect(lineage.edges).toContainEqual({
      from: 'version:churn/1',
      to: 'version:churn/2',
      relation: 'parent_of',
    });
    const compare = (await inject('GET', '/api/v1/models/churn/compare?a=1&b=2')).json();
    expect(compare.metrics).toEqual([{ name: 'auc', a: 0.88, change: 'removed', delta: null }]);
    const audit = (await inject('GET', '/api/v1/audit?model=churn&action=alias.rollback')).json();
    expect(audit.events).toHaveLength(1);
    expect(audit.events[0]).toMatchObject({
      actor: 'alice',
      before: { version: 2 },
      after: { version: 1 },
    });
  });
});

describe('HTTP API with auth on', () => {
  let tend: TendApp;
  let dispose: () => Promise<void>;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    ({ tend, dispose } = await openTestApp('sqlite', { auth: true }));
    const root = { name: 'setup', role: 'admin' as const };
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      keys[role] = (await createApiKey(tend.ctx, root, { name: `${role}-key`, role })).key;
    }
  });
  afterAll(async () => dispose());

  const as = (role: string | undefined, method: string, url: string, body?: unknown) =>
    tend.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(role === undefined ? {} : { authorization: `Bearer ${keys[role] ?? role}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  it('refuses a missing or unknown key (401) and a role too low (403), per route', async () => {
    expect((await as(undefined, 'GET', '/api/v1/health')).statusCode).toBe(200);
    expect((await as(undefined, 'GET', '/openapi.json')).statusCode).toBe(200);
    const none = await as(undefined, 'GET', '/api/v1/models');
    expect([none.statusCode, none.json().detail]).toEqual([
      401,
      'this server needs an API key: send "Authorization: Bearer <key>"',
    ]);
    expect((await as('tend_not-a-key', 'GET', '/api/v1/models')).statusCode).toBe(401);
    expect((await as('viewer', 'GET', '/api/v1/models')).statusCode).toBe(200);
    const denied = await as('viewer', 'POST', '/api/v1/models', { name: 'm', task: 'regression' });
    expect([denied.statusCode, denied.json().detail]).toEqual([
      403,
      'the key "viewer-key" has the role viewer; this needs editor or above',
    ]);
    const made = await as('editor', 'POST', '/api/v1/models', { name: 'm', task: 'regression' });
    expect([made.statusCode, made.json().createdBy]).toEqual([201, 'editor-key']);
    expect((await as('editor', 'DELETE', '/api/v1/models/m')).statusCode).toBe(403);
    expect((await as('editor', 'GET', '/api/v1/keys')).statusCode).toBe(403);
    expect(
      (await as('editor', 'POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:1/' })).statusCode,
    ).toBe(403);
    expect((await as('admin', 'DELETE', '/api/v1/models/m')).statusCode).toBe(204);
  });

  it("answers MLflow's routes with MLflow's error bodies for auth too", async () => {
    const none = await as(undefined, 'GET', '/api/2.0/mlflow/registered-models/get?name=x');
    expect([none.statusCode, none.json().error_code]).toEqual([401, 'UNAUTHENTICATED']);
    const low = await as('viewer', 'POST', '/api/2.0/mlflow/registered-models/create', {
      name: 'x',
    });
    expect([low.statusCode, low.json().error_code]).toEqual([403, 'PERMISSION_DENIED']);
    const made = await as('editor', 'POST', '/api/2.0/mlflow/registered-models/create', {
      name: 'x',
    });
    expect(made.json().registered_model.user_id).toBe('editor-key');
    const unknown = await as('viewer', 'GET', '/api/2.0/mlflow/runs/get?run_id=1');
    expect([unknown.statusCode, unknown.json().error_code]).toEqual([404, 'ENDPOINT_NOT_FOUND']);
  });

  it('lists keys without their secrets and stops a revoked key at once', async () => {
    const made = await as('admin', 'POST', '/api/v1/keys', { name: 'temp', role: 'viewer' });
    expect(made.statusCode).toBe(201);
    const { id, key } = made.json();
    expect(key).toMatch(/^tend_/);
    const listed = (await as('admin', 'GET', '/api/v1/keys')).json().keys;
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed.find((k: { id: number }) => k.id === id).prefix).toBe(key.slice(0, 12));
    expect((await as(key, 'GET', '/api/v1/models')).statusCode).toBe(200);
    expect((await as('admin', 'DELETE', `/api/v1/keys/${id}`)).json().revokedAt).not.toBeNull();
    const revoked = await as(key, 'GET', '/api/v1/models');
    expect([revoked.statusCode, revoked.json().detail]).toEqual([
      401,
      'the API key is unknown or revoked',
    ]);
    const audit = (await as('viewer', 'GET', '/api/v1/audit?action=api_key.revoke')).json().events;
    expect(audit[0]).toMatchObject({ actor: 'admin-key', target: `${id}` });
  });
});
