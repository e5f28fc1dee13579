/**
 * MLflow's `model-versions/` endpoints: create, get, search, update, delete, tags and the
 * download URI, through Tend's registry services.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type as T } from 'typebox';
import { DomainError } from '../domain-error.js';
import type { RouteDeps } from '../http/routes/route-context.js';
import { deleteAlias } from '../registry/aliases.js';
import type { Version } from '../registry/schemas.js';
import {
  allVersions,
  createVersion,
  deleteVersion,
  getVersion,
  setVersionTag,
  updateVersion,
} from '../registry/versions.js';
import { toMlflowVersion } from './mlflow-entities.js';
import { Name, Search, Tag, tagRecord, VersionText, versionNumber } from './mlflow-request.js';
import { page, sortBy } from './mlflow-search.js';
import { matchesFilter, parseSearchFilter } from './search-filter.js';

/**
 * The model-version routes.
 *
 * @example
 * await app.register(mlflowVersionRoutes(deps));
 */
export function mlflowVersionRoutes({ ctx }: RouteDeps): FastifyPluginAsyncTypebox {
  const mv = (suffix: string) => `/model-versions/${suffix}`;
  const tags = ['mlflow'];
  const viewer = { role: 'viewer' as const };
  const editor = { role: 'editor' as const };

  return async (app) => {
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
          tags: tagRecord(b.tags),
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
          await getVersion(ctx.db, request.query.name, versionNumber(request.query.version)),
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
            ? await getVersion(ctx.db, name, versionNumber(version))
            : await updateVersion(ctx, request.actor, name, versionNumber(version), {
                description,
              });
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
        const version = versionNumber(request.body.version);
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
        await setVersionTag(ctx, request.actor, name, versionNumber(version), key, value);
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
        await setVersionTag(ctx, request.actor, name, versionNumber(version), key, null);
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
        const v = await getVersion(ctx.db, name, versionNumber(version));
        // An artifact held by Tend is downloaded from Tend's own route.
        const uri = v.artifact?.stored
          ? `/api/v1/models/${encodeURIComponent(name)}/versions/${v.version}/artifact`
          : (v.artifact?.uri ?? '');
        return { artifact_uri: uri };
      },
    );
  };
}
