/**
 * Models: each with its health at a glance — the alerts firing, the features drifted in its
 * latest window, and its performance metric over the last windows as a sparkline — searchable
 * by name, owner, task or tag.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { type Alert, api, type Model, type MonitorInfo } from '../api';
import { Sparkline } from '../components/Sparkline';
import { StatusBadge } from '../components/StatusBadge';
import { keyPerformanceMonitor, monitorResults } from '../monitoring-data';
import { useApi } from '../use-api';

interface Health {
  model: Model;
  firing: Alert[];
  drifted: string[];
  performance: { metric: string; values: (number | null)[] } | null;
}

async function healthOf(model: Model, firing: Alert[]): Promise<Health> {
  const { monitors } = await api<{ monitors: MonitorInfo[] }>(
    `/api/v1/models/${encodeURIComponent(model.name)}/monitors`,
  );
  const champion = model.aliases.champion;
  const drift = monitors.find((m) => m.kind === 'feature_drift');
  const perf = keyPerformanceMonitor(monitors);
  const [driftResults, perfResults] = await Promise.all([
    drift === undefined
      ? []
      : monitorResults(model.name, drift.name, champion, 'feature:*', '', {
          latest: true,
          detail: false,
        }),
    perf === undefined
      ? []
      : monitorResults(model.name, perf.name, champion, String(perf.config.metric), '', {
          detail: false,
        }),
  ]);
  return {
    model,
    firing,
    // The latest window's results only.
    drifted: driftResults
      .filter((r) => r.status === 'alert')
      .map((r) => r.metric.replace(/^feature:/, '')),
    performance:
      perf === undefined
        ? null
        : {
            metric: String(perf.config.metric),
            values: perfResults.slice(-60).map((r) => r.value),
          },
  };
}

async function loadHealth(): Promise<Health[]> {
  const [{ models }, { alerts }] = await Promise.all([
    api<{ models: Model[] }>('/api/v1/models'),
    api<{ alerts: Alert[] }>('/api/v1/alerts?status=firing&limit=1000'),
  ]);
  return Promise.all(
    models.map((m) =>
      healthOf(
        m,
        alerts.filter((a) => a.model === m.name),
      ),
    ),
  );
}

function HealthCell({ h }: { h: Health }) {
  if (h.firing.length === 0 && h.drifted.length === 0)
    return <StatusBadge status="ok" label="healthy" />;
  return (
    <span className="actions">
      {h.firing.length > 0 && <StatusBadge status="alert" label={`${h.firing.length} firing`} />}
      {h.drifted.length > 0 && (
        <StatusBadge status="warning" label={`${h.drifted.length} drifted`} />
      )}
    </span>
  );
}

/**
 * The models page.
 *
 * @example
 * <Route path="/"><ModelsPage /></Route>
 */
export function ModelsPage() {
  const { data, error } = useApi(loadHealth, 'models');
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = (data ?? []).filter(
    ({ model: m }) =>
      q === '' ||
      [m.name, m.owner, m.task, ...Object.entries(m.tags).map(([k, v]) => `${k}=${v}`)].some((s) =>
        s.toLowerCase().includes(q),
      ),
  );
  return (
    <>
      <h1>Models</h1>
      <div className="toolbar">
        <label>
          Search{' '}
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="name, owner, task, tag"
          />
        </label>
      </div>
      {error && <p className="error">Could not load the models: {error.message}</p>}
      {data === undefined && error === undefined && <p className="muted">Loading…</p>}
      {data !== undefined && (
        <div className="table-wrap">
          <table>
            <caption className="skip">Models and their health</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Health</th>
                <th scope="col">Performance</th>
                <th scope="col">Champion</th>
                <th scope="col">Owner</th>
                <th scope="col">Task</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((h) => (
                <tr key={h.model.name} data-model={h.model.name}>
                  <th scope="row">
                    <Link href={`/models/${encodeURIComponent(h.model.name)}`}>{h.model.name}</Link>
                    {h.drifted.length > 0 && (
                      <div className="muted">drifted: {h.drifted.join(', ')}</div>
                    )}
                  </th>
                  <td>
                    <HealthCell h={h} />
                  </td>
                  <td>
                    {h.performance === null ? (
                      <span className="muted">no performance monitor</span>
                    ) : (
                      <>
                        <Sparkline values={h.performance.values} label={h.performance.metric} />
                        <span className="muted">{h.performance.metric}</span>
                      </>
                    )}
                  </td>
                  <td>
                    {h.model.aliases.champion === undefined ? '—' : `v${h.model.aliases.champion}`}
                  </td>
                  <td>{h.model.owner || '—'}</td>
                  <td>{h.model.task.replace('_', ' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="muted">No model matches “{query}”.</p>}
        </div>
      )}
    </>
  );
}
