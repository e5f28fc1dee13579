/**
 * `/api/v1/models`: register, list, read, update (rename too), delete models, and tag them.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type as T } from 'typebox';
import {
  createModel,
  deleteModel,
  getModel,
  listModels,
  setModelTag,
  updateModel,
} from '../../registry/models.js';
import { CreateModel, Model, UpdateModel } from '../../registry/schemas.js';
import type { RouteDeps } from './route-context.js';

export const ModelParams = T.Object({ model: T.String({ minLength: 1 }) });
const TagParams = T.Object({
  model: T.String({ minLength: 1 }),
  key: T.String({ minLength: 1, maxLength: 250 }),
});
export const TagValue = T.Object(
  { value: T.String({ maxLength: 5000 }) },
  { additionalProperties: false },
);
const tags = ['models'];

/**
 * The model routes.
 *
 * @example
 * await app.register(modelRoutes(deps), { prefix: '/api/v1' });
 */
export function modelRoutes({ ctx }: RouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/models',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: 'List models, by name',
          querystring: T.Object({
            search: T.Optional(T.String({ description: 'text the name contains, any case' })),
            tag: T.Optional(T.String({ description: 'key or key=value' })),
            limit: T.Optional(T.Integer({ minimum: 1, maximum: 1000, default: 100 })),
            offset: T.Optional(T.Integer({ minimum: 0, default: 0 })),
          }),
          response: { 200: T.Object({ models: T.Array(Model) }) },
        },
      },
      async (request) => {
        const { search, tag, limit, offset } = request.query;
        const eq = tag?.indexOf('=') ?? -1;
        const tagQuery =
          tag === undefined
            ? undefined
            : eq < 0
              ? { key: tag }
              : { key: tag.slice(0, eq), value: tag.slice(eq + 1) };
        return { models: await listModels(ctx.db, { search, tag: tagQuery, limit, offset }) };
      },
    );
    app.post(
      '/models',
      {
        config: { role: 'editor' },
        schema: { tags, summary: 'Register a model', body: CreateModel, response: { 201: Model } },
      },
      async (request, reply) =>
        reply.code(201).send(await createModel(ctx, request.actor, request.body)),
    );
    app.get(
      '/models/:model',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: 'A model, with its tags, aliases and latest version',
          params: ModelParams,
          response: { 200: Model },
        },
      },
      async (request) => getModel(ctx.db, request.params.model),
    );
    app.patch(
      '/models/:model',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Change or rename a model',
          params: ModelParams,
          body: UpdateModel,
          response: { 200: Model },
        },
      },
      async (request) => updateModel(ctx, request.actor, request.params.model, request.body),
    );
    app.delete(
      '/models/:model',
      {
        config: { role: 'admin' },
        schema: { tags, summary: 'Delete a model and its versions (audited)', params: ModelParams },
      },
      async (request, reply) => {
        await deleteModel(ctx, request.actor, request.params.model);
        return reply.code(204).send();
      },
    );
    app.put(
      '/models/:model/tags/:key',
      {
        config: { role: 'editor' },
        schema: { tags, summary: 'Set a tag of a model', params: TagParams, body: TagValue },
      },
      async (request, reply) => {
        const { model, key } = request.params;
        await setModelTag(ctx, request.actor, model, key, request.body.value);
        return reply.code(204).send();
      },
    );
    app.delete(
      '/models/:model/tags/:key',
      {
        config: { role: 'editor' },
        schema: { tags, summary: 'Remove a tag of a model', params: TagParams },
      },
      async (request, reply) => {
        const { model, key } = request.params;
        await setModelTag(ctx, request.actor, model, key, null);
        return reply.code(204).send();
      },
    );
  };
}
