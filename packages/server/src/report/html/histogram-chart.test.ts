import { describe, expect, it } from 'vitest';
import { CHART_COLOURS, renderHistogramChart } from './histogram-chart.js';

const opts = { id: 'c0', columnName: 'age <b>', where: 'columns[0].histogram' };

function heights(svg: string, cls: 'ref' | 'cur'): number[] {
  const re = new RegExp(`<rect class="bar ${cls}"[^>]*height="([\\d.]+)"`, 'g');
  return [...svg.matchAll(re)].map((m) => Number(m[1]));
}

describe('renderHistogramChart', () => {
  it('draws one reference and one current bar per numerical bin, heights in proportion to shares', () => {
    const svg = renderHistogramChart(
      { kind: 'numerical', edges: [0, 1, 2, 3], reference: [10, 30, 60], current: [20, 20, 60] },
      opts,
    );
    const ref = heights(svg, 'ref');
    const cur = heights(svg, 'cur');
    expect(ref).toHaveLength(3);
    expect(cur).toHaveLength(3);
    // Shares 0.1, 0.3, 0.6 on an axis up to 0.6: heights 30, 90, 180 of a 180-pixel plot.
    expect(ref).toEqual([30, 90, 180]);
    expect(cur).toEqual([60, 60, 180]);
    expect(svg).toContain(`fill="${CHART_COLOURS.reference}"`);
    expect(svg).toContain('data-bins="3"');
  });

  it('labels every bin edge, ticks the share axis and carries a legend', () => {
    const svg = renderHistogramChart(
      { kind: 'numerical', edges: [0, 1, 2, 3], reference: [10, 30, 60], current: [20, 20, 60] },
      opts,
    );
    for (const t of ['0 %', '20 %', '40 %', '60 %']) expect(svg).toContain(`>${t}</text>`);
    for (const edge of ['0', '1', '2', '3'])
      expect(svg).toContain(`text-anchor="middle">${edge}</text>`);
    expect(svg).toContain('>reference</text>');
    expect(svg).toContain('>current</text>');
  });

  it('is accessible: role img, labelled by its title and description, with escaped names', () => {
    const svg = renderHistogramChart(
      { kind: 'categorical', categories: ['<x>', 'b'], reference: [3, 1], current: [1, 3] },
      opts,
    );
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c0-title c0-desc"/);
    expect(svg).toContain(
      '<title id="c0-title">Distribution of age &lt;b&gt;: reference vs current</title>',
    );
    expect(svg).toContain('Largest difference at &lt;x&gt;: reference 75.0 %, current 25.0 %');
    expect(svg).not.toContain('<x>');
    expect(heights(svg, 'ref')).toHaveLength(2);
  });

  it('rotates and truncates long category labels, keeping the full label in a tooltip', () => {
    const long = 'a very long category label indeed';
    const svg = renderHistogramChart(
      { kind: 'categorical', categories: [long, 'b'], reference: [1, 1], current: [1, 1] },
      opts,
    );
    expect(svg).toContain('rotate(-40)');
    expect(svg).toContain('>a very long c…<title>a very long category label indeed</title>');
  });

  it('keeps bars slim when there are few bins, centred in their slot', () => {
    const svg = renderHistogramChart(
      { kind: 'categorical', categories: ['a', 'b'], reference: [1, 1], current: [1, 1] },
      opts,
    );
    const widths = [
      ...svg.matchAll(/class="bar (?:ref|cur)"[^>]*x="([\d.]+)"[^>]*width="([\d.]+)"/g),
    ];
    expect(widths.map((w) => Number(w[2]))).toEqual([48, 48, 48, 48]);
    // Slot of (640 - 52 - 28) / 2 = 280 pixels: the pair starts (280 - 96) / 2 = 92 in.
    expect(widths.map((w) => Number(w[1]))).toEqual([144, 192, 424, 472]);
  });

  it('draws empty datasets as zero-height bars instead of NaN', () => {
    const svg = renderHistogramChart(
      { kind: 'categorical', categories: ['a'], reference: [0], current: [0] },
      opts,
    );
    expect(svg).not.toContain('NaN');
    expect(heights(svg, 'ref')).toEqual([0]);
  });

  it('refuses counts that do not match the bins, naming where', () => {
    expect(() =>
      renderHistogramChart(
        { kind: 'numerical', edges: [0, 1, 2], reference: [1], current: [1, 2] },
        opts,
      ),
    ).toThrow('renderHtml: columns[0].histogram.reference has 1 counts for 3 edges (2 bins)');
    expect(() =>
      renderHistogramChart(
        { kind: 'categorical', categories: ['a'], reference: [-1], current: [1] },
        opts,
      ),
    ).toThrow('renderHtml: columns[0].histogram.reference[0] is -1');
    expect(() =>
      renderHistogramChart({ kind: 'numerical', edges: [0], reference: [], current: [] }, opts),
    ).toThrow('has 1 edges (0 bins); a chart needs one bin');
  });
});
