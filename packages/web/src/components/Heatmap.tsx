/**
 * A heatmap of rows (features) by columns (windows), drawn on one canvas so a year of daily
 * windows by dozens of features stays fast. A cell's shade is its value on a light-to-dark
 * blue scale, and a cell whose status is alert is marked with an orange dot, so neither colour
 * nor shade alone carries it. Hovering a cell names it; the table beside it gives the latest
 * window in words.
 */
import { useEffect, useRef, useState } from 'react';

export interface HeatmapCell {
  value: number | null;
  alert: boolean;
}

const CELL_H = 16;
const LABEL_W = 150;

function shade(t: number): string {
  // Light (#e8f1f8) to dark blue (#08306b), perceptually even enough for a glance.
  const a = [232, 241, 248];
  const b = [8, 48, 107];
  const c = a.map((x, i) => Math.round(x + (b[i] - x) * Math.min(1, Math.max(0, t))));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/**
 * @example
 * <Heatmap rows={['age']} columns={['2026-03-01']} cells={[[{ value: 0.2, alert: true }]]} max={0.3} label="drift" />
 */
export function Heatmap({
  rows,
  columns,
  cells,
  max,
  label,
}: {
  rows: string[];
  columns: string[];
  /** cells[row][column]. */
  cells: HeatmapCell[][];
  max: number;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<string>();
  const width = Math.max(
    320,
    LABEL_W + columns.length * Math.max(2, Math.min(12, 900 / columns.length)),
  );
  const cellW = (width - LABEL_W) / Math.max(1, columns.length);
  useEffect(() => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = width * ratio;
    c.height = rows.length * CELL_H * ratio;
    g.scale(ratio, ratio);
    g.font = '12px system-ui, sans-serif';
    g.textBaseline = 'middle';
    rows.forEach((r, i) => {
      g.fillStyle = '#17202a';
      g.fillText(r.length > 22 ? `${r.slice(0, 21)}…` : r, 2, i * CELL_H + CELL_H / 2);
      cells[i].forEach((cell, j) => {
        const x = LABEL_W + j * cellW;
        g.fillStyle = cell.value === null ? '#ffffff' : shade(cell.value / (max || 1));
        g.fillRect(x, i * CELL_H + 1, Math.max(1, cellW - 0.5), CELL_H - 2);
        if (cell.alert) {
          g.fillStyle = '#e69f00';
          g.beginPath();
          g.arc(x + cellW / 2, i * CELL_H + CELL_H / 2, Math.min(3, cellW / 2), 0, 2 * Math.PI);
          g.fill();
        }
      });
    });
  }, [rows, cells, max, width, cellW]);
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const i = Math.floor((e.clientY - rect.top) / CELL_H);
    const j = Math.floor((e.clientX - rect.left - LABEL_W) / cellW);
    const cell = cells[i]?.[j];
    if (cell === undefined) return setHover(undefined);
    const v = cell.value === null ? 'no value' : cell.value.toFixed(4);
    setHover(`${rows[i]}, ${columns[j]}: ${v}${cell.alert ? ' (drifted)' : ''}`);
  };
  return (
    <figure className="chart">
      <figcaption>{label}</figcaption>
      <div className="table-wrap">
        <canvas
          ref={canvas}
          style={{ width, height: rows.length * CELL_H }}
          onMouseMove={onMove}
          onMouseLeave={() => setHover(undefined)}
          role="img"
          aria-label={`${label}: ${rows.length} features by ${columns.length} windows; the table below gives the latest window`}
          data-cells={rows.length * columns.length}
        />
      </div>
      <p className="muted chart-summary" aria-live="polite">
        {hover ??
          `${rows.length} features × ${columns.length} windows; darker is more drift, a dot marks drifted.`}
      </p>
    </figure>
  );
}
