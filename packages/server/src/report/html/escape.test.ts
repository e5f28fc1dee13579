import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can break out of text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves other text alone, including non-ASCII', () => {
    expect(escapeHtml('âge ≥ 50 %')).toBe('âge ≥ 50 %');
  });

  it('escapes an ampersand once, so entities in data stay visible as typed', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});
