/**
 * Wall time and peak memory of one child process, end to end (start-up included), for
 * comparing `tend report` with the pandas + SciPy script. Peak RSS comes from GNU time's
 * `-v` report (the kernel's getrusage of the child) when /usr/bin/time exists; otherwise a
 * Node child is started with `--import max-rss-preload.mjs`, which writes its own
 * `process.resourceUsage().maxRSS` at exit, and any other child's peak is unknown (NaN).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PRELOAD = new URL('./max-rss-preload.mjs', import.meta.url).href;

/** What one run measured. */
export interface Measured {
  wallS: number;
  /** Peak resident set size in MiB, NaN when it could not be measured. */
  peakRssMb: number;
  /** CPU seconds (user + system), NaN without GNU time. */
  cpuS: number;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** How the peak was read: 'gnu-time', 'preload' or 'none'. */
  rssSource: string;
}

/**
 * The "Maximum resident set size (kbytes)" and CPU seconds of a GNU `time -v` report.
 *
 * @example
 * parseGnuTime('\tMaximum resident set size (kbytes): 2048\n').peakRssKb; // 2048
 */
export function parseGnuTime(text: string): { peakRssKb: number; cpuS: number } {
  const field = (label: string) => {
    const m = text.match(new RegExp(`${label}[^:]*:\\s*([\\d.]+)`));
    return m ? Number(m[1]) : Number.NaN;
  };
  return {
    peakRssKb: field('Maximum resident set size'),
    cpuS: field('User time') + field('System time'),
  };
}

/**
 * Run `command args` to its end and measure it; resolves even when it fails (see exitCode).
 *
 * @example
 * const m = await measureProcess('node', ['-e', '1']); // m.wallS ≈ 0.05, m.peakRssMb ≈ 40
 */
export async function measureProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; useGnuTime?: boolean } = {},
): Promise<Measured> {
  const scratch = mkdtempSync(join(tmpdir(), 'tend-bench-measure-'));
  const timeFile = join(scratch, 'time.txt');
  const rssFile = join(scratch, 'rss.txt');
  const gnu = (options.useGnuTime ?? true) && existsSync(GNU_TIME);
  const isNode = command === 'node' || command === process.execPath;
  let argv: string[];
  let file: string;
  let rssSource = 'none';
  if (gnu) {
    file = GNU_TIME;
    argv = ['-v', '-o', timeFile, command, ...args];
    rssSource = 'gnu-time';
  } else if (isNode) {
    file = command;
    argv = ['--import', PRELOAD, ...args];
    rssSource = 'preload';
  } else {
    file = command;
    argv = [...args];
  }
  try {
    const t0 = performance.now();
    const { exitCode, stdout, stderr } = await run(file, argv, {
      cwd: options.cwd,
      env: { ...process.env, TEND_BENCH_RSS_FILE: rssFile },
    });
    const wallS = (performance.now() - t0) / 1000;
    let peakRssMb = Number.NaN;
    let cpuS = Number.NaN;
    if (gnu && existsSync(timeFile)) {
      const parsed = parseGnuTime(readFileSync(timeFile, 'utf8'));
      peakRssMb = parsed.peakRssKb / 1024;
      cpuS = parsed.cpuS;
    } else if (rssSource === 'preload' && existsSync(rssFile)) {
      peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
    }
    return { wallS, peakRssMb, cpuS, exitCode, stdout, stderr, rssSource };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function run(
  file: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv },
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({
        // A child killed by a signal has no code; report it as failed.
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/**
 * This directory, for scripts that sit beside the bench files.
 *
 * @example
 * join(BENCH_DIR, 'evidently_preset.py');
 */
export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
