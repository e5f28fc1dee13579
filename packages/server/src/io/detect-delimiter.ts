/**
 * Picks a CSV file's delimiter from its header line when the user gives none.
 *
 * The rule: count `,` `;` TAB and `|` in the first line (up to the first line break outside
 * double quotes; characters inside quotes do not count). The most frequent wins; a tie goes
 * to the earlier in that order; a line with none of them (a one-column file) means `,`.
 * Bytes are scanned rather than text: in UTF-8 no byte of a multi-byte character is below
 * 0x80, so the four delimiters, the quote and line breaks are never part of another character.
 */

/**
 * The delimiters detection chooses among, in tie-breaking order.
 *
 * @example
 * DELIMITER_CANDIDATES.includes('\t'); // true
 */
export const DELIMITER_CANDIDATES: readonly string[] = [',', ';', '\t', '|'];

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Where the first line of `head` ends (index of its line break outside quotes), or −1 when
 * `head` holds no complete first line yet.
 *
 * @example
 * firstLineEnd(Buffer.from('"a\nb",c\n1,2')); // 7
 */
export function firstLineEnd(head: Uint8Array): number {
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === QUOTE) quoted = !quoted;
    else if (!quoted && (b === LF || b === CR)) return i;
  }
  return -1;
}

/**
 * The delimiter of a CSV file whose first bytes are `head` (the rule is in the file comment).
 *
 * @example
 * detectDelimiter(Buffer.from('id;name;"a,b"\n1;x;y\n')); // ';'
 */
export function detectDelimiter(head: Uint8Array): string {
  const codes = DELIMITER_CANDIDATES.map((d) => d.charCodeAt(0));
  const counts = codes.map(() => 0);
  const end = firstLineEnd(head);
  const stop = end === -1 ? head.length : end;
  let quoted = false;
  for (let i = 0; i < stop; i++) {
    const b = head[i];
    if (b === QUOTE) quoted = !quoted;
    else if (!quoted) {
      const k = codes.indexOf(b);
      if (k !== -1) counts[k]++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return DELIMITER_CANDIDATES[best];
}
