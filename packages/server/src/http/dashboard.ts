/**
 * The dashboard (`packages/web`, built into its `dist/`) served at `/`: its files as they are,
 * the hashed assets cached for good and the page itself never, and any other page address the
 * dashboard routes itself (`/models/churn`) answered with its page, so a reload or a shared
 * link works. The API, its docs and `/metrics` keep their own 404s. When the dashboard has not
 * been built, `/` says how to build it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Where the built dashboard is: `packages/web/dist`, three levels up from this module both in
 * the sources (`src/http`) and in the bundle (`dist/bundle`).
 *
 * @example
 * defaultDashboardDir(); // '/work/tend/packages/web/dist/'
 */
export function defaultDashboardDir(): string {
  return fileURLToPath(new URL('../../../web/dist/', import.meta.url));
}

/** Addresses that are never the dashboard's pages. */
const NOT_PAGES = /^\/(api|docs|metrics|openapi\.json)(\/|$|\?)/;

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tend</title></head>
<body><h1>Tend</h1><p>The dashboard has not been built: run <code>npm run build</code>.
The API and its documentation are at <a href="/docs">/docs</a>.</p></body></html>`;

/**
 * Serve the dashboard from `dir`; answers whether a request for an unknown address should get
 * the dashboard's page (call it from the not-found handler).
 *
 * @example
 * const page = await registerDashboard(app, defaultDashboardDir()); // then: page(request, reply) in the 404 handler
 */
export async function registerDashboard(
  app: FastifyInstance,
  dir: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => boolean> {
  if (!existsSync(`${dir}/index.html`)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(NOT_BUILT),
    );
    return () => false;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    // Routes for the files there at start, not a catch-all: unknown addresses reach the
    // not-found handler, which tells pages from API calls.
    wildcard: false,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return (request, reply) => {
    const path = request.url;
    if (request.method !== 'GET' || NOT_PAGES.test(path)) return false;
    if (!(request.headers.accept ?? '').includes('text/html')) return false;
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
    return true;
  };
}
