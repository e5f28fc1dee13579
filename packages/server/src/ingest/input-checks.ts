/**
 * Production features against the version's input schema: a feature the schema names but the
 * event lacks, a value of another type, a category the schema does not list, and a feature the
 * schema does not know. Each is a data-quality finding, counted per batch and kept with the
 * event; a model with `strictInputs` refuses the batch instead.
 */
import type { Version } from '../registry/schemas.js';

export type FindingKind = 'missing' | 'type' | 'category' | 'unexpected';

export interface Finding {
  feature: string;
  kind: FindingKind;
  /** What the schema expected (a type, or "one of the listed categories"). */
  expected?: string;
}

type Field = NonNullable<Version['inputSchema']>[number];
type Value = number | string | boolean | null;

/** Whether `value` is of the field's type (null is missing, checked apart). */
function typeOk(field: Field, value: number | string | boolean): boolean {
  switch (field.type) {
    case 'double':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
    case 'categorical':
      return typeof value === 'string';
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  }
}

/**
 * A checker of events' features for one input schema (null: the version has none, nothing to
 * check), compiled once per version and batch.
 *
 * @example
 * const check = inputChecker([{ name: 'age', type: 'integer' }]); check!({ age: 31.5 }); // [{ feature: 'age', kind: 'type', expected: 'integer' }]
 */
export function inputChecker(
  schema: Version['inputSchema'],
): ((features: Record<string, Value>) => Finding[]) | null {
  if (schema === null || schema.length === 0) return null;
  const fields = new Map(schema.map((f) => [f.name, f]));
  const categories = new Map(
    schema.filter((f) => f.categories !== undefined).map((f) => [f.name, new Set(f.categories)]),
  );
  return (features) => {
    const findings: Finding[] = [];
    for (const field of schema) {
      const value = features[field.name];
      if (value === undefined || value === null) {
        if (field.nullable !== true) findings.push({ feature: field.name, kind: 'missing' });
        continue;
      }
      if (!typeOk(field, value)) {
        findings.push({ feature: field.name, kind: 'type', expected: field.type });
        continue;
      }
      const listed = categories.get(field.name);
      if (listed !== undefined && !listed.has(String(value))) {
        findings.push({
          feature: field.name,
          kind: 'category',
          expected: 'one of the listed categories',
        });
      }
    }
    for (const name in features) {
      if (!fields.has(name)) findings.push({ feature: name, kind: 'unexpected' });
    }
    return findings;
  };
}

export interface FindingCounts {
  missing: number;
  type: number;
  category: number;
  unexpected: number;
  /** feature → kind → count. */
  byFeature: Record<string, Partial<Record<FindingKind, number>>>;
}

/**
 * Counts of findings, by kind and by feature.
 *
 * @example
 * countFindings([[{ feature: 'age', kind: 'missing' }]]).missing; // 1
 */
export function countFindings(perEvent: Finding[][]): FindingCounts {
  const counts: FindingCounts = { missing: 0, type: 0, category: 0, unexpected: 0, byFeature: {} };
  for (const findings of perEvent) {
    for (const f of findings) {
      counts[f.kind]++;
      counts.byFeature[f.feature] ??= {};
      const byKind = counts.byFeature[f.feature];
      byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    }
  }
  return counts;
}
