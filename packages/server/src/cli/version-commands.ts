/**
 * `tend versions`: list, register (uploading the artifact), show, compare and download versions.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { apiClient, seg } from './api-client.js';
import {
  collect,
  jsonArg,
  out,
  pairs,
  positiveInt,
  printJson,
  type Row,
  run,
  signed,
} from './command-helpers.js';
import { renderTable } from './table.js';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Versions as a table: number, status, aliases, when, by whom, metrics.
 *
 * @example
 * out(versionsTable(versions));
 */
export function versionsTable(versions: Row[]): string {
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
 * Add these commands to `program`.
 *
 * @example
 * addVersionCommands(new Command('tend'));
 */
export function addVersionCommands(program: Command): void {
  const api = () => apiClient();

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
}
