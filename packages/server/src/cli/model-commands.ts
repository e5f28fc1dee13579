/**
 * `tend models`: list, register, show and delete registered models.
 */
import type { Command } from 'commander';
import { apiClient, seg } from './api-client.js';
import { collect, out, pairs, printJson, type Row, run } from './command-helpers.js';
import { renderTable } from './table.js';
import { versionsTable } from './version-commands.js';

/**
 * Add these commands to `program`.
 *
 * @example
 * addModelCommands(new Command('tend'));
 */
export function addModelCommands(program: Command): void {
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
}
