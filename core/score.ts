// scoreCustomers: customers in, one result per customer out, in input order.
// Speed note (npm run bench, ~1.7 s for a million customers): a quarter of the time is the garbage
// collector moving the strings the results keep (each result ~520 bytes with its reasons line and
// drivers; the result objects themselves V8 allocates straight into the old generation), and the
// kernel handing V8 the half gigabyte they fill. The rest is the per-customer work below, which
// allocates ~1 KB a customer in all, what it keeps included (bench/cases/core-score-allocations.ts
// says where: steady from run to run, where the wall clock on this VM is not). Each customer is read
// into one reused object per pass rather than kept, results keep flat strings (churn/risk.ts), and
// nothing of a million entries is made twice.
// Read top to bottom: check each customer → RFM over the scorable ones → per customer segment,
// tier, lifecycle, churn risk and next action.
import { OptionsSchema, type Options, type OptionsInput } from './schema/options.ts';
import { estimatePurchases, historyOf, type Estimate, type PurchaseHistory } from './models/estimate.ts';
import type { Customer, CustomerInput } from './schema/customer.ts';
import type { Driver, Result } from './schema/result.ts';
import type { Segment } from './segments.ts';
import type { Tier, ValueBand } from './tiers.ts';
import type { LifecycleStage } from './lifecycle-stages.ts';
import type { ChurnLevel } from './churn/levels.ts';
import { blankCustomer, checkCustomer, fastCustomer, rereadCustomer } from './customer-guard.ts';
import { dayNumber } from './dates.ts';
import { purchaseDaysOf, type PurchaseDays } from './purchase-days.ts';
import { scoreRfm } from './rfm.ts';
import { segmentOf, segmentRecency } from './segments.ts';
import { valueBandOf } from './tiers.ts';
import { rhythmOf } from './rhythm.ts';
import { lifecycleOf } from './lifecycle.ts';
import { churnRiskOf, reasonsText, sentenceMemory, type ChurnRisk } from './churn/risk.ts';
import { CHURN_PHRASES } from './churn/phrases.ts';
import { nextActionOf } from './next-action.ts';
import { validationError } from './validation.ts';

interface Scores {
  tier: Tier | null;
  segment: Segment | null;
  r: number | null;
  f: number | null;
  m: number | null;
  valueBand: ValueBand | null;
  churnRisk: number | null;
  churnLevel: ChurnLevel | null;
  lifecycle: LifecycleStage | null;
  nextAction: string | null;
  followUpBy: string | null;
  reasons: string;
  drivers: Driver[];
}

const UNSCORED: Scores = {
  tier: null, segment: null, r: null, f: null, m: null, valueBand: null, churnRisk: null, churnLevel: null,
  lifecycle: null, nextAction: null, followUpBy: null, reasons: '', drivers: [],
};

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One literal (and its copy in scoreChecked, same keys in the same order) for every result, so a million of them share one shape. */
function resultOf(id: string, customer: Customer | null, s: Scores, error: string | null, estimate: Estimate | null = null): Result {
  return {
    id,
    tier: s.tier,
    segment: s.segment,
    r: s.r,
    f: s.f,
    m: s.m,
    valueBand: s.valueBand,
    churnRisk: s.churnRisk,
    churnLevel: s.churnLevel,
    lifecycle: s.lifecycle,
    nextAction: s.nextAction,
    followUpBy: s.followUpBy,
    reasons: error ?? s.reasons,
    drivers: s.drivers,
    pAlive: estimate === null || !estimate.identified ? null : round(estimate.pAlive, 4),
    expectedPurchases: estimate === null ? null : round(estimate.expectedPurchases, 3),
    clv: estimate?.clv == null ? null : round(estimate.clv, 2),
    region: customer?.region ?? null,
    owner: customer?.owner ?? null,
    totalSpend: customer?.totalSpend ?? null,
    orders: customer === null ? null : (customer.orders ?? customer.purchaseDays),
    error,
  };
}

/** The result of a customer that could not be scored: null scores, and the reason in `error` and `reasons`. */
export function unscoredResult(id: string, error: string): Result {
  return resultOf(id, null, UNSCORED, error);
}

/** Model estimates for the scorable customers (index k of the RFM arrays), or null when no fit is possible. */
function modelEstimates(
  n: number,
  rfmIndex: Int32Array,
  m: number,
  customerAt: (i: number) => Customer,
  asOfDay: number,
  options: Options,
): (Estimate | null)[] | null {
  const histories: (PurchaseHistory | null)[] = new Array<PurchaseHistory | null>(m).fill(null);
  const ids: string[] = new Array<string>(m).fill('');
  let any = 0;
  for (let i = 0; i < n; i++) {
    const k = rfmIndex[i] as number;
    if (k < 0) continue;
    const customer = customerAt(i);
    // Only real order histories (purchase days counted from orders): a customer table's order count
    // and two dates are too coarse to pin the models down, and there the rules judge recency.
    const history = customer.purchaseDays === null ? null : historyOf(customer, asOfDay);
    histories[k] = history;
    ids[k] = customer.id;
    if (history !== null) any++;
  }
  if (any === 0) return null;
  const estimates = estimatePurchases(histories, ids, options);
  return estimates.ok ? estimates.perCustomer : null;
}

