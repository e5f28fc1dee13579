/**
 * packages/server/report.schema.json against what the code writes and what the types say:
 * real reports (binary, regression, multiclass, degenerate data with nulls) and the HTML
 * sample validate; a renamed field, a wrong enum value or a missing field is refused at its
 * path; and the schema's key paths, required flags and enums equal those of `Report` as the
 * TypeScript compiler sees it, and those the reports produce.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from '@tend/core';
// ajv is CommonJS: under NodeNext a default import is module.exports, which TypeScript types
// as the namespace, so the class is imported by name (ajv exports it both ways).
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, tempDir } from '../../test/support/temp-files.js';
import { buildReport, type ReportOptions } from './build-report.js';
import { parseCondition } from './conditions.js';
import { sampleReport } from './html/sample-report.js';
import { renderJson } from './render-json.js';
import type { Report } from './report-types.js';

/** The parts of a JSON Schema this file reads. */
interface Schema {
  [keyword: string]: unknown;
  $ref?: string;
  $defs?: Record<string, Schema>;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
}
const schemaPath = new URL('../../report.schema.json', import.meta.url);
const schema: Schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// strict: every keyword known, every type-specific keyword next to its type.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);
const errorsOf = (doc: unknown): string[] =>
  validate(doc)
    ? []
    : (validate.errors as ErrorObject[]).map(
        (e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
      );
const asJson = (r: Report) => JSON.parse(renderJson(r));

// ---- data: three small model datasets and one degenerate one ------------------------------
const rng = createRng(2026);
const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const pick = <T>(xs: T[]) => xs[rng.nextInt(xs.length)];

function binaryRows(n: number, shift: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => {
    const day = `2026-0${1 + shift}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const age = 40 + 10 * normal() + 8 * shift;
    const income = rng.next() < 0.05 ? '' : r3(50 + 15 * normal());
    const city = shift && rng.next() < 0.1 ? 'lille' : pick(['paris', 'lyon', 'nice']);
    const z = (age - 40) / 10 + normal();
    const score = r3(0.01 + 0.98 * sigmoid(z + normal()));
    return [i, day, day, r3(age), income, city, pick(['north', 'south']), `n${i}`, +(z > 0), score];
  });
}
function regressionRows(n: number, shift: number): number[][] {
  return Array.from({ length: n }, () => {
    const [x1, x2, x3] = [normal() + shift, normal(), 5 * rng.next()];
    const y = 3 * x1 - x2 + x3 + normal();
    return [r3(x1), r3(x2), r3(x3), r3(y), r3(y + 0.5 * normal() + shift)];
  });
}
function multiclassRows(n: number, shift: number): (string | number)[][] {
  return Array.from({ length: n }, () => {
    const [f1, f2] = [normal() + shift, normal()];
    const logits = [f1, f2, -f1 - f2].map((x) => x + 0.5 * normal());
    const e = logits.map(Math.exp);
    const total = e[0] + e[1] + e[2];
    const label = ['a', 'b', 'c'][logits.indexOf(Math.max(...logits))];
    return [r3(f1), r3(f2), pick(['red', 'blue']), label, ...e.map((x) => x / total)];
  });
}

const tmp = tempDir('tend-report-schema-');
afterAll(() => tmp.remove());
type Rows = (n: number, shift: number) => (string | number)[][];
const pair = (name: string, columns: string, rows: Rows, n = 300) => ({
  reference: tmp.write(`${name}-ref.csv`, csv(columns.split(','), rows(n, 0))),
  current: tmp.write(`${name}-cur.csv`, csv(columns.split(','), rows(n, 1))),
});
const conditions = ['drift.share < 0.3', 'missingShare(income) < 0.2', 'accuracy >= 0.5'];
const cases: Record<string, () => ReportOptions> = {
  binary: () => ({
    ...pair('binary', 'id,day,signup,age,income,city,region,notes,y,score', binaryRows),
    target: 'y',
    prediction: { columns: ['score'] },
    id: 'id',
    timestamp: 'day',
    segments: ['region'],
    ignore: ['notes'],
    stattest: { income: 'psi' },
    bootstrap: 50,
    conditions: [...conditions, 'rocAuc > 0.99', 'pValue(salary) < 0.05'].map(parseCondition),
  }),
  regression: () => ({
    ...pair('regression', 'x1,x2,x3,y,pred', regressionRows),
    target: 'y',
    prediction: { columns: ['pred'] },
    preset: 'evidently',
    threshold: 0.1,
    bootstrap: 0,
  }),
  multiclass: () => ({
    ...pair('multiclass', 'f1,f2,color,label,p_a,p_b,p_c', multiclassRows),
    target: 'label',
    prediction: { columns: ['p_a', 'p_b', 'p_c'] },
    segments: ['color'],
    correction: 'holm',
    bootstrap: 20,
  }),
  // A forced t-test on constant columns (statistic and p-value NaN), a column with one value
  // (std NaN) and a condition on that p-value: the nulls the schema allows.
  degenerate: () => ({
    ...pair(
      'degenerate',
      'a,b,one',
      (n, s) => Array.from({ length: n }, (_, i) => [1, 2, i <= s ? 5 : '']),
      40,
    ),
    stattest: { a: 't_test' },
    correction: 'none',
    conditions: [parseCondition('pValue(a) < 1')],
  }),
};
const reports: Record<string, Report> = {};
beforeAll(async () => {
  for (const [name, options] of Object.entries(cases)) reports[name] = await buildReport(options());
});

describe('report.schema.json validates what tend report writes', () => {
  it('is a draft 2020-12 schema of schemaVersion 1', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties?.schemaVersion.const).toBe(1);
  });

  it('accepts the HTML sample report', () => {
    expect(errorsOf(asJson(sampleReport()))).toEqual([]);
  });

  it.each(Object.keys(cases))('accepts a real %s report', (name) => {
    expect(errorsOf(asJson(reports[name]))).toEqual([]);
  });

  it('accepts the nulls renderJson writes for NaN, where the type can be NaN', () => {
    const doc = asJson(reports.degenerate);
    const a = doc.columns.find((c: { name: string }) => c.name === 'a');
    expect(a.drift).toMatchObject({ method: 't_test', statistic: null, pValue: null });
    expect(
      doc.columns.find((c: { name: string }) => c.name === 'one').summary.reference,
    ).toMatchObject({ count: 1, std: null });
    expect(doc.conditions.results[0]).toMatchObject({ actual: null, passed: false });
    expect(errorsOf(doc)).toEqual([]);
    // …and nowhere else: a null share is refused.
    doc.dataset.drift.share = null;
    expect(errorsOf(doc)).toEqual(['/dataset/drift/share must be number {"type":"number"}']);
  });

  it('refuses a misspelled field, naming it and where it is', () => {
    const doc = asJson(reports.binary);
    const age = doc.columns.findIndex((c: { name: string }) => c.name === 'age');
    doc.columns[age].drift.pvalue = doc.columns[age].drift.pValue;
    delete doc.columns[age].drift.pValue;
    doc.dataset.drift.driftedColumn = doc.dataset.drift.driftedColumns;
    delete doc.dataset.drift.driftedColumns;
    expect(errorsOf(doc).sort()).toEqual([
      `/columns/${age}/drift must NOT have unevaluated properties {"unevaluatedProperty":"pvalue"}`,
      '/dataset/drift must NOT have additional properties {"additionalProperty":"driftedColumn"}',
      `/dataset/drift must have required property 'driftedColumns' {"missingProperty":"driftedColumns"}`,
    ]);
  });

  it('refuses a value outside an enum, naming the path and the allowed values', () => {
    const doc = asJson(reports.binary);
    doc.columns[1].kind = 'numeric';
    doc.performance.task = 'classification';
    expect(errorsOf(doc)).toEqual([
      '/columns/1/kind must be equal to one of the allowed values {"allowedValues":["numerical","categorical","datetime"]}',
      '/performance/task must be equal to one of the allowed values {"allowedValues":["binary","multiclass","regression"]}',
    ]);
  });

  it('refuses a missing required field, naming the object and the field', () => {
    const doc = asJson(reports.multiclass);
    delete doc.columns[2].quality.current.missingShare;
    delete doc.schemaVersion;
    expect(errorsOf(doc).sort()).toEqual([
      ` must have required property 'schemaVersion' {"missingProperty":"schemaVersion"}`,
      `/columns/2/quality/current must have required property 'missingShare' {"missingProperty":"missingShare"}`,
    ]);
  });
});

// ---- key paths: `columns[].drift.pValue`, `performance.reference.*.value` (* = any key) ----
interface Key {
  required: boolean;
  values?: string;
}
type Keys = Map<string, Key>;
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Paths of a union: a key is required when every member requires it; enums are merged. */
function merge(parts: Keys[]): Keys {
  const out: Keys = new Map();
  for (const path of new Set(parts.flatMap((p) => [...p.keys()]))) {
    const here = parts.map((p) => p.get(path));
    const values = [...new Set(here.flatMap((k) => k?.values?.split('|') ?? []))].sort();
    out.set(path, {
      required: here.every((k) => k?.required),
      ...(values.length ? { values: values.join('|') } : {}),
    });
  }
  return out;
}

function resolve(s: Schema): Schema {
  if (!s.$ref) return s;
  const target = resolve((schema.$defs as Record<string, Schema>)[s.$ref.replace('#/$defs/', '')]);
  return {
    ...target,
    ...s,
    $ref: undefined,
    properties: { ...target.properties, ...s.properties },
    required: [...(target.required ?? []), ...(s.required ?? [])],
  };
}

function schemaKeys(raw: Schema, path = '', out: Keys = new Map()): Keys {
  const s = resolve(raw);
  if (s.oneOf) {
    for (const [p, k] of merge(s.oneOf.map((b: Schema) => schemaKeys(b, path)))) out.set(p, k);
    return out;
  }
  for (const [key, sub] of Object.entries<Schema>(s.properties ?? {})) {
    const r = resolve(sub);
    const values = r.enum ?? (r.const === undefined ? undefined : [r.const]);
    out.set(join(path, key), {
      required: !!s.required?.includes(key),
      ...(values ? { values: values.map(String).sort().join('|') } : {}),
    });
    schemaKeys(sub, join(path, key), out);
  }
  if (s.items) schemaKeys(s.items, `${path}[]`, out);
  if (typeof s.additionalProperties === 'object') {
    out.set(join(path, '*'), { required: false });
    schemaKeys(s.additionalProperties, join(path, '*'), out);
  }
  return out;
}

/** The same paths read from `Report` by the TypeScript compiler. */
function typeKeys(): Keys {
  const file = fileURLToPath(new URL('./report-types.ts', import.meta.url));
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    types: [], // no @types/node: report-types.ts needs none, and loading it is slow
  });
  const checker = program.getTypeChecker();
  const exports = checker.getExportsOfModule(
    checker.getSymbolAtLocation(program.getSourceFile(file) as ts.SourceFile) as ts.Symbol,
  );
  const isLeaf = (t: ts.Type): boolean =>
    !!(t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike)) ||
    (t.isUnion() && t.types.every(isLeaf));
  const walk = (raw: ts.Type, path: string, out: Keys): Keys => {
    const t = checker.getNonNullableType(raw);
    if (isLeaf(t)) return out;
    if (checker.isArrayType(t))
      return walk(checker.getTypeArguments(t as ts.TypeReference)[0], `${path}[]`, out);
    if (t.isUnion()) {
      for (const [p, k] of merge(t.types.map((m) => walk(m, path, new Map())))) out.set(p, k);
      return out;
    }
    const index = checker.getIndexInfosOfType(t)[0];
    if (index) {
      out.set(join(path, '*'), { required: false });
      return walk(index.type, join(path, '*'), out);
    }
    for (const prop of checker.getPropertiesOfType(t)) {
      const type = checker.getNonNullableType(checker.getTypeOfSymbol(prop));
      const literals = (type.isUnion() ? type.types : [type]).filter((m) => m.isLiteral());
      const values = literals.map((m) => String((m as ts.LiteralType).value)).sort();
      out.set(join(path, prop.name), {
        required: !(prop.flags & ts.SymbolFlags.Optional),
        ...(values.length ? { values: values.join('|') } : {}),
      });
      walk(type, join(path, prop.name), out);
    }
    return out;
  };
  return walk(
    checker.getDeclaredTypeOfSymbol(exports.find((s) => s.name === 'Report') as ts.Symbol),
    '',
    new Map(),
  );
}

/** The paths a JSON document holds (map keys, as declared by the schema's `*`, folded). */
function producedKeys(
  value: unknown,
  declared: Keys,
  path = '',
  out = new Set<string>(),
): Set<string> {
  if (Array.isArray(value)) for (const v of value) producedKeys(v, declared, `${path}[]`, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const child = declared.has(join(path, '*')) ? join(path, '*') : join(path, key);
      out.add(child);
      producedKeys(v, declared, child, out);
    }
  }
  return out;
}

describe('report.schema.json declares exactly the Report type', () => {
  const declared = schemaKeys(schema);
  const sorted = (keys: Keys) =>
    [...keys]
      .map(([p, k]) => `${p}${k.required ? '' : '?'}${k.values ? ` = ${k.values}` : ''}`)
      .sort();

  it('has the key paths, required keys and enums of report-types.ts', () => {
    expect(sorted(declared)).toEqual(sorted(typeKeys()));
  });

  it('declares every key the reports produce, and produces every key it declares', () => {
    const produced = new Set<string>();
    for (const r of [sampleReport(), ...Object.values(reports)])
      producedKeys(asJson(r), declared, '', produced);
    expect([...produced].filter((p) => !declared.has(p))).toEqual([]);
    // The types share ColumnQuality and ColumnDrift where the code fills fewer fields: range
    // and new categories are judged on the current dataset only, and the prediction and
    // target lines are never corrected for multiple testing.
    expect([...declared.keys()].filter((p) => !produced.has(p)).sort()).toEqual([
      'columns[].quality.reference.newCategories',
      'columns[].quality.reference.newCategoryCount',
      'columns[].quality.reference.outOfRangeCount',
      'dataset.drift.prediction.adjustedPValue',
      'dataset.drift.target.adjustedPValue',
    ]);
  });

  it('holds the fields the issue names for tools, in a real report', () => {
    const drift = 'method statistic pValue effectSize threshold drifted'.split(' ');
    const named = [
      ...['driftedColumns', 'share', 'drifted'].map((k) => `dataset.drift.${k}`),
      ...['name', 'kind', ...drift.map((k) => `drift.${k}`)].map((k) => `columns[].${k}`),
      'columns[].quality.reference.missingShare',
      'columns[].quality.current.missingShare',
      'performance.reference',
      'performance.current',
    ];
    const produced = producedKeys(asJson(reports.binary), declared);
    expect(named.filter((p) => !declared.has(p) || !produced.has(p))).toEqual([]);
    // Required wherever their parent is present, but for the two a distance does not have.
    expect(named.filter((p) => !declared.get(p)?.required)).toEqual([
      'columns[].drift.pValue',
      'columns[].drift.effectSize',
    ]);
  });

  it('describes every property', () => {
    const undescribed: string[] = [];
    const visit = (s: unknown, path: string) => {
      if (Array.isArray(s)) for (const [i, x] of s.entries()) visit(x, `${path}/${i}`);
      else if (s && typeof s === 'object') {
        for (const [k, v] of Object.entries(s)) {
          if (k === 'properties')
            for (const [name, sub] of Object.entries<Schema>(v))
              if (!sub.description) undescribed.push(`${path}/properties/${name}`);
          visit(v, `${path}/${k}`);
        }
      }
    };
    visit(schema, '#');
    expect(undescribed).toEqual([]);
  });
});
