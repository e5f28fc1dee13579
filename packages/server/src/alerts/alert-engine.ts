/**
 * Alert rules applied to a window's monitor results. A rule matches a monitor's results (a
 * metric or a pattern of them, a segment) and holds when its condition does (a status at least
 * warning or alert, a value above or below a number) for `for` consecutive windows. Each
 * result series a rule holds on is one alert, its fingerprint made of the rule, the model and
 * its labels (monitor, metric, version, segment and the rule's own), so it is raised once and
 * updated while it holds: firing until the rule stops holding on a newer window, then resolved.
 * A window evaluated again after newer ones (a late label) is history, not news: it changes no
 * alert. Changes are made under the model's row lock, so two servers evaluating the same
 * window raise one alert.
 */
import type { EvaluatedMonitor } from '../monitors/evaluate-window.js';
import { atLeast } from '../monitors/levels.js';
import type { ResultRow } from '../monitors/result-row.js';
import type { RegistryContext } from '../registry/context.js';
import { lockModelRow } from '../registry/model-lock.js';
import type { ModelRow } from '../store/tables.js';
import { alertFingerprint } from './alert.js';
import type { AlertRuleInput, RuleCondition } from './alert-schemas.js';

/** An alert raised or resolved, to be sent to the rule's channels. */
export interface AlertChange {
  alertId: number;
  status: 'firing' | 'resolved';
}

type Row = EvaluatedMonitor['rows'][number];

/**
 * Whether a metric name matches a rule's metric, where `*` stands for any text.
 *
 * @example
 * metricMatches('feature:*', 'feature:age'); // true
 */
export function metricMatches(pattern: string, metric: string): boolean {
  if (!pattern.includes('*')) return pattern === metric;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(metric);
}

/**
 * Whether a result holds a rule's condition (default: status alert).
 *
 * @example
 * conditionHolds({ below: 0.8 }, { value: 0.76, status: 'ok' }); // true
 */
export function conditionHolds(
  when: RuleCondition | undefined,
  r: Pick<ResultRow, 'value' | 'status'>,
): boolean {
  const c = when ?? { status: 'alert' };
  if (c.status !== undefined && !atLeast(r.status, c.status)) return false;
  if (c.above !== undefined && !(r.value !== null && r.value > c.above)) return false;
  if (c.below !== undefined && !(r.value !== null && r.value < c.below)) return false;
  return true;
}

function formatValue(v: number | null): string {
  if (v === null) return 'no value';
  return Math.abs(v) >= 1e-3 || v === 0 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
}

/**
 * One line on a result: what is measured, where, its value and status.
 *
 * @example
 * summaryOf('churn', 3, row); // 'churn v3 feature:age is alert (0.3124) in the window of 2026-03-03T14:00:00.000Z'
 */
export function summaryOf(model: string, version: number, r: Row): string {
  const forecast = (r.detail as { forecast?: unknown }).forecast;
  const where = r.segment === '' ? '' : ` [${r.segment}]`;
  const head = `${model} v${version} ${r.metric}${where}`;
  if (typeof forecast === 'string') return `${head}: ${forecast}`;
  return `${head} is ${r.status} (${formatValue(r.value)}) in the window of ${r.windowStart}`;
}

/**
 * Apply `owner`'s rules to the results of one window of one version; answers the alerts
 * raised and resolved.
 *
 * @example
 * await applyRules(ctx, owner, { id: 7, number: 3 }, evaluated); // [{ alertId: 12, status: 'firing' }]
 */
