/**
 * Recognises a unique-constraint violation from either database, so a service can answer
 * "already exists" (409) instead of failing: SQLite says SQLITE_CONSTRAINT_UNIQUE (or
 * …_PRIMARYKEY), PostgreSQL says SQLSTATE 23505.
 */

/**
 * Whether `error` is a duplicate key.
 *
 * @example
 * try { await insert(); } catch (e) { if (isUniqueViolation(e)) throw conflict(); throw e; }
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
