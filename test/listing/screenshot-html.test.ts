// The pieces the listing screenshots are drawn with (scripts/listing-*.ts), without Chromium: a sample
// CSV becomes the values Sheets would hold, and the grid shows exactly those values, escaped, with
// the bundle's conditional-format colours on the cells they apply to.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importedCell, sheetFromCsv } from '../../scripts/listing-sample-sheet.ts';
import { displayed, gridHtml, tabsHtml, VISIBLE_ROWS } from '../../scripts/listing-sheet-html.ts';
import { markSvg } from '../../scripts/listing-mark.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('the sample sheet', () => {
  it('imports cells as an en-US spreadsheet does: numbers and ISO or M/D/YYYY dates become values', () => {
    expect(importedCell('4411.86')).toBe(4411.86);
    expect(importedCell('2024-11-04')).toEqual(d('2024-11-04'));
    expect(importedCell('11/13/2025')).toEqual(d('2025-11-13'));
    expect(importedCell('2026年3月19日')).toBe('2026年3月19日');
    expect(importedCell('CUST-0001')).toBe('CUST-0001');
  });

  it('starts at the header row of sample/customers.csv and keeps every row after it', () => {
    const path = join(import.meta.dirname, '..', '..', 'sample', 'customers.csv');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    const values = sheetFromCsv(path);
    expect(values[0]?.[0]).toBe('Cust ID');
    expect(values).toHaveLength(lines.length - 1);
    const ids = (rows: unknown[]) => rows.filter((id) => /^CUST-\d{4}$/.test(String(id)));
    expect(ids(values.map((r) => r[0]))).toEqual(ids(lines.map((l) => l.split(',')[0])));
  });
});

describe('the drawn grid', () => {
  const values = [
    ['Cust ID', 'Name', 'Last Order', 'Tier'],
    ['<img src=x onerror="alert(1)">', 'Ada & Bob', d('2026-10-20'), 'A'],
    ['C2', 'Cy', 12.345, 'D'],
  ];
  const html = gridHtml({ values, fills: [{ text: 'A', background: '#ceead6', column: 4, fromRow: 2, toRow: 3 }], frozenColumns: 1, scrolledTo: 2, selectedRow: 3 });

  it('shows cell text as text, never as markup', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('Ada &amp; Bob');
  });

  it('shows every value as Sheets displays it, in its own row and column', () => {
    const rows = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...(m[1] as string).matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]));
    expect(rows).toHaveLength(VISIBLE_ROWS + 1);
    expect(rows[1]?.slice(0, 4)).toEqual(['Cust ID', 'Name', 'Last Order', 'Tier']);
    expect(rows[2]?.[2]).toBe('2026-10-20');
    expect(rows[3]?.slice(0, 4)).toEqual(['C2', 'Cy', '12.35', 'D']);
    expect(displayed(true)).toBe('TRUE');
  });

  it('paints a conditional-format colour only where its text matches, and marks the selected row', () => {
    expect(html.match(/background:#ceead6/g)).toHaveLength(1);
    expect(html).toMatch(/<tr class="selected"><th>3<\/th>/);
    expect(tabsHtml(['Customers', 'Tierwise summary'], 'Tierwise summary')).toBe('<span class="tab">Customers</span><span class="tab on">Tierwise summary</span>');
  });

  it('draws the mark with letters only at sizes where they can be read', () => {
    expect(markSvg(128)).toContain('>A</text>');
    expect(markSvg(32)).not.toContain('<text');
    expect(markSvg(32).match(/<rect/g)).toHaveLength(4);
  });
});
