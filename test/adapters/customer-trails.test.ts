// Customer trails (adapters/table/customer-trails.ts): a customer appended without a lookup keeps their
// one trail when a row read as cells looks them up later, and a reader that appends a customer twice is
// stopped, not given two trails.
import { describe, expect, it } from 'vitest';
import { CustomerTrails } from '../../adapters/table/customer-trails.ts';

describe('customer trails', () => {
  it('find appended customers at their own positions, with their first rows', () => {
    const trails = new CustomerTrails();
    expect(trails.append('C1', 2)).toBe(0);
    expect(trails.append('customer-with-a-long-id-0002', 3)).toBe(1);
    expect(trails.at('C9', 4)).toBe(2);
    // Looked up after other customers were appended: the same positions, not new trails.
    expect(trails.append('C3', 5)).toBe(3);
    expect(trails.at('customer-with-a-long-id-0002', 6)).toBe(1);
    expect(trails.at('C1', 7)).toBe(0);
    expect(trails.at('C3', 8)).toBe(3);
    trails.addLeftOut('C1', 9, 'cancelled');
    trails.seal();
    expect([...trails].map(([id, t]) => [id, t.firstRow, t.leftOut?.cancelled ?? 0])).toEqual([
      ['C1', 2, 1],
      ['customer-with-a-long-id-0002', 3, 0],
      ['C9', 4, 0],
      ['C3', 5, 0],
    ]);
  });

  it('refuse a customer appended twice at the next lookup', () => {
    const trails = new CustomerTrails();
    trails.append('C1', 2);
    trails.append('C1', 3);
    expect(() => trails.at('C2', 4)).toThrow('customer "C1" was appended to the trails twice');
  });
});
