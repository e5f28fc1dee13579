/**
 * MLflow's search answers: sorted by its `order_by` clauses and cut into pages by an opaque
 * `page_token`.
 */
import { DomainError } from '../domain-error.js';

/**
 * A page of `items` from MLflow's page token (an offset, opaque to clients).
 *
 * @example
 * page(['a', 'b', 'c'], 2, undefined); // { items: ['a', 'b'], next: 'Mg' }
 */
export function page<T>(
  items: T[],
  maxResults: number,
  token: string | undefined,
): { items: T[]; next?: string } {
  let offset = 0;
  if (token !== undefined && token !== '') {
    offset = Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) {
      throw new DomainError('invalid', `invalid page_token "${token}"`, 'page_token');
    }
  }
  const slice = items.slice(offset, offset + maxResults);
  const end = offset + slice.length;
  return end < items.length
    ? { items: slice, next: Buffer.from(String(end)).toString('base64url') }
    : { items: slice };
}

/**
 * Sort by MLflow `order_by` clauses (`name ASC`, `last_updated_timestamp DESC`, …).
 *
 * @example
 * sortBy(models, ['name DESC'], { name: (m) => m.name }, ['name ASC']);
 */
export function sortBy<T>(
  items: T[],
  orderBy: string | string[] | undefined,
  keys: Record<string, (x: T) => string | number>,
  fallback: string[],
): T[] {
  const clauses = orderBy === undefined ? fallback : Array.isArray(orderBy) ? orderBy : [orderBy];
  const parsed = clauses.map((c) => {
    const m = /^\s*(?:attribute\.)?(\w+)\s*(ASC|DESC)?\s*$/i.exec(c);
    if (!m || !(m[1] in keys)) {
      throw new DomainError(
        'invalid',
        `invalid order_by clause "${c}": one of ${Object.keys(keys).join(', ')}, then ASC or DESC`,
        'order_by',
      );
    }
    return { key: keys[m[1]], sign: (m[2] ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1 };
  });
  return [...items].sort((a, b) => {
    for (const { key, sign } of parsed) {
      const x = key(a);
      const y = key(b);
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return 0;
  });
}
