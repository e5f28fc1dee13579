/**
 * Bundles the `tend` command and its worker threads into `dist/bundle/`, after `tsc -b` has
 * compiled them: one file each (with shared chunks) instead of a hundred modules, which takes
 * a third off the command's start-up and off each worker's. The workers are entries of their
 * own, flat beside the chunks, so `new URL('./read-worker.js', import.meta.url)` in a chunk
 * finds them; so are the modules a worker imports for a task (`multivariate-task`).
 * Third-party packages (the package's dependencies) stay outside and load from node_modules.
 *
 *   node packages/server/scripts/bundle.mjs   (run by `npm run build`)
 */
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
const at = (path) => new URL(path, dist).pathname;

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies)
  .filter((name) => name !== '@tend/core')
  .flatMap((name) => [name, `${name}/*`]);

// Chunks are named by their content's hash: clear the last build's, or they pile up.
rmSync(at('bundle'), { recursive: true, force: true });

await build({
  entryPoints: {
    main: at('cli/main.js'),
    'read-worker': at('io/read-worker.js'),
    'task-worker': at('task-worker.js'),
    'multivariate-task': at('report/multivariate-task.js'),
  },
  outdir: at('bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Third-party packages stay outside and load from node_modules: every dependency in the
  // package's package.json but Tend's own core, so a new one never ends up bundled by mistake
  // (some cannot be: native code, or `require` of Node's modules inside an ES module bundle).
  external,
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
