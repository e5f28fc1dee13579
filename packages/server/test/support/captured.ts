/** Running a command in process and keeping what it printed and the exit code it set. */
import { vi } from 'vitest';

/**
 * Run `body` with stdout and stderr captured; its output and `process.exitCode` (then reset).
 *
 * @example
 * const { out, err, code } = await captured(() => runIngest('a.csv', flags));
 */
export async function captured(
  body: () => Promise<unknown>,
): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  process.exitCode = 0;
  try {
    await body();
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}
