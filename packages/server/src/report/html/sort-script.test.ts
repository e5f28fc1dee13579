import { describe, expect, it } from 'vitest';
import { SORT_SCRIPT } from './sort-script.js';

/** Just enough of the DOM for the script: attributes, listeners, rows that move on append. */
class FakeElement {
  attrs = new Map<string, string>();
  listeners = new Map<string, () => void>();
  parentNode: FakeElement | null = null;
  textContent = '';
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
  addEventListener(type: string, fn: () => void): void {
    this.listeners.set(type, fn);
  }
}

class FakeRow extends FakeElement {
  constructor(readonly cells: FakeElement[]) {
    super();
  }
}

class FakeBody extends FakeElement {
  rows: FakeRow[] = [];
  appendChild(row: FakeRow): void {
    this.rows = this.rows.filter((r) => r !== row).concat(row);
  }
}

function cell(text: string, sort?: string): FakeElement {
  const c = new FakeElement();
  c.textContent = text;
  if (sort !== undefined) c.setAttribute('data-sort', sort);
  return c;
}

function setup(rows: [string, string, string | undefined][]) {
  const headers = [0, 1].map(() => new FakeElement());
  const buttons = headers.map((th, i) => {
    const b = new FakeElement();
    b.setAttribute('data-col', String(i));
    b.parentNode = th;
    return b;
  });
  const body = new FakeBody();
  body.rows = rows.map(([name, text, sort]) => new FakeRow([cell(name), cell(text, sort)]));
  const table = {
    tBodies: [body],
    querySelectorAll: (sel: string) => (sel === 'thead th' ? headers : buttons),
  };
  const root = { className: 'no-js' };
  const document = {
    documentElement: root,
    querySelectorAll: (sel: string) => (sel === 'table.sortable' ? [table] : []),
  };
  const window = { addEventListener: () => {} };
  new Function('document', 'window', SORT_SCRIPT)(document, window);
  const names = () => body.rows.map((r) => r.cells[0].textContent);
  return { headers, buttons, names, root };
}

describe('SORT_SCRIPT', () => {
  it('sorts by the data-sort number, missing values last, and reverses on a second click', () => {
    const t = setup([
      ['a', '0.5', '0.5'],
      ['b', '—', ''],
      ['c', '1e-5', '0.00001'],
      ['d', '2', '2'],
    ]);
    expect(t.root.className).toBe('js');
    t.buttons[1].listeners.get('click')!();
    expect(t.names()).toEqual(['c', 'a', 'd', 'b']);
    expect(t.headers[1].getAttribute('aria-sort')).toBe('ascending');
    t.buttons[1].listeners.get('click')!();
    expect(t.names()).toEqual(['d', 'a', 'c', 'b']);
    expect(t.headers[1].getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts text naturally and clears the other headers’ sort state', () => {
    const t = setup([
      ['x10', '', undefined],
      ['x9', '', undefined],
      ['X1', '', undefined],
    ]);
    t.buttons[1].listeners.get('click')!();
    t.buttons[0].listeners.get('click')!();
    expect(t.names()).toEqual(['X1', 'x9', 'x10']);
    expect(t.headers[1].getAttribute('aria-sort')).toBeNull();
    expect(t.headers[0].getAttribute('aria-sort')).toBe('ascending');
  });
});
