/**
 * `tend reference`: set a version's reference from a file (uploaded and profiled by the server)
 * or from its own production windows, and show it.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { formatOf } from '../io/read-frame.js';
import { apiClient, seg } from './api-client.js';
import { out, positiveInt, printJson, type Row, run, UsageError } from './command-helpers.js';
import { renderTable } from './table.js';

function referenceTable(ref: Row): string {
  const columns = ref.columns as Row[];
  const head = `${ref.model} v${ref.version}: reference from ${ref.source}, set ${ref.createdAt} by ${ref.createdBy}\n\n`;
  return (
    head +
    renderTable(
      ['column', 'rows', 'missing', 'mean', 'std', 'distinct'],
      columns.map((c) => {
        const s = c.summary as {
          missing: number;
          numbers?: { mean: number; std: number | null };
          items?: { distinct: number };
        };
        const num = (x: number | null | undefined) =>
          x === null || x === undefined ? '' : Number(x.toPrecision(6));
        return [
          c.column as string,
          c.events as number,
          s.missing,
          num(s.numbers?.mean),
          num(s.numbers?.std),
          s.items?.distinct ?? '',
        ];
      }),
    )
  );
}

/**
 * Add `tend reference` to `program`.
 *
 * @example
 * addReferenceCommands(new Command('tend'));
 */
export function addReferenceCommands(program: Command): void {
  const api = () => apiClient();
  const reference = program
    .command('reference')
    .description("A version's reference data, for drift monitoring");
  reference
    .command('set <model> <version> <file>')
    .description(
      'profile a CSV, NDJSON or Parquet file (training or validation data) as the reference',
    )
    .option('--prediction <column>', 'the prediction column')
    .option('--label <column>', 'the label column')
    .option('--probabilities <columns>', 'probability columns, comma-separated')
    .option('--ignore <columns>', 'columns to leave out, comma-separated')
    .option('--json', 'print JSON')
    .action((model: string, version: string, file: string, o) =>
      run(async () => {
        let format: string;
        try {
          format = formatOf(file);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        const q = new URLSearchParams({ format, name: basename(file) });
        for (const k of ['prediction', 'label', 'probabilities', 'ignore'])
          if (o[k]) q.set(k, o[k]);
        const path = `/api/v1/models/${seg(model)}/versions/${positiveInt(version, 'VERSION')}/reference?${q}`;
        const ref = (await api().upload(
          path,
          Readable.toWeb(createReadStream(file)) as ReadableStream,
        )) as Row;
        if (o.json) return printJson(ref);
        out(referenceTable(ref));
      }),
    );
  reference
    .command('from-production <model> <version>')
    .description("take the version's own production windows in [from, to) as its reference")
    .requiredOption('--from <time>', 'ISO-8601')
    .requiredOption('--to <time>', 'ISO-8601')
    .option('--json', 'print JSON')
    .action((model: string, version: string, o) =>
      run(async () => {
        const path = `/api/v1/models/${seg(model)}/versions/${positiveInt(version, 'VERSION')}/reference/from-production`;
        const ref = (await api().post(path, { from: o.from, to: o.to })) as Row;
        if (o.json) return printJson(ref);
        out(referenceTable(ref));
      }),
    );
  reference
    .command('show <model> <version>')
    .description("a version's reference, column by column")
    .option('--json', 'print JSON')
    .action((model: string, version: string, o) =>
      run(async () => {
        const ref = (await api().get(
          `/api/v1/models/${seg(model)}/versions/${positiveInt(version, 'VERSION')}/reference`,
        )) as Row;
        if (o.json) return printJson(ref);
        out(referenceTable(ref));
      }),
    );
}
