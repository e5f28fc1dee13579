/**
 * `/api/v1/models/{model}/monitors`: a model's monitors, set by name (PUT creates or replaces),
 * their results as time series, and evaluation on demand.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type as T } from 'typebox';
import {
  Monitor,
  MonitorBody,
  MonitorName,
  MonitorResult,
  STATUSES,
} from '../../monitors/monitor-schemas.js';
import { deleteMonitor, getMonitor, listMonitors, putMonitor } from '../../monitors/monitors.js';
import { readResults } from '../../monitors/read-results.js';
import { ModelParams } from './model-routes.js';
import type { RouteDeps } from './route-context.js';

const MonitorParams = T.Object({ model: T.String({ minLength: 1 }), monitor: MonitorName });
const tags = ['monitoring'];

/**
 * The monitor routes.
 *
 * @example
 * await app.register(monitorRoutes(deps), { prefix: '/api/v1' });
 */
export function monitorRoutes({ ctx, monitoring }: RouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/models/:model/monitors',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: "A model's monitors, by name",
          params: ModelParams,
          response: { 200: T.Object({ monitors: T.Array(Monitor) }) },
        },
      },
      async (request) => ({ monitors: await listMonitors(ctx.db, request.params.model) }),
    );
    app.put(
      '/models/:model/monitors/:monitor',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Create or replace a monitor (its kind and settings)',
          params: MonitorParams,
          body: MonitorBody,
          response: { 200: Monitor, 201: Monitor },
        },
      },
      async (request, reply) => {
        const { model, monitor } = request.params;
        const done = await putMonitor(ctx, request.actor, model, monitor, request.body);
        return reply.code(done.created ? 201 : 200).send(done.monitor);
      },
    );
    app.get(
      '/models/:model/monitors/:monitor',
      {
        config: { role: 'viewer' },
        schema: { tags, summary: 'One monitor', params: MonitorParams, response: { 200: Monitor } },
      },
      async (request) => getMonitor(ctx.db, request.params.model, request.params.monitor),
    );
    app.delete(
      '/models/:model/monitors/:monitor',
      {
        config: { role: 'editor' },
        schema: { tags, summary: 'Delete a monitor and its results', params: MonitorParams },
      },
      async (request, reply) => {
        await deleteMonitor(ctx, request.actor, request.params.model, request.params.monitor);
        return reply.code(204).send();
      },
    );
    app.get(
      '/models/:model/monitors/:monitor/results',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: "A monitor's results over windows, oldest first",
          params: MonitorParams,
          querystring: T.Object({
            version: T.Optional(T.Integer({ minimum: 1 })),
            metric: T.Optional(
              T.String({ minLength: 1, description: 'a metric, or a pattern with *' }),
            ),
            segment: T.Optional(
              T.String({ description: "'' (default) for all events, or attribute=value, or *" }),
            ),
            status: T.Optional(T.Enum(STATUSES)),
            from: T.Optional(T.String({ description: 'windows starting at or after' })),
            to: T.Optional(T.String({ description: 'windows starting before' })),
            limit: T.Optional(T.Integer({ minimum: 1, maximum: 100_000, default: 10_000 })),
            latest: T.Optional(
              T.Boolean({ description: 'only the latest window of those matching' }),
            ),
            detail: T.Optional(
              T.Boolean({ default: true, description: "false: leave each result's detail out" }),
            ),
          }),
          response: { 200: T.Object({ results: T.Array(MonitorResult) }) },
        },
      },
      async (request) => ({
        results: await readResults(
          ctx.db,
          request.params.model,
          request.params.monitor,
          request.query,
        ),
      }),
    );
    app.post(
      '/models/:model/monitors/evaluate',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary:
            "Evaluate every monitor now on a window (default: each version's latest), store the results and apply the alert rules",
          params: ModelParams,
          body: T.Optional(
            T.Object(
              {
                version: T.Optional(T.Integer({ minimum: 1 })),
                window: T.Optional(T.String({ description: 'any time in the window' })),
              },
              { additionalProperties: false },
            ),
          ),
        },
      },
      async (request) => monitoring.evaluate(request.params.model, request.body ?? {}),
    );
  };
}
