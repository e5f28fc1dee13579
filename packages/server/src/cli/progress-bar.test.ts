import { describe, expect, it } from 'vitest';
import { progressBar } from './progress-bar.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe('progressBar', () => {
  it('draws on a terminal, throttled, always showing completion, and clears the line when done', () => {
    const { stream, writes } = fakeStream(true);
    const bar = progressBar('reading', stream);
    bar.update(0.25);
    bar.update(0.5); // within 100 ms of the last draw: skipped
    bar.update(1);
    bar.done();
    expect(writes[0]).toBe(`\rreading [${'#'.repeat(8)}${' '.repeat(22)}] 25%`);
    expect(writes[1]).toBe(`\rreading [${'#'.repeat(30)}] 100%`);
    expect(writes[2]).toBe('\r\x1b[2K');
    expect(writes).toHaveLength(3);
  });

  it('writes nothing when stderr is not a terminal (a CI log, a pipe)', () => {
    const { stream, writes } = fakeStream(false);
    const bar = progressBar('reading', stream);
    bar.update(0.5);
    bar.done();
    expect(writes).toEqual([]);
  });
});
