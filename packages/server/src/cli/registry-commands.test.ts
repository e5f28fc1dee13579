/**
 * The registry's commands against a real server on a loopback port: what they print for
 * people and for scripts, the artifact round trip, and a refusal as one line and exit code 1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captured } from '../../test/support/captured.js';
import { openTestApp } from '../../test/support/test-app.js';
import type { TendApp } from '../http/app.js';
import { addRegistryCommands } from './registry-commands.js';

let tend: TendApp;
let dispose: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tend-cli-'));
  ({ tend, dispose } = await openTestApp('sqlite'));
  const address = await tend.app.listen({ host: '127.0.0.1', port: 0 });
  vi.stubEnv('TEND_URL', address);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Run `tend ARGS…` in process; what it printed and its exit code. */
function tend_(...args: string[]) {
  return captured(async () => {
    const program = new Command('tend').exitOverride();
    addRegistryCommands(program);
    await program.parseAsync(['node', 'tend', ...args]);
  });
}

describe('tend registry commands', () => {
  it('registers a model and versions, uploads and downloads the artifact, and prints tables', async () => {
    expect(
      (
        await tend_(
          'models',
          'create',
          'churn',
          '--task',
          'binary_classification',
          '--tag',
          'team=growth',
        )
      ).out,
    ).toBe('registered model churn\n');
    const artifact = join(dir, 'model.bin');
    writeFileSync(artifact, 'weights');
    const v1 = await tend_(
      'versions',
      'create',
      'churn',
      '--artifact',
      artifact,
      '--metrics',
      '{"auc":0.88}',
      '--json',
    );
    const created = JSON.parse(v1.out);
    expect(created.artifact).toMatchObject({ stored: true, size: 7 });
    await tend_('versions', 'create', 'churn', '--parent', '1', '--metrics', '{"auc":0.9}');
    const listed = await tend_('models');
    expect(listed.out.split('\n')[2]).toMatch(
      /^churn\s+binary_classification\s+2\s+root|^churn\s+binary_classification\s+2/,
    );
    const out = join(dir, 'got.bin');
    await tend_('versions', 'download', 'churn', '1', '-o', out);
    expect(readFileSync(out, 'utf8')).toBe('weights');
    const compare = await tend_('versions', 'compare', 'churn', '1', '2');
    expect(compare.out).toContain('auc   0.88  0.9  changed (+0.02)');
  });

  it('moves an alias, rolls it back, and answers who held it when', async () => {
    await tend_('alias', 'set', 'churn', 'champion', '1', '--reason', 'first');
    expect((await tend_('alias', 'set', 'churn', 'champion', '2')).out).toBe(
      'churn@champion: v1 → v2\n',
    );
    expect((await tend_('rollback', 'churn', '--reason', 'regression in EU')).out).toBe(
      'churn@champion: v2 → v1\n',
    );
    const history = JSON.parse(
      (await tend_('alias', 'history', 'churn', 'champion', '--json')).out,
    );
    expect(history.map((e: { action: string; version: number }) => [e.action, e.version])).toEqual([
      ['rollback', 1],
      ['set', 2],
      ['set', 1],
    ]);
    const at = await tend_('alias', 'history', 'churn', 'champion', '--at', history[1].at);
    expect(at.out).toBe(`churn@champion was v2 at ${history[1].at}\n`);
    const audit = JSON.parse(
      (await tend_('audit', '--model', 'churn', '--action', 'alias.rollback', '--json')).out,
    );
    expect(audit).toHaveLength(1);
  });

  it('sets a reference from a file and shows it', async () => {
    const file = join(dir, 'train.csv');
    writeFileSync(file, 'age,plan,score\n30,a,0.1\n40,b,0.9\n50,a,0.4\n');
    const set = await tend_('reference', 'set', 'churn', '1', file, '--prediction', 'score');
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/^churn v1: reference from train\.csv, set \S+ by /);
    expect(set.out).toMatch(/\nfeature:age +3 +0 +40 +10\n/);
    const shown = JSON.parse((await tend_('reference', 'show', 'churn', '1', '--json')).out);
    expect(shown.columns.map((c: { column: string }) => c.column)).toEqual([
      'feature:age',
      'feature:plan',
      'prediction',
    ]);
    const odd = await tend_('reference', 'set', 'churn', '1', join(dir, 'train.xlsx'));
    expect([odd.code, odd.err]).toEqual([2, expect.stringMatching(/^tend: .*train\.xlsx/)]);
  });

  it('prints a refusal as one line with exit code 1, and bad usage with exit code 2', async () => {
    const dup = await tend_('models', 'create', 'churn', '--task', 'regression');
    expect([dup.code, dup.err]).toEqual([1, 'tend: a model named "churn" already exists\n']);
    const bad = await tend_('versions', 'show', 'churn', 'two');
    expect([bad.code, bad.err]).toEqual([
      2,
      'tend: VERSION must be a whole number from 1, got "two"\n',
    ]);
    // A port nobody listens on: one the system just handed out and took back.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closed = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    vi.stubEnv('TEND_URL', `http://127.0.0.1:${closed}`);
    const down = await tend_('models');
    vi.stubEnv('TEND_URL', tend.app.listeningOrigin);
    expect(down.code).toBe(1);
    expect(down.err).toBe(
      `tend: cannot reach the Tend server at http://127.0.0.1:${closed} (ECONNREFUSED); is \`tend serve\` running? (TEND_URL sets where)\n`,
    );
  });
});
