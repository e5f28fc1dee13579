/**
 * An event's time as the store keeps it (ISO-8601 UTC with milliseconds), for every kind of
 * event: the time it gives, or when its batch arrived.
 */
import { normalTime } from '../registry/audit-log.js';

/**
 * The time of event `index` of a batch; a time that is not one is noted in `errors`, naming
 * the event, and the arrival time stands in (the batch is then refused whole).
 *
 * @example
 * eventTime('2026-03-03T14:00+01:00', received, 0, errors); // '2026-03-03T13:00:00.000Z'
 */
export function eventTime(
  timestamp: string | undefined,
  received: string,
  index: number,
  errors: { field: string; message: string }[],
): string {
  if (timestamp === undefined) return received;
  try {
    return normalTime(timestamp, 'timestamp');
  } catch {
    errors.push({
      field: `body.${index}.timestamp`,
      message: `"${timestamp}" is not an ISO-8601 time`,
    });
    return received;
  }
}
