import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/temp-files.js';
import { compiledWorkerExists, holdWorker, serveTask, startWorker } from './compiled-worker.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const file = (name: string, code: string) => pathToFileURL(tmp.write(name, code));

/** A task module: doubles the values, and says what context the thread gave it. */
const double = file(
  'double.mjs',
  `export function runJob(job, context) {
  if (job.fail) throw new Error('no good');
  return { doubled: job.values.map((v) => v * 2), context };
}`,
);
/**
 * Worker entries serving one task by `serveTask`'s protocol, written out here because a test
 * worker cannot load TypeScript: `early` first posts a message of its own, as the thread that
 * reads a file posts its frame; `quitter` ends without replying.
 */
const serving = (before: string) => `import { parentPort } from 'node:worker_threads';
${before}
parentPort.on('message', async ({ task }) => {
  if (!task) return;
  try {
    const m = await import(task.module);
    parentPort.postMessage({ taskResult: m.runJob(task.job) });
  } catch (e) {
    parentPort.postMessage({ taskFailure: e.message });
  }
});`;
const worker = file('worker.mjs', serving(''));
const early = file('early.mjs', serving("parentPort.postMessage({ frame: 'not a reply' });"));
const quitter = file(
  'quitter.mjs',
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', () => process.exit(0));`,
);
const broken = file('broken.mjs', 'throw new Error("cannot start");');

describe('serveTask', () => {
  it('runs the task module with the thread context, ignoring other messages', async () => {
    const { port1, port2 } = new MessageChannel();
    serveTask(port1, { rows: 3 });
    const reply = new Promise((resolve) => port2.once('message', resolve));
    port2.postMessage({ unrelated: true });
    port2.postMessage({ task: { module: double.href, job: { values: [1, 2] } } });
    await expect(reply).resolves.toEqual({
      taskResult: { doubled: [2, 4], context: { rows: 3 } },
    });
    port1.close();
  });

  it('replies with the failure when the task throws', async () => {
    const { port1, port2 } = new MessageChannel();
    serveTask(port1);
    const reply = new Promise<{ taskFailure: string }>((resolve) => port2.once('message', resolve));
    port2.postMessage({ task: { module: double.href, job: { fail: true } } });
    expect((await reply).taskFailure).toMatch(/no good/);
    port1.close();
  });
});

describe('task workers', () => {
  it('tell a compiled entry from a missing or TypeScript one', () => {
    expect(compiledWorkerExists(worker)).toBe(false); // .mjs, not .js
    expect(compiledWorkerExists(new URL('./nope.js', import.meta.url))).toBe(false);
    expect(compiledWorkerExists(pathToFileURL(tmp.write('w.js', '')))).toBe(true);
  });

  it('run one task and resolve with its result, started at once or ahead', async () => {
    await expect(startWorker(worker).run(double, { values: [1, 2] })).resolves.toEqual({
      doubled: [2, 4],
    });
    const standby = startWorker(worker);
    await new Promise((r) => setTimeout(r, 50));
    await expect(standby.run(double, { values: [3] })).resolves.toEqual({ doubled: [6] });
  });

  it('wait past the messages of a worker doing other work first', async () => {
    const thread = new Worker(early);
    const held = holdWorker(thread, 'early', true);
    const first = await new Promise((resolve) => thread.once('message', resolve));
    expect(first).toEqual({ frame: 'not a reply' });
    held.settle();
    await expect(held.run(double, { values: [5] })).resolves.toEqual({ doubled: [10] });
  });

  it('reject on a failure, an error before the task, or an end without a reply', async () => {
    await expect(startWorker(worker).run(double, { fail: true })).rejects.toThrow(
      /worker\.mjs failed: no good/,
    );
    const standby = startWorker(broken);
    await new Promise((r) => setTimeout(r, 200));
    await expect(standby.run(double, {})).rejects.toThrow(/cannot start/);
    await expect(startWorker(quitter).run(double, {})).rejects.toThrow(
      /quitter\.mjs ended before finishing its task/,
    );
  });

  it('stop a worker that gets no task', () => {
    const standby = startWorker(worker);
    expect(() => standby.stop()).not.toThrow();
  });
});
