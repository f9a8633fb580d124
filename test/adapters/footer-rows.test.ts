// Which rows may be a report's footer (adapters/table/read-rows.ts mayBeFooter): every data row of a
// streamed order file is asked, so it reads a row only up to its second filled cell.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../fast-check-seed.ts';
import { mayBeFooter } from '../../adapters/table/read-rows.ts';
import { cellText } from '../../adapters/table/header-row.ts';
import type { Cell } from '../../adapters/table/contract.ts';

describe('a row that may be a footer', () => {
  it('is a row with at most one filled cell, or whose first filled cell starts like a report footer', () => {
    expect(mayBeFooter(['', '  ', null, 'Grand Totals (3 records)'])).toBe(true);
    expect(mayBeFooter(['', 'Copyright (c) 2000-2026 salesforce.com, inc.', 'All rights reserved.'])).toBe(true);
    expect(mayBeFooter(['x'])).toBe(true);
    expect(mayBeFooter([])).toBe(true);
    expect(mayBeFooter(['#1001', 'ann@example.com', 'paid', ...Array<Cell>(37).fill('')])).toBe(false);
    expect(mayBeFooter(['', 'c1', '2026-01-02', 'Total'])).toBe(false);
  });

  it('says what counting every filled cell says', () => {
    const reference = (row: readonly Cell[]) => {
      const filled = row.map(cellText).filter((t) => t !== '');
      // Two filled cells: only the footer mark of the first decides.
      return filled.length <= 1 || mayBeFooter([filled[0] as string, 'x']);
    };
    const cell = fc.oneof(fc.constantFrom<Cell>('', ' ', null, 'total', 'Grand Totals', 'copyright 2026', 'c1', '5', '合计'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), (row) => {
        expect(mayBeFooter(row), JSON.stringify(row)).toBe(reference(row));
      }),
      { numRuns: 3000 },
    );
  });
});
