/**
 * The HTTP API of `tend serve`: Fastify with the registry's routes under `/api/v1`, the
 * OpenAPI 3.1 document built from the routes' own schemas at `/openapi.json`, readable docs
 * at `/docs`, problem+json errors, and the API-key check on every route that needs a role.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AlertNotifier } from '../alerts/alert-notifier.js';
import { ArtifactStore } from '../artifacts/artifact-store.js';
import { TendMetrics } from '../metrics/tend-metrics.js';
import { mlflowRoutes } from '../mlflow/mlflow-routes.js';
import { Monitoring } from '../monitors/monitoring.js';
import type { RegistryContext, RegistryEvent } from '../registry/context.js';
import { TEND_VERSION } from '../report/version.js';
import type { Store } from '../store/open-store.js';
import type { DeliverOptions } from '../webhooks/deliver.js';
import { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { authHook } from './auth-hook.js';
import { defaultDashboardDir, registerDashboard } from './dashboard.js';
import { notFoundHandler, problemHandler } from './problem.js';
import { adminRoutes } from './routes/admin-routes.js';
import { alertRoutes } from './routes/alert-routes.js';
import { aliasRoutes } from './routes/alias-routes.js';
import { ingestRoutes } from './routes/ingest-routes.js';
import { modelRoutes } from './routes/model-routes.js';
import { monitorRoutes } from './routes/monitor-routes.js';
import { referenceRoutes } from './routes/reference-routes.js';
import type { RouteDeps } from './routes/route-context.js';
import { versionRoutes } from './routes/version-routes.js';
import { requestValidators } from './validators.js';

export interface AppOptions {
  store: Store;
  /** Directory of the artifact store. */
  artifactDir: string;
  /** Whether every non-public route needs an API key. */
  auth: boolean;
  /** The largest JSON body, bytes (default 1 MiB). */
  bodyLimit?: number;
  /** The largest artifact upload, bytes (default 2 GiB). */
  maxArtifactBytes?: number;
  /** The largest batch of production events, bytes (default 64 MiB). */
  ingestBodyLimit?: number;
  /** Webhook delivery settings (tests shorten the waits). */
  webhookDelivery?: DeliverOptions;
  /** The clock (tests fix it). */
  now?: () => string;
  /** Log requests (pino) to stdout. */
  logger?: boolean;
  /** The built dashboard to serve at `/` (default `packages/web/dist`); null: none. */
  dashboardDir?: string | null;
}

export interface TendApp {
  app: FastifyInstance;
  ctx: RegistryContext;
  webhooks: WebhookDispatcher;
  metrics: TendMetrics;
  monitoring: Monitoring;
}

/**
 * The Fastify app, ready to `listen` or `inject`.
 *
 * @example
 * const { app } = await buildApp({ store, artifactDir: '.tend/artifacts', auth: false }); await app.listen({ port: 4700 });
 */
export async function buildApp(options: AppOptions): Promise<TendApp> {
  const now = options.now ?? (() => new Date().toISOString());
  const metrics = new TendMetrics(options.store.db);
  const webhooks = new WebhookDispatcher(options.store.db, options.webhookDelivery, now, (ok) =>
    metrics.webhookDeliveries.inc({ outcome: ok ? 'delivered' : 'failed' }),
  );
  const ctx: RegistryContext = {
    db: options.store.db,
    dialect: options.store.dialect,
    now,
    emit: (event: RegistryEvent) => webhooks.dispatch(event),
  };
  const notifier = new AlertNotifier(options.store.db, options.webhookDelivery, now, (type, ok) =>
    metrics.alertDeliveries.inc({ channel_type: type, outcome: ok ? 'delivered' : 'failed' }),
  );
  const monitoring = new Monitoring(ctx, notifier, (model, seconds) =>
    metrics.evaluationDuration.observe({ model }, seconds),
  );
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(requestValidators());
  // The API takes JSON (and artifact bytes): plain text is refused as 415, not parsed.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(problemHandler);
  // Unknown addresses: the dashboard's page for a page the browser asks for, else a 404.
  let dashboardPage: (request: FastifyRequest, reply: FastifyReply) => boolean = () => false;
  app.setNotFoundHandler((request, reply) => {
    if (!dashboardPage(request, reply)) notFoundHandler(request, reply);
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tend',
        version: TEND_VERSION,
        description:
          'The model registry of Tend: models, versions with lineage, aliases with history and rollback, webhooks, API keys and the audit log. Errors are RFC 9457 problem documents.',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'an API key made with `tend keys create`',
          },
        },
      },
      security: [{ apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  if (options.dashboardDir !== null) {
    dashboardPage = await registerDashboard(app, options.dashboardDir ?? defaultDashboardDir());
  }
  app.addHook('onRequest', authHook(options.store.db, options.auth));
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, not its URL: a label of bounded cardinality.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.requestDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get(
    '/metrics',
    {
      config: { role: 'viewer' },
      schema: { tags: ['server'], summary: 'Metrics in the Prometheus text format' },
    },
    async (_request, reply) => {
      const { body, contentType } = await metrics.scrape();
      return reply.type(contentType).send(body);
    },
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/v1/health',
    {
      schema: {
        tags: ['server'],
        summary: 'Whether the server and its database answer',
        security: [],
      },
    },
    async () => {
      await options.store.db.selectFrom('models').select('id').limit(1).execute();
      return { status: 'ok', version: TEND_VERSION, database: options.store.dialect };
    },
  );
  const deps: RouteDeps = {
    ctx,
    artifacts: new ArtifactStore(options.artifactDir),
    webhooks,
    maxArtifactBytes: options.maxArtifactBytes ?? 2 * 1024 ** 3,
    ingestBodyLimit: options.ingestBodyLimit ?? 64 * 1024 * 1024,
    metrics,
    monitoring,
    authRequired: options.auth,
  };
  for (const routes of [
    modelRoutes,
    versionRoutes,
    aliasRoutes,
    ingestRoutes,
    referenceRoutes,
    monitorRoutes,
    alertRoutes,
    adminRoutes,
  ]) {
    await app.register(routes(deps), { prefix: '/api/v1' });
  }
  await app.register(mlflowRoutes(deps), { prefix: '/api/2.0/mlflow' });
  // Closing the app stops the monitoring loop and waits for the alerts it is sending.
  app.addHook('onClose', async () => monitoring.stop());
  await app.ready();
  return { app, ctx, webhooks, metrics, monitoring };
}
