import { statSync } from 'node:fs';

/**
 * Size of a file in bytes, or 0 when it cannot be read: for decisions (draw a progress bar?
 * read in parallel?) made before the reader reports a missing file in its own words.
 *
 * @example
 * fileSize('reference.csv'); // 31138651
 */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
