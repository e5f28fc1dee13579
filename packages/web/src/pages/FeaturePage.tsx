/**
 * A feature of a model's version: its distribution in the reference next to the latest
 * window's (quantiles, or the most frequent values), and its drift statistic over time.
 */
import { Link, useSearch } from 'wouter';
import { api, type Model, type MonitorInfo } from '../api';
import { Chart } from '../components/Chart';
import { Pending } from '../components/Pending';
import { StatusBadge } from '../components/StatusBadge';
import { align, columnProfiles, monitorResults, type ProfileRow } from '../monitoring-data';
import { useApi } from '../use-api';

interface ReferenceColumn {
  column: string;
  summary: ProfileRow['summary'];
}

const QUANTILES = ['0.01', '0.05', '0.25', '0.5', '0.75', '0.95', '0.99'];
const fmt = (v: number | undefined) =>
  v === undefined ? '—' : Number(v.toPrecision(6)).toString();

async function load(model: string, feature: string, asked: number | undefined) {
  const base = `/api/v1/models/${encodeURIComponent(model)}`;
  const [m, { monitors }] = await Promise.all([
    api<Model>(base),
    api<{ monitors: MonitorInfo[] }>(`${base}/monitors`),
  ]);
  const version = asked ?? m.aliases.champion ?? m.latestVersion ?? 1;
  const column = `feature:${feature}`;
  const drift = monitors.find((x) => x.kind === 'feature_drift');
  const [reference, windows, drifts] = await Promise.all([
    api<{ columns: ReferenceColumn[] }>(`${base}/versions/${version}/reference`).then(
      (r) => r.columns.find((c) => c.column === column) ?? null,
      () => null,
    ),
    columnProfiles(model, version, column),
    drift === undefined ? Promise.resolve([]) : monitorResults(model, drift.name, version, column),
  ]);
  return { version, reference, latest: windows.at(-1) ?? null, drifts };
}

/**
 * The page of `feature` of the model `name`.
 *
 * @example
 * <Route path="/models/:name/features/:feature">{(p) => <FeaturePage name={p.name} feature={p.feature} />}</Route>
 */
export function FeaturePage({ name, feature }: { name: string; feature: string }) {
  const search = new URLSearchParams(useSearch());
  const asked = search.has('version') ? Number(search.get('version')) : undefined;
  const { data, error } = useApi(() => load(name, feature, asked), `f-${name}-${feature}-${asked}`);
  if (data === undefined || error) return <Pending error={error} what={feature} />;
  const { version, reference, latest, drifts } = data;
  const a = align(drifts);
  const last = drifts.at(-1);
  const refN = reference?.summary.numbers;
  const curN = latest?.summary.numbers;
  const items = [
    ...new Set([
      ...(reference?.summary.items?.top ?? []).map((t) => t.value),
      ...(latest?.summary.items?.top ?? []).map((t) => t.value),
    ]),
  ];
  const share = (s: ProfileRow['summary'] | undefined, v: string) => {
    const t = s?.items?.top.find((x) => x.value === v);
    return t === undefined || !s ? undefined : t.count / s.count;
  };
  return (
    <>
      <h1>
        <Link href={`/models/${encodeURIComponent(name)}/monitoring`}>{name}</Link> v{version}:{' '}
        {feature}
      </h1>
      {last && (
        <p>
          <StatusBadge status={last.status} /> {String(last.detail.reason ?? '')}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption>
            Reference against the window of {latest ? latest.windowStart.slice(0, 10) : '—'}
          </caption>
          <thead>
            <tr>
              <th scope="col">{refN || curN ? 'Quantile' : 'Value'}</th>
              <th scope="col">Reference</th>
              <th scope="col">Latest window</th>
            </tr>
          </thead>
          <tbody>
            {(refN || curN) &&
              QUANTILES.map((q) => (
                <tr key={q}>
                  <th scope="row">{q === '0.5' ? 'median' : `p${Number(q) * 100}`}</th>
                  <td>{fmt(refN?.quantiles[q])}</td>
                  <td>{fmt(curN?.quantiles[q])}</td>
                </tr>
              ))}
            {!refN &&
              !curN &&
              items.map((v) => (
                <tr key={v}>
                  <th scope="row">{v}</th>
                  <td>{fmt(share(reference?.summary, v))}</td>
                  <td>{fmt(share(latest?.summary, v))}</td>
                </tr>
              ))}
            <tr>
              <th scope="row">missing</th>
              <td>{reference ? reference.summary.missing : '—'}</td>
              <td>{latest ? latest.summary.missing : '—'}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <Chart
        title={`${feature}: drift statistic by window`}
        times={a.times}
        series={[
          {
            label: 'statistic',
            values: a.values.get(`feature:${feature}`) ?? [],
            color: '#0072b2',
            width: 2,
          },
        ]}
        summary={`${a.times.length} windows; latest ${fmt(last?.value ?? undefined)} (${last?.status ?? 'no data'}).`}
      />
    </>
  );
}
