/**
 * `outputs`: predictions no sane model should make. The share of predictions outside the
 * range set (`min`, `max`: a price below zero), of class scores outside [0, 1], and of
 * confidently wrong predictions (labelled, wrong, with the predicted class's score at least
 * `confidentWrong`). Shares of a window over the exact limit come from its sketches; the
 * confidently wrong share of a window of more than EXACT_LABELS labels from its outcome
 * profile (exact for a threshold in hundredths, as the default 0.9; else within `errorBound`).
 */
import type { ColumnProfile } from '../../profiles/column-profile.js';
import { statusOf } from '../levels.js';
import type { LevelsConfig, OutputsSettings } from '../monitor-schemas.js';
import { windowLabels } from '../performance-metric.js';
import type { Evaluator, ResultRow } from '../result-row.js';
import { nextDown } from './data-quality.js';

const SHARE_DEFAULTS: LevelsConfig = { warning: 0.01, alert: 0.05 };

/** The share of a profile's numbers below `min` or above `max` (from its KLL sketch). */
function shareOutside(
  p: ColumnProfile,
  min: number | undefined,
  max: number | undefined,
): number | null {
  const q = p.quantiles;
  if (q === null || q.n === 0) return null;
  const below = min === undefined ? 0 : q.rank(nextDown(min));
  const above = max === undefined ? 0 : 1 - q.rank(max);
  return below + above;
}

/**
 * The unreasonable-output results of a window.
 *
 * @example
 * await outputs({ min: 0 }, data, monitor); // [{ metric: 'out_of_range_prediction_share', value: 0.002, status: 'ok', … }, …]
 */
export const outputs: Evaluator<OutputsSettings> = async (settings, data) => {
  const rows: ResultRow[] = [];
  const status = (v: number | null) => statusOf(v, settings.share, SHARE_DEFAULTS, 'higher');
  const prediction = data.profile('prediction');
  if (settings.min !== undefined || settings.max !== undefined) {
    const share =
      prediction === undefined ? null : shareOutside(prediction, settings.min, settings.max);
    rows.push({
      metric: 'out_of_range_prediction_share',
      value: share,
      status: status(share),
      detail: {
        min: settings.min ?? null,
        max: settings.max ?? null,
        minSeen: prediction?.moments?.min ?? null,
        maxSeen: prediction?.moments?.max ?? null,
      },
    });
  }
  const scores = data.columns().filter((c) => c.startsWith('score:'));
  if (scores.length > 0) {
    let outside = 0;
    let n = 0;
    for (const c of scores) {
      const p = data.profile(c) as ColumnProfile;
      const share = shareOutside(p, 0, 1);
      if (share === null) continue;
      const count = p.quantiles?.n ?? 0;
      outside += share * count;
      n += count;
    }
    const share = n === 0 ? null : outside / n;
    rows.push({
      metric: 'out_of_range_score_share',
      value: share,
      status: status(share),
      detail: { scores: n },
    });
  }
  if (data.owner.task.endsWith('classification')) {
    const confidence = settings.confidentWrong ?? 0.9;
    const labels = await windowLabels(data);
    const profile = labels.profiles?.profile('');
    let scored = 0;
    let wrong = 0;
    const detail: Record<string, unknown> = { confidence };
    if (profile !== undefined) {
      const counted = profile.confidentWrong(confidence);
      scored = profile.scored;
      wrong = counted.wrong;
      detail.source = 'outcome_profile';
      detail.exact = counted.exact;
      if (!counted.exact && scored > 0) {
        // Scores are kept in hundredths: a threshold between two counts half its hundredth.
        detail.errorBound = counted.bound / scored;
      }
    } else {
      for (const e of await labels.rows()) {
        if (e.scores === null || e.prediction === null || e.label === null) continue;
        const predicted = String(e.prediction);
        const score = e.scores[predicted];
        if (typeof score !== 'number') continue;
        scored++;
        if (score >= confidence && predicted !== String(e.label)) wrong++;
      }
    }
    const share = scored === 0 ? null : wrong / scored;
    rows.push({
      metric: 'confident_wrong_share',
      value: share,
      status: status(share),
      detail: { ...detail, labelled: scored, wrong },
    });
  }
  return rows;
};
