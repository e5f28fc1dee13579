/**
 * `/api/v1/models/{model}/versions/{version}/reference`: a version's reference, set from an
 * uploaded file (CSV, NDJSON or Parquet: the body, streamed to disk, then read as `tend report`
 * reads files) or from the version's own production windows, and read back column by column.
 */
import { rm } from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type as T } from 'typebox';
import { DomainError } from '../../domain-error.js';
import { ReadError } from '../../io/read-error.js';
import { readFrame } from '../../io/read-frame.js';
import {
  profileFrame,
  readReference,
  referenceFromProduction,
  setReference,
} from '../../profiles/reference.js';
import { rawBody } from '../raw-body.js';
import type { RouteDeps } from './route-context.js';

const VersionParams = T.Object({
  model: T.String({ minLength: 1 }),
  version: T.Integer({ minimum: 1 }),
});
const RAW = ['application/octet-stream', 'text/csv', 'application/vnd.apache.parquet'];
const list = (text: string | undefined) => text?.split(',').filter((s) => s !== '');

/**
 * The reference routes.
 *
 * @example
 * await app.register(referenceRoutes(deps), { prefix: '/api/v1' });
 */
export function referenceRoutes({
  ctx,
  artifacts,
  maxArtifactBytes,
}: RouteDeps): FastifyPluginAsyncTypebox {
  const tags = ['monitoring'];
  return async (app) => {
    app.addContentTypeParser(RAW, (_request, payload, done) => done(null, payload));
    app.put(
      '/models/:model/versions/:version/reference',
      {
        config: { role: 'editor' },
        bodyLimit: maxArtifactBytes,
        schema: {
          tags,
          summary:
            "Set a version's reference from a file (the body): profiles and a sample of every column",
          params: VersionParams,
          querystring: T.Object({
            format: T.Enum(['csv', 'ndjson', 'parquet'], { default: 'csv' }),
            name: T.Optional(
              T.String({ description: "the file's name, kept as the reference's source" }),
            ),
            prediction: T.Optional(T.String({ description: 'the prediction column' })),
            label: T.Optional(T.String({ description: 'the label column' })),
            probabilities: T.Optional(
              T.String({ description: 'probability columns, comma-separated' }),
            ),
            ignore: T.Optional(T.String({ description: 'columns to leave out, comma-separated' })),
          }),
        },
      },
      async (request) => {
        const { model, version } = request.params;
        const q = request.query;
        const name = q.name ?? `upload.${q.format}`;
        const { path } = await artifacts.receive(
          rawBody(request.body, RAW.join(', ')),
          maxArtifactBytes,
          'the file',
        );
        try {
          let frame: Awaited<ReturnType<typeof readFrame>>;
          try {
            frame = await readFrame(path, { format: q.format });
          } catch (error) {
            if (error instanceof ReadError)
              throw new DomainError('invalid', error.message.split(path).join(name), error.column);
            throw error;
          }
          if (frame.rowCount === 0) throw new DomainError('invalid', `${name} has no rows`);
          const columns = profileFrame(frame, {
            prediction: q.prediction,
            label: q.label,
            probabilities: list(q.probabilities),
            ignore: list(q.ignore),
          });
          return setReference(ctx, request.actor, model, version, columns, name);
        } finally {
          await rm(path, { force: true });
        }
      },
    );
    app.post(
      '/models/:model/versions/:version/reference/from-production',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: "Set a version's reference from its own production windows in [from, to)",
          params: VersionParams,
          body: T.Object({ from: T.String(), to: T.String() }, { additionalProperties: false }),
        },
      },
      async (request) =>
        referenceFromProduction(
          ctx,
          request.actor,
          request.params.model,
          request.params.version,
          request.body.from,
          request.body.to,
        ),
    );
    app.get(
      '/models/:model/versions/:version/reference',
      {
        config: { role: 'viewer' },
        schema: { tags, summary: "A version's reference, column by column", params: VersionParams },
      },
      async (request) => readReference(ctx.db, request.params.model, request.params.version),
    );
  };
}
