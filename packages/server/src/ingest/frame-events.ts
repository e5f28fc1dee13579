/**
 * The rows of a file (a Frame read by `readFrame`) as prediction events and labels, for
 * backfills: which columns are the id, the time, the prediction, the class probabilities, the
 * segments and the label, and every other column a feature. Without an id column an event's
 * id is the file's name and its row number, so that running the same backfill twice stores
 * each row once.
 */
import { basename } from 'node:path';
import type { Column, Frame } from '../io/frame.js';
import { numbersOf } from '../io/frame.js';
import type { LabelEvent, PredictionEvent } from './event-schemas.js';

export interface EventMapping {
  prediction: string;
  id?: string;
  timestamp?: string;
  /** One column per class, named by the class. */
  probabilities?: string[];
  segments?: string[];
  label?: string;
  ignore?: string[];
  version?: number;
  alias?: string;
}

type Cell = number | string | null;

/**
 * A reader of one column's cells by row: numbers, ISO times, or category text; null when
 * missing.
 *
 * @example
 * const cell = cellsOf(frame.columns[0]); cell(0); // 31
 */
export function cellsOf(column: Column): (row: number) => Cell {
  if (column.kind === 'categorical') {
    const { codes, dictionary } = column;
    return (row) => (codes[row] < 0 ? null : dictionary[codes[row]]);
  }
  const values = numbersOf(column);
  if (column.kind === 'datetime') {
    return (row) => (Number.isNaN(values[row]) ? null : new Date(values[row]).toISOString());
  }
  return (row) => (Number.isNaN(values[row]) ? null : values[row]);
}

/**
 * The events of rows [from, to), and their labels when a label column is mapped; throws naming
 * the column when a mapped column is not in the file.
 *
 * @example
 * const { events } = frameEvents(frame, { prediction: 'score', id: 'id' }, 0, 1000);
 */
export function frameEvents(
  frame: Frame,
  mapping: EventMapping,
  from: number,
  to: number,
): { events: PredictionEvent[]; labels: LabelEvent[] } {
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  const need = (name: string, what: string) => {
    const c = byName.get(name);
    if (c === undefined) throw new Error(`${what} column "${name}" is not in ${frame.source}`);
    return cellsOf(c);
  };
  const prediction = need(mapping.prediction, 'the prediction');
  const id = mapping.id === undefined ? undefined : need(mapping.id, 'the id');
  const timestamp =
    mapping.timestamp === undefined ? undefined : need(mapping.timestamp, 'the timestamp');
  const label = mapping.label === undefined ? undefined : need(mapping.label, 'the label');
  const probabilities = (mapping.probabilities ?? []).map(
    (c) => [c, need(c, 'a probability')] as const,
  );
  const segments = (mapping.segments ?? []).map((c) => [c, need(c, 'a segment')] as const);
  const mapped = new Set(
    [
      mapping.prediction,
      mapping.id,
      mapping.timestamp,
      mapping.label,
      ...(mapping.probabilities ?? []),
      ...(mapping.segments ?? []),
      ...(mapping.ignore ?? []),
    ].filter((c): c is string => c !== undefined),
  );
  for (const c of mapping.ignore ?? []) need(c, 'an ignored');
  const features = frame.columns
    .filter((c) => !mapped.has(c.name))
    .map((c) => [c.name, cellsOf(c)] as const);
  const file = basename(frame.source);
  const events: PredictionEvent[] = [];
  const labels: LabelEvent[] = [];
  for (let row = from; row < to; row++) {
    const eventId =
      id === undefined ? `${file}:${row + 1}` : String(id(row) ?? `${file}:${row + 1}`);
    const out = prediction(row);
    if (out === null) {
      throw new Error(
        `row ${row + 1} of ${frame.source} has no value in the prediction column "${mapping.prediction}"`,
      );
    }
    const event: PredictionEvent = {
      id: eventId,
      features: Object.fromEntries(features.map(([name, cell]) => [name, cell(row)])),
      prediction: out,
    };
    const ts = timestamp?.(row);
    if (typeof ts === 'string') event.timestamp = ts;
    if (mapping.version !== undefined) event.version = mapping.version;
    else if (mapping.alias !== undefined) event.alias = mapping.alias;
    if (probabilities.length > 0) {
      event.probabilities = Object.fromEntries(
        probabilities.flatMap(([name, cell]) => {
          const p = cell(row);
          return typeof p === 'number' ? [[name, p]] : [];
        }),
      );
    }
    if (segments.length > 0) {
      event.segment = Object.fromEntries(
        segments.flatMap(([name, cell]) => {
          const v = cell(row);
          return v === null ? [] : [[name, String(v)]];
        }),
      );
    }
    events.push(event);
    const truth = label?.(row);
    if (truth !== undefined && truth !== null) labels.push({ id: eventId, label: truth });
  }
  return { events, labels };
}
