import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type MessagePort, Worker } from 'node:worker_threads';

/**
 * Whether a worker thread's entry can be started: it is compiled JavaScript that exists. From
 * TypeScript source (the tests) it is not, and callers do the work on this thread instead.
 *
 * @example
 * compiledWorkerExists(new URL('./io/read-worker.js', import.meta.url)); // true after `npm run build`
 */
export function compiledWorkerExists(entry: URL): boolean {
  return entry.pathname.endsWith('.js') && existsSync(fileURLToPath(entry));
}

/** A job for a worker thread: a compiled module to import (its URL) and its `runJob` export's argument. */
export interface WorkerTask {
  module: string;
  job: unknown;
}

/**
 * A worker thread that runs one task (`serveTask`) and is ended with its reply: one started
 * for it ahead of time, or one doing other work first (the thread reading a file, warm, with
 * the shared code compiled), which takes the task up once that work is done.
 */
export interface TaskWorker {
  /**
   * Send the task (transferring `transfer`) and resolve with what the module's `runJob`
   * returned. A failure in the worker, or its end before replying, rejects. Once only.
   */
  run<T>(module: URL, job: unknown, transfer?: ArrayBuffer[]): Promise<T>;
  /** End the worker without a task. */
  stop(): void;
}

/** A {@link TaskWorker} over a worker that may still be doing its first work. */
export interface HeldWorker extends TaskWorker {
  /** The first work is done: idle, the worker no longer keeps the process alive. */
  settle(): void;
}

/**
 * Hold a running worker for one task. It keeps the process alive while busy (`busy`: its
 * first work, until `settle()`) or running the task; idle, it does not, so a report that
 * fails before sending the task still ends.
 *
 * @example
 * const worker = holdWorker(new Worker(entry), 'read-worker', true); // … later: await worker.run(moduleUrl, job)
 */
export function holdWorker(worker: Worker, name: string, busy: boolean): HeldWorker {
  let running = false;
  const keepAlive = () => (busy || running ? worker.ref() : worker.unref());
  keepAlive();
  // What befell the worker before its task was sent is the task's to report.
  let failure: unknown;
  let ended = false;
  worker.on('error', (error) => {
    failure ??= error;
  });
  worker.once('exit', () => {
    ended = true;
  });
  const endedError = () => new Error(`${name} ended before finishing its task`);
  return {
    run<T>(module: URL, job: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
      if (failure !== undefined) return Promise.reject(failure);
      if (ended) return Promise.reject(endedError());
      running = true;
      keepAlive();
      return new Promise<T>((resolve, reject) => {
        // Only replies to the task: a worker doing other work first sends its own messages.
        const onMessage = (reply: { taskResult?: T; taskFailure?: string }) => {
          if (!('taskResult' in reply) && !('taskFailure' in reply)) return;
          done();
          void worker.terminate();
          if ('taskFailure' in reply) reject(new Error(`${name} failed: ${reply.taskFailure}`));
          else resolve(reply.taskResult as T);
        };
        const onError = (error: unknown) => {
          done();
          reject(error);
        };
        const onExit = () => {
          done();
          reject(endedError());
        };
        const done = () => {
          worker.off('message', onMessage).off('error', onError).off('exit', onExit);
          running = false;
        };
        worker.on('message', onMessage).once('error', onError).once('exit', onExit);
        const task: WorkerTask = { module: module.href, job };
        worker.postMessage({ task }, transfer);
      });
    },
    stop() {
      void worker.terminate();
    },
    settle() {
      busy = false;
      keepAlive();
    },
  };
}

/**
 * The entry of a worker that does nothing but serve one task (`task-worker.ts`), beside this
 * module both when compiled and when bundled.
 */
export const TASK_WORKER = new URL('./task-worker.js', import.meta.url);

/**
 * Start a worker entry that serves a task (see {@link serveTask}) now, and give it the task later.
 *
 * @example
 * const standby = startWorker(new URL('./task-worker.js', import.meta.url)); // … later: await standby.run(moduleUrl, job)
 */
export function startWorker(entry: URL): TaskWorker {
  return holdWorker(new Worker(entry), fileURLToPath(entry), false);
}

/**
 * In a worker thread: run the one task the parent sends (`TaskWorker.run`), importing its
 * module and calling the module's `runJob(job, context)`, and send back `{ taskResult }`, or
 * `{ taskFailure }` with the error's stack. `context` is what the thread holds for tasks (the
 * thread that read a file keeps what a task may need of it).
 *
 * @example
 * serveTask(parentPort, { rowSample }); // in a worker entry
 */
export function serveTask(port: MessagePort, context: unknown = undefined): void {
  const listener = async (message: { task?: WorkerTask }) => {
    const task = message?.task;
    if (task === undefined) return;
    port.off('message', listener);
    try {
      const module = (await import(task.module)) as {
        runJob(job: unknown, context: unknown): unknown;
      };
      port.postMessage({ taskResult: await module.runJob(task.job, context) });
    } catch (error) {
      port.postMessage({
        taskFailure: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  };
  port.on('message', listener);
}
