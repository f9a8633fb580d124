import { describe, expect, it } from 'vitest';
import { piecesFor, threadsOption } from '../../cli/score/threads/plan.ts';

describe('how many threads score a table', () => {
  it('takes --threads as given, from 1', () => {
    expect(threadsOption('3', 2, 0)).toBe(3);
    expect(() => threadsOption('0', 2, 0)).toThrow('--threads "0"');
    expect(() => threadsOption('two', 2, 0)).toThrow('whole number');
  });

  it('by default adds a thread for each idle core only', () => {
    expect(threadsOption(undefined, 2, 0.3)).toBe(2);
    expect(threadsOption(undefined, 2, 1.4)).toBe(2); // the one busy core may be this run's own last second
    expect(threadsOption(undefined, 2, 2.1)).toBe(1);
    expect(threadsOption(undefined, 8, 3.5)).toBe(6);
    expect(threadsOption(undefined, 2, 12)).toBe(1);
  });

  it('cuts no piece smaller than the minimum', () => {
    expect(piecesFor(10_000_000, 4, 4_000_000)).toBe(2);
    expect(piecesFor(3_000_000, 4, 4_000_000)).toBe(1);
    expect(piecesFor(100_000_000, 2, 4_000_000)).toBe(2);
  });
});
