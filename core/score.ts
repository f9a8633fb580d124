// scoreCustomers: customers in, one result per customer out, in input order.
// Read top to bottom: check each customer → RFM over the scorable ones → per customer segment,
// tier, lifecycle, churn risk and next action.
import { OptionsSchema, type Options, type OptionsInput } from './schema/options.ts';
import type { Customer, CustomerInput } from './schema/customer.ts';
import type { Result } from './schema/result.ts';
import { guardCustomer } from './customer-guard.ts';
import { dayNumber } from './dates.ts';
import { scoreRfm } from './rfm.ts';
import { segmentOf } from './segments.ts';
import { valueBandOf } from './tiers.ts';
import { rhythmOf } from './rhythm.ts';
import { lifecycleOf } from './lifecycle.ts';
import { churnRiskOf, reasonsText } from './churn/risk.ts';
import { CHURN_PHRASES } from './churn/phrases.ts';
import { nextActionOf } from './next-action.ts';
import { validationError } from './validation.ts';

function emptyResult(id: string, customer: Customer | null): Result {
  return {
    id,
    tier: null,
    segment: null,
    r: null,
    f: null,
    m: null,
    valueBand: null,
    churnRisk: null,
    churnLevel: null,
    lifecycle: null,
    nextAction: null,
    followUpBy: null,
    reasons: '',
    drivers: [],
    pAlive: null,
    expectedPurchases: null,
    clv: null,
    region: customer?.region ?? null,
    owner: customer?.owner ?? null,
    totalSpend: customer?.totalSpend ?? null,
    orders: customer === null ? null : (customer.orders ?? customer.purchaseDays),
    error: null,
  };
}

function idOf(input: unknown): string {
  if (typeof input === 'object' && input !== null) {
    const id = (input as { id?: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id).trim();
  }
  return '';
}

/** 5 when no satisfaction in the batch is above 5 (a 1-5 CSAT), else 10; or as configured. */
function satisfactionScaleOf(customers: readonly (Customer | null)[], configured: Options['satisfactionScale']): number {
  if (configured !== 'auto') return configured;
  for (const c of customers) if (c !== null && c.satisfaction !== null && c.satisfaction > 5) return 10;
  return 5;
}

export function scoreCustomers(customers: readonly CustomerInput[], optionsInput: OptionsInput): Result[] {
  const options = OptionsSchema.parse(optionsInput);
  const asOfDay = dayNumber(options.asOf);
  const n = customers.length;
  const results: Result[] = new Array<Result>(n);
  const parsed: (Customer | null)[] = new Array<Customer | null>(n);

  // 1. Check every customer; bad ones get their reason and stay out of the quantiles.
  const scorable: number[] = [];
  for (let i = 0; i < n; i++) {
    const guarded = guardCustomer(customers[i]);
    if (!guarded.ok) {
      parsed[i] = null;
      results[i] = { ...emptyResult(idOf(customers[i]), null), error: guarded.error, reasons: guarded.error };
      continue;
    }
    const customer = guarded.customer;
    const problem = validationError(customer, options.asOf, asOfDay);
    parsed[i] = problem === null ? customer : null;
    results[i] = emptyResult(customer.id, customer);
    if (problem !== null) {
      results[i] = { ...emptyResult(customer.id, customer), error: problem, reasons: problem };
    } else if (customer.lastPurchase !== null) {
      scorable.push(i);
    }
  }

  // 2. R, F, M over the scorable customers only.
  const m = scorable.length;
  const lastDay = new Float64Array(m);
  const orders = new Float64Array(m);
  const spend = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const c = parsed[scorable[k] as number] as Customer;
    lastDay[k] = dayNumber(c.lastPurchase as string);
    orders[k] = c.orders ?? c.purchaseDays ?? 0;
    spend[k] = c.totalSpend ?? 0;
  }
  const rfm = scoreRfm({ lastDay, orders, spend }, asOfDay, options.rfm);

  // 3. Per customer: segment and tier, lifecycle, churn risk, next action.
  const satisfactionScale = satisfactionScaleOf(parsed, options.satisfactionScale);
  const rfmIndex = new Int32Array(n).fill(-1);
  for (let k = 0; k < m; k++) rfmIndex[scorable[k] as number] = k;
  for (let i = 0; i < n; i++) {
    const customer = parsed[i];
    if (customer === null || customer === undefined) continue;
    const rhythm = rhythmOf(customer, options.lifecycle);
    const k = rfmIndex[i] as number;
    if (k < 0) {
      // A prospect: no purchase yet, so nothing to score; the lifecycle playbook still applies.
      const action = nextActionOf({ customer, tier: null, segment: null, churnLevel: null, lifecycle: 'prospect', asOfDay }, options);
      results[i] = { ...(results[i] as Result), lifecycle: 'prospect', ...action, reasons: CHURN_PHRASES[options.language].prospect };
      continue;
    }
    const r = rfm.r[k] as number;
    const f = rfm.f[k] as number;
    const mScore = rfm.m[k] as number;
    const segment = segmentOf(r, f, mScore);
    const tier = options.segmentTiers[segment];
    const daysSinceLast = asOfDay - (lastDay[k] as number);
    const lifecycle = lifecycleOf(customer, daysSinceLast, rhythm, asOfDay, options.lifecycle);
    const risk = churnRiskOf({ customer, daysSinceLast, rhythm, asOfDay, satisfactionScale, alive: null, options });
    const action = nextActionOf({ customer, tier, segment, churnLevel: risk.churnLevel, lifecycle, asOfDay }, options);
    results[i] = {
      ...(results[i] as Result),
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
    };
  }
  return results;
}
