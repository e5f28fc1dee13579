/**
 * The body of a route that takes a file or an artifact as raw bytes: the request stream, or a
 * refusal when the request was sent as JSON (or anything else Fastify parsed into a value).
 */
import { Readable } from 'node:stream';
import { DomainError } from '../domain-error.js';

/**
 * The raw body stream, or an `invalid` error saying which content types carry it.
 *
 * @example
 * const bytes = rawBody(request.body, 'application/octet-stream');
 */
export function rawBody(body: unknown, types: string): Readable {
  if (body instanceof Readable) return body;
  throw new DomainError(
    'invalid',
    `send the bytes as the request body with Content-Type ${types}`,
    'body',
  );
}
