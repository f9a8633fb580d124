// HubSpot property values as the API sends them (strings), read into the core's types.
import { describe, expect, it } from 'vitest';
import { readCount, readDay, readNumber, readRevenue, Unreadable } from '../../adapters/hubspot/property-values.ts';

describe('reading HubSpot property values', () => {
  it('reads numbers as HubSpot writes them, and nothing else', () => {
    expect(readNumber('1234.5')).toBe(1234.5);
    expect(readNumber('-3')).toBe(-3);
    expect(readNumber('')).toBeNull();
    expect(readNumber(null)).toBeNull();
    for (const odd of ['1,234.50', 'Infinity', ' ', '12 ', '$5', 'NaN', '1e999']) expect(readNumber(odd), odd).toBeInstanceOf(Unreadable);
  });

  it('refuses a negative revenue and a fractional count', () => {
    expect(readRevenue('-50')).toBeInstanceOf(Unreadable);
    expect(readRevenue('0')).toBe(0);
    expect(readCount('3.0')).toBe(3);
    expect(readCount('2.5')).toBeInstanceOf(Unreadable);
  });

  it('reads a date, a datetime and epoch milliseconds as the day of that instant in UTC', () => {
    expect(readDay('2026-11-01')).toBe('2026-11-01');
    expect(readDay('2026-11-01T10:00:00.000Z')).toBe('2026-11-01');
    expect(readDay(String(Date.UTC(2026, 9, 31, 23, 59)))).toBe('2026-10-31');
    // An offset is applied: 23:30 at -05:00 is 04:30 the next day in UTC, as its epoch milliseconds say.
    expect(readDay('2026-10-31T23:30:00-05:00')).toBe('2026-11-01');
    expect(readDay('2026-11-01T00:30:00+02:00')).toBe('2026-10-31');
  });

  it('refuses epoch seconds, impossible dates and datetimes without a zone', () => {
    const seconds = readDay(String(Date.UTC(2026, 9, 1) / 1000));
    expect(seconds).toBeInstanceOf(Unreadable);
    expect((seconds as Unreadable).expected).toContain('seconds since 1970');
    for (const odd of ['2026-02-30', '2026-11-01T10:00:00', '01/11/2026', '12345', 'yesterday']) expect(readDay(odd), odd).toBeInstanceOf(Unreadable);
  });
});
