/**
 * What one monitor finds in one window: a metric's value in a segment, its status, and the
 * details behind it. Every evaluator answers a list of these.
 */
import type { MonitorRow } from '../store/tables.js';
import type { Status } from './monitor-schemas.js';
import type { WindowData } from './window-data.js';

export interface ResultRow {
  /** '' (the default) for all events, or `attribute=value`. */
  segment?: string;
  /** The window the result belongs to, when not the one evaluated (skew: the first). */
  windowStart?: string;
  metric: string;
  value: number | null;
  status: Status;
  detail: Record<string, unknown>;
}

/** One kind's evaluation of a window. */
export type Evaluator<Settings> = (
  settings: Settings,
  data: WindowData,
  monitor: MonitorRow,
) => Promise<ResultRow[]>;
