/**
 * Worker-thread entry that runs one task (`startWorker`): started ahead of its task, it does
 * nothing until the task arrives.
 */
import { parentPort } from 'node:worker_threads';
import { serveTask } from './compiled-worker.js';

if (parentPort) serveTask(parentPort);
