/**
 * A status or severity as a word in its colour: never colour alone.
 *
 * @example
 * <StatusBadge status="alert" label="3 firing" />
 */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge ${status}`}>{label ?? status.replace('_', ' ')}</span>;
}
