/**
 * The dashboard end to end, in Debian's Chromium driven by playwright-core, against `tend serve
 * --demo` (the bundle, its own process): each page loads without a console error, the models
 * page shows the demo model's health and a drawn sparkline, a model's page compares its
 * versions and shows an alias moved on its timeline, the monitoring page draws its charts and
 * heatmap, an alert is acknowledged from the alerts page, a page's address works when loaded directly, and the pages stay within a narrow
 * window. Screenshots go to `test-results/dashboard/`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServe, startServe } from '../../server/test/support/start-serve.js';
import { tempDir } from '../../server/test/support/temp-files.js';
import { CHROMIUM, launchChromium } from './support/chromium.js';

const SHOTS = new URL('../../../test-results/dashboard/', import.meta.url).pathname;

if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  throw new Error('build the packages first: npm run build');
}
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  process.stderr.write(
    `dashboard e2e tests skipped: no ${CHROMIUM} (apt-get install chromium; .ci/run installs it)\n`,
  );
}

const tmp = tempDir('tend-web-e2e-');
afterAll(() => tmp.remove());

function watch(page: Page, problems: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
}

describe.skipIf(!hasChromium)('the dashboard in Chromium', () => {
  let server: RunningServe;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServe(['--data-dir', tmp.dir, '--demo', '--evaluate-every', '0'], []);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    watch(page, problems);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the demo model's health and its recall as a sparkline", async () => {
    await page.goto(server.url);
    const row = page.locator('tr[data-model="credit-default"]');
    await row.waitFor();
    expect(await row.locator('.badge').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+ firing$/)]),
    );
    const line = await row.locator('svg.sparkline path').getAttribute('d');
    // A point a window of the champion's (version 2 since its promotion).
    expect((line ?? '').split(/[ML]/).length).toBeGreaterThan(10);
    expect(await row.locator('svg.sparkline').getAttribute('aria-label')).toMatch(/^recall: /);
    // Searching for something else hides it.
    await page.getByLabel('Search').fill('no-such-model');
    await expect.poll(() => row.count()).toBe(0);
    await page.getByLabel('Search').fill('risk');
    await row.waitFor();
    await page.screenshot({ path: `${SHOTS}models.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it("shows a model's versions side by side, and moves an alias onto its timeline", async () => {
    await page.getByRole('link', { name: 'Models' }).click();
    await page.getByRole('link', { name: 'credit-default' }).click();
    await page.getByRole('heading', { name: 'credit-default' }).waitFor();
    expect(await page.locator('tr[data-version]').count()).toBe(2);
    const timeline = page.locator('ol.timeline li');
    // The demo's story: v1 first released, then v2 promoted, with their reasons.
    const moves = await timeline.allTextContents();
    expect(moves.some((m) => m.includes('champion → v2 (was v1)') && m.includes('shadow'))).toBe(
      true,
    );
    expect(moves.some((m) => m.includes('champion → v1') && m.includes('First release'))).toBe(
      true,
    );
    // Compared side by side: v2's recall above v1's.
    const recall = page.locator('section[aria-labelledby="compare"] tr', { hasText: 'recall' });
    expect(await recall.locator('td').last().textContent()).toMatch(/^\+0\.\d{4}$/);
    const form = page.getByRole('form', { name: 'Move an alias' });
    await form.getByLabel('Alias').fill('staging');
    await form.getByLabel('to version').selectOption('1');
    await form.getByLabel('because').fill('re-run the March backtest on v1');
    await form.getByRole('button', { name: 'Move' }).click();
    await expect
      .poll(async () => (await timeline.first().textContent()) ?? '')
      .toContain('staging → v1');
    expect(await timeline.first().textContent()).toContain('re-run the March backtest on v1');
    await page.screenshot({ path: `${SHOTS}model.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it("draws a model's monitoring: performance with its forecast, drift as a heatmap, and the rest", async () => {
    await page.goto(`${server.url}/models/credit-default/monitoring`);
    await page.getByLabel('Version').selectOption('1');
    const heatmap = page.locator('section[aria-labelledby="drift"] canvas');
    await heatmap.waitFor();
    // Version 1's windows: 11 features by about a hundred days.
    expect(Number(await heatmap.getAttribute('data-cells'))).toBeGreaterThan(11 * 90);
    await expect
      .poll(() => page.locator('figure.chart .u-wrap canvas').count())
      .toBeGreaterThanOrEqual(6);
    // The decay forecast of version 1's recall, in words.
    expect(await page.locator('[data-monitor="recall"]').textContent()).toMatch(
      /at this rate recall/,
    );
    // A chart is drawn, not blank: its canvas holds more than one colour.
    const drawn = await page
      .locator('[data-monitor="recall"] .u-wrap canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
        const seen = new Set<number>();
        for (let i = 0; i < d.length; i += 4 * 97)
          seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        return seen.size;
      });
    expect(drawn).toBeGreaterThan(3);
    await page.screenshot({ path: `${SHOTS}monitoring.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it("compares a feature's reference with its latest window, and filters the audit log", async () => {
    await page.locator('section[aria-labelledby="drift"] a', { hasText: 'monthly_income' }).click();
    await page.getByRole('heading', { name: /monthly_income/ }).waitFor();
    const median = page.locator('tr', { hasText: 'median' });
    const [reference, latest] = (await median.locator('td').allTextContents()).map(Number);
    // Income rose from day 30 on: the latest window's median is well above the training data's.
    expect(latest / reference).toBeGreaterThan(1.2);
    await page.screenshot({ path: `${SHOTS}feature.png`, fullPage: true });
    await page.getByRole('link', { name: 'Audit log' }).click();
    const form = page.getByRole('form', { name: 'Filter the audit log' });
    await form.getByLabel('Action').fill('alias.set');
    await form.getByRole('button', { name: 'Filter' }).click();
    await expect
      .poll(
        async () =>
          new Set(
            await page
              .locator('tr[data-audit]')
              .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-audit'))),
          ),
      )
      .toEqual(new Set(['alias.set']));
    expect(problems).toEqual([]);
  });

  it('acknowledges a firing alert from the alerts page', async () => {
    await page.getByRole('link', { name: 'Alerts' }).click();
    const first = page.locator('tr[data-alert]').first();
    await first.waitFor();
    const id = await first.getAttribute('data-alert');
    expect(await first.locator('.acked').textContent()).toBe('—');
    await first.getByRole('button', { name: 'Acknowledge' }).click();
    const acked = page.locator(`tr[data-alert="${id}"] .acked`);
    await expect.poll(() => acked.textContent()).toBe('by anonymous');
    const stored = (await (await fetch(`${server.url}/api/v1/alerts/${id}`)).json()) as {
      ackedBy: string | null;
    };
    expect(stored.ackedBy).toBe('anonymous');
    await page.screenshot({ path: `${SHOTS}alerts.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('opens a page from its address, and is usable by keyboard and in a narrow window', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/alerts`);
    await page.locator('tr[data-alert]').first().waitFor();
    // Nothing wider than the window but the tables, which scroll inside their own box.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to the content',
    );
    // By keyboard alone: tab to an alert's "Silence 1 h" and press Enter.
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'Silence 1 h'; i++) {
      await page.keyboard.press('Tab');
      focused = (await page.evaluate(() => document.activeElement?.textContent)) ?? '';
    }
    expect(focused).toBe('Silence 1 h');
    await page.keyboard.press('Enter');
    await page
      .getByText(/silenced until/)
      .first()
      .waitFor();
    await page.screenshot({ path: `${SHOTS}alerts-narrow.png`, fullPage: true });
    for (const path of ['/', '/models/credit-default', '/models/credit-default/monitoring']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const wide = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(wide, path).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: `${SHOTS}monitoring-narrow.png`, fullPage: true });
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('the dashboard with auth on', () => {
  let server: RunningServe;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    // The store the demo filled above, served now with API keys.
    server = await startServe(['--data-dir', tmp.dir, '--auth', '--evaluate-every', '0'], []);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks for a key, refuses a wrong one, and shows a viewer no buttons that change anything', async () => {
    const admin = /\n {2}(tend_\S+)\n/.exec(server.stderr())?.[1] as string;
    const made = await fetch(`${server.url}/api/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ana', role: 'viewer' }),
    });
    const { key } = (await made.json()) as { key: string };
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    watch(page, problems);
    await page.goto(`${server.url}/alerts`);
    await page.getByRole('heading', { name: 'Sign in to Tend' }).waitFor();
    await page.getByLabel('API key').fill('tend_not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'unknown or revoked' }).waitFor();
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('tr[data-alert]').first().waitFor();
    expect(await page.locator('.who').textContent()).toContain('ana (viewer)');
    expect(await page.getByRole('button', { name: /Acknowledge|Silence/ }).count()).toBe(0);
    await page.goto(`${server.url}/models/credit-default`);
    await page.locator('tr[data-version]').first().waitFor();
    expect(await page.getByRole('form', { name: 'Move an alias' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}viewer.png`, fullPage: true });
    // The 401s of the wrong key are the browser's own console lines; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  });
});
