// scoreCustomers: customers in, one result per customer out, in input order.
//
// How score.ts reads (DESIGN.md's "core scores"), one pass per step:
//   1. checkCustomers  checks each customer (CustomerSchema, then validation.ts) and gives it a
//                      CustomerState; a buyer's figures go into the ranking columns.
//   2. rankRfm         R, F, M 1-5 over the scorable customers only (rfm.ts).
//   3. estimateModels  BG/NBD and Gamma-Gamma, when the customers are order histories (models/).
//   4. scoreRange      per customer: segment, tier, lifecycle, churn risk, next action; every result,
//                      scored or not, is built by resultOf.
// Passes 1-3 need every customer (ranks are global); pass 4 can then score any range of them.
// Speed lives behind seams, each saying what it saves: pass-reader.ts (each customer read once per
// pass into one reused object), scorable-columns.ts (ranking figures as typed arrays), churn/ (shared
// sentences, compact drivers). The figures: bench/cases/core-score.md.
import { OptionsSchema, type Options, type OptionsInput } from './schema/options.ts';
import { estimatePurchases, historyOf, type Estimate, type PurchaseHistory } from './models/estimate.ts';
import type { EstimateColumns } from './models/estimate-columns.ts';
import type { Customer, CustomerInput } from './schema/customer.ts';
import type { Driver, Result } from './schema/result.ts';
import type { Segment } from './segments.ts';
import type { Tier, ValueBand } from './tiers.ts';
import type { LifecycleStage } from './lifecycle-stages.ts';
import type { ChurnLevel } from './churn/levels.ts';
import { blankCustomer, checkCustomer, fastCustomer, rereadCustomer } from './customer-guard.ts';
import { PassReader, type CustomerChecks } from './pass-reader.ts';
import { ScorableColumns } from './scorable-columns.ts';
import { dayNumber } from './dates.ts';
import { purchaseDaysOf, type PurchaseDays } from './purchase-days.ts';
import { scoreRfm, type RfmScores } from './rfm.ts';
import { segmentOf, segmentRecency } from './segments.ts';
import { valueBandOf } from './tiers.ts';
import { rhythmOf } from './rhythm.ts';
import { lifecycleOf } from './lifecycle.ts';
import { churnRiskOf, churnRun, type ChurnRisk, type ChurnRun } from './churn/risk.ts';
import { CHURN_PHRASES } from './churn/phrases.ts';
import { nextActionOf } from './next-action.ts';
import { validationError } from './validation.ts';

/** What pass 1 found each customer to be, one byte per customer. */
export const CustomerState = {
  /** Not a customer record (CustomerSchema says why). */
  unreadable: 0,
  /** A record whose fields disagree with each other or the as-of date (validation.ts says why). */
  invalid: 1,
  /** No purchase yet: nothing to rank, but a lifecycle and a playbook. */
  prospect: 2,
  /** Bought at least once: ranked and scored. */
  scorable: 3,
} as const;
export type CustomerState = (typeof CustomerState)[keyof typeof CustomerState];

/** Checks customers from any source against CustomerSchema (the guard's fast path first). */
const CHECKING: CustomerChecks = { fast: fastCustomer, slow: checkCustomer, reread: rereadCustomer };
/** For customers an adapter already parsed: no per-field check, only their purchase days. */
const TRUSTING: CustomerChecks = {
  fast: (input, days) => {
    purchaseDaysOf(input as Customer, days);
    return input as Customer;
  },
  slow: (input) => input as Customer,
  reread: (input) => input as Customer,
};

/**
 * How churn risk is decided for order histories (churn/learned/choose.ts): whether the purchase
 * model speaks in the recency factor, and risks already decided per customer (the learned model's).
 * Without one, churn risk is the default (customer tables always).
 */
export interface ChurnPlan {
  modelInRisk: boolean;
  /**
   * Input customer i's risk when decided elsewhere (null: the rules decide). A function, not a list,
   * so a host scoring in ranges can work each out as its customer is scored.
   */
  override: ((i: number) => ChurnRisk | null) | null;
}

/** A reader for customers from any source: each is checked against CustomerSchema. */
export const checkingReader = (customers: readonly CustomerInput[]) => new PassReader(customers, CHECKING, blankCustomer());
/** A reader for customers an adapter already parsed into complete, schema-valid records. */
export const trustingReader = (customers: readonly Customer[]) => new PassReader(customers, TRUSTING, blankCustomer());

