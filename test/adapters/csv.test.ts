import { describe, expect, it } from 'vitest';
import { fieldStarts, parseDelimited, parseDelimitedWithSpans, sniffDelimiter } from '../../adapters/table/csv.ts';

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

describe('an unclosed quote', () => {
  it('is reported on the row where it opens, and every later row is still read', () => {
    const text = 'id,name,last,orders,spend\nC1,Ann,2026-01-01,2,100\nC4,"Bob, Jr,2026-03-01,2,200\nC5,Eve,2026-04-01,3,300\nC6,Fay,2026-04-02,3,300\n';
    const parsed = parseDelimitedWithSpans(text);
    expect(parsed.rows.map((r) => r[0])).toEqual(['id', 'C1', 'C4', 'C5', 'C6']);
    expect(parsed.rows[3]).toEqual(['C5', 'Eve', '2026-04-01', '3', '300']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.index).toBe(2);
    expect(parsed.problems[0]?.message).toMatch(/^Row 3: the quote at the start of field 2 is never closed \(it opens before "Bob, Jr,2026-03-01,2,200"\)/);
  });

  it('does not let a later stray quote close it and swallow the rows between', () => {
    const text = 'id,name,last\n1,"open,2026-01-01\n2,b,2026-01-02\n3,c,2026-01-03\n4,d",2026-01-04\n5,e,2026-01-05\n';
    const parsed = parseDelimitedWithSpans(text);
    expect(parsed.rows.map((r) => r[0])).toEqual(['id', '1', '2', '3', '4', '5']);
    expect(parsed.problems.map((p) => p.index)).toEqual([1]);
  });

  it('keeps a real multi-line note as one cell', () => {
    const text = 'id,note,last\n1,"first line\nsecond line, with commas, as people write",2026-01-01\n2,b,2026-01-02\n';
    const parsed = parseDelimitedWithSpans(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([['id', 'note', 'last'], ['1', 'first line\nsecond line, with commas, as people write', '2026-01-01'], ['2', 'b', '2026-01-02']]);
  });

  it('quotes at most ~80 characters of the line in its message', () => {
    const parsed = parseDelimitedWithSpans(`id,name\n1,"${'x'.repeat(100_000)}`);
    expect(parsed.problems[0]?.message.length).toBeLessThan(300);
  });
});

describe('fieldStarts', () => {
  it('finds where each field of a row begins, quotes included', () => {
    const line = 'a,"b,""c""",,d';
    const starts = fieldStarts(line, ',');
    expect(starts).toEqual([0, 2, 12, 13]);
    expect(starts.map((s, i) => line.slice(s, i + 1 < starts.length ? (starts[i + 1] as number) - 1 : line.length))).toEqual(['a', '"b,""c"""', '', 'd']);
  });
});
