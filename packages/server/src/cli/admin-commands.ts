/**
 * `tend keys` and `tend audit`: manage API keys and read the audit log.
 */
import type { Command } from 'commander';
import { apiClient } from './api-client.js';
import { out, positiveInt, printJson, type Row, run } from './command-helpers.js';
import { renderTable } from './table.js';

/**
 * Add these commands to `program`.
 *
 * @example
 * addAdminCommands(new Command('tend'));
 */
export function addAdminCommands(program: Command): void {
  const api = () => apiClient();

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
