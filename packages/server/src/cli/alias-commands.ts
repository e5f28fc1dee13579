/**
 * `tend alias`, `tend rollback` and `tend lineage`: move aliases, read their history, roll them back, and draw a version's lineage.
 */
import type { Command } from 'commander';
import { apiClient, seg } from './api-client.js';
import { out, positiveInt, printJson, type Row, run } from './command-helpers.js';
import { renderTable } from './table.js';

/**
 * Add these commands to `program`.
 *
 * @example
 * addAliasCommands(new Command('tend'));
 */
export function addAliasCommands(program: Command): void {
  const api = () => apiClient();

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
}
