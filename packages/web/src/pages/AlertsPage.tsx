/**
 * Alerts, firing first: acknowledge one, or silence it for an hour or a day, from the page
 * (editors and admins; a viewer sees no buttons).
 */
import { useState } from 'react';
import { type Alert, api, type Session } from '../api';
import { StatusBadge } from '../components/StatusBadge';
import { useApi } from '../use-api';

const when = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');

function AlertActions({ alert, onChange }: { alert: Alert; onChange: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const act = async (path: string, body: unknown, method = 'POST') => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/v1/alerts/${alert.id}/${path}`, { method, body });
      onChange();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const silenced = alert.silencedUntil !== null && alert.silencedUntil > new Date().toISOString();
  return (
    <div className="actions">
      {alert.ackedBy === null && (
        <button type="button" disabled={busy} onClick={() => act('ack', {})}>
          Acknowledge
        </button>
      )}
      {silenced ? (
        <button type="button" disabled={busy} onClick={() => act('silence', undefined, 'DELETE')}>
          Unsilence
        </button>
      ) : (
        <>
          <button type="button" disabled={busy} onClick={() => act('silence', { minutes: 60 })}>
            Silence 1 h
          </button>
          <button type="button" disabled={busy} onClick={() => act('silence', { minutes: 1440 })}>
            Silence 1 day
          </button>
        </>
      )}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * The alerts page; `session` decides whether its buttons show.
 *
 * @example
 * <AlertsPage session={{ name: 'ana', role: 'editor', auth: true }} />
 */
export function AlertsPage({ session }: { session: Session }) {
  const [status, setStatus] = useState<'' | 'firing' | 'resolved'>('firing');
  const { data, error, reload } = useApi(
    () =>
      api<{ alerts: Alert[] }>(`/api/v1/alerts?limit=500${status ? `&status=${status}` : ''}`).then(
        (r) => r.alerts,
      ),
    `alerts-${status}`,
  );
  const canAct = session.role !== 'viewer';
  return (
    <>
      <h1>Alerts</h1>
      <div className="toolbar">
        <label>
          Show{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="firing">firing</option>
            <option value="resolved">resolved</option>
            <option value="">all</option>
          </select>
        </label>
      </div>
      {error && <p className="error">Could not load the alerts: {error.message}</p>}
      {data !== undefined && data.length === 0 && <p className="muted">No {status} alerts.</p>}
      {data !== undefined && data.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="skip">Alerts</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Severity</th>
                <th scope="col">Model</th>
                <th scope="col">Alert</th>
                <th scope="col">Since (UTC)</th>
                <th scope="col">Acknowledged</th>
                {canAct && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {data.map((a) => (
                <tr key={a.id} data-alert={a.id}>
                  <td>
                    <StatusBadge status={a.status === 'firing' ? 'alert' : 'ok'} label={a.status} />
                  </td>
                  <td>
                    <StatusBadge status={a.severity} />
                  </td>
                  <td>{a.model}</td>
                  <td>
                    <strong>{a.rule}</strong>
                    <div>{a.summary}</div>
                    {a.silencedUntil !== null && (
                      <div className="muted">silenced until {when(a.silencedUntil)}</div>
                    )}
                  </td>
                  <td>
                    {when(a.startsAt)}
                    {a.endsAt !== null && <div className="muted">ended {when(a.endsAt)}</div>}
                  </td>
                  <td className="acked">{a.ackedBy === null ? '—' : `by ${a.ackedBy}`}</td>
                  {canAct && (
                    <td>{a.status === 'firing' && <AlertActions alert={a} onChange={reload} />}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
