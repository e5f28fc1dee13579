/**
 * `tend ingest FILE --model M`: backfill a model's production history from a CSV, NDJSON or
 * Parquet file — each row a prediction event (and its label, with `--label`) — sent to the
 * server in batches, with a progress bar on a terminal. Sending the same file again stores
 * nothing twice (events are stored once by id).
 */

import { type EventMapping, frameEvents } from '../ingest/frame-events.js';
import { readFrame } from '../io/read-frame.js';
import { ApiError, apiClient, seg } from './api-client.js';
import { out, positiveInt, run, UsageError } from './command-helpers.js';
import { progressBar } from './progress-bar.js';

export interface IngestFlags {
  model: string;
  prediction: string;
  id?: string;
  timestamp?: string;
  probabilities?: string;
  segment?: string[];
  label?: string;
  ignore?: string[];
  version?: string;
  alias?: string;
  batch: string;
}

const list = (values: string[] | undefined) =>
  values?.flatMap((v) => v.split(',')).filter((v) => v !== '');

/**
 * Run the backfill.
 *
 * @example
 * await runIngest('history.csv', { model: 'churn', prediction: 'score', version: '3', batch: '1000' });
 */
export async function runIngest(file: string, flags: IngestFlags): Promise<void> {
  await run(async () => {
    const size = positiveInt(flags.batch, '--batch');
    if (size > 10_000)
      throw new UsageError(
        '--batch must be at most 10000 (the server takes 10 000 events a request)',
      );
    if (flags.version !== undefined && flags.alias !== undefined) {
      throw new UsageError('give --version or --alias, not both');
    }
    const mapping: EventMapping = {
      prediction: flags.prediction,
      id: flags.id,
      timestamp: flags.timestamp,
      probabilities: list(flags.probabilities === undefined ? undefined : [flags.probabilities]),
      segments: list(flags.segment),
      label: flags.label,
      ignore: list(flags.ignore),
      version: flags.version === undefined ? undefined : positiveInt(flags.version, '--version'),
      alias: flags.alias,
    };
    const reading = progressBar(`reading ${file}`);
    let frame: Awaited<ReturnType<typeof readFrame>>;
    try {
      frame = await readFrame(file, { onProgress: (read, total) => reading.update(read / total) });
    } catch (error) {
      throw new UsageError((error as Error).message);
    } finally {
      reading.done();
    }
    const api = apiClient();
    const path = `/api/v1/models/${seg(flags.model)}`;
    const sending = progressBar(`sending ${frame.rowCount} events`);
    const totals = { accepted: 0, duplicates: 0, findings: 0, labels: 0 };
    try {
      for (let from = 0; from < frame.rowCount; from += size) {
        const to = Math.min(frame.rowCount, from + size);
        let batch: ReturnType<typeof frameEvents>;
        try {
          batch = frameEvents(frame, mapping, from, to);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        const answer = (await api
          .post(`${path}/predictions`, batch.events)
          .catch((error: ApiError) => {
            const before = from === 0 ? '' : ` (rows 1–${from} were stored)`;
            throw new ApiError(
              `rows ${from + 1}–${to} were refused: ${error.message}${before}`,
              error.status,
            );
          })) as { accepted: number; duplicates: number; findings: Record<string, number> };
        totals.accepted += answer.accepted;
        totals.duplicates += answer.duplicates;
        totals.findings +=
          answer.findings.missing +
          answer.findings.type +
          answer.findings.category +
          answer.findings.unexpected;
        if (batch.labels.length > 0) {
          totals.labels += (
            (await api.post(`${path}/labels`, batch.labels)) as { accepted: number }
          ).accepted;
        }
        sending.update(to / frame.rowCount);
      }
    } finally {
      sending.done();
    }
    out(
      `${flags.model}: ${totals.accepted} events stored, ${totals.duplicates} already stored` +
        `${mapping.label ? `, ${totals.labels} labels` : ''}` +
        `${totals.findings > 0 ? `; ${totals.findings} feature values did not match the version's input schema` : ''}\n`,
    );
  });
}
