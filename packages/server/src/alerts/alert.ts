/**
 * An alert as the channels send it: which rule fired (or stopped firing) for which model, how
 * severe, why in words, and its labels, with a fingerprint that stays the same for the same
 * rule and labels so receivers deduplicate it.
 */
import { createHash } from 'node:crypto';

export type Severity = 'info' | 'warning' | 'critical';

export interface Alert {
  /** The same for the same rule, model and labels: receivers group and deduplicate by it. */
  fingerprint: string;
  rule: string;
  model: string;
  severity: Severity;
  status: 'firing' | 'resolved';
  summary: string;
  description?: string;
  labels: Record<string, string>;
  /** The monitor's value that fired the rule. */
  value?: number;
  startsAt: string;
  /** When it resolved (set with status resolved). */
  endsAt?: string;
  /** Where to look: the model's page on Tend's dashboard. */
  url?: string;
}

/**
 * The fingerprint of a rule, model and labels.
 *
 * @example
 * alertFingerprint('feature-drift', 'churn', { feature: 'age' }); // '5f0c…' (16 hex digits)
 */
export function alertFingerprint(
  rule: string,
  model: string,
  labels: Record<string, string>,
): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`);
  return createHash('sha256')
    .update([rule, model, ...sorted].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}
