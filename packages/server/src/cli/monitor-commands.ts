/**
 * `tend monitors`: apply a checked-in YAML (or JSON) file of a model's monitors, alert rules
 * and channels; list monitors; read a monitor's results; evaluate a model's windows now.
 *
 * ```yaml
 * model: credit
 * windowSeconds: 3600          # optional: the model's window length
 * channels:                    # optional; shared by every model
 *   risk-slack: { type: slack, settings: { url: "${SLACK_WEBHOOK_URL}" } }
 * monitors:
 *   quality: { kind: data_quality }
 *   drift: { kind: feature_drift, config: { exactLimit: 5000 } }
 *   recall: { kind: performance, config: { metric: recall, threshold: { alert: 0.8 } } }
 * rules:
 *   drifted: { monitor: drift, metric: "feature:*", for: 2, severity: critical, channels: [risk-slack] }
 * ```
 *
 * `${NAME}` in a string is replaced by the environment variable NAME, so secrets stay out of
 * the repository.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { apiClient, seg } from './api-client.js';
import { out, positiveInt, printJson, type Row, run, UsageError } from './command-helpers.js';
import { parseYaml } from './config-file.js';
import { renderTable } from './table.js';

interface MonitoringFile {
  model: string;
  windowSeconds?: number;
  channels?: Record<string, unknown>;
  monitors?: Record<string, unknown>;
  rules?: Record<string, unknown>;
}

const KEYS = new Set(['model', 'windowSeconds', 'channels', 'monitors', 'rules']);

/**
 * `${NAME}` in every string of `value` replaced by the environment's NAME (a usage error when
 * it is not set).
 *
 * @example
 * expandEnv({ url: '${HOOK}' }, { HOOK: 'https://x' }, 'file'); // { url: 'https://x' }
 */
export function expandEnv(value: unknown, env: NodeJS.ProcessEnv, where: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const v = env[name];
      if (v === undefined)
        throw new UsageError(`${where}: environment variable ${name} is not set`);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v) => expandEnv(v, env, where));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandEnv(v, env, where)]));
  }
  return value;
}

/**
 * A monitoring file read and checked for its shape (the server checks each part's settings).
 *
 * @example
 * await readMonitoringFile('monitoring/credit.yaml'); // { model: 'credit', monitors: { … }, … }
 */
