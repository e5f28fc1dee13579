/**
 * The page's only stylesheet, inlined so the file opens offline. System fonts only (a web
 * font would be a network request). Colours are Okabe–Ito's colour-blind-safe palette; the
 * layout collapses to one column in a narrow window, and print drops the interactive bits.
 */

/**
 * CSS for the report page.
 *
 * @example
 * `<style>${REPORT_CSS}</style>`; // inline in the page head
 */
export const REPORT_CSS = `
:root {
  --fg: #1b1b1b; --muted: #555; --bg: #fff; --panel: #f5f6f7; --line: #d4d7db;
  --ref: #0072B2; --cur: #E69F00; --bad: #D55E00; --good: #009E73; --accent: #0072B2;
  --bad-bg: #fbe3d6; --good-bg: #d5f0e6; --none-bg: #e6e6e6;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e8; --muted: #a8a8a8; --bg: #16181b; --panel: #202328; --line: #3a3f46;
    --bad-bg: #5a2a10; --good-bg: #0f4536; --none-bg: #3a3a3a; --accent: #56B4E9; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.25rem 3rem; color: var(--fg);
  background: var(--bg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.6rem; margin: .2rem 0 .2rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.02rem; margin: 1rem 0 .4rem; }
p, ul { margin: .3rem 0 .6rem; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
.meta { color: var(--muted); margin: 0; }
nav.toc { margin: .6rem 0 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
nav.toc a { color: var(--accent); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(260px, 100%), 1fr)); gap: .8rem; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; }
.card h3 { margin-top: 0; }
.verdict { font-size: 1.15rem; font-weight: 600; }
.badge { display: inline-block; padding: 0 .45em; border-radius: 4px; font-size: .85em;
  font-weight: 600; white-space: nowrap; color: var(--fg); }
.badge.bad { background: var(--bad-bg); border: 1px solid var(--bad); }
.badge.good { background: var(--good-bg); border: 1px solid var(--good); }
.badge.none { background: var(--none-bg); border: 1px solid var(--line); }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .3rem 0 .8rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { padding: .28rem .55rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--line); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr.drifted { background: var(--bad-bg); }
tbody tr:hover { outline: 1px solid var(--line); }
th button { font: inherit; color: inherit; background: none; border: 0; padding: 0;
  margin: 0; cursor: pointer; text-align: inherit; white-space: nowrap; }
th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.js th button::after { content: " \\2195"; color: var(--muted); }
.js th[aria-sort="ascending"] button::after { content: " \\25B2"; color: var(--fg); }
.js th[aria-sort="descending"] button::after { content: " \\25BC"; color: var(--fg); }
details.column { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; background: var(--panel); }
/* summary stays display: list-item, which keeps the disclosure triangle (flex removes it). */
details.column > summary { cursor: pointer; padding: .5rem .8rem; }
details.column > summary > * + * { margin-left: .7rem; }
details.column > summary:focus-visible { outline: 2px solid var(--accent); }
details.column .body { padding: 0 .8rem .8rem; background: var(--bg); border-top: 1px solid var(--line); }
.name { font-weight: 600; word-break: break-all; }
.side { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(300px, 100%), 1fr)); gap: 0 1.2rem; }
svg.chart { width: 100%; max-width: 720px; height: auto; display: block; font-size: 12px; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
svg.chart text { fill: var(--fg); }
svg.chart .tick { fill: var(--muted); font-size: 11px; }
.note { color: var(--muted); font-size: .88rem; }
ul.issues { padding-left: 1.2rem; }
@media (max-width: 640px) {
  body { padding: .6rem; font-size: 14px; }
  th, td { padding: .22rem .35rem; }
}
@media print {
  :root { --bg: #fff; --fg: #000; --panel: #fff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.toc, .js th button::after { display: none; }
  details.column, svg.chart, table, .card { break-inside: avoid; }
  .scroll { overflow: visible; }
  tbody tr:hover { outline: none; }
}
`;
