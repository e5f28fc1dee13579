/**
 * A time-series chart (uPlot: canvas, fast with thousands of points) in a figure with its
 * caption; each series a colour of the palette and, for the colour-blind, its own dash. The
 * canvas is hidden from screen readers: `summary` says in words what it shows.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
  width?: number;
}

/**
 * @example
 * <Chart title="recall" times={[1730000000, 1730086400]} series={[{ label: 'recall', values: [0.7, 0.68], color: '#0072b2' }]} summary="recall from 0.70 to 0.68" />
 */
export function Chart({
  title,
  times,
  series,
  summary,
  height = 220,
  yRange,
}: {
  title: string;
  /** Unix seconds, increasing. */
  times: number[];
  series: ChartSeries[];
  summary: string;
  height?: number;
  yRange?: [number, number];
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null || times.length === 0) return;
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height,
        legend: { show: true },
        scales: { x: { time: true }, ...(yRange ? { y: { range: yRange } } : {}) },
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: s.width ?? 1.5,
            dash: s.dash,
            spanGaps: false,
          })),
        ],
      },
      [times, ...series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    // Follow the width of the page (a narrow window, a rotated phone).
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, el.clientWidth), height }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, series, height, yRange]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} aria-hidden="true" />
      <p className="muted chart-summary">{summary}</p>
    </figure>
  );
}
