/**
 * The registry subset of MLflow's REST API under `/api/2.0/mlflow/`, so that a team's MLflow
 * client code (`MlflowClient` with `MLFLOW_TRACKING_URI` or `MLFLOW_REGISTRY_URI` pointing at
 * Tend) registers, finds, tags and aliases models in Tend's registry. Field names, the
 * string version numbers and the error bodies follow MLflow's protos (`model_registry.proto`);
 * every change goes through Tend's own services, so it is audited, announced to webhooks and
 * kept in the alias history like any other.
 *
 * MLflow's stages are not kept: every version is in stage `None` (`Archived` when archived).
 * Searches filter in memory after reading the registry (`search-filter.ts`), which suits
 * registries of thousands of versions.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type as T } from 'typebox';
import { DomainError } from '../domain-error.js';
import { emptyBody } from '../http/empty-body.js';
import { toProblem } from '../http/problem.js';
import type { RouteDeps } from '../http/routes/route-context.js';
import { deleteAlias, resolveAlias, setAlias } from '../registry/aliases.js';
import {
  createModel,
  deleteModel,
  getModel,
  listModels,
  setModelTag,
  updateModel,
} from '../registry/models.js';
import type { Model, Version } from '../registry/schemas.js';
import {
  allVersions,
  createVersion,
  deleteVersion,
  getVersion,
  setVersionTag,
  updateVersion,
} from '../registry/versions.js';
import { mlflowError, stageOf, toMlflowModel, toMlflowVersion } from './mlflow-entities.js';
import { matchesFilter, parseSearchFilter, SearchFilterError } from './search-filter.js';

const Name = T.String({ minLength: 1, description: 'registered model name' });
const VersionText = T.Union([T.String({ pattern: '^[0-9]+$' }), T.Integer({ minimum: 1 })], {
  description: 'version number (MLflow sends it as a string)',
});
const Tag = T.Object({ key: T.String({ minLength: 1 }), value: T.String() });
const Search = T.Object({
  filter: T.Optional(T.String()),
  max_results: T.Optional(T.Integer({ minimum: 1 })),
  order_by: T.Optional(T.Union([T.String(), T.Array(T.String())])),
  page_token: T.Optional(T.String()),
});

const num = (v: string | number) => Number(v);
const tagsOf = (list: { key: string; value: string }[] | undefined) =>
  list === undefined ? undefined : Object.fromEntries(list.map((t) => [t.key, t.value]));

/** MLflow answers its own error bodies; validation failures are INVALID_PARAMETER_VALUE. */
function mlflowErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof SearchFilterError) {
    void reply.code(400).send({ error_code: 'INVALID_PARAMETER_VALUE', message: error.message });
    return;
  }
  if (error instanceof DomainError) {
    const { status, body } = mlflowError(error);
    void reply.code(status).send(body);
    return;
  }
  const { problem, internal } = toProblem(error);
  if (internal) request.log.error({ err: error }, 'request failed');
  const code =
    problem.status === 404
      ? 'RESOURCE_DOES_NOT_EXIST'
      : problem.status >= 500
        ? 'INTERNAL_ERROR'
        : 'INVALID_PARAMETER_VALUE';
  void reply
    .code(problem.status === 422 ? 400 : problem.status)
    .send({ error_code: code, message: problem.detail });
}

/** A page of `items` from MLflow's page token (an offset, opaque to clients). */
function page<T>(
  items: T[],
  maxResults: number,
  token: string | undefined,
): { items: T[]; next?: string } {
  let offset = 0;
  if (token !== undefined && token !== '') {
    offset = Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) {
      throw new DomainError('invalid', `invalid page_token "${token}"`, 'page_token');
    }
  }
  const slice = items.slice(offset, offset + maxResults);
  const end = offset + slice.length;
  return end < items.length
    ? { items: slice, next: Buffer.from(String(end)).toString('base64url') }
    : { items: slice };
}

