/**
 * `/api/v1/models/{model}/aliases`: point an alias at a version, remove it, resolve it, read
 * its history (or which version held it at a given time) and roll it back one step.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type as T } from 'typebox';
import {
  aliasAt,
  aliasHistory,
  deleteAlias,
  resolveAlias,
  rollbackAlias,
  setAlias,
} from '../../registry/aliases.js';
import { getModel } from '../../registry/models.js';
import { AliasEvent, SetAlias, Version } from '../../registry/schemas.js';
import { emptyBody } from '../empty-body.js';
import { ModelParams } from './model-routes.js';
import type { RouteDeps } from './route-context.js';

const AliasParams = T.Object({
  model: T.String({ minLength: 1 }),
  alias: T.String({ minLength: 1 }),
});
const Reason = T.Object(
  { reason: T.Optional(T.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
const tags = ['aliases'];

/**
 * The alias routes.
 *
 * @example
 * await app.register(aliasRoutes(deps), { prefix: '/api/v1' });
 */
export function aliasRoutes({ ctx }: RouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/models/:model/aliases',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: "A model's aliases and the versions they point at",
          params: ModelParams,
        },
      },
      async (request) => ({ aliases: (await getModel(ctx.db, request.params.model)).aliases }),
    );
    app.get(
      '/models/:model/aliases/:alias',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: 'The version an alias points at',
          params: AliasParams,
          response: { 200: Version },
        },
      },
      async (request) => resolveAlias(ctx.db, request.params.model, request.params.alias),
    );
    app.put(
      '/models/:model/aliases/:alias',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Point an alias at a version, saying why (recorded with who and when)',
          params: AliasParams,
          body: SetAlias,
          response: {
            200: T.Object({ changed: T.Boolean(), event: T.Union([AliasEvent, T.Null()]) }),
          },
        },
      },
      async (request) => {
        const event = await setAlias(
          ctx,
          request.actor,
          request.params.model,
          request.params.alias,
          request.body,
        );
        return { changed: event !== null, event };
      },
    );
    app.delete(
      '/models/:model/aliases/:alias',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Remove an alias',
          params: AliasParams,
          querystring: Reason,
          response: { 200: AliasEvent },
        },
      },
      async (request) =>
        deleteAlias(
          ctx,
          request.actor,
          request.params.model,
          request.params.alias,
          request.query.reason,
        ),
    );
    app.post(
      '/models/:model/aliases/:alias/rollback',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Move an alias back to its previous holder',
          params: AliasParams,
          body: Reason,
          response: { 200: AliasEvent },
        },
        preValidation: emptyBody,
      },
      async (request) =>
        rollbackAlias(
          ctx,
          request.actor,
          request.params.model,
          request.params.alias,
          request.body.reason,
        ),
    );
    app.get(
      '/models/:model/aliases/:alias/history',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: "An alias's moves, newest first; with ?at=, the version that held it then",
          params: AliasParams,
          querystring: T.Object({ at: T.Optional(T.String({ description: 'ISO-8601 time' })) }),
        },
      },
      async (request) => {
        const { model, alias } = request.params;
        if (request.query.at !== undefined) return aliasAt(ctx.db, model, alias, request.query.at);
        return { alias, events: await aliasHistory(ctx.db, model, alias) };
      },
    );
    app.get(
      '/models/:model/alias-history',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: "Every move of every alias of a model, newest first (removed aliases' too)",
          params: ModelParams,
          response: { 200: T.Object({ events: T.Array(AliasEvent) }) },
        },
      },
      async (request) => ({ events: await aliasHistory(ctx.db, request.params.model) }),
    );
  };
}
