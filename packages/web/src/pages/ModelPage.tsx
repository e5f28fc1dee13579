/**
 * A model: what it is; its versions with their metrics, two of them compared side by side;
 * its aliases' history on a timeline (who moved `champion`, when, why), with a form to move
 * one; a version's lineage and its model card.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import {
  type AliasEvent,
  api,
  type Comparison,
  type Lineage,
  type Model,
  type Session,
  type Version,
} from '../api';
import { Pending } from '../components/Pending';
import { StatusBadge } from '../components/StatusBadge';
import { VersionSelect } from '../components/VersionSelect';
import { useApi } from '../use-api';
import { AliasTimeline, MoveAlias } from './AliasTimeline';

const day = (iso: string) => iso.slice(0, 10);
const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(4);

async function loadModel(name: string) {
  const base = `/api/v1/models/${encodeURIComponent(name)}`;
  const [model, { versions }, { events }] = await Promise.all([
    api<Model>(base),
    api<{ versions: Version[] }>(`${base}/versions`),
    api<{ events: AliasEvent[] }>(`${base}/alias-history`),
  ]);
  return { model, versions: versions.sort((a, b) => b.version - a.version), events };
}

function Compare({ model, versions }: { model: string; versions: Version[] }) {
  const [a, setA] = useState(versions[1]?.version ?? versions[0]?.version);
  const [b, setB] = useState(versions[0]?.version);
  const { data, error } = useApi(
    () =>
      versions.length < 2
        ? Promise.resolve(undefined)
        : api<Comparison>(`/api/v1/models/${encodeURIComponent(model)}/compare?a=${a}&b=${b}`),
    `${model}-${a}-${b}`,
  );
  if (versions.length < 2) return null;
  const numbers = versions.map((v) => v.version);
  return (
    <section aria-labelledby="compare">
      <h2 id="compare">Compare versions</h2>
      <div className="toolbar">
        <VersionSelect label="Version" versions={numbers} value={a} onChange={setA} />
        <VersionSelect label="with" versions={numbers} value={b} onChange={setB} />
      </div>
      {error && <p className="error">{error.message}</p>}
      {data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">v{a}</th>
                <th scope="col">v{b}</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {data.metrics.map((m) => (
                <tr key={m.name}>
                  <th scope="row">{m.name}</th>
                  <td>{fmt(m.a)}</td>
                  <td>{fmt(m.b)}</td>
                  <td>
                    {m.delta === undefined
                      ? m.change
                      : `${m.delta > 0 ? '+' : ''}${m.delta.toFixed(4)}`}
                  </td>
                </tr>
              ))}
              {data.params
                .filter((p) => p.change !== 'same')
                .map((p) => (
                  <tr key={`param-${p.name}`}>
                    <th scope="row">{p.name} (parameter)</th>
                    <td>{String(p.a ?? '—')}</td>
                    <td>{String(p.b ?? '—')}</td>
                    <td>{p.change}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LineageView({ model, version }: { model: string; version: Version }) {
  const { data } = useApi(
    () =>
      api<Lineage>(
        `/api/v1/models/${encodeURIComponent(model)}/versions/${version.version}/lineage`,
      ),
    `${model}-${version.version}-lineage`,
  );
  if (data === undefined) return null;
  const label = new Map(data.nodes.map((n) => [n.id, n.label]));
  return (
    <ul className="lineage">
      {data.edges.map((e) => (
        <li key={`${e.from}-${e.relation}-${e.to}`}>
          {label.get(e.from)} <span className="muted">{e.relation.replaceAll('_', ' ')}</span>{' '}
          {label.get(e.to)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The page of the model `name`; `session` decides whether its forms show.
 *
 * @example
 * <Route path="/models/:name">{(p) => <ModelPage name={p.name} session={session} />}</Route>
 */
export function ModelPage({ name, session }: { name: string; session: Session }) {
  const { data, error, reload } = useApi(() => loadModel(name), `model-${name}`);
  const [selected, setSelected] = useState<number>();
  if (data === undefined || error) return <Pending error={error} what={name} />;
  const { model, versions, events } = data;
  const shown = versions.find((v) => v.version === selected) ?? versions[0];
  const metricNames = [...new Set(versions.flatMap((v) => Object.keys(v.metrics)))].sort();
  return (
    <>
      <h1>{model.name}</h1>
      <nav className="tabs" aria-label="Model">
        <Link href={`/models/${encodeURIComponent(model.name)}/monitoring`}>Monitoring</Link>
      </nav>
      <p>{model.description}</p>
      <p className="muted">
        {model.task.replace('_', ' ')} · owner {model.owner || '—'} ·{' '}
        {Object.entries(model.tags)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}
      </p>
      <p>
        {Object.entries(model.aliases).map(([a, v]) => (
          <span key={a} className="badge info" style={{ marginRight: '0.4rem' }}>
            {a}: v{v}
          </span>
        ))}
      </p>

      <section aria-labelledby="versions">
        <h2 id="versions">Versions</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                {metricNames.map((m) => (
                  <th scope="col" key={m}>
                    {m}
                  </th>
                ))}
                <th scope="col">Aliases</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} data-version={v.version}>
                  <th scope="row">
                    <button type="button" onClick={() => setSelected(v.version)}>
                      v{v.version}
                    </button>
                  </th>
                  <td>
                    {day(v.createdAt)} <span className="muted">by {v.createdBy}</span>
                  </td>
                  <td>
                    <StatusBadge status={v.status === 'ready' ? 'ok' : 'info'} label={v.status} />
                  </td>
                  {metricNames.map((m) => (
                    <td key={m}>{fmt(v.metrics[m])}</td>
                  ))}
                  <td>{v.aliases.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <Compare model={model.name} versions={versions} />

      <section aria-labelledby="aliases">
        <h2 id="aliases">Alias history</h2>
        {session.role !== 'viewer' && versions.length > 0 && (
          <MoveAlias
            model={model.name}
            versions={versions}
            aliases={Object.keys(model.aliases)}
            onMoved={reload}
          />
        )}
        <AliasTimeline events={events} />
      </section>

      {shown && (
        <section aria-labelledby="version-detail">
          <h2 id="version-detail">Version {shown.version}</h2>
          <p>{shown.description}</p>
          <dl className="card">
            {[
              ['Code', shown.codeCommit],
              ['Pipeline', shown.pipelineVersion],
              ['Data', shown.dataRef],
              ['Run', shown.runId],
              ['Parent', shown.parent ? `${shown.parent.model} v${shown.parent.version}` : null],
              ...Object.entries(shown.card),
            ]
              .filter(([, v]) => v !== null && v !== undefined && v !== '')
              .map(([k, v]) => (
                <div key={k as string}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
          <h3>Lineage</h3>
          <LineageView model={model.name} version={shown} />
        </section>
      )}
    </>
  );
}
