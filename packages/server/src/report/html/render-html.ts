/**
 * The page shell of `tend report --html`: one HTML5 document with its CSS and script inline
 * and charts as inline SVG, so it opens offline in any browser. A Content-Security-Policy
 * forbids every network request, so even a future slip (an image URL in a template) cannot
 * phone home. Sections: summary, drift table, columns, performance, how it was made.
 */
import type { Report } from '../report-types.js';
import { renderColumnDetails } from './column-details.js';
import { renderDriftTable } from './drift-table.js';
import { escapeHtml as e } from './escape.js';
import { formatNumber } from './format.js';
import { renderPerformance } from './performance.js';
import { SORT_SCRIPT } from './sort-script.js';
import { REPORT_CSS } from './styles.js';
import { renderSummary } from './summary.js';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

function settings(r: Report): string {
  const m = r.mapping;
  const list = (xs: string[]) =>
    xs.length ? xs.map((x) => `<code>${e(x)}</code>`).join(', ') : 'none';
  const opt = (x: string | undefined) => (x === undefined ? 'none' : `<code>${e(x)}</code>`);
  const forced = Object.entries(r.settings.stattest).map(
    ([col, test]) => `${col === '*' ? 'every column' : `<code>${e(col)}</code>`}: ${e(test)}`,
  );
  const rows: [string, string][] = [
    ['Preset', e(r.settings.preset)],
    ['Forced tests', forced.length ? forced.join('; ') : 'none'],
    [
      'Threshold',
      r.settings.threshold === undefined ? 'per test' : formatNumber(r.settings.threshold),
    ],
    ['Target', opt(m.target)],
    [
      'Prediction',
      m.prediction ? `${e(m.prediction.kind)}: ${list(m.prediction.columns)}` : 'none',
    ],
    ['Timestamp', opt(m.timestamp)],
    ['Id', opt(m.id)],
    ['Segments', list(m.segments)],
    ['Ignored', list(m.ignored)],
  ];
  return (
    '<section id="settings" aria-labelledby="settings-h"><h2 id="settings-h">How this report was made</h2>' +
    '<div class="scroll"><table><tbody>' +
    rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('') +
    '</tbody></table></div></section>'
  );
}

/**
 * Render a report as one self-contained HTML page (no network, no external file).
 *
 * @example
 * writeFileSync('report.html', renderHtml(report)); // opens offline in any browser
 */
export function renderHtml(report: Report): string {
  const title = `Tend report: ${report.reference.path} vs ${report.current.path}`;
  const nav = [
    ['summary', 'Summary'],
    ['drift', 'Drift table'],
    ['columns', 'Columns'],
    ...(report.performance ? [['performance', 'Performance']] : []),
    ['settings', 'Settings'],
  ]
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="Tend ${e(report.tendVersion)}">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>Tend report</h1>
<p class="meta"><span class="mono">${e(report.reference.path)}</span> (reference) vs <span class="mono">${e(report.current.path)}</span> (current)</p>
<p class="meta">Generated ${e(report.generatedAt)} by Tend ${e(report.tendVersion)}, preset ${e(report.settings.preset)}.</p>
<nav class="toc" aria-label="Sections">${nav}</nav>
</header>
<main>
${renderSummary(report)}
<section id="drift" aria-labelledby="drift-h"><h2 id="drift-h">Drift per column</h2>
${renderDriftTable(report.columns, report.dataset.drift)}
</section>
${renderColumnDetails(report.columns)}
${renderPerformance(report.performance)}
${settings(report)}
</main>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
