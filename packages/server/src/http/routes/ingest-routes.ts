/**
 * `/api/v1/models/{model}/predictions`, `…/labels` and `…/feedback`: production events in
 * batches, as a JSON array or as NDJSON (one event per line, `application/x-ndjson`). The
 * answer comes once the batch is committed. See `ingest/ingest-predictions.ts` for what is
 * refused and what is counted.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Histogram } from 'prom-client';
import { Type as T } from 'typebox';
import { DomainError } from '../../domain-error.js';
import { batchOf, FeedbackEvent, LabelEvent, PredictionEvent } from '../../ingest/event-schemas.js';
import { ingestFeedback, ingestLabels } from '../../ingest/ingest-outcomes.js';
import { announcePredictions, ingestPredictions } from '../../ingest/ingest-predictions.js';
import { readProfiles } from '../../profiles/read-profiles.js';
import { ModelParams } from './model-routes.js';
import type { RouteDeps } from './route-context.js';

const NDJSON = ['application/x-ndjson', 'application/jsonl', 'application/ndjson'];

/**
 * NDJSON text into an array of events; a line that is not JSON refuses the body, naming it.
 *
 * @example
 * parseNdjson('{"id":"a"}\n{"id":"b"}\n'); // [{ id: 'a' }, { id: 'b' }]
 */
export function parseNdjson(text: string): unknown[] {
  const out: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch (error) {
      throw new DomainError(
        'invalid',
        `line ${i + 1} is not JSON: ${(error as Error).message}`,
        `body line ${i + 1}`,
      );
    }
  }
  return out;
}

const IngestAnswer = T.Object({
  accepted: T.Integer({ description: 'events stored by this request' }),
  duplicates: T.Integer({ description: 'events whose id was stored before (nothing changed)' }),
});

/**
 * The ingestion routes.
 *
 * @example
 * await app.register(ingestRoutes(deps), { prefix: '/api/v1' });
 */
