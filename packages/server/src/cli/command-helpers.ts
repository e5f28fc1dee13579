/**
 * What the registry commands share: printing, running a command body so that a refusal is one
 * line and an exit code, and reading the arguments they have in common.
 */
import { readFile } from 'node:fs/promises';
import { ApiError } from './api-client.js';

export type Row = Record<string, unknown>;
export const out = (text: string): void => {
  process.stdout.write(text);
};
export const printJson = (value: unknown): void => out(`${JSON.stringify(value, null, 2)}\n`);

/**
 * Run a command's body; a refusal prints its reason and sets exit code 1 (2: bad usage).
 *
 * @example
 * .action((name) => run(async () => out(`${name}\n`)));
 */
export async function run(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof ApiError || error instanceof UsageError) {
      process.stderr.write(`tend: ${error.message}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
      return;
    }
    throw error;
  }
}

/**
 * Bad usage of a command (exit code 2), said before anything is sent.
 *
 * @example
 * throw new UsageError('--parent takes a version number');
 */
export class UsageError extends Error {}

/**
 * A whole number from 1, or a usage error naming `what`.
 *
 * @example
 * positiveInt('3', 'VERSION'); // 3
 */
export function positiveInt(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${what} must be a whole number from 1, got "${text}"`);
  return n;
}

/**
 * `k=v` pairs into a record (undefined when none were given).
 *
 * @example
 * pairs(['team=growth'], '--tag'); // { team: 'growth' }
 */
export function pairs(
  list: string[] | undefined,
  what: string,
): Record<string, string> | undefined {
  if (list === undefined) return undefined;
  const record: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`${what} takes KEY=VALUE, got "${item}"`);
    record[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return record;
}

/**
 * A JSON value given inline or as `@file`.
 *
 * @example
 * await jsonArg('{"lr":0.1}', '--params'); // { lr: 0.1 }
 */
export async function jsonArg(text: string | undefined, what: string): Promise<unknown> {
  if (text === undefined) return undefined;
  const source = text.startsWith('@') ? await readFile(text.slice(1), 'utf8') : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** A difference to six significant digits, signed: `+0.02`, not `0.020000000000000018`. */
export const signed = (x: number) => `${x >= 0 ? '+' : ''}${Number(x.toPrecision(6))}`;

export const collect = (value: string, previous: string[] = []) => [...previous, value];
