/**
 * Group commit: the batches of one key (a model) that arrive while an earlier group of its
 * batches is being written wait, and are then written together, in one transaction. A commit
 * (an fsync on SQLite) and a read and write of each window profile the batches touch are paid
 * once per group instead of once per batch, so a server taking batches from several senders
 * at once does less work per event; a lone sender sees no difference. If a group fails, each of
 * its batches is written again on its own, so one batch's failure is its own alone.
 *
 * A large batch is received over several turns of the event loop, so the batches of several
 * senders rarely finish arriving in the same turn. Batches still being received are therefore
 * announced (`announce`), and a group waits for them — for at most `MAX_WAIT_MS`, so a slow
 * sender holds nobody up for long — as a database delays a commit for the ones about to come.
 */

/** The longest a group waits for batches still being received. */
const MAX_WAIT_MS = 20;

interface Waiting<J, R> {
  job: J;
  size: number;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

interface Queue<J, R> {
  waiting: Waiting<J, R>[];
  running: boolean;
  /** Set while the queue waits for jobs announced: ends the wait. */
  wake?: () => void;
}

/**
 * Writes jobs in groups, one group of a key at a time.
 *
 * @example
 * const commits = new GroupCommit((jobs: number[]) => store(jobs), 10_000); await commits.submit(1, job, 1000);
 */
export class GroupCommit<J, R> {
  private readonly queues = new Map<string | number, Queue<J, R>>();
  /** Jobs of each key announced and not yet submitted nor withdrawn. */
  private readonly arriving = new Map<string | number, number>();

  /**
   * @param write writes a group of jobs in one transaction and answers each one's result, in order
   * @param maxSize the most a group may hold, summing the jobs' sizes (a larger job goes alone)
   */
  constructor(
    private readonly write: (jobs: J[]) => Promise<R[]>,
    private readonly maxSize: number,
  ) {}

  /**
   * Say a job of `key` is on its way (its request is being read); call the function returned
   * once it is submitted or will never be (it does nothing the second time).
   *
   * @example
   * const arrived = commits.announce('churn'); // … the body is read … arrived(); commits.submit(…)
   */
  announce(key: string | number): () => void {
    this.arriving.set(key, (this.arriving.get(key) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.arriving.get(key) ?? 1) - 1;
      if (left > 0) this.arriving.set(key, left);
      else this.arriving.delete(key);
      this.queues.get(key)?.wake?.();
    };
  }

  /** Write `job` (of `size`, say its event count) with the others of `key` that are waiting. */
  submit(key: string | number, job: J, size: number): Promise<R> {
    let queue = this.queues.get(key);
    if (queue === undefined) {
      queue = { waiting: [], running: false };
      this.queues.set(key, queue);
    }
    const q = queue;
    return new Promise<R>((resolve, reject) => {
      q.waiting.push({ job, size, resolve, reject });
      q.wake?.();
      if (!q.running) {
        q.running = true;
        // Wait for this turn of the event loop to end, so that the bodies read in it join.
        setImmediate(() => void this.drain(key, q));
      }
    });
  }

  private async drain(key: string | number, q: Queue<J, R>): Promise<void> {
    while (q.waiting.length > 0) {
      const until = performance.now() + MAX_WAIT_MS;
      while ((this.arriving.get(key) ?? 0) > 0 && this.queuedSize(q) < this.maxSize) {
        const left = until - performance.now();
        if (left <= 0) break;
        // Woken by the next job submitted or withdrawn, or by the time running out.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          q.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        q.wake = undefined;
      }
      let size = q.waiting[0].size;
      let n = 1;
      while (n < q.waiting.length && size + q.waiting[n].size <= this.maxSize) {
        size += q.waiting[n].size;
        n++;
      }
      const group = q.waiting.splice(0, n);
      await this.writeGroup(group);
      // Let the requests that arrived meanwhile be read before the next group is formed.
      if (q.waiting.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    q.running = false;
    this.queues.delete(key);
  }

  private queuedSize(q: Queue<J, R>): number {
    let size = 0;
    for (const w of q.waiting) size += w.size;
    return size;
  }

  private async writeGroup(group: Waiting<J, R>[]): Promise<void> {
    try {
      const results = await this.write(group.map((w) => w.job));
      for (const [i, w] of group.entries()) w.resolve(results[i]);
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      for (const w of group) {
        try {
          w.resolve((await this.write([w.job]))[0]);
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  }
}
