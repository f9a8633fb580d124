// npx node bench/cases/churn-fit.ts [customers]: how long learning the churn model takes on
// `customers` customers' orders (synthetic Pareto/NBD histories, two years), and scoring an order
// history end to end (validation split, training, scoring). Prints one JSON line last.
import { OptionsSchema } from '../../core/schema/options.ts';
import { dayNumber } from '../../core/dates.ts';
import { aggregateOrders } from '../../core/aggregate-orders.ts';
import { orderLogOf } from '../../core/churn/learned/order-log.ts';
import { predictChurn, trainChurnModel } from '../../core/churn/learned/train.ts';
import { scoreOrderHistory, settingsOf } from '../../core/churn/learned/choose.ts';
import { paretoNbdOrders } from '../../test/models/synthetic-histories.ts';
import { forgetFits } from '../../core/models/fit-count-model.ts';

const customers = Number(process.argv[2] ?? 100_000);
const asOf = '2021-12-31';
const truth = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const { orders } = paretoNbdOrders(customers, truth, { seed: 17, start: '2020-01-01', acquisitionWeeks: 52, asOf, until: asOf });
const options = OptionsSchema.parse({ asOf });
// Each step as a fresh run pays for it: no fit kept from the step before (core/models/fit-count-model.ts).
const time = <T>(f: () => T): [T, number] => {
  forgetFits();
  const started = performance.now();
  const value = f();
  return [value, (performance.now() - started) / 1000];
};
const [log, logSeconds] = time(() => orderLogOf(orders));
const [trained, trainSeconds] = time(() => trainChurnModel(log, dayNumber(asOf), settingsOf(options)));
if (!trained.ok) throw new Error(trained.reason);
const [, predictSeconds] = time(() => predictChurn(trained.model, log, dayNumber(asOf), options.expectedPurchasesDays));
const aggregated = aggregateOrders(orders, options);
const [scored, scoreSeconds] = time(() => scoreOrderHistory(orders, aggregated, options));
console.log(`${customers.toLocaleString('en-US')} customers, ${orders.length.toLocaleString('en-US')} orders: order log ${logSeconds.toFixed(2)} s, learning (${trained.model.examples.toLocaleString('en-US')} examples) ${trainSeconds.toFixed(2)} s, predicting ${predictSeconds.toFixed(2)} s; scoring the order history end to end (${scored.model}) ${scoreSeconds.toFixed(2)} s`);
console.log(JSON.stringify({ customers, orders: orders.length, logSeconds, trainSeconds, predictSeconds, fitSeconds: logSeconds + trainSeconds, scoreSeconds, model: scored.model }));
