/**
 * How request schemas are checked: bodies exactly as sent, query strings and path values
 * coerced from their text. A JSON body already carries its types, and coercing them would
 * change what a caller sent without a word: a `null` feature would become 0 (Ajv's coercion
 * tries the number branch of a union first), the string "31" the number 31. Query strings and
 * paths are text by nature, so `?limit=10` is read as the number 10.
 */
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function ajvWith(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({
    // Never drop an unknown field silently: it is refused, naming the field.
    removeAdditional: false,
    useDefaults: true,
    allErrors: true,
    coerceTypes,
  });
  (addFormats as unknown as (a: Ajv) => Ajv)(ajv);
  return ajv;
}

/**
 * Fastify's validator compiler: bodies uncoerced, the rest coerced.
 *
 * @example
 * app.setValidatorCompiler(requestValidators());
 */
export function requestValidators(): FastifySchemaCompiler<unknown> {
  const body = ajvWith(false);
  const text = ajvWith('array');
  return ({ schema, httpPart }) =>
    (httpPart === 'body' ? body : text).compile(schema as object) as ReturnType<
      FastifySchemaCompiler<unknown>
    >;
}
