/**
 * What the registry's operations share: the database, the clock, the actor making a change,
 * and where registry events go once the change is committed (webhooks listen there).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from '../store/migrations.js';
import type { Database } from '../store/tables.js';

export type Role = 'viewer' | 'editor' | 'admin';

/** Who makes a request: an API key's name and role, or `local` when auth is off. */
export interface Actor {
  name: string;
  role: Role;
}

/** A registry event, as webhooks deliver it. */
export interface RegistryEvent {
  type: string;
  model: string;
  version?: number;
  alias?: string;
  data: unknown;
}

export interface RegistryContext {
  db: Kysely<Database>;
  /** Which database: a few statements differ (row locks). */
  dialect: Dialect;
  /** The time now as ISO-8601 UTC text (injectable for tests). */
  now(): string;
  /** Called with each event after its change is committed. */
  emit(event: RegistryEvent): void;
}

export type Db = Kysely<Database> | Transaction<Database>;

/**
 * A context with the system clock and no listener.
 *
 * @example
 * const ctx = registryContext(store.db, store.dialect); ctx.now(); // '2026-03-03T14:00:00.000Z'
 */
export function registryContext(
  db: Kysely<Database>,
  dialect: Dialect,
  emit: (event: RegistryEvent) => void = () => {},
): RegistryContext {
  return { db, dialect, now: () => new Date().toISOString(), emit };
}
