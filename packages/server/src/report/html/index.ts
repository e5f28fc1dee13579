/**
 * The HTML page of `tend report --html`.
 *
 * @example
 * import { renderHtml } from './html/index.js'; // renderHtml(report) → one self-contained page
 */
export { renderHtml } from './render-html.js';
