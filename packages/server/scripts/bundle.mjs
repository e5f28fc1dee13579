/**
 * Bundles the `tend` command and its worker threads into `dist/bundle/`, after `tsc -b` has
 * compiled them: one file each (with shared chunks) instead of a hundred modules, which takes
 * a third off the command's start-up and off each worker's. The workers are entries of their
 * own, flat beside the chunks, so `new URL('./read-worker.js', import.meta.url)` in a chunk
 * finds them; so are the modules a worker imports for a task (`multivariate-task`).
 * Third-party packages stay outside and load from node_modules as usual.
 *
 *   node packages/server/scripts/bundle.mjs   (run by `npm run build`)
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
const at = (path) => new URL(path, dist).pathname;

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
  // The server's packages are loaded only by `tend serve`, from node_modules (one has native code).
  external: [
    'commander',
    'hyparquet',
    'hyparquet-compressors',
    'yaml',
    'fastify',
    '@fastify/*',
    'kysely',
    'kysely/*',
    'pg',
    'better-sqlite3',
    'typebox',
    'ajv-formats',
  ],
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
