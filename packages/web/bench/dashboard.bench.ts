/**
 * The dashboard's size and speed. Printed: the gzipped JavaScript and CSS the first page loads
 * (issue #6's target: under 300 KB of JavaScript), and the time until the monitoring page of a
 * model with 365 daily windows of 30 features is drawn and answers, in headless Chromium (the
 * target: under 1 second). The model is made for the bench through the API of `tend serve`
 * (its own process, SQLite): 30 features (24 numbers drifting slowly, 6 categories), 120
 * predictions a day for 365 days with their labels, and six monitors (data quality, feature and
 * prediction drift, accuracy per region with a fairness gap, its decay, operations), which the
 * monitoring loop evaluates before the page is opened. The time is measured in the page, from
 * the start of the navigation to the moment every chart and the heatmap are drawn, five times,
 * each on a fresh load.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Figures } from '../../core/bench/harness.js';
import { startServe } from '../../server/test/support/start-serve.js';
import { tempDir } from '../../server/test/support/temp-files.js';
import { launchChromium } from '../test/support/chromium.js';

const DIST = new URL('../dist/', import.meta.url);
const DAYS = 365;
const PER_DAY = 120;
const NUMBERS = 24;
const CATEGORIES = 6;

/** The gzipped size, in KB, of the scripts and styles index.html loads. */
function firstPage(): { js: number; css: number } {
  const html = readFileSync(new URL('index.html', DIST), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  const size = (ext: string) =>
    files
      .filter((f) => f.endsWith(ext))
      .reduce((s, f) => s + gzipSync(readFileSync(new URL(f, DIST))).length, 0) / 1024;
  return { js: Math.round(size('.js') * 10) / 10, css: Math.round(size('.css') * 10) / 10 };
}

/** A small seeded generator, so every run builds the same model. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const features = [
  ...Array.from({ length: NUMBERS }, (_, i) => ({ name: `x${i}`, type: 'double' })),
  ...Array.from({ length: CATEGORIES }, (_, i) => ({
    name: `c${i}`,
    type: 'categorical',
    categories: ['a', 'b', 'c', 'd'],
  })),
];

function event(rand: () => number, day: number, i: number, start: number) {
  const f: Record<string, number | string> = {};
  for (let k = 0; k < NUMBERS; k++) f[`x${k}`] = rand() + (k < 6 ? day / 500 : 0);
  for (let k = 0; k < CATEGORIES; k++) f[`c${k}`] = 'abcd'[Math.floor(rand() * (k === 0 ? 4 : 3))];
  const p = Math.min(0.99, Math.max(0.01, (f.x0 as number) * 0.8));
  return {
    id: `d${day}-${i}`,
    version: 1,
    timestamp: new Date(start + day * 86_400_000 + i * 700_000).toISOString(),
    features: f,
    prediction: p >= 0.5 ? 1 : 0,
    probabilities: { '0': 1 - p, '1': p },
    latencyMs: 5 + rand() * 20,
    segment: { region: ['north', 'south', 'east'][i % 3] },
    label: rand() < p + (day > 200 ? 0.1 : 0) ? 1 : 0,
  };
}

export default async function bench(): Promise<Figures> {
  const size = firstPage();
  const tmp = tempDir('tend-bench-dashboard-');
  const server = await startServe(['--data-dir', tmp.dir, '--evaluate-every', '1'], []);
  const browser = await launchChromium();
  try {
    const send = async (method: string, path: string, body: unknown, type = 'application/json') => {
      const r = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': type },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<Record<string, unknown>>;
    };
    const end = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const start = end - DAYS * 86_400_000;
    await send('POST', '/api/v1/models', {
      name: 'wide',
      task: 'binary_classification',
      windowSeconds: 86_400,
    });
    await send('POST', '/api/v1/models/wide/versions', { inputSchema: features });
    const rand = lcg(7);
    // The reference: 2 000 rows like the first day's.
    const names = features.map((f) => f.name);
    const csv = [[...names, 'prediction'].join(',')];
    for (let i = 0; i < 2000; i++) {
      const e = event(rand, 0, i, start);
      csv.push([...names.map((n) => e.features[n]), e.prediction].join(','));
    }
    await send(
      'PUT',
      '/api/v1/models/wide/versions/1/reference?format=csv&prediction=prediction',
      `${csv.join('\n')}\n`,
      'text/csv',
    );
    const monitors: [string, unknown][] = [
      ['quality', { kind: 'data_quality' }],
      ['drift', { kind: 'feature_drift' }],
      ['outputs', { kind: 'prediction_drift' }],
      [
        'accuracy',
        {
          kind: 'performance',
          config: {
            metric: 'accuracy',
            segments: ['region'],
            fairness: { attribute: 'region', maxGap: 0.2 },
          },
        },
      ],
      ['accuracy-decay', { kind: 'decay', config: { monitor: 'accuracy', threshold: 0.5 } }],
      ['ops', { kind: 'operations' }],
    ];
    for (const [name, body] of monitors)
      await send('PUT', `/api/v1/models/wide/monitors/${name}`, body);
    for (let day = 0; day < DAYS; day++) {
      const events = Array.from({ length: PER_DAY }, (_, i) => event(rand, day, i, start));
      await send(
        'POST',
        '/api/v1/models/wide/predictions',
        events.map(({ label: _, ...e }) => e),
      );
      await send(
        'POST',
        '/api/v1/models/wide/labels',
        events.map((e) => ({ id: e.id, label: e.label })),
      );
    }
    // The loop evaluates every closed window; wait until the last one has its results.
    const evaluated = async () =>
      (
        (await send(
          'GET',
          '/api/v1/models/wide/monitors/ops/results?metric=events_per_second&limit=100000',
          undefined,
        )) as { results: unknown[] }
      ).results.length;
    const waitStarted = performance.now();
    while ((await evaluated()) < DAYS) {
      if (performance.now() - waitStarted > 600_000)
        throw new Error('windows not evaluated in 10 minutes');
      await new Promise((r) => setTimeout(r, 1000));
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(`${server.url}/models/wide/monitoring`);
      await page.waitForFunction(
        () =>
          Number(
            document
              .querySelector('section[aria-labelledby="drift"] canvas')
              ?.getAttribute('data-cells') ?? 0,
          ) >=
            365 * 30 && document.querySelectorAll('figure.chart .u-wrap canvas').length >= 6,
        undefined,
        { timeout: 30_000, polling: 'raf' },
      );
      times.push(await page.evaluate(() => performance.now()));
    }
    times.sort((a, b) => a - b);
    return {
      first_page_js_gzip_kb: size.js,
      first_page_css_gzip_kb: size.css,
      monitoring_windows: DAYS,
      monitoring_features: NUMBERS + CATEGORIES,
      monitoring_page_drawn_ms_median: Math.round(times[2]),
      monitoring_page_drawn_ms_best: Math.round(times[0]),
      monitoring_page_drawn_ms_worst: Math.round(times[4]),
    };
  } finally {
    await browser.close();
    await server.stop();
    tmp.remove();
  }
}
