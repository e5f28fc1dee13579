/**
 * `/api/v1/models/{model}/versions`: register, list, read, update and delete versions, tag
 * them, upload and download their artifact, draw their lineage and compare two of them.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type as T } from 'typebox';
import { compareVersions } from '../../registry/compare.js';
import { lineage } from '../../registry/lineage.js';
import { CreateVersion, UpdateVersion, Version } from '../../registry/schemas.js';
import { downloadArtifact, uploadArtifact } from '../../registry/version-artifact.js';
import {
  createVersion,
  deleteVersion,
  getVersion,
  listVersions,
  setVersionTag,
  updateVersion,
} from '../../registry/versions.js';
import { rawBody } from '../raw-body.js';
import { ModelParams, TagValue } from './model-routes.js';
import type { RouteDeps } from './route-context.js';

const VersionParams = T.Object({
  model: T.String({ minLength: 1 }),
  version: T.Integer({ minimum: 1 }),
});
const TagParams = T.Object({
  model: T.String({ minLength: 1 }),
  version: T.Integer({ minimum: 1 }),
  key: T.String({ minLength: 1, maxLength: 250 }),
});
const tags = ['versions'];

/**
 * The version routes.
 *
 * @example
 * await app.register(versionRoutes(deps), { prefix: '/api/v1' });
 */
export function versionRoutes({
  ctx,
  artifacts,
  maxArtifactBytes,
}: RouteDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // An artifact upload is streamed to disk as it arrives, never held in memory.
    app.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
      done(null, payload),
    );
    app.get(
      '/models/:model/versions',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: 'Versions of a model, newest first',
          params: ModelParams,
          querystring: T.Object({
            limit: T.Optional(T.Integer({ minimum: 1, maximum: 1000, default: 100 })),
            offset: T.Optional(T.Integer({ minimum: 0, default: 0 })),
          }),
          response: { 200: T.Object({ versions: T.Array(Version) }) },
        },
      },
      async (request) => ({
        versions: await listVersions(ctx.db, request.params.model, request.query),
      }),
    );
    app.post(
      '/models/:model/versions',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Register a version (numbered after the last)',
          params: ModelParams,
          body: CreateVersion,
          response: { 201: Version },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createVersion(ctx, request.actor, request.params.model, request.body)),
    );
    app.get(
      '/models/:model/versions/:version',
      {
        config: { role: 'viewer' },
        schema: { tags, summary: 'A version', params: VersionParams, response: { 200: Version } },
      },
      async (request) => getVersion(ctx.db, request.params.model, request.params.version),
    );
    app.patch(
      '/models/:model/versions/:version',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: "Change a version's description or status",
          params: VersionParams,
          body: UpdateVersion,
          response: { 200: Version },
        },
      },
      async (request) =>
        updateVersion(
          ctx,
          request.actor,
          request.params.model,
          request.params.version,
          request.body,
        ),
    );
    app.delete(
      '/models/:model/versions/:version',
      {
        config: { role: 'editor' },
        schema: { tags, summary: 'Delete a version no alias holds', params: VersionParams },
      },
      async (request, reply) => {
        await deleteVersion(ctx, request.actor, request.params.model, request.params.version);
        return reply.code(204).send();
      },
    );
    app.put(
      '/models/:model/versions/:version/tags/:key',
      {
        config: { role: 'editor' },
        schema: { tags, summary: 'Set a tag of a version', params: TagParams, body: TagValue },
      },
      async (request, reply) => {
        const { model, version, key } = request.params;
        await setVersionTag(ctx, request.actor, model, version, key, request.body.value);
        return reply.code(204).send();
      },
    );
    app.delete(
      '/models/:model/versions/:version/tags/:key',
      {
        config: { role: 'editor' },
        schema: { tags, summary: 'Remove a tag of a version', params: TagParams },
      },
      async (request, reply) => {
        const { model, version, key } = request.params;
        await setVersionTag(ctx, request.actor, model, version, key, null);
        return reply.code(204).send();
      },
    );
    app.put(
      '/models/:model/versions/:version/artifact',
      {
        config: { role: 'editor' },
        bodyLimit: maxArtifactBytes,
        schema: {
          tags,
          summary:
            "Upload the version's artifact (application/octet-stream) into the content-addressed store",
          params: VersionParams,
          response: { 200: Version },
        },
      },
      async (request) => {
        const { model, version } = request.params;
        return uploadArtifact(
          ctx,
          request.actor,
          artifacts,
          model,
          version,
          rawBody(request.body, 'application/octet-stream'),
          maxArtifactBytes,
        );
      },
    );
    app.get(
      '/models/:model/versions/:version/artifact',
      {
        config: { role: 'viewer' },
        schema: { tags, summary: "Download the version's stored artifact", params: VersionParams },
      },
      async (request, reply) => {
        const { model, version } = request.params;
        const { stream, size, sha256 } = await downloadArtifact(ctx, artifacts, model, version);
        return reply
          .type('application/octet-stream')
          .header('content-length', size)
          .header('digest', `sha-256=${Buffer.from(sha256, 'hex').toString('base64')}`)
          .header(
            'content-disposition',
            `attachment; filename="${model.replace(/[^A-Za-z0-9._-]/g, '_')}-v${version}.bin"`,
          )
          .send(stream);
      },
    );
    app.get(
      '/models/:model/versions/:version/lineage',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: "A version's data, code, ancestors and descendants, as a graph",
          params: VersionParams,
        },
      },
      async (request) => lineage(ctx.db, request.params.model, request.params.version),
    );
    app.get(
      '/models/:model/compare',
      {
        config: { role: 'viewer' },
        schema: {
          tags,
          summary: 'Two versions side by side: metrics, parameters, dependencies, schemas',
          params: ModelParams,
          querystring: T.Object({
            a: T.Integer({ minimum: 1 }),
            b: T.Integer({ minimum: 1 }),
            modelB: T.Optional(
              T.String({ minLength: 1, description: "b's model, when not this one" }),
            ),
          }),
        },
      },
      async (request) => {
        const { a, b, modelB } = request.query;
        return compareVersions(ctx.db, request.params.model, a, b, modelB);
      },
    );
  };
}
