import { describe, expect, it } from 'vitest';
import { sampleReport } from './sample-report.js';
import { driftLine, renderSummary } from './summary.js';

describe('driftLine', () => {
  it('says what the test found, skipping what it lacks', () => {
    expect(
      driftLine({ method: 'psi', statistic: 0.21, threshold: 0.1, drifted: true, reason: '' }),
    ).toBe('psi statistic 0.21, threshold 0.1');
    expect(
      driftLine({
        method: 'ks',
        statistic: 0.1,
        pValue: 0.00002,
        adjustedPValue: 0.0001,
        effectSize: 0.1,
        minEffectSize: 0.05,
        threshold: 0.05,
        drifted: true,
        reason: '',
      }),
    ).toBe(
      'ks statistic 0.1, p 2e-5, adjusted p 1e-4, effect size 0.1, threshold 0.05, min effect 0.05',
    );
  });
});

describe('renderSummary', () => {
  it('flags a drifted dataset', () => {
    const r = sampleReport();
    r.dataset.drift.drifted = true;
    expect(renderSummary(r)).toContain('▲ Dataset drift detected');
  });

  it('says "none" when no columns are missing or added, and skips the model card when empty', () => {
    const r = sampleReport();
    r.dataset.quality.missingColumns = [];
    r.dataset.quality.addedColumns = [];
    r.dataset.drift.prediction = undefined;
    r.dataset.drift.target = undefined;
    r.dataset.drift.multivariate = undefined;
    const html = renderSummary(r);
    expect(html).toContain('Columns missing from current: none');
    expect(html).toContain('Columns added in current: none');
    expect(html).not.toContain('Model and joint drift');
  });

  it('lists each condition with its value, verdict and reason', () => {
    const html = renderSummary(sampleReport());
    expect(html).toContain(
      '<th scope="row"><code>drift.share &lt; 0.3</code></th><td class="num">0.4</td><td><span class="badge bad">✗ failed</span></td><td>drift.share is 0.4, not &lt; 0.3</td>',
    );
    expect(html).toContain('the report has no column &quot;salary&quot;');
  });
});
