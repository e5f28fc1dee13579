/**
 * The demo's history as the store keeps it: its story told by the registry, the monitors and
 * the alerts, each at the time it would have happened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/test-stores.js';
import { listAlerts } from '../alerts/alert-actions.js';
import type { AlertView } from '../alerts/alert-schemas.js';
import { aliasHistory } from '../registry/aliases.js';
import { registryContext } from '../registry/context.js';
import { listVersions } from '../registry/versions.js';
import type { Store } from '../store/open-store.js';
import { DEMO_MODEL } from './credit-demo-model.js';
import { CREDIT_STORY } from './credit-world.js';
import { type DemoSummary, seedDemo } from './seed-demo.js';

const DAY = 86_400_000;
const END = new Date('2026-11-24T00:00:00Z');
const FIRST = END.getTime() - 120 * DAY;
const dayOf = (iso: string) => Math.floor((Date.parse(iso) - FIRST) / DAY);

describe('the demo history', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let summary: DemoSummary;
  let alerts: AlertView[];
  const dir = mkdtempSync(join(tmpdir(), 'tend-demo-'));

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore('sqlite'));
    summary = await seedDemo(registryContext(store.db, store.dialect), { dir, end: END });
    alerts = await listAlerts(store.db, { model: DEMO_MODEL, limit: 1000 });
  }, 300_000);
  afterAll(async () => {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const metricOf = (a: AlertView) => a.summary.split(' ')[2];

  it('covers 120 days of traffic, with the outcomes of all but the last week', () => {
    expect(summary.days).toBe(120);
    expect(summary.firstDay).toBe(new Date(FIRST).toISOString());
    expect(summary.predictions).toBeGreaterThan(100_000);
    expect(summary.labels).toBeGreaterThan(0.9 * summary.predictions);
    expect(summary.labels).toBeLessThan(summary.predictions);
  });

  it('raises the pipeline break of day 60 when that day closes, and resolves it when the next does', () => {
    const broken = alerts.filter((a) => a.rule === 'inputs-broken');
    expect(broken.map(metricOf)).toEqual(['missing_share:employment_years']);
    expect(broken[0].status).toBe('resolved');
    expect(dayOf(broken[0].startsAt)).toBe(CREDIT_STORY.pipelineBreak + 1);
    expect(dayOf(broken[0].endsAt as string)).toBe(CREDIT_STORY.pipelineBreak + 2);
  });

  it('raises the drift of income and utilisation after day 30', () => {
    const drifted = alerts.filter(
      (a) => a.rule === 'features-drifted' && a.summary.includes(' v1 '),
    );
    const features = new Set(drifted.map(metricOf));
    expect(features).toEqual(new Set(['feature:monthly_income', 'feature:credit_utilization']));
    for (const a of drifted) expect(dayOf(a.startsAt)).toBeGreaterThan(CREDIT_STORY.driftFrom);
  });

  it('forecasts the decay of recall, then registers version 2, promotes it, and the recall alert follows', async () => {
    const forecast = alerts.filter(
      (a) => a.rule === 'recall-forecast' && a.summary.includes(' v1 '),
    );
    expect(forecast.length).toBeGreaterThan(0);
    const warned = Math.min(...forecast.map((a) => dayOf(a.startsAt)));
    expect(warned).toBeGreaterThan(CREDIT_STORY.conceptDriftFrom);
    const registered = dayOf(summary.registeredV2 as string);
    expect(registered).toBe(warned); // that morning
    const [v2] = (await listVersions(store.db, DEMO_MODEL)).filter((v) => v.version === 2);
    expect(v2.parent).toEqual({ model: DEMO_MODEL, version: 1 });
    expect(dayOf(v2.createdAt)).toBe(registered);
    // Oldest first.
    const champion = (await aliasHistory(store.db, DEMO_MODEL, 'champion')).sort((a, b) =>
      a.at.localeCompare(b.at),
    );
    expect(champion.map((e) => [e.version, e.actor])).toEqual([
      [1, 'maria.silva'],
      [2, 'maria.silva'],
    ]);
    expect(dayOf(champion[1].at)).toBe(registered + 4);
    expect(champion[1].reason).toMatch(/shadow traffic/);
    // Recall itself falls below its alert level only after the forecast warned.
    const low = alerts.filter((a) => a.rule === 'recall-low');
    expect(low.length).toBeGreaterThan(0);
    expect(Math.min(...low.map((a) => dayOf(a.startsAt)))).toBeGreaterThan(warned);
    expect(low.every((a) => a.summary.includes(' v1 '))).toBe(true);
  });

  it("records version 2's recall above version 1's last, from the same monitor", async () => {
    const recall = await store.db
      .selectFrom('monitor_results')
      .innerJoin('monitors', 'monitors.id', 'monitor_results.monitor_id')
      .innerJoin('versions', 'versions.id', 'monitor_results.version_id')
      .select(['versions.number', 'monitor_results.window_start', 'monitor_results.value'])
      .where('monitors.name', '=', 'recall')
      .where('monitor_results.metric', '=', 'recall')
      .where('monitor_results.segment', '=', '')
      .where('monitor_results.value', 'is not', null)
      .orderBy('monitor_results.window_start')
      .execute();
    const v1 = recall.filter((r) => r.number === 1).slice(-7);
    const v2 = recall.filter((r) => r.number === 2).slice(-7);
    const mean = (rs: typeof recall) => rs.reduce((s, r) => s + (r.value as number), 0) / rs.length;
    expect(v2.length).toBe(7);
    expect(mean(v2)).toBeGreaterThan(mean(v1) + 0.15);
  });
});
