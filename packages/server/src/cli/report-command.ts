/**
 * `tend report REFERENCE CURRENT [options]`: flags and config merged into one set of
 * options, the report built, written as JSON and HTML when asked, summarised on stdout.
 * Exit codes: 0 all conditions hold (or none given), 1 a condition failed, 2 bad input.
 */
import { writeFileSync } from 'node:fs';
import { TendInputError } from '@tend/core';
import { fileSize } from '../io/file-size.js';
import { ReadError } from '../io/read-error.js';
import { buildReport, type ReportOptions } from '../report/build-report.js';
import { parseCondition } from '../report/conditions.js';
import { DriftConfigError } from '../report/drift/drift-input.js';
import { ReportInputError } from '../report/errors.js';
import { renderJson } from '../report/render-json.js';
import { renderTerminal } from '../report/render-terminal.js';
import { loadConfig, type ReportConfig } from './config-file.js';
import { PROGRESS_MIN_BYTES, progressBar } from './progress-bar.js';

/** The flags as commander hands them over. */
export interface ReportFlags {
  config?: string;
  target?: string;
  prediction?: string;
  predictionKind?: 'label' | 'score' | 'probabilities';
  timestamp?: string;
  id?: string;
  segment?: string[];
  categorical?: string[];
  numerical?: string[];
  ignore?: string[];
  delimiter?: string;
  preset?: string;
  stattest?: string[];
  threshold?: string;
  correction?: string;
  driftShare?: string;
  multivariate?: boolean;
  bootstrap?: string;
  seed?: string;
  posLabel?: string;
  condition?: string[];
  json?: string;
  html?: string;
  quiet?: boolean;
}

const PRESETS = ['tend', 'evidently'];
const CORRECTIONS = ['benjamini-hochberg', 'holm', 'bonferroni', 'none'];

function list(values: string[] | undefined): string[] | undefined {
  return values
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function number(
  flag: string,
  value: string | undefined,
  check: (x: number) => boolean,
  want: string,
) {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || !check(x)) {
    throw new ReportInputError(`${flag} is "${value}"; expected ${want}`);
  }
  return x;
}

function stattests(specs: string[] | undefined, config: ReportConfig['stattest']) {
  const out: Record<string, string> = {};
  if (typeof config === 'string') out['*'] = config;
  else if (config) Object.assign(out, config);
  for (const spec of specs ?? []) {
    const eq = spec.indexOf('=');
    if (eq < 0) out['*'] = spec.trim();
    else out[spec.slice(0, eq).trim()] = spec.slice(eq + 1).trim();
  }
  return out;
}

function predictionOf(flags: ReportFlags, config: ReportConfig): ReportOptions['prediction'] {
  const columns = list(flags.prediction ? [flags.prediction] : undefined);
  if (columns) return flags.predictionKind ? { kind: flags.predictionKind, columns } : { columns };
  const p = config.prediction;
  if (p === undefined) return undefined;
  if (typeof p === 'string') return { columns: [p] };
  if (Array.isArray(p)) return { columns: p };
  return p;
}

/**
 * Merge flags over a config file into report options (with output paths), refusing bad values.
 *
 * @example
 * resolveOptions('ref.csv', 'cur.csv', { target: 'y', stattest: ['age=psi'] }).options.stattest; // { age: 'psi' }
 */
