/**
 * A value's status from its levels: where it turns from ok to warning, and from warning to
 * alert. For a value where more is worse (a missing share, a latency) the levels are ceilings;
 * where less is worse (recall) they are floors.
 */
import type { LevelsConfig, Status } from './monitor-schemas.js';

/**
 * The status of `value` under `levels` (each level defaulting to `defaults`'s).
 *
 * @example
 * statusOf(0.12, { alert: 0.2 }, { warning: 0.05, alert: 0.2 }, 'higher'); // 'warning'
 */
export function statusOf(
  value: number | null,
  levels: LevelsConfig | undefined,
  defaults: LevelsConfig,
  worse: 'higher' | 'lower',
): Status {
  if (value === null || Number.isNaN(value)) return 'no_data';
  const { warning, alert } = { ...defaults, ...levels };
  const past = (level: number | undefined) =>
    level !== undefined && (worse === 'higher' ? value >= level : value <= level);
  if (past(alert)) return 'alert';
  if (past(warning)) return 'warning';
  return 'ok';
}

const ORDER: Record<Status, number> = { no_data: 0, ok: 1, warning: 2, alert: 3 };

/**
 * The worst of several statuses (no_data counts least).
 *
 * @example
 * worstStatus(['ok', 'alert', 'warning']); // 'alert'
 */
export function worstStatus(statuses: Status[]): Status {
  let worst: Status = 'no_data';
  for (const s of statuses) if (ORDER[s] > ORDER[worst]) worst = s;
  return worst;
}

/**
 * Whether `status` is at least `floor`.
 *
 * @example
 * atLeast('alert', 'warning'); // true
 */
export function atLeast(status: Status, floor: Status): boolean {
  return ORDER[status] >= ORDER[floor];
}
