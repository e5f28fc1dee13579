/**
 * A content-addressed store for model artifacts on local disk: a file is kept under its own
 * SHA-256 (`sha256/ab/abcdef…`), so the same bytes are stored once whatever version holds
 * them, and what is downloaded is, by its name, what was uploaded. An upload streams to a
 * temporary file while it is hashed and is renamed into place only when complete.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../domain-error.js';

export interface StoredArtifact {
  sha256: string;
  size: number;
}

/**
 * Artifacts under `root`.
 *
 * @example
 * const store = new ArtifactStore('.tend/artifacts'); const { sha256 } = await store.put(stream);
 */
export class ArtifactStore {
  constructor(readonly root: string) {}

  /** Where the artifact with this hash lives. */
  pathOf(sha256: string): string {
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }

  /**
   * Store the bytes of `source`; with `maxBytes`, refuse (too_large) a longer stream, and with
   * `expectedSha256`, refuse (invalid) bytes of another hash. Nothing is kept when refused.
   */
  async put(
    source: Readable,
    options: { maxBytes?: number; expectedSha256?: string } = {},
  ): Promise<StoredArtifact> {
    const upload = await this.receive(source, options.maxBytes, 'the artifact');
    try {
      const { sha256, size } = upload;
      if (options.expectedSha256 !== undefined && options.expectedSha256 !== sha256) {
        throw new DomainError(
          'invalid',
          `the uploaded bytes hash to ${sha256}, not to the version's artifactSha256 ${options.expectedSha256}`,
          'artifactSha256',
        );
      }
      await mkdir(join(this.root, 'sha256', sha256.slice(0, 2)), { recursive: true });
      await rename(upload.path, this.pathOf(sha256));
      return { sha256, size };
    } finally {
      await rm(upload.path, { force: true });
    }
  }

  /**
   * Stream `source` into a new temporary file of the store, hashing it on the way; refuses
   * (too_large, naming `what`) a stream longer than `maxBytes`, leaving nothing behind. The
   * caller removes the file, or renames it into place.
   */
  async receive(
    source: Readable,
    maxBytes = Number.POSITIVE_INFINITY,
    what = 'the upload',
  ): Promise<{ path: string; size: number; sha256: string }> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const path = join(tmpDir, randomBytes(8).toString('hex'));
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > maxBytes) {
              throw new DomainError('too_large', `${what} is larger than ${maxBytes} bytes`);
            }
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(path),
      );
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { path, size, sha256: hash.digest('hex') };
  }

  /** A stream of the artifact, or a not-found error. */
  async open(sha256: string): Promise<{ stream: ReadStream; size: number }> {
    const path = this.pathOf(sha256);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path), size };
    } catch {
      throw new DomainError('not_found', `no stored artifact with SHA-256 ${sha256}`);
    }
  }
}
