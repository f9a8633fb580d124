// Reads the customers handed to the scorer one at a time, once per pass, into one reused object,
// rather than keeping a million parsed copies alive between passes: those cost the garbage
// collector more than reading again (bench/cases/core-score.md).
import type { Customer } from './schema/customer.ts';
import { purchaseDaysOf, type PurchaseDays } from './purchase-days.ts';

/** How a customer is checked: the customer guard's for inputs from anywhere, a pass-through for parsed ones (score.ts). */
export interface CustomerChecks {
  /** The common well-formed customer, written into `into`, with `days` filled; undefined: ask `slow`. */
  fast(input: unknown, days: PurchaseDays, into: Customer): Customer | undefined;
  /** Decides everything `fast` did not accept: the customer, or what is wrong with it. */
  slow(input: unknown): Customer | string;
  /** An input `fast` accepted, read again into `into` without checking again. */
  reread(input: unknown, into: Customer): Customer;
}

export class PassReader {
  readonly #customers: ArrayLike<unknown>;
  readonly #checks: CustomerChecks;
  /** The customer being read: valid until the next read, as nothing keeps a customer past its turn. */
  readonly #reading: Customer;
  /** 1 where `slow` decided the customer, so a later pass asks it again rather than `reread`. */
  readonly #viaSlow: Uint8Array;

  /** `customers`: the inputs as `checks` reads them (records, or positions in a host's own store of them). */
  constructor(customers: ArrayLike<unknown>, checks: CustomerChecks, blank: Customer) {
    this.#customers = customers;
    this.#checks = checks;
    this.#reading = blank;
    this.#viaSlow = new Uint8Array(customers.length);
  }

  get count(): number {
    return this.#customers.length;
  }

  /** The raw input at position i, as handed in. */
  input(i: number): unknown {
    return this.#customers[i];
  }

  /** First pass: customer i (valid until the next read) with `days` filled, or what is wrong with it. */
  read(i: number, days: PurchaseDays): Customer | string {
    const input = this.#customers[i];
    const fast = this.#checks.fast(input, days, this.#reading);
    if (fast !== undefined) return fast;
    this.#viaSlow[i] = 1;
    const slow = this.#checks.slow(input);
    if (typeof slow !== 'string') purchaseDaysOf(slow, days);
    return slow;
  }

  /** A later pass: customer i again, which `read` accepted (valid until the next read). */
  again(i: number): Customer {
    const input = this.#customers[i];
    return this.#viaSlow[i] === 1 ? (this.#checks.slow(input) as Customer) : this.#checks.reread(input, this.#reading);
  }
}
