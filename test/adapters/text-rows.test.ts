// Rows read from the text on demand (adapters/table/text-rows.ts) must be exactly the grid of cells
// the whole-text parser gives (csv.ts parseDelimitedWithSpans, rows with an unclosed quote emptied, as
// read-file.ts always did): every cell, every blank row, every span, every problem.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../fast-check-seed.ts';
import { parseDelimitedOffsets, parseDelimitedWithSpans } from '../../adapters/table/csv.ts';
import { TextRows } from '../../adapters/table/text-rows.ts';
import { GridRows, lastContentRow } from '../../adapters/table/table-rows.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import type { Cell } from '../../adapters/table/contract.ts';

type Delimiter = ',' | ';' | '\t';

/** The grid read-file.ts made before text rows: rows with an unclosed quote have no cells. */
function oldGrid(text: string, delimiter: Delimiter) {
  const parsed = parseDelimitedWithSpans(text, delimiter);
  for (const p of parsed.problems) parsed.rows[p.index] = [];
  return parsed;
}

function expectSameRows(text: string, delimiter: Delimiter): void {
  const old = oldGrid(text, delimiter);
  const offsets = parseDelimitedOffsets(text, delimiter);
  const rows = new TextRows(offsets, delimiter);
  const grid = new GridRows(old.rows);
  expect(offsets.text).toBe(old.text);
  expect([...offsets.spans.starts]).toEqual([...old.spans.starts]);
  expect([...offsets.spans.ends]).toEqual([...old.spans.ends]);
  expect([...offsets.spans.widths]).toEqual([...old.spans.widths]);
  expect(offsets.problems).toEqual(old.problems);
  expect(rows.length).toBe(old.rows.length);
  for (let i = 0; i < old.rows.length; i++) {
    const cells = old.rows[i] as Cell[];
    expect(rows.row(i)).toEqual(cells);
    for (let c = -1; c <= cells.length + 1; c++) expect(rows.cell(i, c)).toBe(cells[c]);
    expect(rows.blank(i)).toBe(grid.blank(i));
  }
  expect(rows.row(old.rows.length)).toEqual([]);
  expect(lastContentRow(rows)).toBe(lastContentRow(old.rows));
}

describe('rows read from the text on demand', () => {
  const tricky: [string, string, Delimiter][] = [
    ['quotes, doubled quotes, a quoted delimiter', 'id,note,last\n1,"a, ""b""",2026-01-01\n2,"""",2026-01-02\n3,"",x\n', ','],
    ['CRLF line ends and a byte order mark', '\uFEFFid,name\r\n1,Ann\r\n2,"Bob\r\nJr"\r\n\r\n3,Cy', ','],
    ['quoted line breaks (\\n, \\r\\n, \\r)', 'id,note\n1,"first\nsecond"\n2,"a\r\nb"\n3,"c\rd"\n', ','],
    ['blank rows: empty, delimiters only, spaces, quoted blanks, no-break spaces', 'id,a,b\n\n,,\n  , ,\t\n"","",""\n" ",\u00a0,\u3000\n1,,\n', ','],
    ['title rows above the header and a footer under it', 'Customer export\nGenerated 2026-11-01,,\n\nid,last,orders,spend\n1,2026-01-01,2,10\n\nGrand Totals (1 records),,,10\n', ','],
    ['text after a closing quote, a lone \\r line end, a last empty field', 'a,b\r"x"y,z\r1,\n2,', ','],
    ['an unclosed quote in the middle', 'id,name,last\n1,"open,2026-01-01\n2,b,2026-01-02\n3,c",2026-01-03\n', ','],
    ['an unclosed quote at the very end', 'id,name\n1,"never closed', ','],
    ['semicolons with decimal commas', 'id;spend\n1;"1,5"\n2;3,25\n', ';'],
    ['tabs, with tab-only rows', 'id\tname\n1\tAnn\n\t\t\n2\t"B\tC"\n', '\t'],
    ['non-ASCII text and characters beyond the basic plane', 'id,名前\n客户1,张三 😀\n2,"é, ü"\n', ','],
    ['ragged rows', 'id,a,b,c\n1\n2,x,y,z,extra\n,\n', ','],
    ['no text at all', '', ','],
  ];
  for (const [name, text, delimiter] of tricky) {
    it(`equal the grid of cells: ${name}`, () => expectSameRows(text, delimiter));
  }

  it('equal the grid of cells for any text of quotes, delimiters, line ends and spaces', () => {
    const piece = fc.constantFrom('a', 'Bb', '1', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '\u00a0', 'é', '\uFEFF', '2026-01-01');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom<Delimiter>(',', ';', '\t'), (pieces, delimiter) => {
        expectSameRows(pieces.join(''), delimiter);
      }),
      { numRuns: 400 },
    );
  });

  it('empty the columns of an earlier run from a row on, as the grid did', () => {
    const text = 'title,,\nid,Tier,Why\n1,Gold,"old, reason"\n2,,\n3, x ,y\n';
    const old = oldGrid(text, ',');
    const rows = new TextRows(parseDelimitedOffsets(text, ','), ',');
    const block = { start: 1, end: 3 };
    new GridRows(old.rows).clearColumns(2, block);
    rows.clearColumns(2, block);
    for (let i = 0; i < old.rows.length; i++) {
      expect(rows.row(i)).toEqual(old.rows[i]);
      expect(rows.blank(i)).toBe(new GridRows(old.rows).blank(i));
    }
  });

  it('score a table exactly as its grid of cells does', () => {
    const text = [
      'Quarterly customers,,,,',
      'id,last order,orders,spend,note',
      '1,2026-01-05,3,"$1,200.50","said ""hi"""',
      '2,3/1/2026,1,20,',
      ',,,,',
      'id,last order,orders,spend,note',
      '3,31/31/2026,2,10,"multi',
      'line"',
      '1,2026-02-01,2,15,repeat',
      'Total,,6,1245.5,',
      '4,"2026-03-01",x,5,"open',
    ].join('\r\n');
    const options = { asOf: '2026-11-01' };
    const fromGrid = scoreTable(oldGrid(text, ',').rows, { kind: 'customers' }, options);
    const fromText = scoreTable(new TextRows(parseDelimitedOffsets(text, ','), ','), { kind: 'customers' }, options, true);
    expect(fromText).toEqual(fromGrid);
    // Row 7 holds a quoted line break; row 10 opens a quote that never closes (reported by unreadable-rows.ts, not read).
    expect(fromText.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });
});
