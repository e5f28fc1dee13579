/**
 * API keys: who may call the server, with one of three roles. A key is 32 random bytes shown
 * once when made; the store keeps only its SHA-256 (a key is random, so a fast hash is as
 * safe as a slow one) and its first characters, to tell keys apart in a list.
 *
 * Roles: a viewer reads; an editor also registers and changes models, versions, tags and
 * aliases; an admin also deletes models and manages keys and webhooks.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../domain-error.js';
import { recordAudit } from '../registry/audit-log.js';
import type { Actor, Db, RegistryContext, Role } from '../registry/context.js';
import type { ApiKeyRow } from '../store/tables.js';

export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];
const KEY_PREFIX = 'tend_';
const SHOWN_CHARS = 12;

/**
 * Whether `role` may do what `needed` may.
 *
 * @example
 * allows('admin', 'editor'); // true
 */
export function allows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

export interface ApiKeyInfo {
  id: number;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

function toInfo(row: ApiKeyRow): ApiKeyInfo {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    prefix: row.prefix,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/**
 * Make a key; the result's `key` is the only time it is shown.
 *
 * @example
 * const { key } = await createApiKey(ctx, admin, { name: 'ci', role: 'editor' }); // 'tend_…'
 */
export async function createApiKey(
  ctx: RegistryContext,
  actor: Actor,
  input: { name: string; role: Role },
): Promise<ApiKeyInfo & { key: string }> {
  if (!ROLES.includes(input.role)) {
    throw new DomainError('invalid', `role must be one of ${ROLES.join(', ')}`, 'role');
  }
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const at = ctx.now();
  const info = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_keys')
      .values({
        name: input.name,
        role: input.role,
        prefix: key.slice(0, SHOWN_CHARS),
        hash: hashOf(key),
        created_at: at,
        created_by: actor.name,
        revoked_at: null,
        last_used_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const made = toInfo(row);
    await recordAudit(trx, actor, at, {
      action: 'api_key.create',
      targetType: 'api_key',
      target: `${row.id}`,
      after: made,
    });
    return made;
  });
  return { ...info, key };
}

/**
 * Every key, revoked ones included, newest first.
 *
 * @example
 * (await listApiKeys(db)).map((k) => k.prefix);
 */
export async function listApiKeys(db: Db): Promise<ApiKeyInfo[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('id', 'desc').execute();
  return rows.map(toInfo);
}

/**
 * Revoke a key: it stops working at once and stays listed.
 *
 * @example
 * await revokeApiKey(ctx, admin, 3);
 */
export async function revokeApiKey(
  ctx: RegistryContext,
  actor: Actor,
  id: number,
): Promise<ApiKeyInfo> {
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw new DomainError('not_found', `no API key with id ${id}`, 'id');
    if (row.revoked_at !== null) return toInfo(row);
    const revoked = await trx
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, at, {
      action: 'api_key.revoke',
      targetType: 'api_key',
      target: `${id}`,
      before: toInfo(row),
      after: toInfo(revoked),
    });
    return toInfo(revoked);
  });
}

/**
 * The actor a key stands for, or null when it is unknown or revoked.
 *
 * @example
 * await authenticate(db, 'tend_…'); // { name: 'ci', role: 'editor' }
 */
export async function authenticate(db: Db, key: string): Promise<(Actor & { id: number }) | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'role', 'revoked_at'])
    .where('hash', '=', hashOf(key))
    .executeTakeFirst();
  if (row === undefined || row.revoked_at !== null) return null;
  return { id: row.id, name: row.name, role: row.role as Role };
}

/**
 * Note that a key was used (the HTTP layer calls this at most once a minute per key).
 *
 * @example
 * await touchApiKey(db, 3, new Date().toISOString());
 */
export async function touchApiKey(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

/**
 * When auth is on and no admin key works, make one so the first admin can sign in: the
 * server prints it once. Returns the key, or null when an admin key exists.
 *
 * @example
 * const key = await ensureAdminKey(ctx); if (key) console.error(`admin key: ${key}`);
 */
export async function ensureAdminKey(ctx: RegistryContext): Promise<string | null> {
  const admin = await ctx.db
    .selectFrom('api_keys')
    .select('id')
    .where('role', '=', 'admin')
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (admin !== undefined) return null;
  const made = await createApiKey(
    ctx,
    { name: 'tend serve', role: 'admin' },
    {
      name: 'first admin',
      role: 'admin',
    },
  );
  return made.key;
}
