import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inferDateOrder, Invalid, isSimpleNumber, parseCount, parseDate, parseFlag, parseMoney, parseScore } from '../../adapters/table/cells.ts';
import { isIsoDate as isValidDay } from '../../core/dates.ts';

describe('money cells', () => {
  it.each([
    ['$1,234.50', 1234.5],
    ['1.234,50 €', 1234.5],
    ['€1.234,50', 1234.5],
    ['(120.00)', -120],
    ['USD 1,200', 1200],
    ['¥1,200', 1200],
    ['1 234,50', 1234.5],
    ['-30', -30],
    ['12,5', 12.5],
    ['1,234,567', 1234567],
    ['RMB 88', 88],
    ['88元', 88],
    [42.5, 42.5],
  ] as const)('reads %s as %d', (cell, value) => {
    expect(parseMoney(cell)).toBe(value);
  });

  it('reads a blank cell as no value', () => {
    expect(parseMoney('  ')).toBeNull();
  });

  it.each(['abc', '1,2K', '12.34.56', '$'])('refuses %s and says what was expected', (cell) => {
    const parsed = parseMoney(cell);
    expect(parsed).toBeInstanceOf(Invalid);
    expect((parsed as Invalid).expected).toBe('an amount (expected e.g. 1234.50 or $1,234.50)');
  });
});

describe('date cells', () => {
  it.each([
    ['2026-03-01', 'mdy', '2026-03-01'],
    ['2026/3/1', 'mdy', '2026-03-01'],
    ['3/1/2026', 'mdy', '2026-03-01'],
    ['3/1/2026', 'dmy', '2026-01-03'],
    ['2026年3月1日', 'mdy', '2026-03-01'],
    ['20260301', 'mdy', '2026-03-01'],
    ['1 March 2026', 'mdy', '2026-03-01'],
    ['Mar 1, 2026', 'mdy', '2026-03-01'],
    ['1-Mar-26', 'mdy', '2026-03-01'],
    [46082, 'mdy', '2026-03-01'],
    ['2026-03-01T10:00:00Z', 'mdy', '2026-03-01'],
    ['2026年03月01日 14:03', 'mdy', '2026-03-01'],
    ['Sunday, March 1, 2026', 'mdy', '2026-03-01'],
    ['Wed, 4 March 2026', 'mdy', '2026-03-04'],
    ['March 1, 2026 2:03 PM', 'mdy', '2026-03-01'],
  ] as const)('reads %s (%s) as %s', (cell, order, iso) => {
    expect(parseDate(cell, order)).toBe(iso);
  });

  it('reads an ISO date with a time after it as the pattern does, on a shortcut: the date, or a refusal', () => {
    // What /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/ on the trimmed cell accepts.
    const pattern = (cell: string) => {
      const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(cell.trim());
      return m === null ? null : `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
    };
    const times = fc.constantFrom(' 15:20:41 -0500', 'T10:00:00Z', '\t9:00', ' ', '  ', ' 10:00\n', ' 10\nx', 'x', '\u00a010:00', 'T', ' 23:59:59.999+08:00', '\r', ' 1\u2028');
    const days = fc.constantFrom('2026-03-01', '2024-02-29', '2025-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '0000-01-01', '9999-12-31');
    fc.assert(
      fc.property(days, times, (day, time) => {
        const cell = day + time;
        const read = parseDate(cell, 'mdy');
        const expected = pattern(cell);
        // The pattern's date when it is a real one (fromParts checks), else the cell is refused.
        if (expected !== null && isValidDay(expected)) expect(read, JSON.stringify(cell)).toBe(expected);
        else expect(read, JSON.stringify(cell)).toBeInstanceOf(Invalid);
      }),
      { numRuns: 500 },
    );
    expect(parseDate('2025-03-20 15:20:41 -0500', 'mdy')).toBe('2025-03-20');
    expect(parseDate('2026-02-30 10:00', 'mdy')).toBeInstanceOf(Invalid);
    expect(parseDate('2026-03-01 10\nx', 'mdy')).toBeInstanceOf(Invalid);
  });

  it('reads a spreadsheet Date as the calendar day it shows, whatever the time zone', () => {
    // Local midnight of 2026-03-01 in UTC+8 and in UTC-5.
    expect(parseDate(new Date('2026-02-28T16:00:00Z'), 'mdy')).toBe('2026-03-01');
    expect(parseDate(new Date('2026-03-01T05:00:00Z'), 'mdy')).toBe('2026-03-01');
  });

  it.each(['31/31/2026', '2026-02-30', 'soon', '99', 'Sunday', '2026年13月01日 14:03'])('refuses %s', (cell) => {
    expect(parseDate(cell, 'mdy')).toBeInstanceOf(Invalid);
  });

  it('infers day-first from a day over 12, month-first from a second part over 12, and flags the rest', () => {
    expect(inferDateOrder(['1/2/2026', '25/12/2026'])).toMatchObject({ order: 'dmy', ambiguous: false });
    expect(inferDateOrder(['1/2/2026', '12/25/2026'])).toMatchObject({ order: 'mdy', ambiguous: false });
    expect(inferDateOrder(['1/2/2026', '3/4/2026'])).toMatchObject({ order: 'mdy', ambiguous: true });
    expect(inferDateOrder(['25/12/2026', '12/25/2026'])).toMatchObject({ evidence: 'conflict' });
  });
});

describe('other cells', () => {
  it('reads counts, scores and yes/no answers', () => {
    expect(parseCount('1,204')).toBe(1204);
    expect(parseCount('2.5')).toBeInstanceOf(Invalid);
    // Past 2^53 a count is no longer exact (and the core's schema refuses it): reported, not rounded.
    expect(parseCount('9007199254740993')).toBeInstanceOf(Invalid);
    expect(parseCount(2 ** 53 - 1)).toBe(2 ** 53 - 1);
    expect(parseScore('7/10')).toBe(7);
    expect(parseScore(11)).toBeInstanceOf(Invalid);
    expect(['yes', 'No', '是', '否', true, 0].map(parseFlag)).toEqual([true, false, true, false, true, false]);
  });
});

describe('fast paths', () => {
  const numberish = fc.string({ unit: fc.constantFrom('0', '7', '9', '-', '.', ' ', ',', 'e', '/', '+'), maxLength: 8 });
  it('reads a plain number by character codes exactly as /^-?\\d+(?:\\.\\d+)?$/ does', () => {
    fc.assert(fc.property(numberish, (text) => isSimpleNumber(text) === /^-?\d+(?:\.\d+)?$/.test(text)), { numRuns: 5000 });
    expect(['12', '-3', '786.36', '0.5'].every(isSimpleNumber)).toBe(true);
    expect(['', '-', '1.', '.5', '1.2.3', ' 1', '1,000', '٣'].some(isSimpleNumber)).toBe(false);
  });

  it('reads ten-character texts as dates the same way with or without the ISO fast path', () => {
    const dateish = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9', '-', '/', ' '), minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(dateish, (text) => {
        const parsed = parseDate(text, 'mdy');
        const iso = /^\d{4}-\d{2}-\d{2}$/.test(text);
        if (iso) expect(parsed instanceof Invalid ? 'invalid' : parsed).toBe(Number.isNaN(Date.parse(`${text}T00:00:00Z`)) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text ? 'invalid' : text);
      }),
      { numRuns: 3000 },
    );
    expect(parseDate('2024-02-29', 'mdy')).toBe('2024-02-29');
    expect(parseDate('2023-02-29', 'mdy')).toBeInstanceOf(Invalid);
  });
});