export function resolveOptions(
  reference: string | undefined,
  current: string | undefined,
  flags: ReportFlags,
): { options: ReportOptions; json?: string; html?: string } {
  const config = flags.config ? loadConfig(flags.config) : {};
  const ref = reference ?? config.reference;
  const cur = current ?? config.current;
  if (!ref || !cur) {
    throw new ReportInputError(
      'give the reference and current files: tend report REFERENCE CURRENT',
    );
  }
  const preset = flags.preset ?? config.preset ?? 'tend';
  if (!PRESETS.includes(preset))
    throw new ReportInputError(`--preset is "${preset}"; expected tend or evidently`);
  const correction = flags.correction ?? config.correction;
  if (correction !== undefined && !CORRECTIONS.includes(correction)) {
    throw new ReportInputError(
      `--correction is "${correction}"; expected ${CORRECTIONS.join(', ')}`,
    );
  }
  const options: ReportOptions = {
    reference: ref,
    current: cur,
    preset: preset as ReportOptions['preset'],
    stattest: stattests(flags.stattest, config.stattest),
    segments: list(flags.segment) ?? config.segments ?? [],
    categorical: list(flags.categorical) ?? config.categorical ?? [],
    numerical: list(flags.numerical) ?? config.numerical ?? [],
    ignore: list(flags.ignore) ?? config.ignore ?? [],
    multivariate: flags.multivariate === false ? false : (config.multivariate ?? true),
    conditions: [...(config.conditions ?? []), ...(flags.condition ?? [])].map(parseCondition),
  };
  const target = flags.target ?? config.target;
  if (target) options.target = target;
  const prediction = predictionOf(flags, config);
  if (prediction) options.prediction = prediction;
  for (const key of ['timestamp', 'id', 'delimiter', 'posLabel'] as const) {
    const v = flags[key] ?? config[key];
    if (v !== undefined) options[key] = v;
  }
  if (correction) options.correction = correction as ReportOptions['correction'];
  // Config numbers are checked by the same rules as the flags.
  const pick = (flag: string | undefined, value: number | undefined) =>
    flag ?? (value === undefined ? undefined : String(value));
  const threshold = number(
    '--threshold',
    pick(flags.threshold, config.threshold),
    (x) => x > 0,
    'a number > 0',
  );
  if (threshold !== undefined) options.threshold = threshold;
  const share = number(
    '--drift-share',
    pick(flags.driftShare, config.driftShare),
    (x) => x > 0 && x <= 1,
    'a share in (0, 1]',
  );
  if (share !== undefined) options.driftShare = share;
  const bootstrap = number(
    '--bootstrap',
    pick(flags.bootstrap, config.bootstrap),
    (x) => Number.isInteger(x) && (x === 0 || x >= 2),
    '0 or an integer ≥ 2',
  );
  if (bootstrap !== undefined) options.bootstrap = bootstrap;
  const seed = number(
    '--seed',
    pick(flags.seed, config.seed),
    (x) => Number.isInteger(x) && x >= 0,
    'an integer ≥ 0',
  );
  if (seed !== undefined) options.seed = seed;
  const out: { options: ReportOptions; json?: string; html?: string } = { options };
  const json = flags.json ?? config.json;
  const html = flags.html ?? config.html;
  if (json) out.json = json;
  if (html) out.html = html;
  return out;
}

/**
 * Whether an error is the user's input (exit 2, message only) rather than a fault of Tend.
 *
 * @example
 * isInputError(new ReportInputError('bad')); // true
 */
export function isInputError(error: unknown): error is Error {
  return (
    error instanceof ReadError ||
    error instanceof ReportInputError ||
    error instanceof DriftConfigError ||
    error instanceof TendInputError
  );
}

/**
 * Run `tend report`, returning the exit code (the CLI exits with it).
 *
 * @example
 * await runReport('ref.csv', 'cur.csv', { json: 'report.json' }); // 0
 */
export async function runReport(
  reference: string | undefined,
  current: string | undefined,
  flags: ReportFlags,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream } = process,
): Promise<number> {
  try {
    const { options, json, html } = resolveOptions(reference, current, flags);
    const big = fileSize(options.reference) + fileSize(options.current) >= PROGRESS_MIN_BYTES;
    const bar = big && !flags.quiet ? progressBar('tend report', io.stderr) : undefined;
    if (bar) options.onProgress = (f) => bar.update(f);
    const report = await buildReport(options);
    bar?.done();
    if (json) writeOutput(json, renderJson(report));
    if (html) {
      // Loaded only when a page is written: it is a third of the command's start-up.
      const { renderHtml } = await import('../report/html/render-html.js');
      writeOutput(html, renderHtml(report));
    }
    if (!flags.quiet) io.stdout.write(renderTerminal(report));
    const failed = report.conditions?.results.filter((r) => !r.passed) ?? [];
    if (flags.quiet) {
      // Quiet means nothing on success; a failure is still said, on stderr.
      for (const r of failed) io.stderr.write(`tend report: condition failed: ${r.message}\n`);
    }
    return failed.length > 0 ? 1 : 0;
  } catch (error) {
    if (isInputError(error)) {
      io.stderr.write(`tend report: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new ReportInputError(
      `cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}
