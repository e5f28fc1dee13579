/**
 * The audit log, newest first, filtered by model, actor, action and time; older entries a page
 * at a time.
 */
import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { useApi } from '../use-api';

interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  model: string | null;
  before: unknown;
  after: unknown;
}

const PAGE = 100;
const show = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v));

/**
 * The audit page.
 *
 * @example
 * <Route path="/audit"><AuditPage /></Route>
 */
export function AuditPage() {
  const [draft, setDraft] = useState({ model: '', actor: '', action: '', from: '', to: '' });
  const [filter, setFilter] = useState(draft);
  const [before, setBefore] = useState<number[]>([]);
  const query = new URLSearchParams({ limit: String(PAGE) });
  for (const [k, v] of Object.entries(filter)) if (v.trim() !== '') query.set(k, v.trim());
  const cursor = before.at(-1);
  if (cursor !== undefined) query.set('before', String(cursor));
  const { data, error } = useApi(
    () => api<{ events: AuditEvent[] }>(`/api/v1/audit?${query}`).then((r) => r.events),
    query.toString(),
  );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setBefore([]);
    setFilter(draft);
  };
  const field = (key: keyof typeof draft, label: string, placeholder: string) => (
    <label>
      {label}{' '}
      <input
        type="text"
        value={draft[key]}
        placeholder={placeholder}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        size={14}
      />
    </label>
  );
  return (
    <>
      <h1>Audit log</h1>
      <form className="toolbar" onSubmit={apply} aria-label="Filter the audit log">
        {field('model', 'Model', 'credit-default')}
        {field('actor', 'Actor', 'maria.silva')}
        {field('action', 'Action', 'alias.set')}
        {field('from', 'From', '2026-11-01')}
        {field('to', 'To', '2026-12-01')}
        <button type="submit" className="primary">
          Filter
        </button>
      </form>
      {error && <p className="error">Could not load the audit log: {error.message}</p>}
      {data !== undefined && (
        <div className="table-wrap">
          <table>
            <caption className="skip">Audit log entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {data.map((e) => (
                <tr key={e.id} data-audit={e.action}>
                  <td>{e.at.slice(0, 16).replace('T', ' ')}</td>
                  <td>{e.actor}</td>
                  <td>{e.action}</td>
                  <td>{e.target}</td>
                  <td className="muted">{show(e.before)}</td>
                  <td>{show(e.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.length === 0 && <p className="muted">No entry matches.</p>}
        </div>
      )}
      <div className="toolbar">
        {before.length > 0 && (
          <button type="button" onClick={() => setBefore(before.slice(0, -1))}>
            Newer
          </button>
        )}
        {data !== undefined && data.length === PAGE && (
          <button type="button" onClick={() => setBefore([...before, data[data.length - 1].id])}>
            Older
          </button>
        )}
      </div>
    </>
  );
}
