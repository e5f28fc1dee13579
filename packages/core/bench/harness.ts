/**
 * A tiny benchmark harness: each `*.bench.ts` file default-exports a function returning its
 * figures, and `run.ts` prints them all as one JSON document. Figures are what was measured
 * on this run: never a constant.
 */
export type Figures = Record<string, number | string>;

/** Median wall time in milliseconds of `fn` over `repeats` runs, after one warm-up run. */
export function timeMs(fn: () => unknown, repeats = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(times.length / 2)].toFixed(3));
}
