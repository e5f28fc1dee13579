/**
 * Outcome scores keep exactly the rows the rows' average precision reads — for each class the
 * scores name, its finite score of each row with a label, positive when the label is that
 * class — as the outcome profile counts them; and they go through the store bit for bit, on
 * each database, until their window is deleted or its version is.
 */
import { createRng } from '@tend/core';
import { describe, expect, it } from 'vitest';
import { insertModelRows } from '../../test/support/raw-rows.js';
import { openTestStore, testDialects } from '../../test/support/test-stores.js';
import { performanceMetric } from '../monitors/performance-metric.js';
import type { LabelledEvent } from '../monitors/window-data.js';
import { OutcomeProfile } from './outcome-profile.js';
import {
  appendOutcomeScores,
  deleteOutcomeScores,
  readOutcomeScores,
  ScoreLists,
} from './outcome-scores.js';

/** Rows of every kind the rows' metric skips: no label, no score, a score that is no number. */
function awkwardRows(n: number): LabelledEvent[] {
  const rng = createRng(5);
  const pick = <T>(xs: T[]) => xs[Math.floor(rng.next() * xs.length)];
  return Array.from({ length: n }, (_, i) => ({
    eventId: `e${i}`,
    ts: '2026-03-01T00:00:00.000Z',
    prediction: pick([0, 1, null]),
    label: pick([0, 1, 1, '1', 'yes', null]),
    scores: pick([
      null,
      {},
      { '1': Math.round(rng.next() * 20) / 20 },
      { '0': 0.25, '1': 0.75 },
      { '0': Math.round(rng.next() * 10) / 10, '1': null },
      { '1': '0.5', yes: 0.5 },
      { '1': Number.NaN, '0': Number.POSITIVE_INFINITY },
    ]) as Record<string, number> | null,
    latencyMs: null,
    segment: null,
  }));
}

describe('ScoreLists', () => {
  it('keeps the rows the rows metric reads, as the outcome profile counts them', () => {
    const rows = awkwardRows(2000);
    const lists = new ScoreLists();
    const profile = new OutcomeProfile('classification');
    for (const r of rows) {
      lists.update(r.label, r.scores);
      profile.update(r.label, r.prediction, r.scores);
    }
    for (const c of ['1', '0', 'yes']) {
      const { yTrue, yPred } = performanceMetric(
        'binary_classification',
        'averagePrecision',
        c,
      ).columns(rows);
      const kept = lists.byClass.get(c);
      expect(kept?.positives).toEqual(yPred.filter((_, i) => yTrue[i] === c));
      expect(kept?.negatives).toEqual(yPred.filter((_, i) => yTrue[i] !== c));
      const cs = profile.classes.get(c);
      expect([kept?.positives.length, kept?.negatives.length]).toEqual([
        cs?.positives,
        (cs?.n ?? 0) - (cs?.positives ?? 0),
      ]);
    }
  });
});

describe.each(testDialects())('outcome scores in the store on %s', (dialect) => {
  it('reads back every chunk of a segment and class, sorted, bit for bit', async () => {
    const { store, dispose } = await openTestStore(dialect);
    try {
      const db = store.db;
      const at = '2026-03-01T00:00:00.000Z';
      const { modelId, versionId } = await insertModelRows(db, 'm', 'binary_classification', at);
      const w = ['2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'];
      const batch = (label: number, values: number[], window = w[0], segment = '') => {
        const scores = new ScoreLists();
        for (const x of values) scores.update(label, { '1': x, '0': 1 - x });
        return { versionId: versionId, window, segment, scores };
      };
      const odd = [0.1 + 0.2, 1e-300, -0, 5e-324, 0.5];
      await appendOutcomeScores(db, modelId, [batch(1, odd), batch(0, [0.3, 0.3])]);
      await appendOutcomeScores(db, modelId, [
        batch(1, [0.9]),
        batch(1, [0.7], w[0], 'region=EU'),
        batch(1, [0.2], w[1]),
      ]);
      const read = await readOutcomeScores(db, modelId, versionId, w[0], '1', [
        '',
        'region=EU',
        'x=y',
      ]);
      expect([...(read.get('')?.positives ?? [])]).toEqual([...odd, 0.9].sort((a, b) => a - b));
      expect(Object.is(read.get('')?.positives[0], -0)).toBe(true);
      expect([...(read.get('')?.negatives ?? [])]).toEqual([0.3, 0.3]);
      expect([...(read.get('region=EU')?.positives ?? [])]).toEqual([0.7]);
      expect(read.get('x=y')?.positives.length).toBe(0);
      const zero = await readOutcomeScores(db, modelId, versionId, w[0], '0', ['']);
      expect([...(zero.get('')?.positives ?? [])]).toEqual([1 - 0.3, 1 - 0.3]);
      expect(zero.get('')?.negatives.length).toBe(odd.length + 1);
      // Deleting a window's scores leaves the other window's; deleting the version, all.
      await deleteOutcomeScores(db, modelId, versionId, w[0]);
      expect(
        (await readOutcomeScores(db, modelId, versionId, w[0], '1', [''])).get('')?.positives,
      ).toEqual(new Float64Array(0));
      const other = await readOutcomeScores(db, modelId, versionId, w[1], '1', ['']);
      expect([...(other.get('')?.positives ?? [])]).toEqual([0.2]);
      await db.deleteFrom('versions').where('id', '=', versionId).execute();
      expect(await db.selectFrom('outcome_scores').select('id').execute()).toEqual([]);
    } finally {
      await dispose();
    }
  });
});
