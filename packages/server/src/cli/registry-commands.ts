/**
 * The registry's commands — `tend models`, `versions`, `alias`, `rollback`, `lineage`, `keys`
 * and `audit` — each a thin call of the HTTP API (`api-client.ts`), printing a table for
 * people or, with `--json`, the API's JSON for scripts.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { ApiError, apiClient, seg } from './api-client.js';
import { renderTable } from './table.js';

type Row = Record<string, unknown>;
const out = (text: string): void => {
  process.stdout.write(text);
};
const printJson = (value: unknown): void => out(`${JSON.stringify(value, null, 2)}\n`);

/** Run a command's body; a refusal prints its reason and sets exit code 1 (2: bad usage). */
async function run(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof ApiError || error instanceof UsageError) {
      process.stderr.write(`tend: ${error.message}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
      return;
    }
    throw error;
  }
}

class UsageError extends Error {}

function positiveInt(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${what} must be a whole number from 1, got "${text}"`);
  return n;
}

/** `k=v` pairs into a record. */
function pairs(list: string[] | undefined, what: string): Record<string, string> | undefined {
  if (list === undefined) return undefined;
  const record: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`${what} takes KEY=VALUE, got "${item}"`);
    record[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return record;
}

/** A JSON value given inline or as `@file`. */
async function jsonArg(text: string | undefined, what: string): Promise<unknown> {
  if (text === undefined) return undefined;
  const source = text.startsWith('@') ? await readFile(text.slice(1), 'utf8') : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** A difference to six significant digits, signed: `+0.02`, not `0.020000000000000018`. */
const signed = (x: number) => `${x >= 0 ? '+' : ''}${Number(x.toPrecision(6))}`;

const collect = (value: string, previous: string[] = []) => [...previous, value];

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function versionsTable(versions: Row[]): string {
  return renderTable(
    ['version', 'status', 'aliases', 'created', 'by', 'metrics'],
    versions.map((v) => [
      v.version as number,
      v.status as string,
      (v.aliases as string[]).join(','),
      v.createdAt as string,
      v.createdBy as string,
      Object.entries(v.metrics as Record<string, number>)
        .map(([k, x]) => `${k}=${x}`)
        .join(' '),
    ]),
  );
}

/**
 * Add the registry's commands to `program`.
 *
 * @example
 * addRegistryCommands(new Command('tend'));
 */
export function addRegistryCommands(program: Command): void {
  const api = () => apiClient();

  const models = program.command('models').description('Registered models (server at TEND_URL)');
  models
    .command('list', { isDefault: true })
    .description('list models')
    .option('--search <text>', 'names containing this text')
    .option('--tag <key[=value]>', 'models with this tag')
    .option('--json', 'print JSON')
    .action((o) =>
      run(async () => {
        const q = new URLSearchParams();
        if (o.search) q.set('search', o.search);
        if (o.tag) q.set('tag', o.tag);
        const { models: list } = (await api().get(`/api/v1/models?${q}`)) as { models: Row[] };
        if (o.json) return printJson(list);
        out(
          renderTable(
            ['name', 'task', 'latest', 'aliases', 'owner'],
            list.map((m) => [
              m.name as string,
              m.task as string,
              m.latestVersion as number | null,
              Object.entries(m.aliases as Record<string, number>)
                .map(([a, v]) => `${a}=v${v}`)
                .join(' '),
              m.owner as string,
            ]),
          ),
        );
      }),
    );
  models
    .command('create <name>')
    .description('register a model')
    .requiredOption(
      '--task <task>',
      'binary_classification, multiclass_classification, regression, ranking or generative',
    )
    .option('--description <text>')
    .option('--owner <name>')
    .option('--tag <key=value>', 'a tag (repeatable)', collect)
    .option('--json', 'print JSON')
    .action((name: string, o) =>
      run(async () => {
        const body = {
          name,
          task: o.task,
          description: o.description,
          owner: o.owner,
          tags: pairs(o.tag, '--tag'),
        };
        const m = (await api().post('/api/v1/models', body)) as Row;
        if (o.json) return printJson(m);
        out(`registered model ${m.name}\n`);
      }),
    );
  models
    .command('show <name>')
    .description('a model and its versions')
    .option('--json', 'print JSON')
    .action((name: string, o) =>
      run(async () => {
        const m = (await api().get(`/api/v1/models/${seg(name)}`)) as Row;
        const { versions } = (await api().get(`/api/v1/models/${seg(name)}/versions`)) as {
          versions: Row[];
        };
        if (o.json) return printJson({ ...m, versions });
        out(
          `${m.name} (${m.task}), owner ${m.owner}\n${m.description ? `${m.description}\n` : ''}\n`,
        );
        out(versionsTable(versions));
      }),
    );
  models
    .command('delete <name>')
    .description('delete a model and its versions (admin; audited)')
    .action((name: string) =>
      run(async () => {
        await api().delete(`/api/v1/models/${seg(name)}`);
        out(`deleted model ${name}\n`);
      }),
    );

  const versions = program.command('versions').description('Versions of a model');
  versions
    .command('list <model>', { isDefault: true })
    .description('versions, newest first')
    .option('--json', 'print JSON')
    .action((model: string, o) =>
      run(async () => {
        const { versions: list } = (await api().get(`/api/v1/models/${seg(model)}/versions`)) as {
          versions: Row[];
        };
        if (o.json) return printJson(list);
        out(versionsTable(list));
      }),
    );
  versions
    .command('create <model>')
    .description('register a version; --artifact uploads the file into the artifact store')
    .option('--artifact <file>', 'upload this file as the artifact (its SHA-256 is recorded)')
    .option('--artifact-uri <uri>', 'where the artifact lives, when not uploaded')
    .option('--code-commit <sha>')
    .option('--data-ref <uri>', 'the training data')
    .option('--data-hash <hash>', "the training data's content hash")
    .option('--pipeline-version <version>')
    .option('--run-id <id>')
    .option('--parent <version>', 'the version this one derives from ([MODEL:]N)')
    .option('--params <json>', 'hyperparameters as JSON, or @file')
    .option('--metrics <json>', 'metrics as JSON, or @file')
    .option('--spec <json>', 'any other fields of the version as JSON, or @file (see /docs)')
    .option('--description <text>')
    .option('--tag <key=value>', 'a tag (repeatable)', collect)
    .option('--json', 'print JSON')
    .action((model: string, o) =>
      run(async () => {
        const body: Row = { ...((await jsonArg(o.spec, '--spec')) as Row | undefined) };
        const set = (key: string, value: unknown) => {
          if (value !== undefined) body[key] = value;
        };
        set('artifactUri', o.artifactUri);
        set('codeCommit', o.codeCommit);
        set('dataRef', o.dataRef);
        set('dataHash', o.dataHash);
        set('pipelineVersion', o.pipelineVersion);
        set('runId', o.runId);
        set('description', o.description);
        set('params', await jsonArg(o.params, '--params'));
        set('metrics', await jsonArg(o.metrics, '--metrics'));
        set('tags', pairs(o.tag, '--tag'));
        if (o.parent !== undefined) {
          const [m, n] = o.parent.includes(':') ? o.parent.split(':') : [undefined, o.parent];
          body.parent = { ...(m ? { model: m } : {}), version: positiveInt(n, '--parent') };
        }
        if (o.artifact !== undefined) set('artifactSha256', await sha256Of(o.artifact));
        const client = api();
        let v = (await client.post(`/api/v1/models/${seg(model)}/versions`, body)) as Row;
        if (o.artifact !== undefined) {
          const stream = Readable.toWeb(createReadStream(o.artifact)) as ReadableStream;
          v = (await client.upload(
            `/api/v1/models/${seg(model)}/versions/${v.version}/artifact`,
            stream,
          )) as Row;
        }
        if (o.json) return printJson(v);
        const artifact = v.artifact as { sha256: string | null } | null;
        out(
          `registered ${model} version ${v.version}${artifact?.sha256 ? ` (artifact sha256 ${artifact.sha256})` : ''}\n`,
        );
      }),
    );
  versions
    .command('show <model> <version>')
    .description('one version, whole')
    .action((model: string, version: string) =>
      run(async () =>
        printJson(
          await api().get(
            `/api/v1/models/${seg(model)}/versions/${positiveInt(version, 'VERSION')}`,
          ),
        ),
      ),
    );
  versions
    .command('compare <model> <a> <b>')
    .description('two versions side by side: metrics, parameters, dependencies, schemas')
    .option('--json', 'print JSON')
    .action((model: string, a: string, b: string, o) =>
      run(async () => {
        const q = `a=${positiveInt(a, 'A')}&b=${positiveInt(b, 'B')}`;
        const diff = (await api().get(`/api/v1/models/${seg(model)}/compare?${q}`)) as Record<
          string,
          Row[]
        >;
        if (o.json) return printJson(diff);
        const show = (v: unknown) =>
          v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
        for (const part of [
          'metrics',
          'segmentMetrics',
          'params',
          'dependencies',
          'inputSchema',
          'outputSchema',
          'provenance',
        ]) {
          const changes = diff[part].filter((c) => c.change !== 'same' || part === 'metrics');
          if (changes.length === 0) continue;
          out(`\n${part}\n`);
          out(
            renderTable(
              ['name', `v${a}`, `v${b}`, 'change'],
              changes.map((c) => [
                c.name as string,
                show(c.a),
                show(c.b),
                c.delta == null
                  ? (c.change as string)
                  : `${c.change} (${signed(c.delta as number)})`,
              ]),
            ),
          );
        }
      }),
    );
  versions
    .command('download <model> <version>')
    .description("save a version's stored artifact")
    .requiredOption('-o, --output <file>', 'where to write it')
    .action((model: string, version: string, o) =>
      run(async () => {
        const n = positiveInt(version, 'VERSION');
        const response = await api().download(
          `/api/v1/models/${seg(model)}/versions/${n}/artifact`,
        );
        await pipeline(
          Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
          createWriteStream(o.output),
        );
        out(`wrote ${o.output}\n`);
      }),
    );

  const alias = program
    .command('alias')
    .description('Aliases (champion, challenger, …) and their history');
  alias
    .command('set <model> <alias> <version>')
    .description('point an alias at a version')
    .option('--reason <text>', 'why (kept in the history)')
    .action((model: string, name: string, version: string, o) =>
      run(async () => {
        const r = (await api().put(`/api/v1/models/${seg(model)}/aliases/${seg(name)}`, {
          version: positiveInt(version, 'VERSION'),
          reason: o.reason,
        })) as { changed: boolean; event: Row | null };
        const e = r.event;
        out(
          r.changed && e
            ? `${model}@${name}: v${e.previous ?? '—'} → v${e.version}\n`
            : `${model}@${name} is already v${version}\n`,
        );
      }),
    );
  alias
    .command('delete <model> <alias>')
    .description('remove an alias')
    .option('--reason <text>')
    .action((model: string, name: string, o) =>
      run(async () => {
        const q = o.reason ? `?reason=${encodeURIComponent(o.reason)}` : '';
        await api().delete(`/api/v1/models/${seg(model)}/aliases/${seg(name)}${q}`);
        out(`removed ${model}@${name}\n`);
      }),
    );
  alias
    .command('history <model> <alias>')
    .description("an alias's moves, newest first; --at gives the holder at a time")
    .option('--at <time>', 'ISO-8601 time, e.g. 2026-03-03T14:00Z')
    .option('--json', 'print JSON')
    .action((model: string, name: string, o) =>
      run(async () => {
        const base = `/api/v1/models/${seg(model)}/aliases/${seg(name)}/history`;
        if (o.at) {
          const at = (await api().get(`${base}?at=${encodeURIComponent(o.at)}`)) as Row;
          if (o.json) return printJson(at);
          out(
            at.version === null
              ? `${model}@${name} had no holder at ${at.at}\n`
              : `${model}@${name} was v${at.version} at ${at.at}\n`,
          );
          return;
        }
        const { events } = (await api().get(base)) as { events: Row[] };
        if (o.json) return printJson(events);
        out(
          renderTable(
            ['at', 'action', 'from', 'to', 'by', 'reason'],
            events.map((e) => [
              e.at as string,
              e.action as string,
              e.previous == null ? '—' : `v${e.previous}`,
              e.version == null ? '—' : `v${e.version}`,
              e.actor as string,
              e.reason as string | null,
            ]),
          ),
        );
      }),
    );

  program
    .command('rollback <model>')
    .description('move an alias back to its previous holder in one step')
    .option('--alias <alias>', 'which alias', 'champion')
    .option('--reason <text>', 'why (kept in the history)')
    .action((model: string, o) =>
      run(async () => {
        const e = (await api().post(
          `/api/v1/models/${seg(model)}/aliases/${seg(o.alias)}/rollback`,
          { reason: o.reason },
        )) as Row;
        out(
          `${model}@${o.alias}: v${e.previous} → ${e.version == null ? 'no holder' : `v${e.version}`}\n`,
        );
      }),
    );

  program
    .command('lineage <model> <version>')
    .description("a version's data, code, ancestors and descendants")
    .option('--json', 'print JSON')
    .action((model: string, version: string, o) =>
      run(async () => {
        const g = (await api().get(
          `/api/v1/models/${seg(model)}/versions/${positiveInt(version, 'VERSION')}/lineage`,
        )) as {
          nodes: Row[];
          edges: Row[];
        };
        if (o.json) return printJson(g);
        const label = new Map(g.nodes.map((n) => [n.id as string, n.label as string]));
        out(
          renderTable(
            ['from', 'relation', 'to'],
            g.edges.map((e) => [
              label.get(e.from as string),
              e.relation as string,
              label.get(e.to as string),
            ]),
          ),
        );
      }),
    );

  const keys = program.command('keys').description('API keys (admin)');
  keys
    .command('list', { isDefault: true })
    .description('keys, newest first (never the keys themselves)')
    .option('--json', 'print JSON')
    .action((o) =>
      run(async () => {
        const { keys: list } = (await api().get('/api/v1/keys')) as { keys: Row[] };
        if (o.json) return printJson(list);
        out(
          renderTable(
            ['id', 'name', 'role', 'prefix', 'created', 'revoked', 'last used'],
            list.map((k) => [
              k.id as number,
              k.name as string,
              k.role as string,
              k.prefix as string,
              k.createdAt as string,
              k.revokedAt as string | null,
              k.lastUsedAt as string | null,
            ]),
          ),
        );
      }),
    );
  keys
    .command('create <name>')
    .description('make a key; it is printed once')
    .requiredOption('--role <role>', 'viewer, editor or admin')
    .action((name: string, o) =>
      run(async () => {
        const k = (await api().post('/api/v1/keys', { name, role: o.role })) as Row;
        out(`${k.key}\n`);
        process.stderr.write(`made key ${k.id} "${name}" (${k.role}); it is shown only now\n`);
      }),
    );
  keys
    .command('revoke <id>')
    .description('revoke a key at once')
    .action((id: string) =>
      run(async () => {
        await api().delete(`/api/v1/keys/${positiveInt(id, 'ID')}`);
        out(`revoked key ${id}\n`);
      }),
    );

  program
    .command('audit')
    .description('the audit log, newest first')
    .option('--model <name>')
    .option('--actor <name>')
    .option('--action <action>', 'e.g. alias.set, version.create')
    .option('--from <time>', 'ISO-8601, inclusive')
    .option('--to <time>', 'ISO-8601, exclusive')
    .option('--limit <n>', 'entries at most', '100')
    .option('--json', 'print JSON')
    .action((o) =>
      run(async () => {
        const q = new URLSearchParams();
        for (const k of ['model', 'actor', 'action', 'from', 'to', 'limit'])
          if (o[k]) q.set(k, o[k]);
        const { events } = (await api().get(`/api/v1/audit?${q}`)) as { events: Row[] };
        if (o.json) return printJson(events);
        out(
          renderTable(
            ['at', 'actor', 'action', 'target'],
            events.map((e) => [
              e.at as string,
              e.actor as string,
              e.action as string,
              e.target as string,
            ]),
          ),
        );
      }),
    );
}