export async function applyRules(
  ctx: RegistryContext,
  owner: ModelRow,
  version: { id: number; number: number },
  evaluated: EvaluatedMonitor[],
): Promise<AlertChange[]> {
  const rules = await ctx.db
    .selectFrom('alert_rules')
    .selectAll()
    .where('model_id', '=', owner.id)
    .orderBy('name')
    .execute();
  if (rules.length === 0) return [];
  return ctx.db.transaction().execute(async (trx) => {
    await lockModelRow(trx, ctx.dialect, owner.id);
    const at = ctx.now();
    const changes: AlertChange[] = [];
    for (const rule of rules) {
      const cfg = JSON.parse(rule.config) as AlertRuleInput;
      const ev = evaluated.find((e) => e.monitor.name === cfg.monitor);
      if (ev === undefined) continue;
      const latest = new Map<string, string>();
      const newest = await trx
        .selectFrom('monitor_results')
        .select(['metric', 'segment', (eb) => eb.fn.max('window_start').as('last')])
        .where('monitor_id', '=', ev.monitor.id)
        .where('version_id', '=', version.id)
        .groupBy(['metric', 'segment'])
        .execute();
      for (const n of newest) latest.set(`${n.metric}\u0000${n.segment}`, n.last as string);
      const wantSegment = cfg.segment ?? '';
      const needed = cfg.for ?? 1;
      for (const row of ev.rows) {
        if (!metricMatches(cfg.metric ?? '*', row.metric)) continue;
        if (wantSegment !== '*' && row.segment !== wantSegment) continue;
        const last = latest.get(`${row.metric}\u0000${row.segment}`);
        if (last !== undefined && last > row.windowStart) continue;
        let holds = conditionHolds(cfg.when, row);
        if (holds && needed > 1) {
          const series = await trx
            .selectFrom('monitor_results')
            .select(['value', 'status'])
            .where('monitor_id', '=', ev.monitor.id)
            .where('version_id', '=', version.id)
            .where('metric', '=', row.metric)
            .where('segment', '=', row.segment)
            .where('window_start', '<=', row.windowStart)
            .orderBy('window_start', 'desc')
            .limit(needed)
            .execute();
          holds =
            series.length === needed &&
            series.every((s) =>
              conditionHolds(cfg.when, { value: s.value, status: s.status as ResultRow['status'] }),
            );
        }
        const labels: Record<string, string> = {
          monitor: cfg.monitor,
          metric: row.metric,
          version: String(version.number),
          ...(row.segment === '' ? {} : { segment: row.segment }),
          ...cfg.labels,
        };
        const fingerprint = alertFingerprint(rule.name, owner.name, labels);
        const open = await trx
          .selectFrom('alerts')
          .selectAll()
          .where('fingerprint', '=', fingerprint)
          .where('status', '=', 'firing')
          .executeTakeFirst();
        const summary = summaryOf(owner.name, version.number, row);
        if (holds && open === undefined) {
          const alert = await trx
            .insertInto('alerts')
            .values({
              rule_id: rule.id,
              model_id: owner.id,
              fingerprint,
              labels: JSON.stringify(labels),
              status: 'firing',
              severity: cfg.severity ?? 'warning',
              summary,
              value: row.value,
              window_start: row.windowStart,
              starts_at: at,
              ends_at: null,
              acked_by: null,
              acked_at: null,
              silenced_until: null,
              last_sent_at: null,
              updated_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('alert_events')
            .values({ alert_id: alert.id, at, action: 'firing', actor: 'tend', detail: summary })
            .execute();
          changes.push({ alertId: alert.id, status: 'firing' });
        } else if (holds && open !== undefined) {
          await trx
            .updateTable('alerts')
            .set({ value: row.value, window_start: row.windowStart, summary, updated_at: at })
            .where('id', '=', open.id)
            .execute();
        } else if (!holds && open !== undefined) {
          await trx
            .updateTable('alerts')
            .set({
              status: 'resolved',
              ends_at: at,
              value: row.value,
              window_start: row.windowStart,
              updated_at: at,
            })
            .where('id', '=', open.id)
            .execute();
          await trx
            .insertInto('alert_events')
            .values({ alert_id: open.id, at, action: 'resolved', actor: 'tend', detail: summary })
            .execute();
          changes.push({ alertId: open.id, status: 'resolved' });
        }
      }
    }
    return changes;
  });
}
