/**
 * Verdict badges. Each says its verdict in words and a symbol as well as colour, so the page
 * reads the same in greyscale, in print and to a reader who cannot tell the colours apart.
 */

/**
 * A drift verdict: drifted, stable, or not tested (no test ran on the column).
 *
 * @example
 * driftBadge(true); // '<span class="badge bad">▲ drift</span>'
 */
export function driftBadge(drifted: boolean | undefined): string {
  if (drifted === undefined) return '<span class="badge none">not tested</span>';
  return drifted
    ? '<span class="badge bad">▲ drift</span>'
    : '<span class="badge good">✓ stable</span>';
}

/**
 * A pass/fail verdict for a condition or a check.
 *
 * @example
 * passBadge(false); // '<span class="badge bad">✗ failed</span>'
 */
export function passBadge(passed: boolean): string {
  return passed
    ? '<span class="badge good">✓ passed</span>'
    : '<span class="badge bad">✗ failed</span>';
}
