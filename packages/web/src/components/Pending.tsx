/**
 * What a page shows until its data is there: the error, said in words, or that it is loading.
 *
 * @example
 * if (data === undefined || error) return <Pending error={error} what="credit-default" />;
 */
export function Pending({ error, what }: { error: Error | undefined; what: string }) {
  if (error)
    return (
      <p className="error">
        Could not load {what}: {error.message}
      </p>
    );
  return <p className="muted">Loading…</p>;
}