/** Sort by MLflow `order_by` clauses (`name ASC`, `last_updated_timestamp DESC`, …). */
function sortBy<T>(
  items: T[],
  orderBy: string | string[] | undefined,
  keys: Record<string, (x: T) => string | number>,
  fallback: string[],
): T[] {
  const clauses = orderBy === undefined ? fallback : Array.isArray(orderBy) ? orderBy : [orderBy];
  const parsed = clauses.map((c) => {
    const m = /^\s*(?:attribute\.)?(\w+)\s*(ASC|DESC)?\s*$/i.exec(c);
    if (!m || !(m[1] in keys)) {
      throw new DomainError(
        'invalid',
        `invalid order_by clause "${c}": one of ${Object.keys(keys).join(', ')}, then ASC or DESC`,
        'order_by',
      );
    }
    return { key: keys[m[1]], sign: (m[2] ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1 };
  });
  return [...items].sort((a, b) => {
    for (const { key, sign } of parsed) {
      const x = key(a);
      const y = key(b);
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return 0;
  });
}

/**
 * The MLflow-compatible routes.
 *
 * @example
 * await app.register(mlflowRoutes(deps), { prefix: '/api/2.0/mlflow' });
 */
export function mlflowRoutes({ ctx }: RouteDeps): FastifyPluginAsyncTypebox {
  const withLatest = async (m: Model) => {
    const latest =
      m.latestVersion === null ? undefined : await getVersion(ctx.db, m.name, m.latestVersion);
    return toMlflowModel(m, latest);
  };
  const reg = (suffix: string) => `/registered-models/${suffix}`;
  const mv = (suffix: string) => `/model-versions/${suffix}`;
  const tags = ['mlflow'];
  const viewer = { role: 'viewer' as const };
  const editor = { role: 'editor' as const };

  return async (app) => {
    app.setErrorHandler(mlflowErrorHandler);
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0];
      void reply.code(404).send({
        error_code: 'ENDPOINT_NOT_FOUND',
        message: `no MLflow endpoint ${request.method} ${path} here: Tend serves the model registry's`,
      });
    });

    app.post(
      reg('create'),
      {
        config: editor,
        schema: {
          tags,
          summary: 'MLflow: create a registered model',
          body: T.Object({
            name: Name,
            tags: T.Optional(T.Array(Tag)),
            description: T.Optional(T.String()),
          }),
        },
      },
      async (request) => {
        const { name, description } = request.body;
        const model = await createModel(ctx, request.actor, {
          name,
          description,
          // MLflow does not ask what a model predicts; Tend's field is filled with the most common.
          task: 'binary_classification',
          tags: tagsOf(request.body.tags),
        });
        return { registered_model: toMlflowModel(model) };
      },
    );

    app.get(
      reg('get'),
      {
        config: viewer,
        schema: {
          tags,
          summary: 'MLflow: get a registered model',
          querystring: T.Object({ name: Name }),
        },
      },
      async (request) => ({
        registered_model: await withLatest(await getModel(ctx.db, request.query.name)),
      }),
    );

    app.get(
      reg('search'),
      {
        config: viewer,
        schema: { tags, summary: 'MLflow: search registered models', querystring: Search },
      },
      async (request) => {
        const { filter, max_results = 100, order_by, page_token } = request.query;
        if (max_results > 1000)
          throw new DomainError(
            'invalid',
            `max_results ${max_results} is above the limit of 1000`,
            'max_results',
          );
        const clauses = parseSearchFilter(filter, 'registered_model');
        const all = await listModels(ctx.db, { limit: 1_000_000 });
        const matched = all.filter((m) =>
          matchesFilter(clauses, { attributes: { name: m.name }, tags: m.tags }),
        );
        const sorted = sortBy(
          matched,
          order_by,
          {
            name: (m) => m.name,
            creation_timestamp: (m) => m.createdAt,
            last_updated_timestamp: (m) => m.updatedAt,
            timestamp: (m) => m.createdAt,
          },
          ['name ASC'],
        );
        const { items, next } = page(sorted, max_results, page_token);
        return {
          registered_models: await Promise.all(items.map(withLatest)),
          ...(next ? { next_page_token: next } : {}),
        };
      },
    );

    app.patch(
      reg('update'),
      {
        config: editor,
        schema: {
          tags,
          summary: "MLflow: update a registered model's description",
          body: T.Object({ name: Name, description: T.Optional(T.String()) }),
        },
      },
      async (request) => {
        const { name, description } = request.body;
        const model =
          description === undefined
            ? await getModel(ctx.db, name)
            : await updateModel(ctx, request.actor, name, { description });
        return { registered_model: await withLatest(model) };
      },
    );

    app.post(
      reg('rename'),
      {
        config: editor,
        schema: {
          tags,
          summary: 'MLflow: rename a registered model',
          body: T.Object({ name: Name, new_name: Name }),
        },
      },
      async (request) => ({
        registered_model: await withLatest(
          await updateModel(ctx, request.actor, request.body.name, { name: request.body.new_name }),
        ),
      }),
    );

    app.delete(
      reg('delete'),
      {
        config: { role: 'admin' },
        schema: {
          tags,
          summary: 'MLflow: delete a registered model',
          body: T.Object({ name: Name }),
        },
      },
      async (request) => {
        await deleteModel(ctx, request.actor, request.body.name);
        return {};
      },
    );

    app.post(
      reg('set-tag'),
      {
        config: editor,
        schema: {
          tags,
          summary: 'MLflow: set a tag of a registered model',
          body: T.Object({ name: Name, key: T.String({ minLength: 1 }), value: T.String() }),
        },
      },
      async (request) => {
        await setModelTag(
          ctx,
          request.actor,
          request.body.name,
          request.body.key,
          request.body.value,
        );
        return {};
      },
    );

    app.delete(
      reg('delete-tag'),
      {
        config: editor,
        schema: {
          tags,
          summary: 'MLflow: delete a tag of a registered model',
          body: T.Object({ name: Name, key: T.String({ minLength: 1 }) }),
        },
      },
      async (request) => {
        await setModelTag(ctx, request.actor, request.body.name, request.body.key, null);
        return {};
      },
    );

    app.post(
      reg('alias'),
      {
        config: editor,
        schema: {
          tags,
          summary: 'MLflow: set an alias',
          body: T.Object({ name: Name, alias: T.String({ minLength: 1 }), version: VersionText }),
        },
      },
      async (request) => {
        const { name, alias, version } = request.body;
        await setAlias(ctx, request.actor, name, alias, {
          version: num(version),
          reason: 'set through the MLflow API',
        });
        return {};
      },
    );

    const AliasRef = T.Object({
      name: T.Optional(Name),
      alias: T.Optional(T.String({ minLength: 1 })),
    });
    app.delete(
      reg('alias'),
      {
        config: editor,
        schema: {
          tags,
          summary: 'MLflow: delete an alias (in the query or the body)',
          querystring: AliasRef,
          body: AliasRef,
        },
        preValidation: emptyBody,
      },
      async (request) => {
        const name = request.body.name ?? request.query.name;
        const alias = request.body.alias ?? request.query.alias;
        if (name === undefined)
          throw new DomainError('invalid', "Missing value for required parameter 'name'", 'name');
        if (alias === undefined)
          throw new DomainError('invalid', "Missing value for required parameter 'alias'", 'alias');
        await deleteAlias(ctx, request.actor, name, alias, 'deleted through the MLflow API');
        return {};
      },
    );

    app.get(
      reg('alias'),
      {
        config: viewer,
        schema: {
          tags,
          summary: 'MLflow: the version an alias points at',
          querystring: T.Object({ name: Name, alias: T.String({ minLength: 1 }) }),
        },
      },
      async (request) => ({
        model_version: toMlflowVersion(
          await resolveAlias(ctx.db, request.query.name, request.query.alias),
        ),
      }),
    );

    const latestVersions = async (name: string, stages: string[] | undefined) => {
      const latest = new Map<string, Version>();
      // Newest first: the first version met in a stage is its latest.
      for (const v of await allVersions(ctx.db, name)) {
        if (!latest.has(stageOf(v))) latest.set(stageOf(v), v);
      }
      const canonical = (s: string) =>
        s.toLowerCase() === 'archived' ? 'Archived' : s.toLowerCase() === 'none' ? 'None' : s;
      const wanted =
        stages === undefined || stages.length === 0 ? [...latest.keys()] : stages.map(canonical);
      return {
        model_versions: wanted.flatMap((s) =>
          latest.has(s) ? [toMlflowVersion(latest.get(s)!)] : [],
        ),
      };
    };
    const Latest = T.Object({ name: Name, stages: T.Optional(T.Array(T.String())) });
    app.post(
      reg('get-latest-versions'),
      {
        config: viewer,
        schema: { tags, summary: 'MLflow: latest version per stage', body: Latest },
      },
      async (request) => latestVersions(request.body.name, request.body.stages),
    );
    app.get(
      reg('get-latest-versions'),
      {
        config: viewer,
        schema: { tags, summary: 'MLflow: latest version per stage', querystring: Latest },
      },
      async (request) => latestVersions(request.query.name, request.query.stages),
    );

    app.post(
      mv('create'),
      {
        config: editor,
        schema: {
          tags,
          summary: 'MLflow: create a model version',
          body: T.Object({
            name: Name,
            source: T.Optional(T.String()),
            run_id: T.Optional(T.String()),
            tags: T.Optional(T.Array(Tag)),
            run_link: T.Optional(T.String()),
            description: T.Optional(T.String()),
            model_id: T.Optional(T.String()),
          }),
        },
      },
      async (request) => {
        const b = request.body;
        const version = await createVersion(ctx, request.actor, b.name, {
          ...(b.source ? { artifactUri: b.source } : {}),
          ...(b.run_id ? { runId: b.run_id } : {}),
          ...(b.description ? { description: b.description } : {}),
          ...(b.run_link ? { card: { runLink: b.run_link } } : {}),
          tags: tagsOf(b.tags),
        });
        return { model_version: toMlflowVersion(version) };
      },
    );

    const VersionRef = T.Object({ name: Name, version: VersionText });
    app.get(
      mv('get'),
      {
        config: viewer,
        schema: { tags, summary: 'MLflow: get a model version', querystring: VersionRef },
      },
      async (request) => ({
        model_version: toMlflowVersion(
          await getVersion(ctx.db, request.query.name, num(request.query.version)),
        ),
      }),
    );

    app.get(
      mv('search'),
      {
        config: viewer,
        schema: { tags, summary: 'MLflow: search model versions', querystring: Search },
      },
      async (request) => {
        const { filter, max_results = 10_000, order_by, page_token } = request.query;
        if (max_results > 200_000)
          throw new DomainError(
            'invalid',
            `max_results ${max_results} is above the limit of 200000`,
            'max_results',
          );
        const clauses = parseSearchFilter(filter, 'model_version');
        const named = clauses.find(
          (c) => c.key === 'name' && c.comparator === '=' && c.kind === 'attribute',
        );
        let versions: Version[];
        try {
          versions = await allVersions(ctx.db, named ? String(named.value) : undefined);
        } catch (error) {
          // `name = 'x'` of a model that does not exist finds nothing, as in MLflow.
          if (error instanceof DomainError && error.kind === 'not_found') versions = [];
          else throw error;
        }
        const matched = versions.filter((v) =>
          matchesFilter(clauses, {
            attributes: {
              name: v.model,
              version_number: v.version,
              run_id: v.runId ?? undefined,
              source_path: v.artifact?.uri ?? undefined,
            },
            tags: v.tags,
          }),
        );
        const sorted = sortBy(
          matched,
          order_by,
          {
            name: (v) => v.model,
            version_number: (v) => v.version,
            creation_timestamp: (v) => v.createdAt,
            last_updated_timestamp: (v) => v.updatedAt,
            timestamp: (v) => v.createdAt,
          },
          ['last_updated_timestamp DESC', 'name ASC', 'version_number DESC'],
        );
        const { items, next } = page(sorted, max_results, page_token);
        return {
          model_versions: items.map(toMlflowVersion),
          ...(next ? { next_page_token: next } : {}),
        };
      },
    );

    app.patch(
      mv('update'),
      {
        config: editor,
        schema: {
          tags,
          summary: "MLflow: update a model version's description",
          body: T.Object({ name: Name, version: VersionText, description: T.Optional(T.String()) }),
        },
      },
      async (request) => {
        const { name, version, description } = request.body;
        const v =
          description === undefined
            ? await getVersion(ctx.db, name, num(version))
            : await updateVersion(ctx, request.actor, name, num(version), { description });
        return { model_version: toMlflowVersion(v) };
      },
    );

    app.delete(
      mv('delete'),
      {
        config: editor,
        schema: {
          tags,
          summary: 'MLflow: delete a model version (and the aliases on it, as MLflow does)',
          body: VersionRef,
        },
      },
      async (request) => {
        const { name } = request.body;
        const version = num(request.body.version);
        for (const alias of (await getVersion(ctx.db, name, version)).aliases) {
          await deleteAlias(
            ctx,
            request.actor,
            name,
            alias,
            `version ${version} deleted through the MLflow API`,
          );
        }
        await deleteVersion(ctx, request.actor, name, version);
        return {};
      },
    );

    app.post(
      mv('set-tag'),
      {
        config: editor,
        schema: {
          tags,
          summary: 'MLflow: set a tag of a model version',
          body: T.Object({
            name: Name,
            version: VersionText,
            key: T.String({ minLength: 1 }),
            value: T.String(),
          }),
        },
      },
      async (request) => {
        const { name, version, key, value } = request.body;
        await setVersionTag(ctx, request.actor, name, num(version), key, value);
        return {};
      },
    );

    app.delete(
      mv('delete-tag'),
      {
        config: editor,
        schema: {
          tags,
          summary: 'MLflow: delete a tag of a model version',
          body: T.Object({ name: Name, version: VersionText, key: T.String({ minLength: 1 }) }),
        },
      },
      async (request) => {
        const { name, version, key } = request.body;
        await setVersionTag(ctx, request.actor, name, num(version), key, null);
        return {};
      },
    );

    app.get(
      mv('get-download-uri'),
      {
        config: viewer,
        schema: { tags, summary: "MLflow: where a version's artifact is", querystring: VersionRef },
      },
      async (request) => {
        const { name, version } = request.query;
        const v = await getVersion(ctx.db, name, num(version));
        // An artifact held by Tend is downloaded from Tend's own route.
        const uri = v.artifact?.stored
          ? `/api/v1/models/${encodeURIComponent(name)}/versions/${v.version}/artifact`
          : (v.artifact?.uri ?? '');
        return { artifact_uri: uri };
      },
    );
  };
}
