// The public API of the scoring core. Pure and deterministic: no I/O, no clock, no globals.
export { scoreCustomers, scoreParsedCustomers, unscoredResult } from './score.ts';
export { summarize } from './summarize.ts';
export { aggregateOrders, OrderAggregator } from './aggregate-orders.ts';
export { CustomerSchema, type Customer, type CustomerInput } from './schema/customer.ts';
export { OrderSchema, type Order, type OrderInput } from './schema/order.ts';
export { OptionsSchema, type Options, type OptionsInput, type Language } from './schema/options.ts';
export { ResultSchema, DriverSchema, type Result, type Driver } from './schema/result.ts';
export type { Summary, Share, GroupSummary } from './summarize.ts';
export { SEGMENTS, type Segment } from './segments.ts';
export { TIERS, type Tier, VALUE_BANDS, type ValueBand } from './tiers.ts';
export { LIFECYCLE_STAGES, type LifecycleStage } from './lifecycle-stages.ts';
export { CHURN_LEVELS, type ChurnLevel } from './churn/levels.ts';
export * from './dates.ts';
export { OrderAssembler, type OrderLine, type AssembledOrders } from './order-lines.ts';
export { classifyStatus, LEFT_OUT_REASONS, STATUS_VOCABULARY, type LeftOutReason } from './order-status.ts';
export { rfmMethodFor } from './rfm.ts';
