import { describe, expect, it } from 'vitest';
import { formatMetric, renderPerformance } from './performance.js';
import { sampleReport } from './sample-report.js';

describe('formatMetric', () => {
  it('shows a value with its interval, or alone, or a dash', () => {
    expect(formatMetric({ value: 0.874, low: 0.865, high: 0.883 })).toBe(
      '0.874 <span class="note">[0.865, 0.883]</span>',
    );
    expect(formatMetric({ value: 0.3 })).toBe('0.3');
    expect(formatMetric(undefined)).toBe('—');
    expect(formatMetric({ value: Number.NaN })).toBe('—');
  });
});

describe('renderPerformance', () => {
  const p = sampleReport().performance!;
  const html = renderPerformance(p);

  it('is empty without performance', () => {
    expect(renderPerformance(undefined)).toBe('');
  });

  it('lists each metric with reference, current and the change', () => {
    expect(html).toContain('<caption>Metrics (binary), 95.0 % bootstrap intervals</caption>');
    expect(html).toMatch(
      /<code>rocAuc<\/code><\/th><td class="num">0\.913 .*?<\/td><td class="num">0\.862 .*?<\/td><td class="num">-0\.051 <span class="note">\(intervals disjoint\)<\/span>/,
    );
    expect(html).toContain(
      '<code>logLoss</code></th><td class="num">0.301</td><td class="num">0.398</td><td class="num">+0.097</td>',
    );
    expect(html).toContain('1,000 resamples, seed 7');
  });

  it('does not call overlapping intervals disjoint', () => {
    const q = sampleReport().performance!;
    q.current.accuracy = { value: 0.87, low: 0.86, high: 0.88 };
    expect(renderPerformance(q)).toMatch(/accuracy<\/code>.*?<td class="num">-0\.004<\/td>/);
  });

  it('has a sortable segment table with rows and metrics of both datasets', () => {
    const seg = html.slice(html.indexOf('id="segments"'), html.indexOf('id="fairness"'));
    expect(seg).toContain('<table class="sortable">');
    expect(seg.match(/<button type="button"/g)).toHaveLength(8);
    expect(seg).toContain(
      '<td>region</td><th scope="row">north</th><td class="num" data-sort="2750">2,750</td>',
    );
    expect(seg).toContain('data-sort="0.79">0.79 <span class="note">[0.772, 0.808]</span>');
  });

  it('marks fairness gaps outside the usual bounds in words', () => {
    const fair = html.slice(html.indexOf('id="fairness"'));
    expect(fair.match(/⚠ outside/g)).toHaveLength(1);
    expect(fair).toContain('<th scope="row">current</th>');
    expect(fair).toContain('-0.082</td>');
  });
});