/** Scores customers from any source: each is checked against CustomerSchema, and a bad one gets its reason. */
export function scoreCustomers(customers: readonly CustomerInput[], optionsInput: OptionsInput, churn?: ChurnPlan): Result[] {
  return scoreAll(checkingReader(customers), OptionsSchema.parse(optionsInput), churn);
}

/**
 * For hosts whose adapter already produced complete, schema-valid customers (the table adapter's
 * parsers are tested against CustomerSchema): skips the per-row check, which is a third of the time
 * on a million rows. The cross-field checks (dates after as-of, orders without a date) still run.
 */
export function scoreParsedCustomers(customers: readonly Customer[], optionsInput: OptionsInput): Result[] {
  return scoreAll(trustingReader(customers), OptionsSchema.parse(optionsInput));
}

/** The result of a customer that could not be scored: null scores, and the reason in `error` and `reasons`. */
export function unscoredResult(id: string, error: string): Result {
  return resultOf(id, null, UNSCORED, null, error);
}

function scoreAll(reader: PassReader, options: Options, churn?: ChurnPlan): Result[] {
  return rangesOf(reader, options, churn).scoreRange(0, reader.count);
}

/** Customers whose passes 1-3 are done: any range of them can be scored (pass 4), in any number of calls. */
export interface RangeScorer {
  count: number;
  batch: ScoringBatch;
  /** The results of input positions from … to − 1, in order. */
  scoreRange(from: number, to: number): Result[];
}

/**
 * scoreCustomers for a host that writes results in ranges and drops each range once written, so a
 * million results never exist at once (`score --orders` on 10M orders).
 */
export function scoreCustomersInRanges(customers: readonly CustomerInput[], optionsInput: OptionsInput, churn?: ChurnPlan): RangeScorer {
  return rangesOf(checkingReader(customers), OptionsSchema.parse(optionsInput), churn);
}

function rangesOf(reader: PassReader, options: Options, churn?: ChurnPlan): RangeScorer {
  const asOfDay = dayNumber(options.asOf);
  const checked = checkCustomers(reader, options, asOfDay);
  const ranks = rankRfm(checked.columns, asOfDay, options);
  const estimates = estimateModels(reader, checked, asOfDay, options);
  const batch: ScoringBatch = { options, asOfDay, checked, ranks, estimates, churn: churn ?? null };
  return { count: reader.count, batch, scoreRange: (from, to) => scoreRange(reader, batch, from, to) };
}

// ── 1. Check ────────────────────────────────────────────────────────────────────────────────────

/** What pass 1 learned of the whole batch. */
export interface CheckedCustomers {
  /** A CustomerState per input customer. */
  states: Uint8Array;
  /** Why each unreadable or invalid customer cannot be scored, by input position. */
  problems: Map<number, string>;
  /** The ranking figures of the scorable customers. */
  columns: ScorableColumns;
  /** Satisfaction is read out of 10 when any customer's is above 5 (options.satisfactionScale 'auto'). */
  satisfactionAbove5: boolean;
  /** Scorable customers whose purchase days were counted from orders: only they can fit a model. */
  fromOrders: number;
}

export function checkCustomers(reader: PassReader, options: Options, asOfDay: number): CheckedCustomers {
  const n = reader.count;
  const checked: CheckedCustomers = {
    states: new Uint8Array(n), problems: new Map(), columns: new ScorableColumns(n), satisfactionAbove5: false, fromOrders: 0,
  };
  const days: PurchaseDays = { first: NaN, last: NaN };
  for (let i = 0; i < n; i++) {
    const customer = reader.read(i, days);
    if (typeof customer === 'string') {
      checked.states[i] = CustomerState.unreadable;
      checked.problems.set(i, customer);
      continue;
    }
    const problem = validationError(customer, days, options.asOf, asOfDay, options.language);
    if (problem !== null) {
      checked.states[i] = CustomerState.invalid;
      checked.problems.set(i, problem);
      continue;
    }
    if (customer.satisfaction !== null && customer.satisfaction > 5) checked.satisfactionAbove5 = true;
    if (customer.lastPurchase === null) {
      checked.states[i] = CustomerState.prospect;
      continue;
    }
    checked.states[i] = CustomerState.scorable;
    if (customer.purchaseDays !== null) checked.fromOrders++;
    checked.columns.add(i, days, customer.orders ?? customer.purchaseDays ?? 0, customer.totalSpend ?? 0);
  }
  return checked;
}

