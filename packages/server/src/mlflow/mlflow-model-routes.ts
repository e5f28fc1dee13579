/**
 * MLflow's `registered-models/` endpoints: create, get, search, update, rename, delete, tags,
 * aliases and latest versions, through Tend's registry services.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type as T } from 'typebox';
import { DomainError } from '../domain-error.js';
import { emptyBody } from '../http/empty-body.js';
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
import { allVersions, getVersion } from '../registry/versions.js';
import { stageOf, toMlflowModel, toMlflowVersion } from './mlflow-entities.js';
import { Name, Search, Tag, tagRecord, VersionText, versionNumber } from './mlflow-request.js';
import { page, sortBy } from './mlflow-search.js';
import { matchesFilter, parseSearchFilter } from './search-filter.js';

/**
 * The registered-model routes.
 *
 * @example
 * await app.register(mlflowModelRoutes(deps));
 */
export function mlflowModelRoutes({ ctx }: RouteDeps): FastifyPluginAsyncTypebox {
  const withLatest = async (m: Model) => {
    const latest =
      m.latestVersion === null ? undefined : await getVersion(ctx.db, m.name, m.latestVersion);
    return toMlflowModel(m, latest);
  };
  const reg = (suffix: string) => `/registered-models/${suffix}`;
  const tags = ['mlflow'];
  const viewer = { role: 'viewer' as const };
  const editor = { role: 'editor' as const };

  return async (app) => {
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
          tags: tagRecord(request.body.tags),
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
          version: versionNumber(version),
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
  };
}
