import { describe, expect, it } from 'vitest';
import type { ColumnReport } from '../report-types.js';
import { renderColumnDetails } from './column-details.js';
import { sampleReport } from './sample-report.js';

function block(html: string, index: number): string {
  const start = html.indexOf(`id="col-${index}"`);
  return html.slice(start, html.indexOf('</details>', start));
}

describe('renderColumnDetails', () => {
  const columns = sampleReport().columns;
  const html = renderColumnDetails(columns);

  it('puts quality and summary side by side, reference and current in columns', () => {
    const age = block(html, 0);
    expect(age).toContain('<div class="side">');
    expect(age).toContain('<caption>Quality</caption>');
    expect(age).toContain('<caption>Summary</caption>');
    expect(age).toContain(
      '<th scope="row">Missing</th><td class="num">1.0 %</td><td class="num">4.0 %</td>',
    );
    expect(age).toContain(
      '<th scope="row">Outside reference range</th><td class="num">—</td><td class="num">37</td>',
    );
    expect(age).toContain(
      '<th scope="row">Mean</th><td class="num">41.2</td><td class="num">47.9</td>',
    );
    expect(age).toContain('Test: numerical, 5000 rows &gt; 1000: wasserstein (Evidently)');
    expect(age).toContain('<svg class="chart"');
  });

  it('lists top values of both datasets and the new categories, escaped', () => {
    const city = block(html, 2);
    expect(city).toContain(
      '<th scope="row"><code>Bordeaux</code></th><td class="num">—</td><td class="num">250</td>',
    );
    expect(city).toContain('New categories in current: <code>Bordeaux</code>, <code>Nice</code>');
    const hostile = block(html, 4);
    expect(hostile).toContain('<code>&lt;b&gt;bold&lt;/b&gt;</code>');
    expect(hostile).toContain(
      '<th scope="row">Near-constant</th><td class="num">no</td><td class="num">yes</td>',
    );
  });

  it('says when a column was not tested and has no chart', () => {
    const date = block(html, 5);
    expect(date).toContain('not tested');
    expect(date).toContain('Not tested for drift');
    expect(date).toContain('No chart for this column.');
  });

  it('shows datetime statistics as UTC timestamps and spreads in days', () => {
    const col: ColumnReport = {
      ...columns[5],
      summary: {
        reference: {
          count: 2,
          min: Date.UTC(2026, 0, 1),
          max: Date.UTC(2026, 0, 3),
          std: 86_400_000,
        },
        current: { count: 1, min: Date.UTC(2026, 1, 1), max: Date.UTC(2026, 1, 1) },
      },
    };
    const out = renderColumnDetails([col]);
    expect(out).toContain(
      '<td class="num">2026-01-01T00:00:00.000Z</td><td class="num">2026-02-01T00:00:00.000Z</td>',
    );
    expect(out).toContain(
      '<th scope="row">Standard deviation</th><td class="num">1 days</td><td class="num">—</td>',
    );
  });
});
