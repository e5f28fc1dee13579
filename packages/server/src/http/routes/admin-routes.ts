/**
 * `/api/v1/session`, `/api/v1/keys`, `/api/v1/audit` and `/api/v1/webhooks`: who the caller is
 * (the dashboard shows a viewer no buttons that change anything), API keys (admin), the audit
 * log (viewer), and webhook subscriptions with their delivery log and a test send (admin).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type as T } from 'typebox';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys.js';
import { queryAudit } from '../../registry/audit-log.js';
import { AuditEvent } from '../../registry/schemas.js';
import type { RouteDeps } from './route-context.js';

const Id = T.Object({ id: T.Integer({ minimum: 1 }) });

/**
 * The admin routes.
 *
 * @example
 * await app.register(adminRoutes(deps), { prefix: '/api/v1' });
 */
export function adminRoutes({ ctx, webhooks, authRequired }: RouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/session',
      {
        config: { role: 'viewer' },
        schema: {
          tags: ['keys'],
          summary: "Who the caller is: the key's name and role (with auth off, everyone is admin)",
          response: {
            200: T.Object({
              name: T.String(),
              role: T.Enum(['viewer', 'editor', 'admin']),
              auth: T.Boolean({ description: 'whether this server asks for API keys' }),
            }),
          },
        },
      },
      async (request) => ({ ...request.actor, auth: authRequired }),
    );
    app.get(
      '/keys',
      {
        config: { role: 'admin' },
        schema: { tags: ['keys'], summary: 'API keys (never the keys themselves)' },
      },
      async () => ({ keys: await listApiKeys(ctx.db) }),
    );
    app.post(
      '/keys',
      {
        config: { role: 'admin' },
        schema: {
          tags: ['keys'],
          summary: 'Make an API key; the answer is the only time the key is shown',
          body: T.Object(
            {
              name: T.String({ minLength: 1, maxLength: 256 }),
              role: T.Enum(['viewer', 'editor', 'admin']),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createApiKey(ctx, request.actor, request.body)),
    );
    app.delete(
      '/keys/:id',
      {
        config: { role: 'admin' },
        schema: { tags: ['keys'], summary: 'Revoke an API key', params: Id },
      },
      async (request) => revokeApiKey(ctx, request.actor, request.params.id),
    );
    app.get(
      '/audit',
      {
        config: { role: 'viewer' },
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first, by model, actor, action and time range',
          querystring: T.Object({
            model: T.Optional(T.String()),
            actor: T.Optional(T.String()),
            action: T.Optional(T.String()),
            from: T.Optional(T.String({ description: 'ISO-8601, inclusive' })),
            to: T.Optional(T.String({ description: 'ISO-8601, exclusive' })),
            before: T.Optional(
              T.Integer({ minimum: 1, description: 'entries older than this id' }),
            ),
            limit: T.Optional(T.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          }),
          response: { 200: T.Object({ events: T.Array(AuditEvent) }) },
        },
      },
      async (request) => ({ events: await queryAudit(ctx.db, request.query) }),
    );
    app.get(
      '/webhooks',
      {
        config: { role: 'admin' },
        schema: { tags: ['webhooks'], summary: 'Webhook subscriptions' },
      },
      async () => ({ webhooks: await webhooks.list() }),
    );
    app.post(
      '/webhooks',
      {
        config: { role: 'admin' },
        schema: {
          tags: ['webhooks'],
          summary:
            'Subscribe a URL to registry events; the answer is the only time the secret is shown',
          body: T.Object(
            {
              url: T.String({ minLength: 1, maxLength: 4096 }),
              events: T.Optional(T.Array(T.String(), { minItems: 1 })),
              description: T.Optional(T.String({ maxLength: 2000 })),
              secret: T.Optional(T.String({ minLength: 16, maxLength: 256 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await webhooks.create(ctx, request.actor, request.body)),
    );
    app.delete(
      '/webhooks/:id',
      {
        config: { role: 'admin' },
        schema: { tags: ['webhooks'], summary: 'Remove a subscription', params: Id },
      },
      async (request, reply) => {
        await webhooks.remove(ctx, request.actor, request.params.id);
        return reply.code(204).send();
      },
    );
    app.get(
      '/webhooks/:id/deliveries',
      {
        config: { role: 'admin' },
        schema: {
          tags: ['webhooks'],
          summary: 'Deliveries to a subscription, newest first',
          params: Id,
        },
      },
      async (request) => ({ deliveries: await webhooks.deliveries(request.params.id) }),
    );
    app.post(
      '/webhooks/:id/test',
      {
        config: { role: 'admin' },
        schema: {
          tags: ['webhooks'],
          summary: 'Send a ping event now and report the delivery',
          params: Id,
        },
      },
      async (request) => webhooks.testSend(request.params.id),
    );
  };
}
