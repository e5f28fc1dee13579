/**
 * Who is calling, and may they: each route states the least role it needs (`config.role`;
 * none for public routes such as health and the docs). With auth on, a request carries
 * `Authorization: Bearer <key>` (or `X-API-Key: <key>`); a missing or unknown key is 401, a
 * key whose role is too low 403. With auth off every caller may do everything, and names
 * itself for the audit log with `X-Tend-Actor` (the CLI sends the user's login name).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { allows, authenticate, touchApiKey } from '../auth/api-keys.js';
import { DomainError } from '../domain-error.js';
import type { Actor, Db, Role } from '../registry/context.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** The least role a route needs; absent: public. */
    role?: Role;
  }
}

/** How often a key's last use is written, at most. */
const TOUCH_EVERY_MS = 60_000;

function keyOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  const key = request.headers['x-api-key'];
  return typeof key === 'string' ? key : undefined;
}

/**
 * The `onRequest` hook that sets `request.actor` or refuses the request.
 *
 * @example
 * app.addHook('onRequest', authHook(store.db, true));
 */
export function authHook(db: Db, required: boolean) {
  const touched = new Map<number, number>();
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const needed = request.routeOptions.config?.role;
    if (!required) {
      const named = request.headers['x-tend-actor'];
      const name =
        typeof named === 'string' && named.trim() !== '' ? named.trim().slice(0, 256) : 'anonymous';
      request.actor = { name, role: 'admin' };
      return;
    }
    request.actor = { name: 'anonymous', role: 'viewer' };
    if (needed === undefined) return;
    const key = keyOf(request);
    if (key === undefined) {
      throw new DomainError(
        'unauthorized',
        'this server needs an API key: send "Authorization: Bearer <key>"',
      );
    }
    const actor = await authenticate(db, key);
    if (actor === null) throw new DomainError('unauthorized', 'the API key is unknown or revoked');
    if (!allows(actor.role, needed)) {
      throw new DomainError(
        'forbidden',
        `the key "${actor.name}" has the role ${actor.role}; this needs ${needed} or above`,
      );
    }
    request.actor = { name: actor.name, role: actor.role };
    const now = Date.now();
    if ((touched.get(actor.id) ?? 0) + TOUCH_EVERY_MS < now) {
      touched.set(actor.id, now);
      await touchApiKey(db, actor.id, new Date(now).toISOString());
    }
  };
}
