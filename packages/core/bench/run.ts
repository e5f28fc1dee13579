/**
 * `npm run bench`: runs every `*.bench.ts` beside this file (or those named on the command
 * line) and prints one JSON document of their figures on stdout.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Figures } from './harness.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const results: Record<string, Figures> = {};
for (const file of files) {
  const mod = (await import(`./${file}`)) as { default: () => Figures | Promise<Figures> };
  process.stderr.write(`bench ${file} …\n`);
  results[file.replace(/\.bench\.ts$/, '')] = await mod.default();
}
const report = { node: process.version, platform: `${process.platform}-${process.arch}`, results };
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