export async function readMonitoringFile(path: string, env = process.env): Promise<MonitoringFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(
      `${path} is not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`${path}: expected a mapping with model, monitors, rules and channels`);
  }
  const file = parsed as Record<string, unknown>;
  const unknown = Object.keys(file).filter((k) => !KEYS.has(k));
  if (unknown.length > 0) {
    throw new UsageError(
      `${path}: unknown key ${unknown.join(', ')} (known: ${[...KEYS].join(', ')})`,
    );
  }
  if (typeof file.model !== 'string' || file.model === '')
    throw new UsageError(`${path}: model is required`);
  for (const part of ['channels', 'monitors', 'rules']) {
    const v = file[part];
    if (v !== undefined && (v === null || typeof v !== 'object' || Array.isArray(v))) {
      throw new UsageError(`${path}: ${part} must be a mapping of name → settings`);
    }
  }
  return expandEnv(file, env, path) as MonitoringFile;
}

function fmt(v: unknown): string | number {
  if (typeof v !== 'number') return v === null || v === undefined ? '' : String(v);
  return Math.abs(v) >= 1e-3 || v === 0 ? Number(v.toPrecision(4)) : v.toExponential(2);
}

function resultsTable(results: Row[]): string {
  return renderTable(
    ['window', 'version', 'monitor', 'segment', 'metric', 'value', 'status'],
    results.map((r) => [
      r.windowStart as string,
      r.version as number,
      r.monitor as string,
      r.segment as string,
      r.metric as string,
      fmt(r.value),
      r.status as string,
    ]),
  );
}

/**
 * Add `tend monitors` to `program`.
 *
 * @example
 * addMonitorCommands(new Command('tend'));
 */
export function addMonitorCommands(program: Command): void {
  const api = () => apiClient();
  const monitors = program
    .command('monitors')
    .description("A model's monitors, their results, and evaluation now");
  monitors
    .command('apply <file>')
    .description(
      "create or replace a model's monitors, alert rules and channels from a YAML or JSON file",
    )
    .option('--prune', "delete the model's monitors and rules the file does not name")
    .option('--json', 'print JSON')
    .action((file: string, o) =>
      run(async () => {
        const spec = await readMonitoringFile(file);
        const m = seg(spec.model);
        const done: { kind: string; name: string; action: string }[] = [];
        if (spec.windowSeconds !== undefined) {
          await api().patch(`/api/v1/models/${m}`, { windowSeconds: spec.windowSeconds });
          done.push({ kind: 'model', name: spec.model, action: `window ${spec.windowSeconds} s` });
        }
        for (const [name, body] of Object.entries(spec.channels ?? {})) {
          await api().put(`/api/v1/channels/${seg(name)}`, body);
          done.push({ kind: 'channel', name, action: 'set' });
        }
        // Monitors before rules (rules name them), performance before decay (decay follows one).
        const entries = Object.entries(spec.monitors ?? {}).sort(
          ([, a], [, b]) =>
            Number((a as Row).kind === 'decay') - Number((b as Row).kind === 'decay'),
        );
        for (const [name, body] of entries) {
          await api().put(`/api/v1/models/${m}/monitors/${seg(name)}`, body);
          done.push({ kind: 'monitor', name, action: 'set' });
        }
        for (const [name, body] of Object.entries(spec.rules ?? {})) {
          await api().put(`/api/v1/models/${m}/alert-rules/${seg(name)}`, body);
          done.push({ kind: 'rule', name, action: 'set' });
        }
        if (o.prune) {
          const rules = ((await api().get(`/api/v1/models/${m}/alert-rules`)) as { rules: Row[] })
            .rules;
          for (const r of rules) {
            if (spec.rules?.[r.name as string] !== undefined) continue;
            await api().delete(`/api/v1/models/${m}/alert-rules/${seg(r.name as string)}`);
            done.push({ kind: 'rule', name: r.name as string, action: 'deleted' });
          }
          const all = ((await api().get(`/api/v1/models/${m}/monitors`)) as { monitors: Row[] })
            .monitors;
          // Decay monitors go first: a monitor a decay monitor follows cannot go before it.
          all.sort((a, b) => Number(b.kind === 'decay') - Number(a.kind === 'decay'));
          for (const mon of all) {
            if (spec.monitors?.[mon.name as string] !== undefined) continue;
            await api().delete(`/api/v1/models/${m}/monitors/${seg(mon.name as string)}`);
            done.push({ kind: 'monitor', name: mon.name as string, action: 'deleted' });
          }
        }
        if (o.json) return printJson({ model: spec.model, applied: done });
        out(
          `${renderTable(
            ['what', 'name', 'done'],
            done.map((d) => [d.kind, d.name, d.action]),
          )}`,
        );
      }),
    );
  monitors
    .command('list <model>')
    .description("a model's monitors")
    .option('--json', 'print JSON')
    .action((model: string, o) =>
      run(async () => {
        const { monitors: list } = (await api().get(`/api/v1/models/${seg(model)}/monitors`)) as {
          monitors: Row[];
        };
        if (o.json) return printJson(list);
        out(
          renderTable(
            ['name', 'kind', 'settings', 'updated'],
            list.map((x) => [
              x.name as string,
              x.kind as string,
              JSON.stringify(x.config),
              x.updatedAt as string,
            ]),
          ),
        );
      }),
    );
  monitors
    .command('results <model> <monitor>')
    .description("a monitor's results over windows, oldest first")
    .option('--metric <metric>', "a metric, or a pattern with * ('feature:*')")
    .option('--version <n>', 'one version only')
    .option(
      '--segment <segment>',
      "attribute=value, or '*' for every segment (default: all events)",
    )
    .option('--status <status>', 'ok, warning, alert or no_data')
    .option('--from <time>', 'windows starting at or after')
    .option('--to <time>', 'windows starting before')
    .option('--limit <n>', 'at most this many results', '1000')
    .option('--json', 'print JSON')
    .action((model: string, monitor: string, o) =>
      run(async () => {
        const q = new URLSearchParams({ limit: String(positiveInt(o.limit, '--limit')) });
        if (o.version !== undefined) q.set('version', String(positiveInt(o.version, '--version')));
        for (const k of ['metric', 'segment', 'status', 'from', 'to'])
          if (o[k] !== undefined) q.set(k, o[k]);
        const { results } = (await api().get(
          `/api/v1/models/${seg(model)}/monitors/${seg(monitor)}/results?${q}`,
        )) as { results: Row[] };
        if (o.json) return printJson(results);
        out(resultsTable(results));
      }),
    );
  monitors
    .command('evaluate <model>')
    .description(
      "evaluate every monitor now on a window (default: each version's latest) and apply the alert rules",
    )
    .option('--version <n>', 'one version only')
    .option('--window <time>', 'any time in the window to evaluate')
    .option('--all', 'show every result, not only those that are not ok')
    .option('--json', 'print JSON')
    .action((model: string, o) =>
      run(async () => {
        const body: Row = {};
        if (o.version !== undefined) body.version = positiveInt(o.version, '--version');
        if (o.window !== undefined) body.window = o.window;
        const done = (await api().post(`/api/v1/models/${seg(model)}/monitors/evaluate`, body)) as {
          windows: Row[];
          results: Row[];
          alerts: Row[];
        };
        if (o.json) return printJson(done);
        const lines = done.windows.map(
          (w) =>
            `v${w.version} window ${w.windowStart}: ${w.events} events, evaluated in ${Number(w.seconds).toFixed(3)} s`,
        );
        const shown = o.all ? done.results : done.results.filter((r) => r.status !== 'ok');
        out(`${lines.join('\n')}\n\n`);
        out(shown.length === 0 ? 'every result is ok\n' : resultsTable(shown));
        if (done.alerts.length > 0)
          out(`\n${done.alerts.length} alert(s) raised or resolved: \`tend alerts list\`\n`);
      }),
    );
  monitors
    .command('delete <model> <monitor>')
    .description('delete a monitor and its results')
    .action((model: string, monitor: string) =>
      run(async () => {
        await api().delete(`/api/v1/models/${seg(model)}/monitors/${seg(monitor)}`);
        out(`deleted monitor ${monitor} of ${model}\n`);
      }),
    );
}
