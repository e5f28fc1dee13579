/**
 * Settings that arrive as free JSON inside a request (a monitor's config, a rule's, a
 * channel's) checked against their TypeBox schema, every fault named by its dotted path the
 * way the HTTP layer names a body's faults.
 */
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { DomainError } from '../domain-error.js';

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/**
 * `value` as the schema's type, or a DomainError('invalid') naming every field at fault under
 * `where` (e.g. `body.config`).
 *
 * @example
 * checkSettings(FeatureDriftConfig, { exactLimit: -1 }, 'body.config'); // throws: body.config.exactLimit must be >= 0
 */
export function checkSettings<S extends TSchema>(
  schema: S,
  value: unknown,
  where: string,
): unknown {
  if (Value.Check(schema, value)) return value;
  const errors: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const e of Value.Errors(schema, value) as unknown as SchemaError[]) {
    // A property refused by `additionalProperties: false` is reported twice; keep the clear one.
    if (e.keyword === 'boolean' || e.keyword === 'anyOf') continue;
    const path = [where, ...e.instancePath.split('/').filter((s) => s !== '')].join('.');
    const found: { field: string; message: string }[] =
      e.keyword === 'required'
        ? (e.params.requiredProperties as string[]).map((p) => ({
            field: `${path}.${p}`,
            message: 'is required',
          }))
        : e.keyword === 'additionalProperties'
          ? (e.params.additionalProperties as string[]).map((p) => ({
              field: `${path}.${p}`,
              message: 'is not a known field',
            }))
          : [{ field: path, message: e.message }];
    for (const f of found) {
      const key = `${f.field} ${f.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        errors.push(f);
      }
    }
  }
  const first = errors[0] ?? { field: where, message: 'does not match its schema' };
  throw new DomainError(
    'invalid',
    `${first.field} ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
    first.field,
    errors,
  );
}
