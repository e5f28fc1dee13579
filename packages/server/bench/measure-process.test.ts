import { describe, expect, it } from 'vitest';
import { measureProcess, parseGnuTime } from './measure-process.js';

// Allocates and touches 200 MiB, so the peak must be above it whatever Node's baseline is.
const ALLOCATE = 'const b = Buffer.alloc(200 * 1024 * 1024, 1); console.log(b[12345]);';

describe('parseGnuTime', () => {
  it('reads the peak and the CPU seconds of a `time -v` report', () => {
    const text = [
      '\tCommand being timed: "node x.js"',
      '\tUser time (seconds): 1.25',
      '\tSystem time (seconds): 0.50',
      '\tMaximum resident set size (kbytes): 204800',
    ].join('\n');
    expect(parseGnuTime(text)).toEqual({ peakRssKb: 204800, cpuS: 1.75 });
    expect(parseGnuTime('nothing').peakRssKb).toBeNaN();
  });
});

describe('measureProcess', () => {
  it('measures a Node child with GNU time when present, else with the preload', async () => {
    const m = await measureProcess('node', ['-e', ALLOCATE]);
    expect(m.exitCode).toBe(0);
    expect(m.stdout.trim()).toBe('1');
    expect(m.peakRssMb).toBeGreaterThan(200);
    expect(m.peakRssMb).toBeLessThan(400);
    expect(m.wallS).toBeGreaterThan(0);
  });

  it('reads the peak from the preload without GNU time, leaving the output alone', async () => {
    const m = await measureProcess('node', ['-e', ALLOCATE], { useGnuTime: false });
    expect(m.rssSource).toBe('preload');
    expect(m.stdout.trim()).toBe('1');
    expect(m.peakRssMb).toBeGreaterThan(200);
    expect(m.peakRssMb).toBeLessThan(400);
    expect(m.cpuS).toBeNaN();
  });

  it('passes the exit code through and keeps stderr', async () => {
    const m = await measureProcess('node', ['-e', 'console.error("bad"); process.exit(3)']);
    expect(m.exitCode).toBe(3);
    expect(m.stderr).toContain('bad');
  });
});
