/**
 * Two versions side by side: every metric, hyperparameter, dependency and schema field of
 * either, with the value in each and whether it changed, so a reviewer sees at a glance what
 * a challenger changes against the champion.
 */
import type { Db } from './context.js';
import type { Version } from './schemas.js';
import { getVersion } from './versions.js';

export interface ValueChange {
  name: string;
  a: unknown;
  b: unknown;
  /** added (only in b), removed (only in a), changed, or same. */
  change: 'added' | 'removed' | 'changed' | 'same';
}

export interface MetricChange extends ValueChange {
  /** b − a, when both are numbers. */
  delta: number | null;
}

export interface VersionComparison {
  a: { model: string; version: number };
  b: { model: string; version: number };
  metrics: MetricChange[];
  segmentMetrics: MetricChange[];
  params: ValueChange[];
  dependencies: ValueChange[];
  inputSchema: ValueChange[];
  outputSchema: ValueChange[];
  /** Fields of the version itself: artifact hash, code, data, pipeline. */
  provenance: ValueChange[];
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/**
 * Every key of either record, in order, with its two values and the kind of change.
 *
 * @example
 * diffRecords({ lr: 0.1 }, { lr: 0.2, depth: 6 }); // [{ name: 'depth', a: undefined, b: 6, change: 'added' }, { name: 'lr', …, change: 'changed' }]
 */
export function diffRecords(a: Record<string, unknown>, b: Record<string, unknown>): ValueChange[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.map((name) => {
    const inA = Object.hasOwn(a, name);
    const inB = Object.hasOwn(b, name);
    const change = !inA ? 'added' : !inB ? 'removed' : same(a[name], b[name]) ? 'same' : 'changed';
    return { name, a: a[name], b: b[name], change };
  });
}

function withDelta(changes: ValueChange[]): MetricChange[] {
  return changes.map((c) => ({
    ...c,
    delta: typeof c.a === 'number' && typeof c.b === 'number' ? c.b - c.a : null,
  }));
}

function fieldsOf(schema: Version['inputSchema']): Record<string, unknown> {
  return Object.fromEntries((schema ?? []).map((f) => [f.name, f]));
}

function flatSegments(v: Version): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const [segment, metrics] of Object.entries(v.segmentMetrics)) {
    for (const [metric, value] of Object.entries(metrics)) flat[`${segment}/${metric}`] = value;
  }
  return flat;
}

/**
 * Compare two loaded versions.
 *
 * @example
 * compareLoaded(v2, v3).metrics; // [{ name: 'auc', a: 0.89, b: 0.91, delta: 0.02, change: 'changed' }]
 */
export function compareLoaded(a: Version, b: Version): VersionComparison {
  const provenance = (v: Version) => ({
    artifactSha256: v.artifact?.sha256 ?? null,
    codeCommit: v.codeCommit,
    dataRef: v.dataRef,
    dataHash: v.dataHash,
    pipelineVersion: v.pipelineVersion,
    parent: v.parent,
  });
  return {
    a: { model: a.model, version: a.version },
    b: { model: b.model, version: b.version },
    metrics: withDelta(diffRecords(a.metrics, b.metrics)),
    segmentMetrics: withDelta(diffRecords(flatSegments(a), flatSegments(b))),
    params: diffRecords(a.params, b.params),
    dependencies: diffRecords(a.dependencies, b.dependencies),
    inputSchema: diffRecords(fieldsOf(a.inputSchema), fieldsOf(b.inputSchema)),
    outputSchema: diffRecords(fieldsOf(a.outputSchema), fieldsOf(b.outputSchema)),
    provenance: diffRecords(provenance(a), provenance(b)),
  };
}

/**
 * Compare two versions of a model (or, with `modelB`, of two models).
 *
 * @example
 * await compareVersions(db, 'churn', 2, 3);
 */
export async function compareVersions(
  db: Db,
  model: string,
  a: number,
  b: number,
  modelB = model,
): Promise<VersionComparison> {
  return compareLoaded(await getVersion(db, model, a), await getVersion(db, modelB, b));
}
