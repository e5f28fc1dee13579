/**
 * A version's artifact held in Tend's own store: the upload is checked against the hash the
 * version was registered with (when it was), and a version's stored artifact never changes
 * once set — the version is a record of what was trained.
 */
import type { Readable } from 'node:stream';
import type { ArtifactStore } from '../artifacts/artifact-store.js';
import { DomainError } from '../domain-error.js';
import { recordAudit } from './audit-log.js';
import type { Actor, RegistryContext } from './context.js';
import type { Version } from './schemas.js';
import { getVersion, versionRow } from './versions.js';

/** The URI a stored artifact is recorded under when the version named none. */
export const storedUri = (sha256: string) => `tend:artifacts/sha256/${sha256}`;

/**
 * Store `bytes` as the artifact of version `number` of `model`.
 *
 * @example
 * await uploadArtifact(ctx, actor, artifacts, 'churn', 3, createReadStream('model.onnx'));
 */
export async function uploadArtifact(
  ctx: RegistryContext,
  actor: Actor,
  artifacts: ArtifactStore,
  model: string,
  number: number,
  bytes: Readable,
  maxBytes?: number,
): Promise<Version> {
  const before = await versionRow(ctx.db, model, number);
  const expected = before.artifact_sha256 ?? undefined;
  const stored = await artifacts.put(bytes, { maxBytes, expectedSha256: expected });
  const at = ctx.now();
  const version = await ctx.db.transaction().execute(async (trx) => {
    const row = await versionRow(trx, model, number);
    if (row.artifact_stored === 1) {
      if (row.artifact_sha256 === stored.sha256) return getVersion(trx, model, number);
      throw new DomainError(
        'conflict',
        `version ${number} of "${model}" already has a stored artifact (${row.artifact_sha256})`,
        'artifact',
      );
    }
    await trx
      .updateTable('versions')
      .set({
        artifact_uri: row.artifact_uri ?? storedUri(stored.sha256),
        artifact_sha256: stored.sha256,
        artifact_size: stored.size,
        artifact_stored: 1,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .execute();
    const after = await getVersion(trx, model, number);
    await recordAudit(trx, actor, at, {
      action: 'version.artifact.upload',
      targetType: 'version',
      target: `${model}/${number}`,
      model,
      after: after.artifact,
    });
    return after;
  });
  ctx.emit({ type: 'version.artifact_uploaded', model, version: number, data: version.artifact });
  return version;
}

/**
 * The stored artifact of a version, to download.
 *
 * @example
 * const { stream, size, sha256 } = await downloadArtifact(db, artifacts, 'churn', 3);
 */
export async function downloadArtifact(
  ctx: Pick<RegistryContext, 'db'>,
  artifacts: ArtifactStore,
  model: string,
  number: number,
): Promise<{ stream: Readable; size: number; sha256: string }> {
  const row = await versionRow(ctx.db, model, number);
  if (row.artifact_stored !== 1 || row.artifact_sha256 === null) {
    throw new DomainError(
      'not_found',
      `version ${number} of "${model}" has no artifact stored in Tend` +
        (row.artifact_uri === null ? '' : ` (it points at ${row.artifact_uri})`),
      'artifact',
    );
  }
  const opened = await artifacts.open(row.artifact_sha256);
  return { ...opened, sha256: row.artifact_sha256 };
}
