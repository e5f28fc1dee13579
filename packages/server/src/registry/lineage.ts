/**
 * A version's lineage as a graph: the data it was trained on, the code and pipeline it was
 * built with, its ancestors through `parent` back to the first, and every version descended
 * from it (across models: a fine-tuned model's parent may be another model's version).
 */
import type { Db } from './context.js';
import type { Version } from './schemas.js';
import { toVersions, versionRow } from './versions.js';

export interface LineageNode {
  /** `version:churn/3`, `data:<hash or ref>`, `code:<commit>`. */
  id: string;
  kind: 'version' | 'data' | 'code';
  label: string;
  version?: Pick<Version, 'model' | 'version' | 'status' | 'createdAt' | 'aliases'>;
}

export interface LineageEdge {
  from: string;
  to: string;
  /** parent_of (from is the parent), trained_on (version → data), built_from (version → code). */
  relation: 'parent_of' | 'trained_on' | 'built_from';
}

export interface Lineage {
  root: string;
  nodes: LineageNode[];
  edges: LineageEdge[];
}

/** Ancestors or descendants are followed this far at most: a guard, not a limit users meet. */
const MAX_DEPTH = 1000;

const versionId = (v: Pick<Version, 'model' | 'version'>) => `version:${v.model}/${v.version}`;

/**
 * The lineage of version `number` of `model`.
 *
 * @example
 * (await lineage(db, 'churn', 3)).edges; // [{ from: 'version:churn/2', to: 'version:churn/3', relation: 'parent_of' }, …]
 */
export async function lineage(db: Db, model: string, number: number): Promise<Lineage> {
  const start = await versionRow(db, model, number);
  const rows = new Map([[start.id, start]]);
  // Ancestors, one parent at a time.
  let at = start;
  for (let depth = 0; at.parent_id !== null && depth < MAX_DEPTH; depth++) {
    if (rows.has(at.parent_id)) break; // a cycle cannot be made, but never loop on one
    const parent = await db
      .selectFrom('versions')
      .selectAll()
      .where('id', '=', at.parent_id)
      .executeTakeFirst();
    if (parent === undefined) break;
    rows.set(parent.id, parent);
    at = parent;
  }
  // Descendants, a generation at a time.
  let frontier = [start.id];
  for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
    const children = await db
      .selectFrom('versions')
      .selectAll()
      .where('parent_id', 'in', frontier)
      .execute();
    frontier = [];
    for (const c of children) {
      if (rows.has(c.id)) continue;
      rows.set(c.id, c);
      frontier.push(c.id);
    }
  }
  const versions = await toVersions(db, [...rows.values()]);
  const nodes = new Map<string, LineageNode>();
  const edges: LineageEdge[] = [];
  for (const v of versions) {
    const id = versionId(v);
    nodes.set(id, {
      id,
      kind: 'version',
      label: `${v.model} v${v.version}`,
      version: {
        model: v.model,
        version: v.version,
        status: v.status,
        createdAt: v.createdAt,
        aliases: v.aliases,
      },
    });
    if (v.parent !== null) edges.push({ from: versionId(v.parent), to: id, relation: 'parent_of' });
    const data = v.dataHash ?? v.dataRef;
    if (data !== null) {
      const dataId = `data:${data}`;
      nodes.set(dataId, { id: dataId, kind: 'data', label: v.dataRef ?? data });
      edges.push({ from: id, to: dataId, relation: 'trained_on' });
    }
    if (v.codeCommit !== null) {
      const codeId = `code:${v.codeCommit}`;
      const pipeline = v.pipelineVersion === null ? '' : ` (pipeline ${v.pipelineVersion})`;
      nodes.set(codeId, { id: codeId, kind: 'code', label: `${v.codeCommit}${pipeline}` });
      edges.push({ from: id, to: codeId, relation: 'built_from' });
    }
  }
  // Keep only parent edges whose parent is in the graph (it always is, unless deleted).
  const kept = edges.filter((e) => nodes.has(e.from) && nodes.has(e.to));
  return { root: versionId({ model, version: number }), nodes: [...nodes.values()], edges: kept };
}
