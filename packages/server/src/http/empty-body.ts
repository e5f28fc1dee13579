/**
 * For routes whose body fields are all optional: a request sent with no body at all is read
 * as `{}`, so `curl -X POST …/rollback` works as `-d '{}'` does, instead of failing its schema.
 */
import type { FastifyRequest } from 'fastify';

/**
 * Fastify `preValidation` hook.
 *
 * @example
 * app.post('/x', { preValidation: emptyBody, schema: { body: Reason } }, handler);
 */
export async function emptyBody(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}
