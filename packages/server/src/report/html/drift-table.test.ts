import { describe, expect, it } from 'vitest';
import {
  columnAnchor,
  correctionName,
  DRIFT_TABLE_HEADERS,
  renderDriftTable,
} from './drift-table.js';
import { sampleReport } from './sample-report.js';

describe('renderDriftTable', () => {
  const r = sampleReport();
  const table = renderDriftTable(r.columns, r.dataset.drift);
  const rows = table.slice(table.indexOf('<tbody>')).split('</tr>').slice(0, -1);

  it('has a scoped header button per column and names the correction', () => {
    expect(table.match(/<th scope="col"/g)).toHaveLength(DRIFT_TABLE_HEADERS.length);
    expect(table.match(/<button type="button" data-col=/g)).toHaveLength(
      DRIFT_TABLE_HEADERS.length,
    );
    expect(table).toContain('multiple-testing correction: Benjamini–Hochberg');
  });

  it('writes one row per column with a row header linking to its details', () => {
    expect(rows).toHaveLength(r.columns.length);
    expect(rows[0]).toContain('<th scope="row"><a href="#col-0">age</a></th>');
    expect(rows[4]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('fills every cell of a tested column, raw values in data-sort', () => {
    const city = rows[2];
    expect(city).toContain('<tr class="drifted">');
    expect(city).toContain('<td>chisquare</td>');
    expect(city).toContain('data-sort="412.7">412.7</td>');
    expect(city).toContain('data-sort="1.2e-14">1.2e-14</td>');
    expect(city).toContain('data-sort="6e-14">6e-14</td>');
    expect(city).toContain('data-sort="0.18">0.18</td>');
    expect(city).toContain('data-sort="0.05">0.05<br><span class="note">effect ≥ 0.1</span></td>');
    expect(city).toContain('<td data-sort="1"><span class="badge bad">▲ drift</span></td>');
  });

  it('shows an untested column with dashes and "not tested", sorting last', () => {
    const date = rows[5];
    expect(date).toContain('signup_date');
    expect(date.match(/data-sort="">—<\/td>/g)).toHaveLength(5);
    expect(date).toContain('not tested');
  });

  it('leaves a distance test’s p-value cells empty rather than inventing one', () => {
    expect(rows[0]).toContain('<td>wasserstein</td>');
    expect(rows[0].match(/data-sort="">—<\/td>/g)).toHaveLength(2);
  });
});

describe('helpers', () => {
  it('names corrections and anchors columns by index', () => {
    expect(correctionName('holm')).toBe('Holm');
    expect(correctionName('none')).toBe('none');
    expect(columnAnchor(3)).toBe('col-3');
  });
});
