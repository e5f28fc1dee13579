import { describe, expect, it } from 'vitest';
import { DELIMITER_CANDIDATES, detectDelimiter, firstLineEnd } from './detect-delimiter.js';

const detect = (text: string) => detectDelimiter(Buffer.from(text, 'utf8'));

describe('detectDelimiter', () => {
  it('picks the most frequent candidate on the header line', () => {
    expect(DELIMITER_CANDIDATES).toEqual([',', ';', '\t', '|']);
    expect(detect('a,b,c\n1,2,3\n')).toBe(',');
    expect(detect('a;b;c\r\n1;2,5;3\r\n')).toBe(';');
    expect(detect('a\tb\tc\n')).toBe('\t');
    expect(detect('a|b|c')).toBe('|');
  });

  it('looks only at the first line and ignores delimiters inside quotes', () => {
    expect(detect('"a,b,c";d\n1,2,3,4,5,6,7\n')).toBe(';');
    expect(detect('"x\n,,,,";y;z\n')).toBe(';');
    expect(detect('"é,ü";"ß";"ø"\n')).toBe(';');
  });

  it('breaks ties by the order , ; TAB | and falls back to a comma', () => {
    expect(detect('a,b;c\n')).toBe(',');
    expect(detect('a|b\tc\n')).toBe('\t');
    expect(detect('single_column\n1\n')).toBe(',');
    expect(detect('')).toBe(',');
  });
});

describe('firstLineEnd', () => {
  it('finds the first line break outside quotes, or −1', () => {
    expect(firstLineEnd(Buffer.from('"a\nb",c\n1,2'))).toBe(7);
    expect(firstLineEnd(Buffer.from('a,b\r\n'))).toBe(3);
    expect(firstLineEnd(Buffer.from('a,"b\n'))).toBe(-1);
  });
});
