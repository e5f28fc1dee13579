import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp-files.js';
import { compiledWorkerExists, startWorker } from './compiled-worker.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const entry = (name: string, code: string) => pathToFileURL(tmp.write(name, code));

const echo = entry(
  'echo.mjs',
  `import { parentPort } from 'node:worker_threads';
parentPort.once('message', (m) => parentPort.postMessage({ doubled: m.values.map((v) => v * 2) }));`,
);
const failing = entry(
  'failing.mjs',
  `import { parentPort } from 'node:worker_threads';
parentPort.once('message', () => parentPort.postMessage({ failure: 'no good' }));`,
);
const broken = entry('broken.mjs', 'throw new Error("cannot start");');

describe('worker helpers', () => {
  it('tell a compiled entry from a missing or TypeScript one', () => {
    expect(compiledWorkerExists(echo)).toBe(false); // .mjs, not .js
    expect(compiledWorkerExists(new URL('./nope.js', import.meta.url))).toBe(false);
    expect(compiledWorkerExists(pathToFileURL(tmp.write('w.js', '')))).toBe(true);
  });

  it('run one job and resolve with the reply, started at once or ahead', async () => {
    await expect(startWorker(echo).run({ values: [1, 2] })).resolves.toEqual({ doubled: [2, 4] });
    const standby = startWorker(echo);
    await new Promise((r) => setTimeout(r, 50));
    await expect(standby.run({ values: [3] })).resolves.toEqual({ doubled: [6] });
  });

  it('reject on a failure reply, and on an error the worker had before its job', async () => {
    await expect(startWorker(failing).run({})).rejects.toThrow(/failing\.mjs failed: no good/);
    const standby = startWorker(broken);
    await new Promise((r) => setTimeout(r, 200));
    await expect(standby.run({})).rejects.toThrow(/cannot start/);
  });

  it('stop a standby worker that gets no job', () => {
    const standby = startWorker(echo);
    expect(() => standby.stop()).not.toThrow();
  });
});