/** "about 23% likely to still be buying, given 3 orders and none in 20 weeks; 81% likely to buy nothing in the next 90 days". */
function aliveText(estimate: Estimate, customer: Customer, daysSinceLast: number, options: Options): string {
  const purchases = customer.orders ?? customer.purchaseDays ?? 1;
  const say = CHURN_PHRASES[options.language];
  return say.alive(Math.round(estimate.pAlive * 100), purchases, Math.round(daysSinceLast / 7)) + say.and + say.noPurchase(Math.round(estimate.pNoPurchase * 100), options.expectedPurchasesDays);
}

function idOf(input: unknown): string {
  if (typeof input === 'object' && input !== null) {
    const id = (input as { id?: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id).trim();
  }
  return '';
}

/**
 * How the scorer reads its input. It reads each customer once per pass rather than keep a million
 * parsed copies alive between passes (measured: keeping them costs the garbage collector more).
 * `fast` accepts the common well-formed customer without allocating an error; `slow` decides
 * everything else (through CustomerSchema); `reread` reads again a customer `fast` accepted.
 */
interface CustomerReader {
  /** Fills `days` with the customer's first and last purchase day numbers when it returns a customer. */
  fast(input: unknown, days: PurchaseDays, into: Customer): Customer | undefined;
  slow(input: unknown): Customer | string;
  reread(input: unknown, into: Customer): Customer;
}

function trusted(input: unknown, days: PurchaseDays): Customer {
  purchaseDaysOf(input as Customer, days);
  return input as Customer;
}

const CHECKING: CustomerReader = { fast: fastCustomer, slow: checkCustomer, reread: rereadCustomer };
const TRUSTING: CustomerReader = { fast: trusted, slow: (c) => c as Customer, reread: (c) => c as Customer };

/**
 * How churn risk is decided for order histories (churn/learned/choose.ts): whether the purchase
 * model speaks in the recency factor, and risks already decided per customer (the learned model's).
 * Without one, churn risk is the default (customer tables always).
 */
export interface ChurnPlan {
  modelInRisk: boolean;
  /** Per input customer, its risk when decided elsewhere; null: the rules decide. */
  override: readonly (ChurnRisk | null)[] | null;
}

/** Scores customers from any source: each is checked against CustomerSchema, and a bad one gets its reason. */
export function scoreCustomers(customers: readonly CustomerInput[], optionsInput: OptionsInput, churn?: ChurnPlan): Result[] {
  return scoreChecked(customers, optionsInput, CHECKING, churn);
}

/**
 * For hosts whose adapter already produced complete, schema-valid customers (the table adapter's
 * parsers are tested against CustomerSchema): skips the per-row check, which is a third of the time
 * on a million rows. The cross-field checks (dates after as-of, orders without a date) still run.
 */
export function scoreParsedCustomers(customers: readonly Customer[], optionsInput: OptionsInput): Result[] {
  return scoreChecked(customers, optionsInput, TRUSTING);
}

function scoreChecked(customers: readonly unknown[], optionsInput: OptionsInput, reader: CustomerReader, churn?: ChurnPlan): Result[] {
  const options = OptionsSchema.parse(optionsInput);
  const asOfDay = dayNumber(options.asOf);
  const n = customers.length;
  const results: Result[] = new Array<Result>(n);
  // 0 = unusable (result already set), 1 = prospect, 2 = scorable; customers are re-read in pass 3
  // rather than kept, so a million parsed copies are never alive at once.
  const kind = new Uint8Array(n);
  let satisfactionAbove5 = false;
  let fromOrders = 0; // customers whose purchase days were counted from orders: only they can fit a model

  // 1. Check every customer; bad ones get their reason now and stay out of the quantiles.
  const rfmIndex = new Int32Array(n).fill(-1);
  const lastDay = new Float64Array(n);
  const firstDay = new Float64Array(n);
  const orders = new Float64Array(n);
  const spend = new Float64Array(n);
  let m = 0;
  const viaSchema = new Uint8Array(n); // 1: read again with reader.slow, not reader.reread
  // The customer being read, in each pass: one object, refilled (nothing keeps a customer past its turn).
  const reading = blankCustomer();
  const again = (i: number): Customer => (viaSchema[i] === 1 ? (reader.slow(customers[i]) as Customer) : reader.reread(customers[i], reading));
  const days: PurchaseDays = { first: NaN, last: NaN };
  for (let i = 0; i < n; i++) {
    let c: Customer | string | undefined = reader.fast(customers[i], days, reading);
    if (c === undefined) {
      viaSchema[i] = 1;
      c = reader.slow(customers[i]);
      if (typeof c !== 'string') purchaseDaysOf(c, days);
    }
    if (typeof c === 'string') {
      results[i] = resultOf(idOf(customers[i]), null, UNSCORED, c);
      continue;
    }
    const problem = validationError(c, days, options.asOf, asOfDay, options.language);
    if (problem !== null) {
      results[i] = resultOf(c.id, c, UNSCORED, problem);
      continue;
    }
    if (c.satisfaction !== null && c.satisfaction > 5) satisfactionAbove5 = true;
    if (c.lastPurchase === null) {
      kind[i] = 1;
      continue;
    }
    kind[i] = 2;
    if (c.purchaseDays !== null) fromOrders++;
    rfmIndex[i] = m;
    lastDay[m] = days.last;
    firstDay[m] = days.first;
    orders[m] = c.orders ?? c.purchaseDays ?? 0;
    spend[m] = c.totalSpend ?? 0;
    m++;
  }

  // 2. R, F, M over the scorable customers only.
  const rfm = scoreRfm({ lastDay: lastDay.subarray(0, m), orders: orders.subarray(0, m), spend: spend.subarray(0, m) }, asOfDay, options.rfm);

  // 2b. Purchase models, when the histories allow a fit: P(alive) then drives the recency factor.
  const estimates = options.purchaseModel === 'auto' && fromOrders > 0 ? modelEstimates(customers.length, rfmIndex, m, again, asOfDay, options) : null;

  // 3. Per customer: segment and tier, lifecycle, churn risk, next action.
  const satisfactionScale = options.satisfactionScale === 'auto' ? (satisfactionAbove5 ? 10 : 5) : options.satisfactionScale;
  const prospectReason = CHURN_PHRASES[options.language].prospect;
  const said = sentenceMemory();
  for (let i = 0; i < n; i++) {
    if (kind[i] === 0) continue;
    const customer = again(i);
    const k = rfmIndex[i] as number;
    if (k < 0) {
      // A prospect: no purchase yet, so nothing to rank; the lifecycle playbook still applies.
      const action = nextActionOf({ customer, tier: null, segment: null, churnLevel: null, lifecycle: 'prospect', asOfDay }, options);
      results[i] = resultOf(customer.id, customer, { ...UNSCORED, lifecycle: 'prospect', ...action, reasons: prospectReason }, null);
      continue;
    }
    const f = rfm.f[k] as number;
    const mScore = rfm.m[k] as number;
    const days = { first: firstDay[k] as number, last: lastDay[k] as number };
    const rhythm = rhythmOf(customer, days, options.lifecycle);
    const daysSinceLast = asOfDay - days.last;
    const r = rfm.r[k] as number;
    const lifecycle = lifecycleOf(customer, days, daysSinceLast, rhythm, asOfDay, options.lifecycle);
    const segment = segmentOf(segmentRecency(r, f, lifecycle), f, mScore);
    const tier = options.segmentTiers[segment];
    const estimate = estimates?.[k] ?? null;
    const alive = estimate === null || !estimate.identified || churn?.modelInRisk === false ? null : { pNoPurchase: estimate.pNoPurchase, text: aliveText(estimate, customer, daysSinceLast, options) };
    const risk = churn?.override?.[i] ?? churnRiskOf({ customer, daysSinceLast, rhythm, asOfDay, satisfactionScale, alive, options, said });
    const action = nextActionOf({ customer, tier, segment, churnLevel: risk.churnLevel, lifecycle, asOfDay }, options);
    // The literal of resultOf, written out: a Scores object per customer would be a million more allocations.
    results[i] = {
      id: customer.id,
      tier,
      segment,
      r,
      f,
      m: mScore,
      valueBand: valueBandOf(mScore),
      churnRisk: risk.churnRisk,
      churnLevel: risk.churnLevel,
      lifecycle,
      nextAction: action.nextAction,
      followUpBy: action.followUpBy,
      reasons: reasonsText(risk, options.language),
      drivers: risk.drivers,
      pAlive: estimate === null || !estimate.identified ? null : round(estimate.pAlive, 4),
      expectedPurchases: estimate === null ? null : round(estimate.expectedPurchases, 3),
      clv: estimate?.clv == null ? null : round(estimate.clv, 2),
      region: customer.region,
      owner: customer.owner,
      totalSpend: customer.totalSpend,
      orders: customer.orders ?? customer.purchaseDays,
      error: null,
    };
  }
  return results;
}