// ── 2. Rank ─────────────────────────────────────────────────────────────────────────────────────

/** R, F, M 1-5 of each scorable customer, by ranking row: quantiles, or fixed thresholds (rfm.ts). */
export function rankRfm(columns: ScorableColumns, asOfDay: number, options: Options): RfmScores {
  return scoreRfm(columns.rfmInput(), asOfDay, options.rfm);
}

// ── 3. Estimate ─────────────────────────────────────────────────────────────────────────────────

/** Purchase-model estimates by ranking row, or null when the options or the histories allow no fit. */
export function estimateModels(reader: PassReader, checked: CheckedCustomers, asOfDay: number, options: Options): EstimateColumns | null {
  if (options.purchaseModel !== 'auto' || checked.fromOrders === 0) return null;
  const { columns } = checked;
  const histories = new Array<PurchaseHistory | null>(columns.count).fill(null);
  const ids = new Array<string>(columns.count).fill('');
  for (let i = 0; i < reader.count; i++) {
    const row = columns.rowOf(i);
    if (row < 0) continue;
    const customer = reader.again(i);
    // Only real order histories (purchase days counted from orders): a customer table's order count
    // and two dates are too coarse to pin the models down, and there the rules judge recency.
    histories[row] = customer.purchaseDays === null ? null : historyOf(customer, asOfDay);
    ids[row] = customer.id;
  }
  const estimates = estimatePurchases(histories, ids, options);
  return estimates.ok ? estimates.perCustomer : null;
}

// ── 4. Score ────────────────────────────────────────────────────────────────────────────────────

/** What scoring one customer needs of the whole batch (passes 1-3). */
export interface ScoringBatch {
  options: Options;
  asOfDay: number;
  checked: CheckedCustomers;
  ranks: RfmScores;
  estimates: EstimateColumns | null;
  churn: ChurnPlan | null;
}

/** What the customers of one scoreRange call share: the churn run, and the verdict each is written into. */
interface RangeRun {
  churn: ChurnRun;
  verdict: Verdict;
}

/** The results of input positions from … to − 1, in order. */
export function scoreRange(reader: PassReader, batch: ScoringBatch, from: number, to: number): Result[] {
  const { options, checked } = batch;
  const satisfactionScale = options.satisfactionScale === 'auto' ? (checked.satisfactionAbove5 ? 10 : 5) : options.satisfactionScale;
  const run: RangeRun = { churn: churnRun(), verdict: { ...UNSCORED } };
  const results = new Array<Result>(to - from);
  for (let i = from; i < to; i++) {
    let result: Result;
    switch (checked.states[i]) {
      case CustomerState.unreadable:
        result = resultOf(idOf(reader.input(i)), null, UNSCORED, null, checked.problems.get(i) as string);
        break;
      case CustomerState.invalid: {
        const customer = reader.again(i);
        result = resultOf(customer.id, customer, UNSCORED, null, checked.problems.get(i) as string);
        break;
      }
      case CustomerState.prospect:
        result = prospectResult(reader.again(i), batch);
        break;
      default: {
        const customer = reader.again(i);
        const row = checked.columns.rowOf(i);
        const estimate = batch.estimates?.at(row) ?? null;
        result = resultOf(customer.id, customer, scoredVerdict(customer, row, i, estimate, batch, satisfactionScale, run), estimate, null);
      }
    }
    results[i - from] = result;
  }
  return results;
}

/** A prospect: no purchase yet, so nothing to rank; the lifecycle playbook still applies. */
function prospectResult(customer: Customer, { options, asOfDay }: ScoringBatch): Result {
  const action = nextActionOf({ customer, tier: null, segment: null, churnLevel: null, lifecycle: 'prospect', asOfDay }, options);
  const verdict: Verdict = { ...UNSCORED, lifecycle: 'prospect', ...action, reasons: CHURN_PHRASES[options.language].prospect };
  return resultOf(customer.id, customer, verdict, null, null);
}

