/**
 * `npm run bench [-- NAME… [--rows N]]`: runs every `*.bench.ts` of packages/core/bench,
 * packages/server/bench and packages/web/bench (or those whose file name starts with a NAME
 * given) and prints one JSON document of their figures on stdout, as packages/core/bench/run.ts
 * does for core alone. `npm run bench -- report` runs only the `tend report` comparison; options such as
 * `--rows 300000` are left for the benches to read from process.argv.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Figures } from '../../core/bench/harness.js';

const DIRS = [
  new URL('../../core/bench/', import.meta.url),
  new URL('./', import.meta.url),
  new URL('../../web/bench/', import.meta.url),
];

/** The names on the command line, without `--option value` pairs. */
function names(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) {
      if (!args[i].includes('=')) i++; // skip the option's value
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

const only = names(process.argv.slice(2));
const benches: { name: string; url: URL }[] = [];
for (const dir of DIRS) {
  for (const file of readdirSync(fileURLToPath(dir)).sort()) {
    if (!file.endsWith('.bench.ts')) continue;
    if (only.length > 0 && !only.some((o) => file.startsWith(o))) continue;
    benches.push({ name: file.replace(/\.bench\.ts$/, ''), url: new URL(file, dir) });
  }
}
if (only.length > 0 && benches.length === 0) {
  process.stderr.write(`bench: no *.bench.ts starts with ${only.join(' or ')}\n`);
  process.exit(2);
}

const results: Record<string, Figures> = {};
for (const { name, url } of benches) {
  if (name in results) throw new Error(`bench: two benches are named ${name}`);
  process.stderr.write(`bench ${name} …\n`);
  const mod = (await import(url.href)) as { default: () => Figures | Promise<Figures> };
  results[name] = await mod.default();
}
const report = { node: process.version, platform: `${process.platform}-${process.arch}`, results };
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
