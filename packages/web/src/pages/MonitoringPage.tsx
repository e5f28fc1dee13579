/**
 * Monitoring of a model, for one version (the champion unless another is chosen): its
 * performance over windows with the threshold and the decay forecast; drift per feature over
 * time as a heatmap; the distribution of its scores over time; data quality; latency and
 * throughput; and performance per segment with the fairness gap.
 */
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api, type Model, type MonitorInfo, type MonitorResult } from '../api';
import { Chart, type ChartSeries } from '../components/Chart';
import { Heatmap } from '../components/Heatmap';
import { Pending } from '../components/Pending';
import { StatusBadge } from '../components/StatusBadge';
import { VersionSelect } from '../components/VersionSelect';
import { align, columnProfiles, keyPerformanceMonitor, monitorResults } from '../monitoring-data';
import { useApi } from '../use-api';

const C = {
  blue: '#0072b2',
  orange: '#e69f00',
  vermillion: '#d55e00',
  green: '#009e73',
  sky: '#56b4e9',
  purple: '#cc79a7',
};
/** The last value that is there. */
const lastOf = (xs: (number | null)[] | undefined) => xs?.filter((x) => x !== null).at(-1);
const fmt = (v: number | null | undefined, places = 3) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(places);
const day = (iso: string) => iso.slice(0, 10);
const DAY_S = 86_400;

/** What each section of the page is given: the model, the version shown, its monitor. */
interface SectionProps {
  model: string;
  version: number;
  monitor: MonitorInfo;
}

function levels(config: Record<string, unknown>): { warning?: number; alert?: number } {
  return (config.threshold as { warning?: number; alert?: number } | undefined) ?? {};
}

function Performance({
  model,
  version,
  monitor,
  decay,
}: {
  model: string;
  version: number;
  monitor: MonitorInfo;
  decay: MonitorInfo | undefined;
}) {
  const metric = String(monitor.config.metric);
  const { data } = useApi(
    () =>
      Promise.all([
        monitorResults(model, monitor.name, version, metric),
        decay === undefined
          ? Promise.resolve([])
          : monitorResults(model, decay.name, version, undefined, '', { latest: true }),
      ]),
    `perf-${model}-${version}-${monitor.name}`,
  );
  const chart = useMemo(() => {
    if (data === undefined) return null;
    const [results, decays] = data;
    const a = align(results);
    const values = a.values.get(metric) ?? [];
    const rows = a.rows.get(metric) ?? [];
    const interval = (k: 0 | 1) =>
      rows.map((r) => (r?.detail.interval as [number, number] | undefined)?.[k] ?? null);
    const last = decays.filter((d) => d.status !== 'no_data').at(-1);
    // The forecast: the decay's fitted line from the last window on, until it crosses.
    const times = [...a.times];
    const forecast: (number | null)[] = times.map(() => null);
    const slope = last?.detail.slopePerDay as number | undefined;
    const fitted = last?.detail.fittedNow as number | undefined;
    // Drawn only when the forecast is of a crossing (a significant trend towards the level).
    const crossing = last !== undefined && last.value !== null;
    if (crossing && slope !== undefined && fitted !== undefined && times.length > 0) {
      const from = Date.parse((last as MonitorResult).windowStart) / 1000;
      const horizon = Math.min(60, Math.max(7, Math.ceil(Math.abs(last?.value ?? 14)) + 3));
      for (let d = 0; d <= horizon; d++) {
        const t = from + d * DAY_S;
        if (t <= times[times.length - 1]) continue;
        times.push(t);
        forecast.push(fitted + slope * d);
      }
      const i = a.times.indexOf(from);
      if (i >= 0) forecast[i] = fitted;
    }
    const pad = (xs: (number | null)[]) => [...xs, ...Array(times.length - xs.length).fill(null)];
    const { warning, alert } = levels(monitor.config);
    const series: ChartSeries[] = [
      { label: metric, values: pad(values), color: C.blue, width: 2 },
      { label: 'interval low', values: pad(interval(0)), color: C.sky, dash: [4, 3], width: 1 },
      { label: 'interval high', values: pad(interval(1)), color: C.sky, dash: [4, 3], width: 1 },
      { label: 'forecast', values: forecast, color: C.purple, dash: [2, 2], width: 2 },
    ];
    if (warning !== undefined)
      series.push({
        label: 'warning',
        values: times.map(() => warning),
        color: C.orange,
        dash: [8, 4],
      });
    if (alert !== undefined)
      series.push({
        label: 'alert',
        values: times.map(() => alert),
        color: C.vermillion,
        dash: [12, 4],
      });
    const present = values.filter((v): v is number => v !== null);
    return { times, series, present, last, rows };
  }, [data, metric, monitor.config]);
  if (chart === null) return <p className="muted">Loading {metric}…</p>;
  const { times, series, present, last } = chart;
  const forecastText = last?.detail.forecast as string | undefined;
  return (
    <div data-monitor={monitor.name}>
      {forecastText && (
        <p>
          <StatusBadge status={last?.status ?? 'info'} /> {forecastText}
          <span className="muted"> (window of {day(last?.windowStart ?? '')})</span>
        </p>
      )}
      <Chart
        title={`${metric} by window, with its interval and levels`}
        times={times}
        series={series}
        summary={
          present.length === 0
            ? `No ${metric} yet: labels have not joined.`
            : `${metric} from ${fmt(present[0])} to ${fmt(present[present.length - 1])} over ${present.length} windows.`
        }
      />
    </div>
  );
}

