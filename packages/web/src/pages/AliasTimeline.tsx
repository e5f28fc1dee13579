/**
 * A model's aliases through time: every move of every alias, newest first, with who moved it,
 * when and why; and, for editors, a form to move one (the reason is recorded with it).
 */
import { type FormEvent, useState } from 'react';
import { type AliasEvent, api, type Version } from '../api';
import { VersionSelect } from '../components/VersionSelect';

const when = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');

function describe(e: AliasEvent): string {
  const to = e.version === null ? 'removed' : `v${e.version}`;
  const from = e.previous === null ? '' : ` (was v${e.previous})`;
  const verb = e.action === 'rollback' ? 'rolled back to' : e.action === 'delete' ? '' : '→';
  return `${e.alias} ${verb} ${to}${from}`.replace(/\s+/g, ' ');
}

/**
 * The timeline, newest first.
 *
 * @example
 * <AliasTimeline events={events} />
 */
export function AliasTimeline({ events }: { events: AliasEvent[] }) {
  if (events.length === 0) return <p className="muted">No alias has been set.</p>;
  return (
    <ol className="timeline" aria-label="Alias moves, newest first">
      {events.map((e) => (
        <li key={`${e.alias}-${e.at}-${e.action}`} data-alias={e.alias}>
          <time dateTime={e.at}>{when(e.at)}</time> <strong>{describe(e)}</strong> by {e.actor}
          {e.reason && <div className="reason">“{e.reason}”</div>}
        </li>
      ))}
    </ol>
  );
}

/**
 * Move (or set) an alias to a version, with a reason.
 *
 * @example
 * <MoveAlias model="churn" versions={versions} aliases={['champion']} onMoved={reload} />
 */
export function MoveAlias({
  model,
  versions,
  aliases,
  onMoved,
}: {
  model: string;
  versions: Version[];
  aliases: string[];
  onMoved: () => void;
}) {
  const [alias, setAlias] = useState(aliases[0] ?? 'champion');
  const [version, setVersion] = useState(versions[0]?.version ?? 1);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api(
        `/api/v1/models/${encodeURIComponent(model)}/aliases/${encodeURIComponent(alias)}`,
        {
          method: 'PUT',
          body: { version, ...(reason.trim() ? { reason: reason.trim() } : {}) },
        },
      );
      setReason('');
      onMoved();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="toolbar" onSubmit={submit} aria-label="Move an alias">
      <label>
        Alias{' '}
        <input
          type="text"
          list="alias-names"
          value={alias}
          onChange={(e) => setAlias(e.target.value)}
          size={12}
          required
        />
      </label>
      <datalist id="alias-names">
        {aliases.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <VersionSelect
        label="to version"
        versions={versions.map((v) => v.version)}
        value={version}
        onChange={setVersion}
      />
      <label>
        because <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        Move
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
