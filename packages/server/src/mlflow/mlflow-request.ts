/**
 * The request pieces MLflow's registry endpoints share: a model name, a version number (which
 * MLflow's clients send as a string), tags as key–value lists, and the search parameters.
 */
import { Type as T } from 'typebox';

export const Name = T.String({ minLength: 1, description: 'registered model name' });
export const VersionText = T.Union([T.String({ pattern: '^[0-9]+$' }), T.Integer({ minimum: 1 })], {
  description: 'version number (MLflow sends it as a string)',
});
export const Tag = T.Object({ key: T.String({ minLength: 1 }), value: T.String() });
export const Search = T.Object({
  filter: T.Optional(T.String()),
  max_results: T.Optional(T.Integer({ minimum: 1 })),
  order_by: T.Optional(T.Union([T.String(), T.Array(T.String())])),
  page_token: T.Optional(T.String()),
});

/**
 * A version number as MLflow sends it (a string) or as a number.
 *
 * @example
 * versionNumber('3'); // 3
 */
export function versionNumber(v: string | number): number {
  return Number(v);
}
/**
 * MLflow's tag list as Tend's tag record.
 *
 * @example
 * tagRecord([{ key: 'team', value: 'risk' }]); // { team: 'risk' }
 */
export function tagRecord(
  list: { key: string; value: string }[] | undefined,
): Record<string, string> | undefined {
  return list === undefined ? undefined : Object.fromEntries(list.map((t) => [t.key, t.value]));
}
