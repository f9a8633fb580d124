import { describe, expect, it } from 'vitest';
import { parseDelimited, sniffDelimiter } from '../../adapters/table/csv.ts';

describe('delimited text', () => {
  it('handles quotes, embedded commas, quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFid,note\r\n1,"a, ""b"""\r\n2,"line\nbreak"\r\n';
    expect(parseDelimited(text)).toEqual([['id', 'note'], ['1', 'a, "b"'], ['2', 'line\nbreak']]);
  });

  it('sniffs semicolons, tabs and whitespace-aligned columns', () => {
    expect(sniffDelimiter('a;b;c\n1;2,5;3')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(parseDelimited(' customer_id  date \n 00001 19970101  1   11.77')).toEqual([['customer_id', 'date'], ['00001', '19970101', '1', '11.77']]);
  });

  it('keeps empty trailing fields', () => {
    expect(parseDelimited('a,b,c\n1,,\n')).toEqual([['a', 'b', 'c'], ['1', '', '']]);
  });
});
