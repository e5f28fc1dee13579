/**
 * `tend alerts` (list, show, acknowledge, silence) and `tend channels` (set, list, test,
 * delete): what a person on call types.
 */
import type { Command } from 'commander';
import { apiClient, seg } from './api-client.js';
import {
  jsonArg,
  out,
  positiveInt,
  printJson,
  type Row,
  run,
  UsageError,
} from './command-helpers.js';
import { renderTable } from './table.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Minutes in a duration like `90m`, `2h` or `1d` (rounded up), or a usage error.
 *
 * @example
 * durationMinutes('2h'); // 120
 */
export function durationMinutes(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text.trim());
  if (m === null) throw new UsageError(`--for takes a duration like 30m, 2h or 1d, got "${text}"`);
  const minutes = Math.ceil((Number(m[1]) * UNITS[m[2]]) / 60);
  if (minutes < 1) throw new UsageError(`--for ${text} is shorter than a minute`);
  return minutes;
}

function alertLine(a: Row): (string | number)[] {
  const flags = [
    a.ackedBy ? `acked by ${a.ackedBy}` : '',
    a.silencedUntil ? `silenced until ${a.silencedUntil}` : '',
  ]
    .filter((f) => f !== '')
    .join(', ');
  return [
    a.id as number,
    a.status as string,
    a.severity as string,
    a.model as string,
    a.rule as string,
    a.summary as string,
    a.startsAt as string,
    flags,
  ];
}

/**
 * Add `tend alerts` and `tend channels` to `program`.
 *
 * @example
 * addAlertCommands(new Command('tend'));
 */
export function addAlertCommands(program: Command): void {
  const api = () => apiClient();
  const alerts = program
    .command('alerts')
    .description('Alerts: list, show, acknowledge and silence');
  alerts
    .command('list')
    .description('alerts, firing first, newest first')
    .option('--model <model>', 'one model only')
    .option('--status <status>', 'firing or resolved')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action((o) =>
      run(async () => {
        const q = new URLSearchParams({ limit: String(positiveInt(o.limit, '--limit')) });
        if (o.model) q.set('model', o.model);
        if (o.status) q.set('status', o.status);
        const { alerts: list } = (await api().get(`/api/v1/alerts?${q}`)) as { alerts: Row[] };
        if (o.json) return printJson(list);
        if (list.length === 0) return out('no alerts\n');
        out(
          renderTable(
            ['id', 'status', 'severity', 'model', 'rule', 'summary', 'since', ''],
            list.map(alertLine),
          ),
        );
      }),
    );
  alerts
    .command('show <id>')
    .description('one alert, with its history and deliveries')
    .option('--json', 'print JSON')
    .action((id: string, o) =>
      run(async () => {
        const a = (await api().get(`/api/v1/alerts/${positiveInt(id, 'ID')}`)) as Row;
        if (o.json) return printJson(a);
        const labels = Object.entries(a.labels as Record<string, string>).map(
          ([k, v]) => `${k}=${v}`,
        );
        out(
          `${a.summary}\n${a.status} · ${a.severity} · ${labels.join(' ')}\nsince ${a.startsAt}${a.endsAt ? `, resolved ${a.endsAt}` : ''}\n\n`,
        );
        out(
          renderTable(
            ['at', 'what', 'by', 'detail'],
            (a.events as Row[]).map((e) => [
              e.at as string,
              e.action as string,
              e.actor as string,
              (e.detail as string) ?? '',
            ]),
          ),
        );
      }),
    );
  alerts
    .command('ack <id>')
    .description('acknowledge an alert (it keeps firing until it resolves)')
    .option('--comment <text>', 'what is being done')
    .action((id: string, o) =>
      run(async () => {
        const a = (await api().post(
          `/api/v1/alerts/${positiveInt(id, 'ID')}/ack`,
          o.comment ? { comment: o.comment } : {},
        )) as Row;
        out(`alert ${a.id} acknowledged by ${a.ackedBy}\n`);
      }),
    );
  alerts
    .command('silence <id>')
    .description('send nothing about an alert for a while')
    .option('--for <duration>', 'how long: 30m, 2h, 1d')
    .option('--until <time>', 'or until when (ISO-8601)')
    .option('--comment <text>', 'why')
    .action((id: string, o) =>
      run(async () => {
        if ((o.for === undefined) === (o.until === undefined))
          throw new UsageError('give --for or --until (one of them)');
        const body: Row =
          o.for !== undefined ? { minutes: durationMinutes(o.for) } : { until: o.until };
        if (o.comment) body.comment = o.comment;
        const a = (await api().post(
          `/api/v1/alerts/${positiveInt(id, 'ID')}/silence`,
          body,
        )) as Row;
        out(`alert ${a.id} silenced until ${a.silencedUntil}\n`);
      }),
    );
  alerts
    .command('unsilence <id>')
    .description("end an alert's silence")
    .action((id: string) =>
      run(async () => {
        await api().delete(`/api/v1/alerts/${positiveInt(id, 'ID')}/silence`);
        out(`alert ${id} is no longer silenced\n`);
      }),
    );

  const channels = program
    .command('channels')
    .description('Where alerts go: Slack, Alertmanager, PagerDuty, e-mail, webhooks');
  channels
    .command('set <name>')
    .description('create or replace a channel')
    .requiredOption('--type <type>', 'webhook, slack, alertmanager, pagerduty or email')
    .requiredOption('--settings <json>', 'its settings as JSON, or @file: {"url": …}')
    .action((name: string, o) =>
      run(async () => {
        const settings = await jsonArg(o.settings, '--settings');
        const c = (await api().put(`/api/v1/channels/${seg(name)}`, {
          type: o.type,
          settings,
        })) as Row;
        out(`channel ${c.name} (${c.type}) set\n`);
      }),
    );
  channels
    .command('list')
    .description('every channel, secrets masked')
    .option('--json', 'print JSON')
    .action((o) =>
      run(async () => {
        const { channels: list } = (await api().get('/api/v1/channels')) as { channels: Row[] };
        if (o.json) return printJson(list);
        out(
          renderTable(
            ['name', 'type', 'settings'],
            list.map((c) => [c.name as string, c.type as string, JSON.stringify(c.settings)]),
          ),
        );
      }),
    );
  channels
    .command('test <name>')
    .description('send a test alert (firing, then resolved) and show what the receiver answered')
    .action((name: string) =>
      run(async () => {
        const r = (await api().post(`/api/v1/channels/${seg(name)}/test`)) as Row;
        if (r.ok)
          return out(
            `test alert delivered to ${name} (${r.type}) in ${r.attempts} attempt(s), status ${r.responseStatus ?? 'ok'}\n`,
          );
        throw new UsageError(
          `test alert to ${name} failed after ${r.attempts} attempt(s): ${r.error}`,
        );
      }),
    );
  channels
    .command('delete <name>')
    .description('delete a channel no rule sends to')
    .action((name: string) =>
      run(async () => {
        await api().delete(`/api/v1/channels/${seg(name)}`);
        out(`deleted channel ${name}\n`);
      }),
    );
}
