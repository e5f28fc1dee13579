/**
 * What `tend serve` exposes to Prometheus at `/metrics`: ingestion (events by outcome, refused
 * batches, data-quality findings, the latency the model reported), the API's own requests, the
 * registry's size and webhook deliveries, and the process's memory and start time. Names follow
 * Prometheus's conventions — a `tend_` prefix, base units, `_total` counters — and labels are
 * bounded: model, version, route pattern, status, outcome; never an event id.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../registry/context.js';

/**
 * One server's metrics, in a registry of their own (several apps in one process, as in tests,
 * do not mix).
 *
 * @example
 * const metrics = new TendMetrics(db); metrics.ingested.inc({ model: 'churn', kind: 'prediction', outcome: 'accepted' }, 1000);
 */
export class TendMetrics {
  readonly registry = new Registry();

  readonly ingested = new Counter({
    name: 'tend_ingested_events_total',
    help: 'Production events received, by model, kind (prediction, label, feedback) and outcome (accepted, duplicate).',
    labelNames: ['model', 'kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly refused = new Counter({
    name: 'tend_ingest_refused_batches_total',
    help: 'Batches of production events refused whole (an event that could not be stored), by model and kind.',
    labelNames: ['model', 'kind'] as const,
    registers: [this.registry],
  });

  readonly findings = new Counter({
    name: 'tend_data_quality_findings_total',
    help: "Feature values that did not match the version's input schema, by model and finding (missing, type, category, unexpected).",
    labelNames: ['model', 'finding'] as const,
    registers: [this.registry],
  });

  readonly predictionLatency = new Histogram({
    name: 'tend_prediction_latency_seconds',
    help: 'The latency models reported with their predictions (latencyMs), by model and version.',
    labelNames: ['model', 'version'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly requests = new Counter({
    name: 'tend_http_requests_total',
    help: "Requests to Tend's API, by method, route pattern and status code.",
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly requestDuration = new Histogram({
    name: 'tend_http_request_duration_seconds',
    help: "Time to answer a request to Tend's API, by method and route pattern.",
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'tend_webhook_deliveries_total',
    help: 'Webhook deliveries finished, by outcome (delivered, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly alertDeliveries = new Counter({
    name: 'tend_alert_deliveries_total',
    help: 'Alert deliveries finished, by channel type (slack, alertmanager, …) and outcome (delivered, failed).',
    labelNames: ['channel_type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly evaluationDuration = new Histogram({
    name: 'tend_monitor_evaluation_seconds',
    help: "Time to evaluate all of a model's monitors on one window, by model.",
    labelNames: ['model'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private latestResults?: Promise<
    {
      model: string;
      version: number;
      monitor: string;
      kind: string;
      metric: string;
      value: number | null;
      status: string;
    }[]
  >;

  constructor(db: Db) {
    // prom-client's default process metrics include gauges named `…_total`, which promtool
    // rightly flags; the few that matter are kept here under proper names.
    const started = Date.now() / 1000;
    new Gauge({
      name: 'tend_process_resident_memory_bytes',
      help: 'Resident memory of the server process.',
      registers: [this.registry],
      collect() {
        this.set(process.memoryUsage().rss);
      },
    });
    new Gauge({
      name: 'tend_process_heap_used_bytes',
      help: 'JavaScript heap in use by the server process.',
      registers: [this.registry],
      collect() {
        this.set(process.memoryUsage().heapUsed);
      },
    });
    new Gauge({
      name: 'tend_process_start_time_seconds',
      help: 'When the server process started, Unix seconds.',
      registers: [this.registry],
      collect() {
        this.set(started);
      },
    });
    new Gauge({
      name: 'tend_registry_models',
      help: 'Models in the registry.',
      registers: [this.registry],
      async collect() {
        const { n } = await db
          .selectFrom('models')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        this.set(Number(n));
      },
    });
    new Gauge({
      name: 'tend_registry_versions',
      help: 'Model versions in the registry, by model.',
      labelNames: ['model'] as const,
      registers: [this.registry],
      async collect() {
        const rows = await db
          .selectFrom('versions')
          .innerJoin('models', 'models.id', 'versions.model_id')
          .select(['models.name', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('models.name')
          .execute();
        this.reset();
        for (const r of rows) this.set({ model: r.name }, Number(r.n));
      },
    });
    this.monitorGauges(db);
  }

  /**
   * Gauges read from the store at each scrape, so every server process shows the same values
   * and a restart loses none: each monitor result's latest window with a value, and the
   * alerts firing.
   */
  private monitorGauges(db: Db): void {
    const query = async () => {
      // Each series' latest window with a value: labels arrive days late, so the newest
      // window often has no performance yet, and the gauge shows the last one that has.
      const last = db
        .selectFrom('monitor_results')
        .select([
          'monitor_id',
          'version_id',
          'metric',
          (eb) => eb.fn.max('window_start').as('window_start'),
        ])
        .where('segment', '=', '')
        .where('value', 'is not', null)
        .groupBy(['monitor_id', 'version_id', 'metric'])
        .as('last');
      return db
        .selectFrom('monitor_results as r')
        .innerJoin(last, (j) =>
          j
            .onRef('last.monitor_id', '=', 'r.monitor_id')
            .onRef('last.version_id', '=', 'r.version_id')
            .onRef('last.metric', '=', 'r.metric')
            .onRef('last.window_start', '=', 'r.window_start'),
        )
        .innerJoin('monitors', 'monitors.id', 'r.monitor_id')
        .innerJoin('models', 'models.id', 'monitors.model_id')
        .innerJoin('versions', 'versions.id', 'r.version_id')
        .select([
          'models.name as model',
          'versions.number as version',
          'monitors.name as monitor',
          'monitors.kind',
          'r.metric',
          'r.value',
          'r.status',
        ])
        .where('r.segment', '=', '')
        .execute();
    };
    // One query per scrape for the three gauges that read the latest results.
    const latest = () => {
      this.latestResults ??= query();
      return this.latestResults;
    };
    const STATUS: Record<string, number> = { ok: 0, warning: 1, alert: 2 };
    new Gauge({
      name: 'tend_feature_drift_score',
      help: "Drift of each feature in the latest evaluated window against the reference: the effect size (KS D, Cramér's V) or the distance of the test used, by model, version and feature.",
      labelNames: ['model', 'version', 'feature'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await latest()) {
          if (r.kind !== 'feature_drift' || r.value === null || !r.metric.startsWith('feature:'))
            continue;
          this.set(
            { model: r.model, version: String(r.version), feature: r.metric.slice(8) },
            r.value,
          );
        }
      },
    });
    new Gauge({
      name: 'tend_model_performance',
      help: 'The metric of each performance monitor in its latest window with labels, by model, version and metric (recall, rocAuc, mae, …).',
      labelNames: ['model', 'version', 'metric'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await latest()) {
          if (r.kind !== 'performance' || r.value === null || r.metric.startsWith('fairness_gap:'))
            continue;
          this.set({ model: r.model, version: String(r.version), metric: r.metric }, r.value);
        }
      },
    });
    new Gauge({
      name: 'tend_monitor_status',
      help: 'Status of each monitor result in its latest window with a value: 0 ok, 1 warning, 2 alert, by model, version, monitor and metric.',
      labelNames: ['model', 'version', 'monitor', 'metric'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await latest()) {
          const s = STATUS[r.status];
          if (s === undefined) continue;
          this.set(
            { model: r.model, version: String(r.version), monitor: r.monitor, metric: r.metric },
            s,
          );
        }
      },
    });
    new Gauge({
      name: 'tend_alerts_firing',
      help: 'Alerts firing now, by model and severity.',
      labelNames: ['model', 'severity'] as const,
      registers: [this.registry],
      async collect() {
        const rows = await db
          .selectFrom('alerts')
          .innerJoin('models', 'models.id', 'alerts.model_id')
          .select(['models.name', 'alerts.severity', (eb) => eb.fn.countAll<number>().as('n')])
          .where('alerts.status', '=', 'firing')
          .groupBy(['models.name', 'alerts.severity'])
          .execute();
        this.reset();
        for (const r of rows) this.set({ model: r.name, severity: r.severity }, Number(r.n));
      },
    });
  }

  /** The exposition text, and its content type. */
  async scrape(): Promise<{ body: string; contentType: string }> {
    this.latestResults = undefined;
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
