/** Reads a committed JSON fixture from packages/core/fixtures/. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function loadFixture<T = unknown>(name: string): T {
  const url = new URL(`../../fixtures/${name}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as T;
}

/**
 * JSON cannot hold NaN or ±Infinity; the generators write them as the strings "nan", "inf"
 * and "-inf". This turns such a value back into a number.
 */
export function num(v: number | string | null): number {
  if (typeof v === 'number') return v;
  if (v === 'nan' || v === null) return Number.NaN;
  if (v === 'inf') return Number.POSITIVE_INFINITY;
  if (v === '-inf') return Number.NEGATIVE_INFINITY;
  throw new TypeError(`fixture value ${JSON.stringify(v)} is not a number`);
}
