/**
 * "Nice" axis ticks (1, 2, 2.5 or 5 times a power of ten) for the charts' value axis, the way
 * plotting libraries pick them, so gridlines land on round numbers a reader can use.
 */

/**
 * Ticks from 0 to at least `max`, about `target` of them, on a round step.
 *
 * @example
 * niceTicks(0.37, 4); // [0, 0.1, 0.2, 0.3, 0.4]
 */
export function niceTicks(max: number, target = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const n = Math.ceil(max / step - 1e-9);
  // Multiply rather than accumulate so 0.1 + 0.2 never shows as 0.30000000000000004.
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}
