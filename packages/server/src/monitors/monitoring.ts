/**
 * The monitoring loop of `tend serve`: every few seconds, each model's windows that have
 * closed (or changed since they were evaluated) are evaluated, oldest first, their results
 * stored, the alert rules applied and the alerts sent; firing alerts are kept alive in
 * Alertmanager. The same evaluation runs on demand (`POST …/monitors/evaluate`, `tend monitors
 * evaluate`) on any window, closed or not.
 */
import { type AlertChange, applyRules } from '../alerts/alert-engine.js';
import type { AlertNotifier } from '../alerts/alert-notifier.js';
import { DomainError } from '../domain-error.js';
import { windowStart } from '../profiles/window-profiles.js';
import { normalTime } from '../registry/audit-log.js';
import type { RegistryContext } from '../registry/context.js';
import { modelRow } from '../registry/models.js';
import type { ModelRow } from '../store/tables.js';
import {
  type EvaluatedMonitor,
  evaluateWindow,
  pendingWindows,
  type WindowRef,
} from './evaluate-window.js';
import type { MonitorResultInfo } from './monitor-schemas.js';

export interface EvaluateRequest {
  version?: number;
  /** Any time in the window; default: each version's latest window. */
  window?: string;
}

export interface Evaluation {
  windows: {
    version: number;
    windowStart: string;
    events: number;
    /** The whole evaluation, and each monitor's part of it. */
    seconds: number;
    monitors: Record<string, number>;
  }[];
  results: MonitorResultInfo[];
  alerts: AlertChange[];
}

/**
 * Evaluates windows, applies rules and sends alerts.
 *
 * @example
 * const monitoring = new Monitoring(ctx, notifier); monitoring.start(30_000);
 */
export class Monitoring {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<number> | undefined;

  constructor(
    private readonly ctx: RegistryContext,
    readonly notifier: AlertNotifier,
    /** Told how long each window's evaluation took (the metrics keep it). */
    private readonly onEvaluated: (model: string, seconds: number) => void = () => {},
  ) {}

  /** Evaluate one window of one version, apply the rules, send the alerts. */
  private async run(
    owner: ModelRow,
    ref: WindowRef,
  ): Promise<{
    evaluated: EvaluatedMonitor[];
    events: number;
    alerts: AlertChange[];
    seconds: number;
  }> {
    const started = performance.now();
    const { monitors: evaluated, events } = await evaluateWindow(this.ctx, owner, ref);
    const seconds = (performance.now() - started) / 1000;
    this.onEvaluated(owner.name, seconds);
    const alerts = await applyRules(
      this.ctx,
      owner,
      { id: ref.versionId, number: ref.versionNumber },
      evaluated,
    );
    this.notifier.notify(alerts);
    return { evaluated, events, alerts, seconds };
  }

  /**
   * Evaluate a model's windows now: the window holding `window` (or each version's latest),
   * of `version` (or every version with events there).
   *
   * @example
   * await monitoring.evaluate('churn', { version: 3 }); // { windows: [{ version: 3, … }], results: [...], alerts: [] }
   */
  async evaluate(model: string, request: EvaluateRequest = {}): Promise<Evaluation> {
    const owner = await modelRow(this.ctx.db, model);
    let q = this.ctx.db
      .selectFrom('window_profiles')
      .innerJoin('versions', 'versions.id', 'window_profiles.version_id')
      .select([
        'window_profiles.version_id',
        'versions.number',
        (eb) => eb.fn.max('window_profiles.window_start').as('window_start'),
      ])
      .where('window_profiles.model_id', '=', owner.id)
      .where('window_profiles.segment', '=', '')
      .where('window_profiles.column_name', '=', 'prediction')
      .groupBy(['window_profiles.version_id', 'versions.number']);
    if (request.version !== undefined) q = q.where('versions.number', '=', request.version);
    if (request.window !== undefined) {
      const at = normalTime(request.window, 'window');
      // A window of time is found by its length; a window of a count is the last one opened
      // at or before the time.
      q =
        owner.window_events === null
          ? q.where('window_profiles.window_start', '=', windowStart(at, owner.window_seconds))
          : q.where('window_profiles.window_start', '<=', at);
    }
    const refs = (await q.orderBy('versions.number').execute()).map((r) => ({
      versionId: r.version_id,
      versionNumber: r.number,
      windowStart: r.window_start as string,
    }));
    if (refs.length === 0) {
      const which = request.version === undefined ? '' : ` of version ${request.version}`;
      const when = request.window === undefined ? '' : ` in the window holding ${request.window}`;
      throw new DomainError(
        'not_found',
        `"${model}" has no events${which}${when} to evaluate`,
        request.window === undefined ? 'version' : 'window',
      );
    }
    const out: Evaluation = { windows: [], results: [], alerts: [] };
    for (const ref of refs) {
      const { evaluated, events, alerts, seconds } = await this.run(owner, ref);
      out.windows.push({
        version: ref.versionNumber,
        windowStart: ref.windowStart,
        events,
        seconds,
        monitors: Object.fromEntries(evaluated.map((e) => [e.monitor.name, e.seconds])),
      });
      const at = this.ctx.now();
      for (const e of evaluated) {
        for (const r of e.rows) {
          out.results.push({
            monitor: e.monitor.name,
            version: ref.versionNumber,
            windowStart: r.windowStart,
            segment: r.segment,
            metric: r.metric,
            value: r.value !== null && Number.isFinite(r.value) ? r.value : null,
            status: r.status,
            detail: r.detail,
            evaluatedAt: at,
          });
        }
      }
      out.alerts.push(...alerts);
    }
    return out;
  }

  /**
   * One pass of the loop: every closed window that needs it, then Alertmanager's re-sends;
   * answers how many windows were evaluated.
   *
   * @example
   * await monitoring.tick(); // 3
   */
  tick(): Promise<number> {
    // One pass at a time: a slow pass is not overtaken by the next timer.
    this.ticking ??= this.pass().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async pass(): Promise<number> {
    const owners = await this.ctx.db
      .selectFrom('models')
      .selectAll()
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('monitors')
            .select('monitors.id')
            .whereRef('monitors.model_id', '=', 'models.id'),
        ),
      )
      .orderBy('name')
      .execute();
    let done = 0;
    const now = this.ctx.now();
    for (const owner of owners) {
      for (const ref of await pendingWindows(this.ctx.db, owner, now)) {
        await this.run(owner, ref);
        done++;
      }
    }
    await this.notifier.resendFiring();
    return done;
  }

  /** Run the loop every `intervalMs`; errors are reported, not fatal. */
  start(intervalMs: number, onError: (err: unknown) => void = () => {}): void {
    this.stop();
    this.timer = setInterval(() => {
      this.tick().catch(onError);
    }, intervalMs);
    this.timer.unref();
  }

  /** Stop the loop and wait for the pass under way and the deliveries it started. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking?.catch(() => {});
    await this.notifier.drain();
  }
}