export function ingestRoutes({
  ctx,
  ingestBodyLimit,
  metrics,
}: RouteDeps): FastifyPluginAsyncTypebox {
  const tags = ['ingestion'];
  // A refusal of a model that does not exist is not counted: its name would be a label of any
  // value a caller sends.
  const countRefusal = (model: string, kind: string, error: unknown) => {
    if (error instanceof DomainError && error.kind === 'not_found') return;
    metrics.refused.inc({ model, kind });
  };
  return async (app) => {
    app.addContentTypeParser(
      NDJSON,
      { parseAs: 'string', bodyLimit: ingestBodyLimit },
      (_request, body, done) => {
        try {
          done(null, parseNdjson(body as string));
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );
    // A batch being received is announced as soon as its headers are read, so that the
    // batches being written wait for it (group commit); a request that fails or is given up
    // before its handler runs takes its announcement back.
    const arrivals = new WeakMap<FastifyRequest, () => void>();
    const withdraw = async (request: FastifyRequest) => {
      arrivals.get(request)?.();
      arrivals.delete(request);
    };
    app.post(
      '/models/:model/predictions',
      {
        config: { role: 'editor' },
        bodyLimit: ingestBodyLimit,
        onRequest: async (request) => {
          const { model } = request.params as { model: string };
          arrivals.set(request, announcePredictions(ctx, model));
        },
        onResponse: withdraw,
        onRequestAbort: withdraw,
        schema: {
          tags,
          summary:
            'Log predictions: a batch, stored whole or refused whole, idempotent by event id',
          params: ModelParams,
          body: batchOf(PredictionEvent),
          response: {
            200: T.Object({
              ...IngestAnswer.properties,
              findings: T.Object(
                {
                  missing: T.Integer(),
                  type: T.Integer(),
                  category: T.Integer(),
                  unexpected: T.Integer(),
                  byFeature: T.Record(T.String(), T.Record(T.String(), T.Integer())),
                },
                { description: "features that did not match the version's input schema" },
              ),
            }),
          },
        },
      },
      async (request) => {
        const { model } = request.params;
        const arrived = arrivals.get(request) ?? (() => {});
        arrivals.delete(request);
        const result = await ingestPredictions(ctx, model, request.body, arrived).catch(
          (error: unknown) => {
            countRefusal(model, 'prediction', error);
            throw error;
          },
        );
        metrics.ingested.inc({ model, kind: 'prediction', outcome: 'accepted' }, result.accepted);
        metrics.ingested.inc(
          { model, kind: 'prediction', outcome: 'duplicate' },
          result.duplicates,
        );
        for (const finding of ['missing', 'type', 'category', 'unexpected'] as const) {
          if (result.findings[finding] > 0)
            metrics.findings.inc({ model, finding }, result.findings[finding]);
        }
        // The version as the caller named it: a number or an alias, both few. Each one's
        // histogram is looked up once a batch, not once an event.
        const byVersion = new Map<string, Histogram.Internal<string>>();
        for (const e of request.body) {
          if (e.latencyMs === undefined) continue;
          const version = String(e.version ?? e.alias ?? 'champion');
          let observer = byVersion.get(version);
          if (observer === undefined) {
            observer = metrics.predictionLatency.labels({ model, version });
            byVersion.set(version, observer);
          }
          observer.observe(e.latencyMs / 1000);
        }
        return result;
      },
    );
    app.get(
      '/models/:model/profiles',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary:
            "Window profiles of a model's production events, by version, segment, column and time",
          params: ModelParams,
          querystring: T.Object({
            version: T.Optional(T.Integer({ minimum: 1 })),
            segment: T.Optional(
              T.String({ description: "'' (default) for all events, or attribute=value" }),
            ),
            column: T.Optional(
              T.String({ description: 'feature:<name>, prediction, score:<class> or latency_ms' }),
            ),
            from: T.Optional(T.String({ description: 'ISO-8601: windows starting at or after' })),
            to: T.Optional(T.String({ description: 'ISO-8601: windows starting before' })),
            limit: T.Optional(T.Integer({ minimum: 1, maximum: 10_000, default: 1000 })),
          }),
        },
      },
      async (request) => readProfiles(ctx.db, request.params.model, request.query),
    );
    app.post(
      '/models/:model/labels',
      {
        config: { role: 'editor' },
        bodyLimit: ingestBodyLimit,
        schema: {
          tags,
          summary:
            'Log ground truth for predictions, by prediction id (a later label replaces an earlier one)',
          params: ModelParams,
          body: batchOf(LabelEvent),
          response: { 200: T.Object({ accepted: T.Integer(), replaced: T.Integer() }) },
        },
      },
      async (request) => {
        const { model } = request.params;
        const result = await ingestLabels(ctx, model, request.body).catch((error: unknown) => {
          countRefusal(model, 'label', error);
          throw error;
        });
        metrics.ingested.inc({ model, kind: 'label', outcome: 'accepted' }, result.accepted);
        return result;
      },
    );
    app.post(
      '/models/:model/feedback',
      {
        config: { role: 'editor' },
        bodyLimit: ingestBodyLimit,
        schema: {
          tags,
          summary: "Log users' feedback on predictions: thumbs, a rating, a comment",
          params: ModelParams,
          body: batchOf(FeedbackEvent),
          response: { 200: IngestAnswer },
        },
      },
      async (request) => {
        const { model } = request.params;
        const result = await ingestFeedback(ctx, model, request.body).catch((error: unknown) => {
          countRefusal(model, 'feedback', error);
          throw error;
        });
        metrics.ingested.inc({ model, kind: 'feedback', outcome: 'accepted' }, result.accepted);
        metrics.ingested.inc({ model, kind: 'feedback', outcome: 'duplicate' }, result.duplicates);
        return result;
      },
    );
  };
}