/**
 * A customer who bought: segment and tier from the ranks, then lifecycle, churn risk and next action,
 * written into the run's verdict. (Its result is built by the caller: with resultOf inlined here V8
 * had no inlining budget left for nextActionOf, whose argument and answer objects were then made for
 * every customer, ~110 bytes each; bench/cases/core-score.md.)
 */
function scoredVerdict(customer: Customer, row: number, i: number, estimate: Estimate | null, batch: ScoringBatch, satisfactionScale: number, run: RangeRun): Verdict {
  const { options, asOfDay, checked, ranks } = batch;
  const r = ranks.r[row] as number;
  const f = ranks.f[row] as number;
  const m = ranks.m[row] as number;
  const days: PurchaseDays = { first: checked.columns.firstDay[row] as number, last: checked.columns.lastDay[row] as number };
  const daysSinceLast = asOfDay - days.last;
  const rhythm = rhythmOf(customer, days, options.lifecycle);
  const lifecycle = lifecycleOf(customer, days, daysSinceLast, rhythm, asOfDay, options.lifecycle);
  const segment = segmentOf(segmentRecency(r, f, lifecycle), f, m);
  const tier = options.segmentTiers[segment];
  const alive = estimate === null || !estimate.identified || batch.churn?.modelInRisk === false ? null : { pNoPurchase: estimate.pNoPurchase, text: aliveText(estimate, customer, daysSinceLast, options) };
  const risk = batch.churn?.override?.(i) ?? churnRiskOf({ customer, daysSinceLast, rhythm, asOfDay, satisfactionScale, alive, options, run: run.churn });
  const action = nextActionOf({ customer, tier, segment, churnLevel: risk.churnLevel, lifecycle, asOfDay }, options);
  // Written into the run's one verdict rather than a new object: the caller's resultOf copies it out at once.
  const verdict = run.verdict;
  verdict.tier = tier;
  verdict.segment = segment;
  verdict.r = r;
  verdict.f = f;
  verdict.m = m;
  verdict.valueBand = valueBandOf(m);
  verdict.churnRisk = risk.churnRisk;
  verdict.churnLevel = risk.churnLevel;
  verdict.lifecycle = lifecycle;
  verdict.nextAction = action.nextAction;
  verdict.followUpBy = action.followUpBy;
  verdict.reasons = risk.reasons;
  verdict.drivers = risk.drivers;
  return verdict;
}

/** "about 23% likely to still be buying, given 3 orders and none in 20 weeks; 81% likely to buy nothing in the next 90 days". */
function aliveText(estimate: Estimate, customer: Customer, daysSinceLast: number, options: Options): string {
  const purchases = customer.orders ?? customer.purchaseDays ?? 1;
  const say = CHURN_PHRASES[options.language];
  return say.alive(Math.round(estimate.pAlive * 100), purchases, Math.round(daysSinceLast / 7)) + say.and + say.noPurchase(Math.round(estimate.pNoPurchase * 100), options.expectedPurchasesDays);
}

// ── Results ─────────────────────────────────────────────────────────────────────────────────────

/** What scoring says of one customer; nulls for what it could not say. */
interface Verdict {
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

const UNSCORED: Verdict = {
  tier: null, segment: null, r: null, f: null, m: null, valueBand: null, churnRisk: null, churnLevel: null,
  lifecycle: null, nextAction: null, followUpBy: null, reasons: '', drivers: [],
};

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The one place a Result is built: one literal, so a million results share one shape (and one key order in JSON). */
function resultOf(id: string, customer: Customer | null, verdict: Verdict, estimate: Estimate | null, error: string | null): Result {
  return {
    id,
    tier: verdict.tier,
    segment: verdict.segment,
    r: verdict.r,
    f: verdict.f,
    m: verdict.m,
    valueBand: verdict.valueBand,
    churnRisk: verdict.churnRisk,
    churnLevel: verdict.churnLevel,
    lifecycle: verdict.lifecycle,
    nextAction: verdict.nextAction,
    followUpBy: verdict.followUpBy,
    reasons: error ?? verdict.reasons,
    drivers: verdict.drivers,
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

/** The id of an input that is not a customer record, when it has one, so its error can be matched to it. */
function idOf(input: unknown): string {
  if (typeof input === 'object' && input !== null) {
    const id = (input as { id?: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id).trim();
  }
  return '';
}
