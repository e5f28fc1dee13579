/**
 * Group commit: jobs of a key submitted together are written as one group, within the size
 * limit; a failing group is written again job by job, so only the bad job fails; keys do not
 * share groups.
 */
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  it('writes the jobs of a key submitted in one turn as one group, in order', async () => {
    const groups: number[][] = [];
    const commits = new GroupCommit(async (jobs: number[]) => {
      groups.push(jobs);
      return jobs.map((j) => j * 10);
    }, 100);
    const results = await Promise.all([1, 2, 3].map((j) => commits.submit('m', j, 1)));
    expect(results).toEqual([10, 20, 30]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('keeps a group within its size, and sends a job larger than that alone', async () => {
    const groups: number[][] = [];
    const commits = new GroupCommit(async (jobs: number[]) => {
      groups.push(jobs);
      return jobs;
    }, 2500);
    await Promise.all(
      [1000, 1000, 1000, 5000, 1000].map((size, i) => commits.submit('m', i, size)),
    );
    expect(groups).toEqual([[0, 1], [2], [3], [4]]);
  });

  it('writes each job of a failed group alone, so only the bad one fails', async () => {
    const groups: string[][] = [];
    const commits = new GroupCommit(async (jobs: string[]) => {
      groups.push(jobs);
      if (jobs.includes('bad')) throw new Error('disk full');
      return jobs.map((j) => j.toUpperCase());
    }, 100);
    const settled = await Promise.allSettled(
      ['a', 'bad', 'c'].map((j) => commits.submit('m', j, 1)),
    );
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason)))).toEqual([
      'A',
      'Error: disk full',
      'C',
    ]);
    expect(groups).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('groups each key apart, and takes jobs that came during a write in the next group', async () => {
    const groups: string[][] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const commits = new GroupCommit(async (jobs: string[]) => {
      groups.push(jobs);
      if (jobs[0] === 'm1') await gate;
      return jobs;
    }, 100);
    const first = [commits.submit('m', 'm1', 1), commits.submit('n', 'n1', 1)];
    await new Promise((resolve) => setImmediate(resolve));
    // m's first group is being written: these wait for it, then go together.
    const later = [commits.submit('m', 'm2', 1), commits.submit('m', 'm3', 1)];
    release();
    await Promise.all([...first, ...later]);
    expect(groups).toEqual([['m1'], ['n1'], ['m2', 'm3']]);
  });

  it('waits for a job announced to join the group, and not for one withdrawn', async () => {
    const groups: string[][] = [];
    const commits = new GroupCommit(async (jobs: string[]) => {
      groups.push(jobs);
      return jobs;
    }, 100);
    const arrivedB = commits.announce('m');
    const a = commits.submit('m', 'a', 1);
    // b arrives in a later turn of the event loop; the group of a waits for it.
    await new Promise((resolve) => setImmediate(resolve));
    arrivedB();
    const b = commits.submit('m', 'b', 1);
    await Promise.all([a, b]);
    expect(groups).toEqual([['a', 'b']]);
    // c is announced but never comes (its request failed): d does not wait for it.
    const arrivedC = commits.announce('m');
    const d = commits.submit('m', 'd', 1);
    await new Promise((resolve) => setImmediate(resolve));
    arrivedC();
    arrivedC(); // a second call changes nothing
    await d;
    expect(groups).toEqual([['a', 'b'], ['d']]);
  });
});