function DriftHeatmap({ model, version, monitor }: SectionProps) {
  const { data } = useApi(
    () =>
      Promise.all([
        monitorResults(model, monitor.name, version, 'feature:*', '', { detail: false }),
        monitorResults(model, monitor.name, version, 'feature:*', '', { latest: true }),
      ]),
    `drift-${model}-${version}`,
  );
  const shaped = useMemo(() => {
    if (data === undefined) return null;
    const [all, latest] = data;
    const a = align(all);
    const features = [...a.values.keys()].sort();
    const cells = features.map((f) =>
      (a.rows.get(f) ?? []).map((r) => ({ value: r?.value ?? null, alert: r?.status === 'alert' })),
    );
    const max = all.reduce((m, r) => Math.max(m, r.value ?? 0), 0.1);
    const byFeature = new Map(latest.map((r) => [r.metric, r]));
    return { a, features, cells, max, byFeature };
  }, [data]);
  if (shaped === null) return <p className="muted">Loading drift…</p>;
  const { a, features, cells, max, byFeature } = shaped;
  const lastRow = (f: string) => byFeature.get(f);
  return (
    <>
      <Heatmap
        rows={features.map((f) => f.replace(/^feature:/, ''))}
        columns={a.windows.map(day)}
        cells={cells}
        max={max}
        label="Drift statistic per feature and window"
      />
      <div className="table-wrap">
        <table>
          <caption>
            Latest window{a.windows.length > 0 ? ` (${day(a.windows[a.windows.length - 1])})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Test</th>
              <th scope="col">Statistic</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {features.map((f) => {
              const r = lastRow(f);
              const name = f.replace(/^feature:/, '');
              return (
                <tr key={f}>
                  <th scope="row">
                    <Link
                      href={`/models/${encodeURIComponent(model)}/features/${encodeURIComponent(name)}?version=${version}`}
                    >
                      {name}
                    </Link>
                  </th>
                  <td>{String(r?.detail.method ?? '—')}</td>
                  <td>{fmt(r?.value, 4)}</td>
                  <td>{r && <StatusBadge status={r.status} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ScoreDistribution({
  model,
  version,
  column,
}: {
  model: string;
  version: number;
  column: string;
}) {
  const { data } = useApi(
    () => columnProfiles(model, version, column),
    `dist-${model}-${version}-${column}`,
  );
  if (data === undefined) return <p className="muted">Loading…</p>;
  const withNumbers = data.filter((p) => p.summary.numbers !== undefined);
  if (withNumbers.length === 0)
    return <p className="muted">No numeric {column} in these windows.</p>;
  const times = withNumbers.map((p) => Date.parse(p.windowStart) / 1000);
  const q = (level: string) => withNumbers.map((p) => p.summary.numbers?.quantiles[level] ?? null);
  return (
    <Chart
      title={`${column}: quantiles by window`}
      times={times}
      series={[
        { label: 'p95', values: q('0.95'), color: C.orange, dash: [4, 3] },
        { label: 'p75', values: q('0.75'), color: C.sky },
        { label: 'median', values: q('0.5'), color: C.blue, width: 2 },
        { label: 'p25', values: q('0.25'), color: C.sky },
        { label: 'p5', values: q('0.05'), color: C.orange, dash: [4, 3] },
      ]}
      summary={`Median ${column} from ${fmt(q('0.5')[0])} to ${fmt(q('0.5').at(-1))} over ${times.length} windows.`}
    />
  );
}

function MetricsChart({
  model,
  version,
  monitor,
  metrics,
  title,
}: {
  model: string;
  version: number;
  monitor: MonitorInfo;
  metrics: string[];
  title: string;
}) {
  const { data } = useApi(
    () => monitorResults(model, monitor.name, version, undefined, '', { detail: false }),
    `m-${model}-${version}-${monitor.name}`,
  );
  if (data === undefined) return <p className="muted">Loading…</p>;
  const a = align(data);
  const colors = [C.blue, C.orange, C.vermillion, C.green];
  const series = metrics
    .filter((m) => a.values.has(m))
    .map((m, i) => ({
      label: m,
      values: a.values.get(m) ?? [],
      color: colors[i % colors.length],
      dash: i === 0 ? undefined : [6 - i, 3],
    }));
  return (
    <Chart
      title={title}
      times={a.times}
      series={series}
      summary={series.map((s) => `${s.label} latest ${fmt(lastOf(s.values))}`).join('; ')}
    />
  );
}

function Quality({ model, version, monitor }: SectionProps) {
  const { data } = useApi(
    () =>
      Promise.all([
        // One check present in every window gives the windows; findings are few.
        monitorResults(model, monitor.name, version, 'volume_ratio', '', { detail: false }),
        monitorResults(model, monitor.name, version, undefined, '', {
          detail: false,
          status: 'warning',
        }),
        monitorResults(model, monitor.name, version, undefined, '', {
          detail: false,
          status: 'alert',
        }),
        monitorResults(model, monitor.name, version, undefined, '', { latest: true }),
      ]),
    `q-${model}-${version}`,
  );
  if (data === undefined) return <p className="muted">Loading…</p>;
  const [axis, warnings, alerts, latestRows] = data;
  const a = align([...axis, ...warnings, ...alerts]);
  const count = new Map<string, number>();
  for (const r of [...warnings, ...alerts])
    count.set(r.windowStart, (count.get(r.windowStart) ?? 0) + 1);
  const problems = a.windows.map((w) => count.get(w) ?? 0);
  const latest = latestRows[0]?.windowStart;
  const shown = latestRows.filter((r) => r.status !== 'ok' || (r.value ?? 0) > 0);
  return (
    <>
      <Chart
        title="Data-quality findings (warning or alert) per window"
        times={a.times}
        series={[{ label: 'findings', values: problems, color: C.vermillion, width: 2 }]}
        summary={`${problems.filter((p) => p > 0).length} of ${problems.length} windows had findings.`}
      />
      <div className="table-wrap">
        <table>
          <caption>Latest window{latest ? ` (${day(latest)})` : ''}: what is not zero</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Value</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={3}>Nothing missing, malformed or new.</td>
              </tr>
            )}
            {shown.map((r) => (
              <tr key={r.metric}>
                <th scope="row">{r.metric}</th>
                <td>{fmt(r.value, 4)}</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Segments({ model, version, monitor }: SectionProps) {
  const metric = String(monitor.config.metric);
  const { data } = useApi(
    () =>
      Promise.all([
        monitorResults(model, monitor.name, version, metric, '*'),
        monitorResults(model, monitor.name, version, 'fairness_gap:*'),
      ]),
    `seg-${model}-${version}-${monitor.name}`,
  );
  if (data === undefined) return <p className="muted">Loading…</p>;
  const [bySegment, gaps] = data;
  const labelled = bySegment.filter((r) => r.value !== null);
  // Oldest first: the last result with a value is of the latest window measured.
  const latest = labelled.at(-1)?.windowStart;
  const rows = labelled.filter((r) => r.windowStart === latest && r.segment !== '');
  const g = align(gaps);
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption>
            {metric} per segment, window of {latest ? day(latest) : '—'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col">{metric}</th>
              <th scope="col">Interval</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r: MonitorResult) => {
              const iv = r.detail.interval as [number, number] | undefined;
              return (
                <tr key={r.segment}>
                  <th scope="row">{r.segment}</th>
                  <td>{fmt(r.value)}</td>
                  <td>{iv ? `${fmt(iv[0])} – ${fmt(iv[1])}` : '—'}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {[...g.values.keys()].map((k) => (
        <Chart
          key={k}
          title={`Fairness gap: ${k.replace(/^fairness_gap:/, '')}`}
          times={g.times}
          series={[{ label: 'gap', values: g.values.get(k) ?? [], color: C.vermillion, width: 2 }]}
          summary={`Latest gap ${fmt(lastOf(g.values.get(k)))}.`}
        />
      ))}
    </>
  );
}

/**
 * The monitoring page of the model `name`.
 *
 * @example
 * <Route path="/models/:name/monitoring">{(p) => <MonitoringPage name={p.name} />}</Route>
 */
export function MonitoringPage({ name }: { name: string }) {
  const { data, error } = useApi(
    () =>
      Promise.all([
        api<Model>(`/api/v1/models/${encodeURIComponent(name)}`),
        api<{ monitors: MonitorInfo[] }>(`/api/v1/models/${encodeURIComponent(name)}/monitors`),
      ]),
    `mon-${name}`,
  );
  const [chosen, setChosen] = useState<number>();
  if (data === undefined || error) return <Pending error={error} what={name} />;
  const [model, { monitors }] = data;
  const versions = Array.from({ length: model.latestVersion ?? 0 }, (_, i) => i + 1).reverse();
  const version = chosen ?? model.aliases.champion ?? model.latestVersion ?? 1;
  const of = (kind: string) => monitors.filter((m) => m.kind === kind);
  const decay = of('decay')[0];
  const perf = of('performance');
  const followed = keyPerformanceMonitor(monitors);
  const scoreColumn = model.task === 'regression' ? 'prediction' : 'score:1';
  return (
    <>
      <h1>
        <Link href={`/models/${encodeURIComponent(name)}`}>{name}</Link>: monitoring
      </h1>
      <div className="toolbar">
        <VersionSelect
          label="Version"
          versions={versions}
          value={version}
          onChange={setChosen}
          names={(v) =>
            Object.entries(model.aliases)
              .filter(([, n]) => n === v)
              .map(([a]) => ` (${a})`)
              .join('')
          }
        />
      </div>
      {monitors.length === 0 && <p className="muted">This model has no monitors yet.</p>}
      {perf.length > 0 && (
        <section aria-labelledby="performance">
          <h2 id="performance">Performance</h2>
          {perf.map((m) => (
            <Performance
              key={`${m.name}-${version}`}
              model={name}
              version={version}
              monitor={m}
              decay={m === followed ? decay : undefined}
            />
          ))}
        </section>
      )}
      {of('feature_drift').map((m) => (
        <section key={m.name} aria-labelledby="drift">
          <h2 id="drift">Feature drift</h2>
          <DriftHeatmap key={version} model={name} version={version} monitor={m} />
        </section>
      ))}
      <section aria-labelledby="distribution">
        <h2 id="distribution">Predictions</h2>
        <ScoreDistribution key={version} model={name} version={version} column={scoreColumn} />
      </section>
      {of('data_quality').map((m) => (
        <section key={m.name} aria-labelledby="quality">
          <h2 id="quality">Data quality</h2>
          <Quality key={version} model={name} version={version} monitor={m} />
        </section>
      ))}
      {of('operations').map((m) => (
        <section key={m.name} aria-labelledby="operations">
          <h2 id="operations">Latency and throughput</h2>
          <MetricsChart
            key={`l-${version}`}
            model={name}
            version={version}
            monitor={m}
            metrics={['latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms']}
            title="Latency percentiles (ms) by window"
          />
          <MetricsChart
            key={`t-${version}`}
            model={name}
            version={version}
            monitor={m}
            metrics={['events_per_second', 'error_rate']}
            title="Throughput (events/s) and error rate by window"
          />
        </section>
      ))}
      {followed && Array.isArray(followed.config.segments) && (
        <section aria-labelledby="segments">
          <h2 id="segments">Segments and fairness</h2>
          <Segments key={version} model={name} version={version} monitor={followed} />
        </section>
      )}
    </>
  );
}
