/**
 * A small line of a series (oldest first) as SVG, with its first and last values said in words
 * for screen readers; null values leave gaps. Enough for a table cell; charts use uPlot.
 */
/**
 * @example
 * <Sparkline values={[0.71, 0.69, null, 0.66]} label="recall" />
 */
export function Sparkline({
  values,
  label,
  width = 120,
  height = 28,
}: {
  values: (number | null)[];
  label: string;
  width?: number;
  height?: number;
}) {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return <span className="muted">not enough windows</span>;
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  const span = hi - lo || 1;
  const x = (i: number) => (i / (values.length - 1)) * (width - 2) + 1;
  const y = (v: number) => height - 2 - ((v - lo) / span) * (height - 4);
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  const fmt = (v: number) => v.toFixed(3);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      role="img"
      aria-label={`${label}: ${fmt(present[0])} to ${fmt(present[present.length - 1])} over ${values.length} windows`}
    >
      <path d={d} fill="none" stroke="var(--info)" strokeWidth="1.5" />
    </svg>
  );
}
