/**
 * A progress bar on stderr, drawn only when stderr is a terminal and the input is large
 * enough to wait for; redrawn at most every 100 ms.
 */

/** Inputs smaller than this (bytes, both files) finish too fast for a bar to help. */
export const PROGRESS_MIN_BYTES = 20 * 1024 * 1024;

/**
 * A bar for `label`, or a no-op when stderr is not a TTY.
 *
 * @example
 * const bar = progressBar('reading'); bar.update(0.5); bar.done();
 */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): { update(fraction: number): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  const width = 30;
  return {
    update(fraction: number) {
      const now = Date.now();
      if (now - last < 100 && fraction < 1) return;
      last = now;
      drawn = true;
      const f = Math.max(0, Math.min(1, fraction));
      const full = Math.round(f * width);
      stream.write(
        `\r${label} [${'#'.repeat(full)}${' '.repeat(width - full)}] ${Math.round(f * 100)}%`,
      );
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
