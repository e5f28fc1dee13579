import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRIFT_TABLE_HEADERS } from './drift-table.js';
import { renderHtml } from './render-html.js';
import { HOSTILE_NAME, sampleReport } from './sample-report.js';

const html = renderHtml(sampleReport());

/** Text between an opening tag carrying `marker` and the matching close, by tag name. */
function section(id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('renderHtml on the sample report', () => {
  it('renders one HTML5 document with inline CSS and script, and writes it for inspection', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en"')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain('<script>(function () {');
    // For a person to open: /tmp/tend-sample-report.html on Linux.
    writeFileSync(join(tmpdir(), 'tend-sample-report.html'), html);
  });

  it('makes no network request: no URL, protocol-relative link, @import or remote url()', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*[a-z][a-z0-9+.-]*:/i);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed|audio|video)\b/i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/i);
    // Every href is an in-page anchor.
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#[\w-]+$/);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes user strings: the hostile column name appears only as text', () => {
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('a &amp; b');
    // Exactly one script element: ours.
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('escapes a URL in user data and never turns it into a link', () => {
    const r = sampleReport();
    r.columns[0].name = 'https://evil.example/x.js';
    r.reference.path = '"><img src=//evil.example>';
    const out = renderHtml(r);
    expect(out).not.toMatch(/(?:src|href)="?https?:/);
    expect(out).not.toContain('<img');
    expect(out).toContain('&quot;&gt;&lt;img src=//evil.example&gt;');
  });

  it('has a sortable drift table with a header button per column and one row per column', () => {
    const drift = section('drift');
    expect(drift).toContain('<table class="sortable"');
    const buttons = [
      ...drift.matchAll(
        /<th scope="col"[^>]*><button type="button" data-col="(\d+)">([^<]+)<\/button><\/th>/g,
      ),
    ];
    expect(buttons.map((b) => b[2])).toEqual([...DRIFT_TABLE_HEADERS]);
    expect(buttons.map((b) => Number(b[1]))).toEqual(DRIFT_TABLE_HEADERS.map((_, i) => i));
    const body = drift.slice(drift.indexOf('<tbody>'), drift.indexOf('</tbody>'));
    expect(body.match(/<tr[ >]/g)).toHaveLength(sampleReport().columns.length);
    expect(body.match(/<tr class="drifted">/g)).toHaveLength(3); // age, city, score
    expect(body).toContain('<td data-sort="">');
    expect(html).toContain('table.sortable');
  });

  it('draws one chart per column with a histogram, with the right number of bars', () => {
    const report = sampleReport();
    const charted = report.columns.filter((c) => c.histogram);
    const charts = [...html.matchAll(/<svg class="chart"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(charts).toHaveLength(charted.length);
    charted.forEach((c, i) => {
      const h = c.histogram!;
      const bins = h.kind === 'numerical' ? h.edges.length - 1 : h.categories.length;
      expect(charts[i].match(/<rect class="bar ref"/g), c.name).toHaveLength(bins);
      expect(charts[i].match(/<rect class="bar cur"/g), c.name).toHaveLength(bins);
    });
    expect(html).toContain('No chart for this column.');
  });

  it('gives each column a details block, drifted ones open', () => {
    const report = sampleReport();
    const blocks = [...html.matchAll(/<details class="column" id="col-(\d+)"( open)?>/g)];
    expect(blocks).toHaveLength(report.columns.length);
    blocks.forEach((b, i) => {
      expect(Number(b[1])).toBe(i);
      expect(b[2] === ' open').toBe(report.columns[i].drift?.drifted === true);
    });
  });

  it('leaks no undefined, NaN, null or [object Object] text', () => {
    const text = html.replace(/<script>[\s\S]*?<\/script>/, '');
    expect(text).not.toMatch(/undefined|NaN|\bnull\b|\[object/);
  });

  it('puts the summary first with the verdict, prediction and multivariate lines and quality highlights', () => {
    const summary = section('summary');
    expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('id="drift"'));
    expect(html.indexOf('id="drift"')).toBeLessThan(html.indexOf('id="columns"'));
    expect(html.indexOf('id="columns"')).toBeLessThan(html.indexOf('id="performance"'));
    expect(summary).toContain('✓ No dataset drift');
    expect(summary).toContain('<strong>2</strong> of 5 feature columns drifted (40.0 %)');
    expect(summary).toContain('dataset drifts when ≥ 50 % of features drift');
    expect(summary).toContain('Benjamini–Hochberg');
    expect(summary).toContain('<strong>Prediction</strong> <code>score</code>');
    expect(summary).toContain('ks statistic 0.142, p 3.1e-41');
    expect(summary).toContain('<strong>Target</strong> <code>churned</code>');
    expect(summary).toContain('ROC AUC 0.712');
    expect(summary).toContain('error 0.412 → 0.498 (+20.9 %');
    expect(summary).toContain('Rows 5,000 → 4,200 (-16.0 %)');
    expect(summary).toContain('Duplicate rows: 3 → 17');
    expect(summary).toContain('Columns missing from current: <code>legacy_flag</code>');
    expect(summary).toContain('Columns added in current: <code>utm_source</code>');
    expect(summary).toContain(
      '<code>city</code>: 310 rows in new categories (<code>Bordeaux</code>, <code>Nice</code>)',
    );
    expect(summary).toContain('2 passed, 2 failed.');
    // The condition whose value is NaN shows a dash.
    expect(summary).toMatch(
      /missingShare\(salary\) &lt; 0\.1<\/code><\/th><td class="num">—<\/td>/,
    );
  });

  it('formats p-values in scientific notation when small and shows missing cells as a dash', () => {
    const drift = section('drift');
    expect(drift).toContain('data-sort="1.2e-14">1.2e-14</td>');
    expect(drift).toContain('data-sort="0.4312">0.431</td>');
    expect(drift).toContain('<td class="num" data-sort="">—</td>');
  });

  it('shows performance with intervals, segments and fairness', () => {
    const perf = section('performance');
    expect(perf).toContain('95.0 % bootstrap intervals');
    expect(perf).toContain(
      '<code>accuracy</code></th><td class="num">0.874 <span class="note">[0.865, 0.883]</span>',
    );
    expect(perf).toContain('-0.063 <span class="note">(intervals disjoint)</span>');
    expect(perf).toContain('<td class="num">0.398</td>'); // logLoss has no interval
    expect(perf).toContain('<th scope="row">south</th>');
    expect(perf).toContain('accuracy (current)');
    expect(perf).toContain('0.74 <span class="badge bad">⚠ outside</span>');
    expect(perf).toContain('0.93</td>');
  });

  it('leaves out performance and conditions when the report has none', () => {
    const r = sampleReport();
    r.performance = undefined;
    r.conditions = undefined;
    r.dataset.drift.multivariate = undefined;
    const out = renderHtml(r);
    expect(out).not.toContain('id="performance"');
    expect(out).not.toContain('id="conditions"');
    expect(out).not.toContain('Domain classifier');
  });

  it('refuses a histogram whose counts do not match its bins, naming the column', () => {
    const r = sampleReport();
    r.columns[2].histogram!.current.pop();
    expect(() => renderHtml(r)).toThrow(
      'renderHtml: columns[2].histogram.current has 4 counts for 5 categories',
    );
  });
});
