import { describe, expect, it } from 'vitest';
import { parseNumberText } from './cell-text.js';
import { type CsvFieldSink, CsvTokenizer } from './csv-tokenizer.js';
import { ReadError } from './read-error.js';

type Rec = [number, string[]];

function tokenize(chunks: Buffer[], delimiter = ','): Rec[] {
  const out: Rec[] = [];
  const t = new CsvTokenizer('t.csv', delimiter, (record, line) =>
    out.push([line, record.texts()]),
  );
  for (const c of chunks) t.write(c);
  t.end();
  return out;
}

function tokenizeError(text: string): ReadError {
  try {
    tokenize([Buffer.from(text)]);
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('expected a ReadError');
}

const tricky =
  '\uFEFFname,note,n\r\n' +
  '"Zoë ""Z""","two\r\nlines",1\r\n' +
  '\r\n' +
  'plain,"a,b",2\n' +
  'é,"x\ry",3\r' +
  'last,,\n' +
  '"",5\'10",4';

const expected: Rec[] = [
  [1, ['name', 'note', 'n']],
  [2, ['Zoë "Z"', 'two\r\nlines', '1']],
  [5, ['plain', 'a,b', '2']],
  [6, ['é', 'x\ry', '3']],
  [8, ['last', '', '']],
  [9, ['', '5\'10"', '4']],
];

describe('CsvTokenizer', () => {
  it('reads quotes, escaped quotes, line breaks in fields, CRLF, lone CR, blank lines and a BOM', () => {
    expect(tokenize([Buffer.from(tricky)])).toEqual(expected);
  });

  it('gives the same records and lines however the bytes are split into chunks', () => {
    const bytes = Buffer.from(tricky);
    for (let cut = 1; cut < bytes.length; cut++) {
      const got = tokenize([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(got, `cut at byte ${cut}`).toEqual(expected);
    }
    const oneByOne = Array.from({ length: bytes.length }, (_, k) => bytes.subarray(k, k + 1));
    expect(tokenize(oneByOne)).toEqual(expected);
  });

  it('gives the same records when every chunk is read into one reused buffer', () => {
    const bytes = Buffer.from(`${tricky}\nmore,"x""y",5\n7,8,9\n`);
    const expectedAll: Rec[] = [];
    const one = new CsvTokenizer('t.csv', ',', (r, line) => expectedAll.push([line, r.texts()]));
    one.write(bytes);
    one.end();
    for (const size of [1, 2, 3, 5, 8, 13]) {
      const got: Rec[] = [];
      const t = new CsvTokenizer('t.csv', ',', (r, line) => got.push([line, r.texts()]));
      const reused = Buffer.alloc(size);
      for (let at = 0; at < bytes.length; at += size) {
        const n = bytes.copy(reused, 0, at, Math.min(bytes.length, at + size));
        t.write(reused.subarray(0, n));
        reused.fill(0x21); // what a next read would overwrite
      }
      t.end();
      expect(got, `chunks of ${size}`).toEqual(expectedAll);
    }
  });

  it('uses the delimiter it is given', () => {
    expect(tokenize([Buffer.from('a;b\n"x;y";2\n')], ';')).toEqual([
      [1, ['a', 'b']],
      [2, ['x;y', '2']],
    ]);
    expect(tokenize([Buffer.from('a\tb\n1\t2')], '\t')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });

  it('reads nothing from empty text and a single quoted empty field as a record', () => {
    expect(tokenize([])).toEqual([]);
    expect(tokenize([Buffer.from('\n\n')])).toEqual([]);
    expect(tokenize([Buffer.from('a\n""\n')])).toEqual([
      [1, ['a']],
      [2, ['']],
    ]);
  });

  it('refuses a quote never closed, naming the line where it opens', () => {
    const e = tokenizeError('a,b\n1,2\n3,"open\n\nmore\n');
    expect(e.code).toBe('malformed_csv');
    expect(e.message).toBe('t.csv:3: a quoted field opens in this row and never closes');
  });

  it('refuses text after a closing quote, naming its line', () => {
    const e = tokenizeError('a,b\n"x\ny"z,1\n');
    expect(e.message).toBe(
      't.csv:3: text follows a closing quote; a quote inside a quoted field must be doubled ("")',
    );
  });
});

describe('CsvTokenizer numbers', () => {
  /**
   * The (value, digits, places) the direct path hands each field of the rows after a header,
   * the value being digits/10^places as a column computes it (NaN when not a plain decimal).
   */
  function direct(lines: string[], width: number): [string, number, number, number][] {
    const got: [string, number, number, number][] = [];
    const sink: CsvFieldSink = {
      pushField: (bytes, start, end, places, digits) => {
        const value = places < 0 ? Number.NaN : digits / 10 ** places;
        got.push([bytes.toString('utf8', start, end), value, digits, places]);
      },
    };
    const sinks = Array.from({ length: width }, () => sink);
    const t: CsvTokenizer = new CsvTokenizer('t.csv', ',', () => t.directRows(sinks, () => {}));
    t.write(
      Buffer.from(
        `${Array.from({ length: width }, (_, k) => `c${k}`).join(',')}\n${lines.join('\n')}\n`,
      ),
    );
    t.end();
    return got;
  }

  it('reads plain decimals during the scan as parseNumberText does, and leaves the rest NaN', () => {
    const cells = [
      '0',
      '-0',
      '42',
      '-7.25',
      '3.',
      '.5',
      '-.5',
      '007',
      '123456789012345',
      '0.1234567890123',
      '1234567890123456',
      '1e3',
      ' 7',
      '+5',
      '-',
      '.',
      '1.2.3',
      'abc',
      '',
      '12a',
      '5-',
    ];
    for (const [cell, parsed, digits, places] of direct([cells.join(',')], cells.length)) {
      const plain = /^-?(\d+\.?\d*|\.\d+)$/.test(cell) && cell.replace(/\D/g, '').length <= 15;
      if (!plain) {
        expect(parsed, cell).toBeNaN();
        continue;
      }
      expect(Object.is(parsed, parseNumberText(cell)), cell).toBe(true);
      // The digits over 10^places are the same number.
      expect(Object.is(digits / 10 ** places, parsed), cell).toBe(true);
    }
    // Seeded random plain decimals agree bit for bit.
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const random = Array.from({ length: 2000 }, () => {
      const digits = String(next()).slice(0, 1 + (next() % 9));
      const cut = next() % (digits.length + 1);
      return `${next() % 2 ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
    }).filter((c) => /\d/.test(c));
    for (const [cell, parsed] of direct(random, 1)) {
      expect(Object.is(parsed, Number(cell)), cell).toBe(true);
    }
  });
});

describe('CsvTokenizer direct rows', () => {
  /** Rows as [line, fields], the header by the record path and the rest by whichever path. */
  let directRows = 0;
  function rows(chunks: Buffer[], direct: boolean): Rec[] {
    const out: Rec[] = [];
    let current: string[] = [];
    const width = 3;
    const sinks = Array.from({ length: width }, (_, k) => ({
      pushField(bytes: Buffer, start: number, end: number, places: number) {
        const text = bytes.toString('utf8', start, end);
        const plain = /^-?(\d+\.?\d*|\.\d+)$/.test(text);
        expect(places < 0, text).toBe(!plain);
        current[k] = text;
      },
    }));
    const t: CsvTokenizer = new CsvTokenizer('t.csv', ',', (record, line) => {
      if (out.length === 0 && direct) {
        t.directRows(sinks, (fields, rowLine) => {
          out.push([rowLine, current.slice(0, fields)]);
          current = [];
          directRows++;
        });
      }
      out.push([line, record.texts()]);
    });
    for (const c of chunks) t.write(c);
    t.end();
    return out;
  }

  const text = 'a,b,c\r\n1,-2.5,x\r\n\r\n3,"q\nq",y\n4,5,6\n\n7,8\r9,10,z\n"11",12,13\n14,15,16';

  it('gives the rows and lines of the record path, however the bytes are split', () => {
    const bytes = Buffer.from(text);
    const expected = rows([bytes], false);
    expect(expected.map(([line]) => line)).toEqual([1, 2, 4, 6, 8, 9, 10, 11]);
    directRows = 0;
    expect(rows([bytes], true)).toEqual(expected);
    // Every row of a quote-free complete line went the direct way: 1, 4-5-6, 7-8, 9-10.
    expect(directRows).toBe(4);
    for (let cut = 1; cut < bytes.length; cut++) {
      const got = rows([bytes.subarray(0, cut), bytes.subarray(cut)], true);
      expect(got, `cut at byte ${cut}`).toEqual(expected);
    }
  });

  it('hands a ragged row to onRow with its field count and line', () => {
    const seen: [number, number][] = [];
    const t: CsvTokenizer = new CsvTokenizer('t.csv', ',', () => {
      t.directRows([null, null], (fields, line) => seen.push([fields, line]));
    });
    t.write(Buffer.from('a,b\n1,2\n3\n\n4,5,6\n'));
    t.end();
    expect(seen).toEqual([
      [2, 2],
      [1, 3],
      [3, 5],
    ]);
  });
});
