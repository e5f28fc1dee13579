/**
 * HTML escaping for every string that comes from the user's data or config (column names,
 * category values, paths, conditions): a column can be called `<script>`, and the page must
 * show it as text, never run it.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape a string for HTML text and for a quoted attribute value (both quote kinds are
 * escaped, so the same function serves both places).
 *
 * @example
 * escapeHtml('<script>alert(1)</script>'); // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
