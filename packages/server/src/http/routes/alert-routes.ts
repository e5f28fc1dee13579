/**
 * Alerts: `/api/v1/models/{model}/alert-rules` (a model's rules, set by name),
 * `/api/v1/alerts` (list, read with history and deliveries, acknowledge, silence) and
 * `/api/v1/channels` (where alerts go: set, list, delete, and a test send that shows what the
 * receiver answered).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type as T } from 'typebox';
import {
  ackAlert,
  getAlert,
  listAlerts,
  silenceAlert,
  unsilenceAlert,
} from '../../alerts/alert-actions.js';
import { deleteRule, listRules, putRule } from '../../alerts/alert-rules.js';
import {
  AlertInfo,
  AlertRule,
  AlertRuleBody,
  ChannelBody,
  ChannelInfo,
  ChannelName,
  RuleName,
} from '../../alerts/alert-schemas.js';
import { deleteChannel, getChannel, listChannels, putChannel } from '../../alerts/channel-store.js';
import { testSend } from '../../alerts/channel-test.js';
import { DomainError } from '../../domain-error.js';
import { ModelParams } from './model-routes.js';
import type { RouteDeps } from './route-context.js';

const RuleParams = T.Object({ model: T.String({ minLength: 1 }), rule: RuleName });
const AlertParams = T.Object({ id: T.Integer({ minimum: 1 }) });
const ChannelParams = T.Object({ channel: ChannelName });
const Comment = T.Optional(T.String({ maxLength: 2000 }));
const tags = ['alerts'];

/**
 * The alert routes.
 *
 * @example
 * await app.register(alertRoutes(deps), { prefix: '/api/v1' });
 */
export function alertRoutes({ ctx, monitoring }: RouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/models/:model/alert-rules',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: "A model's alert rules",
          params: ModelParams,
          response: { 200: T.Object({ rules: T.Array(AlertRule) }) },
        },
      },
      async (request) => ({ rules: await listRules(ctx.db, request.params.model) }),
    );
    app.put(
      '/models/:model/alert-rules/:rule',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Create or replace an alert rule',
          params: RuleParams,
          body: AlertRuleBody,
          response: { 200: AlertRule, 201: AlertRule },
        },
      },
      async (request, reply) => {
        const done = await putRule(
          ctx,
          request.actor,
          request.params.model,
          request.params.rule,
          request.body,
        );
        return reply.code(done.created ? 201 : 200).send(done.rule);
      },
    );
    app.delete(
      '/models/:model/alert-rules/:rule',
      {
        config: { role: 'editor' },
        schema: { tags, summary: 'Delete an alert rule and its alerts', params: RuleParams },
      },
      async (request, reply) => {
        await deleteRule(ctx, request.actor, request.params.model, request.params.rule);
        return reply.code(204).send();
      },
    );
    app.get(
      '/alerts',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: 'Alerts, firing first, newest first',
          querystring: T.Object({
            model: T.Optional(T.String({ minLength: 1 })),
            status: T.Optional(T.Enum(['firing', 'resolved'])),
            limit: T.Optional(T.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          }),
          response: { 200: T.Object({ alerts: T.Array(AlertInfo) }) },
        },
      },
      async (request) => ({ alerts: await listAlerts(ctx.db, request.query) }),
    );
    app.get(
      '/alerts/:id',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: 'One alert, with its history and deliveries',
          params: AlertParams,
          response: { 200: AlertInfo },
        },
      },
      async (request) => getAlert(ctx.db, request.params.id),
    );
    app.post(
      '/alerts/:id/ack',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Acknowledge an alert',
          params: AlertParams,
          body: T.Optional(T.Object({ comment: Comment }, { additionalProperties: false })),
          response: { 200: AlertInfo },
        },
      },
      async (request) => ackAlert(ctx, request.actor, request.params.id, request.body?.comment),
    );
    app.post(
      '/alerts/:id/silence',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Silence an alert until a time, or for some minutes: nothing is sent meanwhile',
          params: AlertParams,
          body: T.Object(
            {
              until: T.Optional(T.String({ description: 'ISO-8601' })),
              minutes: T.Optional(T.Integer({ minimum: 1, maximum: 525_600 })),
              comment: Comment,
            },
            { additionalProperties: false },
          ),
          response: { 200: AlertInfo },
        },
      },
      async (request) => {
        const { until, minutes, comment } = request.body;
        const end =
          until ??
          (minutes === undefined
            ? undefined
            : new Date(Date.parse(ctx.now()) + minutes * 60_000).toISOString());
        if (end === undefined || (until !== undefined && minutes !== undefined)) {
          throw new DomainError('invalid', 'give until or minutes (one of them)', 'body.until');
        }
        return silenceAlert(ctx, request.actor, request.params.id, end, comment);
      },
    );
    app.delete(
      '/alerts/:id/silence',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: "End an alert's silence",
          params: AlertParams,
          response: { 200: AlertInfo },
        },
      },
      async (request) => unsilenceAlert(ctx, request.actor, request.params.id),
    );
    app.get(
      '/channels',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: 'Notification channels, secrets masked',
          response: { 200: T.Object({ channels: T.Array(ChannelInfo) }) },
        },
      },
      async () => ({ channels: await listChannels(ctx.db) }),
    );
    app.put(
      '/channels/:channel',
      {
        config: { role: 'admin' },
        schema: {
          tags,
          summary: 'Create or replace a notification channel',
          params: ChannelParams,
          body: ChannelBody,
          response: { 200: ChannelInfo, 201: ChannelInfo },
        },
      },
      async (request, reply) => {
        const done = await putChannel(ctx, request.actor, request.params.channel, request.body);
        return reply.code(done.created ? 201 : 200).send(done.channel);
      },
    );
    app.get(
      '/channels/:channel',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: 'One channel, secrets masked',
          params: ChannelParams,
          response: { 200: ChannelInfo },
        },
      },
      async (request) => getChannel(ctx.db, request.params.channel),
    );
    app.delete(
      '/channels/:channel',
      {
        config: { role: 'admin' },
        schema: { tags, summary: 'Delete a channel no rule sends to', params: ChannelParams },
      },
      async (request, reply) => {
        await deleteChannel(ctx, request.actor, request.params.channel);
        return reply.code(204).send();
      },
    );
    app.post(
      '/channels/:channel/test',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Send a test alert through a channel and answer what the receiver said',
          params: ChannelParams,
        },
      },
      async (request) => testSend(ctx, request.params.channel, monitoring.notifier.options),
    );
  };
}
