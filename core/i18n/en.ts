// Every word Tierwise shows, in English (the interface: ./words.ts).
import type { Words } from './words.ts';
import { money, twoPlaces } from './numbers.ts';
import { fieldLabel } from '../schema/fields.ts';
import type { OrderFieldName } from './host-words.ts';
import type { CustomerKey } from '../schema/fields.ts';

const ORDER_FIELDS: Record<OrderFieldName, string> = {
  customerId: 'customer id', date: 'order date', amount: 'amount', orderId: 'order number', status: 'order status',
  refunded: 'refunded amount', cancelledAt: 'cancellation date', lineAmount: 'line amount', quantity: 'quantity', unitPrice: 'unit price',
};
const mapIt = (it: 'it' | 'them', example: string) => `Map ${it} with "columns" in the config, e.g. {"columns": {"${example}": "Your header"}}`;

const round = (n: number) => Math.round(n);
const n = (x: number) => x.toLocaleString('en-US');
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;
const MODEL: Record<'rules' | 'pareto' | 'learned', string> = {
  rules: 'the hand-set weights',
  pareto: "Pareto/NBD's chance of no purchase",
  learned: 'the model learned from your orders',
};
const purchases = (count: number) => (count === 1 ? '1 purchase' : `${count} purchases`);

export const en: Words = {
  labels: {
    tier: { A: 'A core', B: 'B potential', C: 'C ordinary', D: 'D dormant' },
    segment: {
      Champions: 'Champions',
      Loyal: 'Loyal',
      'Potential loyalist': 'Potential loyalist',
      New: 'New',
      Promising: 'Promising',
      'Need attention': 'Need attention',
      'About to sleep': 'About to sleep',
      'At risk': 'At risk',
      "Can't lose": "Can't lose",
      Hibernating: 'Hibernating',
      Lost: 'Lost',
    },
    churnLevel: { low: 'low', medium: 'medium', high: 'high' },
    lifecycle: { prospect: 'prospect', new: 'new', active: 'active', dormant: 'dormant', churned: 'churned' },
    valueBand: { high: 'high value', medium: 'medium value', low: 'low value' },
  },
  churn: {
    recencyOwn: (days, gap) => `no order for ${days} day${days === 1 ? '' : 's'}; usually orders every ${round(gap)}`,
    noPurchase: (percent, days) => `${percent}% likely to buy nothing in the next ${days} days`,
    alive: (percent, purchases, weeks) =>
      `about ${percent}% likely to still be buying, given ${purchases} order${purchases === 1 ? '' : 's'} and none in ${weeks} week${weeks === 1 ? '' : 's'}`,
    recencyDefault: (days, purchases, gap) =>
      `no order for ${days} day${days === 1 ? '' : 's'}; ${purchases <= 1 ? 'one order so far' : 'no rhythm of its own yet'}, so judged against ${round(gap)} days`,
    orderDrop: (recent, previous, period) =>
      `${recent} order${recent === 1 ? '' : 's'} in the last ${period} days, down from ${previous} in the ${period} before`,
    spendDrop: (recent, previous, period) =>
      `spent ${money(recent)} in the last ${period} days, down from ${money(previous)} in the ${period} before`,
    npsDetractor: (nps) => `NPS ${nps} (a detractor: 0-6)`,
    npsDrop: (previous, nps) => `NPS fell from ${previous} to ${nps}`,
    lowSatisfaction: (value, scale) => `satisfaction ${value} of ${scale}${scale === 10 ? '' : ` (${value * (10 / scale)} of 10)`}, below 7 of 10`,
    contactGap: (days) => `no contact for ${days} day${days === 1 ? '' : 's'}`,
    contactDrop: (recent, previous, period) => `contacts fell from ${previous} to ${recent} per ${period} days`,
    competitor: 'asked about competitors',
    factorName: {
      recency: 'recency',
      orderTrend: 'order trend',
      spendTrend: 'spend trend',
      nps: 'NPS',
      satisfaction: 'satisfaction',
      contact: 'contact',
      competitor: 'competitor questions',
    },
    notJudged: (factors) => `not judged for lack of data: ${factors.join(', ')}`,
    noWarning: 'no warning signs',
    join: '; ',
    and: ', ',
    prospect: 'no purchase yet (a prospect)',
  },
  learned: {
    frequency: (n, weeks) => `bought on ${n} day${n === 1 ? '' : 's'} in ${weeks} week${weeks === 1 ? '' : 's'} as a customer`,
    spend: (average) => `spends ${money(average)} a purchase on average`,
    purchaseModel: (expected, days, pAlive) =>
      `the purchase model expects ${twoPlaces(expected)} purchases in the next ${days} days${pAlive === null ? '' : `, about ${Math.round(pAlive * 100)}% likely to still be buying`}`,
    orderTrend: (recent, previous, period) =>
      recent === 0 && previous === 0 ? `no purchase in the last ${2 * period} days` : `${purchases(recent)} in the last ${period} days, ${previous} in the ${period} before`,
    spendTrend: (recent, previous, period) =>
      recent === 0 && previous === 0 ? `no spend in the last ${2 * period} days` : `spent ${money(recent)} in the last ${period} days, ${money(previous)} in the ${period} before`,
    season: (hits, years, days) =>
      (hits === 0
        ? `did not buy in these weeks in the last ${years === 1 ? 'year' : `${years} years`}`
        : `bought in these weeks in ${hits} of the last ${years} year${years === 1 ? '' : 's'}`) +
      (days === null ? '' : days === 0 ? '; their usual season is now' : `; their usual season comes round in ${days} day${days === 1 ? '' : 's'}`),
  },
  models: {
    tooShort: (days) => `churn risk uses the hand-set weights: the order history (${days} days) is too short to check a model against`,
    chosen: (model, cut, horizon, brier) =>
      `churn risk uses ${MODEL[model]}: it predicted best when scored as of ${cut} and checked against the ${horizon} days after (Brier score, lower is better: ${brier.map((b) => `${b.model} ${b.score.toFixed(3)}`).join(', ')})`,
    levels: (base, highAt, lowUpTo, horizon) =>
      `churn levels are set against your customers' base rate, not fixed points: on average ${base}% chance of no purchase in the next ${horizon} days; ` +
      `high from ${highAt}% (at least twice those odds), low up to ${lowUpTo}% (at most half), medium between`,
    learnedMeaning: (horizon, examples, windows, shortWindows) =>
      `churn risk N means about N% chance of no purchase in the next ${horizon} days, learned from ${n(examples)} examples in your own orders (${windows.map((w) => `as of ${w.cut}, ${w.horizon} days after`).join('; ')})` +
      (shortWindows ? `; the history is shorter than two horizons, so it learned on shorter windows and applies them to ${horizon} days` : ''),
    noDropout:
      "the purchase models found no sign of customers leaving in these orders (they fit no better than a model where nobody leaves), so no P(alive) is shown and recency is judged against each customer's own rhythm",
    noDropoutTest: (lr, critical) =>
      `the purchase models found no sign of customers leaving in these orders (likelihood-ratio ${lr} against a model where nobody leaves, below ${critical}); P(alive) is not shown and recency is judged against each customer's own rhythm`,
    fellBack: (reason) => `churn risk uses the hand-set weights: ${reason}`,
    fitFailure: (f) =>
      f.kind === 'fewCustomers'
        ? `${f.model} needs at least 20 customers and 10 who bought more than once; got ${plural(f.customers, 'customer')}, ${plural(f.repeaters, 'repeat buyer')}`
        : f.kind === 'diverged'
          ? `${f.model} did not converge on this data (the parameters ran away); the histories may be too short or too uniform`
          : f.kind === 'fewSpenders'
            ? `Gamma-Gamma needs at least 10 repeat buyers with a positive spend; got ${f.usable}`
            : `Gamma-Gamma did not give a usable fit (q = ${f.q.toFixed(3)}; the expected spend needs q > 1)`,
    comparisonLeftOut: (reason) => `${reason}; the BG/NBD comparison is left out`,
    trainFailure: (f) =>
      f.kind === 'shortHistory'
        ? `the order history (${f.days} days) is too short to learn from`
        : `the order history has too few customers to learn from (${f.examples} examples, ${f.churned} who then bought nothing; needs ${f.minExamples} and ${f.minEach} of each outcome)`,
  },
  problems: {
    expected: {
      amount: 'an amount (expected e.g. 1234.50)',
      amountOrSymbol: 'an amount (expected e.g. 1234.50 or $1,234.50)',
      count: 'a whole number (expected 0 or more, e.g. 12)',
      score: 'a score (expected a number from 0 to 10)',
      flag: 'a yes/no answer (expected yes, no, true, false, 1, 0, 是 or 否)',
      date: 'a date (expected e.g. 2026-03-01)',
      dateSerial: 'a date (expected e.g. 2026-03-01; a number here is read as a spreadsheet date serial between 20000 and 80000)',
      hubspotNumber: 'a number as HubSpot sends it (expected e.g. 1234.50, no thousands separators)',
      finiteNumber: 'a finite number (expected e.g. 1234.50)',
      revenue: "a revenue of 0 or more (a negative total usually means a refund deal counted as won; check the record's deals)",
      wholeNumber: 'a whole number, 0 or more (expected e.g. 12)',
      scoreRange: 'a score from 0 to 10',
      epochSeconds: 'a date; this looks like seconds since 1970, and HubSpot sends milliseconds (13 digits) or YYYY-MM-DD',
      hubspotDate: 'a date (expected YYYY-MM-DD, an ISO datetime, or epoch milliseconds)',
      isoDate: 'a date (expected YYYY-MM-DD)',
      realDate: 'a date that exists (expected YYYY-MM-DD)',
      isoDatetime: 'a date (expected YYYY-MM-DD or an ISO datetime with a zone, e.g. 2026-11-01T10:00:00Z)',
    },
    column: (header) => `column "${header}"`,
    property: (name) => `property "${name}"`,
    row: (row, problems) => `Row ${row}, ${problems.join('; ')}`,
    customerRow: (row, id, why) => `Row ${row}, customer "${id}": ${why}`,
    blankRow: (row) => `Row ${row} is blank`,
    unclosedQuote: (row, field, before) =>
      `Row ${row}: the quote at the start of field ${field} is never closed (it opens before ${before}), so the row could not be read; close the quote or remove it`,
    orderLeftOut: (orderId) => ` (order ${orderId} is left out)`,
    orderDateEmpty: (at) => `${at}: the order date is empty`,
    amountEmpty: (at) => `${at}: the amount is empty`,
    columns: (first, second) => `column "${first}" and "${second}"`,
    headerAgain: (row) => `Row ${row} repeats the header row`,
    record: (kind, id, problems) => `${kind === 'contacts' ? 'Contact' : 'Company'} ${id}: ${problems.join('; ')}`,
    emptyId: (at) => `${at}: the customer id is empty`,
    totalsRow: (value, at) => `looks like a totals row (${value} in ${at}), not a customer`,
    repeatedId: (value, firstRow) => `customer id ${value} appears again (first on row ${firstRow})`,
    unreadable: (at, value, expected) => `${at}: ${value} is not ${expected}`,
    unreadableProperty: (at, value, expected) => `${at} is ${value}, not ${expected}`,
    afterAsOf: (at, value, asOf) => `${at}: ${value} is after the as-of date ${asOf}`,
    firstAfterLast: (at, value, lastAt, last) => `${at}: ${value} is after the last purchase ${last} (${lastAt})`,
    ordersWithoutDate: (at, ordersAt, orders) => `${at} is empty, but ${ordersAt} says ${orders}`,
    dateWithoutOrders: (at, dateAt) => `${at} is empty, but ${dateAt} has a date`,
    dateWithZeroOrders: (at, dateAt, date) => `${at} says 0, but ${dateAt} has a date (${date})`,
    dateWithoutSpend: (at, dateAt) => `${at} is empty, but ${dateAt} has a date`,
    plain: {
      afterAsOf: (field, value, asOf) => `${field === 'lastPurchase' ? 'last' : 'first'} purchase ${value} is after the as-of date ${asOf}`,
      firstAfterLast: (value, last) => `first purchase ${value} is after the last purchase ${last}`,
      ordersWithoutDate: (orders) => `has ${orders} order${orders === 1 ? '' : 's'} but no last purchase date`,
      dateWithoutOrders: 'has a last purchase date but no number of orders',
      dateWithZeroOrders: (date) => `has a last purchase date (${date}) but 0 orders`,
      dateWithoutSpend: 'has a last purchase date but no total spend',
    },
  },
  table: {
    clippedLength: (characters) => ` (${characters.toLocaleString('en-US')} characters)`,
    andMore: (count) => ` and ${count.toLocaleString('en-US')} more`,
    withoutPurchase: (negative, leftOut) => {
      const parts: string[] = [];
      if (negative !== null) parts.push(`${negative.count} cancellation${negative.count === 1 ? '' : 's'} or return${negative.count === 1 ? '' : 's'} totalling ${negative.total}`);
      if (leftOut.length > 0) parts.push(`orders left out as not purchases (${leftOut.map((l) => `${l.count} ${l.reason}`).join(', ')})`);
      return `not scored: only ${parts.join(' and ')}, no completed purchase in this file (a past or would-be buyer, not a prospect)`;
    },
    fixedThresholds: (scorable, min, recency, orders, spend) =>
      `Only ${scorable} customer${scorable === 1 ? '' : 's'} could be scored, fewer than ${min} (rfm.minCustomers): R, F and M use fixed thresholds (recency ${recency} days, orders ${orders}, spend ${spend}) rather than ranking so few customers against each other`,
    readAs: (source) => `Read as a ${source}`,
    lineItems: (rows, orders, column) => `${plural(rows, 'row')} are the line items of ${plural(orders, 'order')}, grouped by column "${column}"; each order's total counts once`,
    quantityTimesPrice: (quantity, unitPrice) => `Order amounts are quantity × unit price (columns "${quantity}" and "${unitPrice}"), summed per order`,
    leftOutOrders: (total, byReason, columns) =>
      `${plural(total, 'order')} left out as not purchases (${byReason.map((r) => `${n(r.count)} ${r.reason}`).join(', ')}; from ${columns.map((c) => `column "${c}"`).join(', ')})`,
    negativeOrders: (orders) => `${plural(orders, 'order')} with a negative amount (cancellations, returns) netted against their customers' spend`,
    afterAsOf: (orders, asOf) => `${n(orders)} order${orders === 1 ? ' is' : 's are'} dated after the as-of date ${asOf} and ${orders === 1 ? 'was' : 'were'} left out of the scoring`,
    noPurchaseLeft: (customers) =>
      `${n(customers)} customer${customers === 1 ? ' has' : 's have'} no purchase left to score (only cancellations, returns or left-out orders): listed with the reason, not as prospects`,
    dateOrderConflict: (header) =>
      `Column "${header}" mixes day/month and month/day dates (some start with a day over 12, others have a month part over 12); read as month/day, and rows that do not fit are reported. Set "dateOrder" in the config to choose.`,
    dateOrderAmbiguous: (header) =>
      `Column "${header}" has dates like 3/4/2026 that could be month/day or day/month and none settles it; read as month/day (US). Set "dateOrder": "dmy" in the config if they are day/month.`,
    profileNote: {
      wooCommerceLastActive:
        'WooCommerce customers export: "Last active" is read as the last purchase date (WooCommerce also moves it when a signed-in customer visits); score the orders export with --orders for exact dates.',
    },
    profileAdvice: {
      shopifyCustomers:
        "this is Shopify's customer export, which has no purchase dates, so recency cannot be scored. Export the orders instead (Shopify admin → Orders → Export → All orders, CSV) and score that file as an order table (on the command line: tierwise score orders_export.csv --orders).",
    },
    footer: (from, to, shown, more) => `Rows ${from}-${to} are the report's footer, not customers, and were skipped: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    header: {
      field: (key) => (key in ORDER_FIELDS ? ORDER_FIELDS[key as OrderFieldName] : fieldLabel(key as CustomerKey, 'en')),
      empty: (kind) => `the file is empty: expected a header row and one row per ${kind === 'orders' ? 'order' : 'customer'}`,
      unknownField: (field, header, fields) => `the mapping names an unknown field ${field} (for ${header}); fields are: ${fields.join(', ')}`,
      noHeaderRow: (expected, seen, example) =>
        `no header row found: expected column names such as ${expected.join(', ')}; first row seen: ${seen || '(empty)'}. ${mapIt('them', example)}`,
      firstRowIsData: (seen, names) =>
        `no header row found: the first row (${seen}) is data, not column names. Add a row above it that names each column, for example ${names.join(', ')}`,
      missing: (fields, mappedNotHeaders, seen, example) =>
        `could not find the column for ${fields.join(', ')}${mappedNotHeaders.length ? `; the mapping names ${mappedNotHeaders.map((m) => `${m.header} (mapped to ${m.field})`).join(', ')} which is not a header` : ''}. Headers seen: ${seen}. ${mapIt('it', example)}`,
      totalsWithoutDates:
        'this customer list has totals but no purchase date, so recency cannot be scored. Export the orders instead (one row per order, with its date and amount) and score that as an order table; or add a last purchase date column',
      looksLikeOrders: ' (this looks like one row per order: run with --orders)',
      alsoNote: (sentence) => `; note: ${sentence}`,
    },
  },
  resultColumns: {
    tier: 'Tier', segment: 'Segment', rfm: 'RFM', churnRisk: 'Churn risk', churnLevel: 'Churn level',
    lifecycle: 'Lifecycle', nextAction: 'Next action', followUpBy: 'Follow up by', reasons: 'Why',
  },
  summary: {
    title: (file, asOf) => `Tierwise · ${file} · as of ${asOf}`,
    counts: (scored, prospects, errors, orders, anyErrors) =>
      `${plural(scored, 'customer')} scored, ${n(prospects)} without a purchase yet (prospects), ${plural(errors, orders ? 'order row' : 'row')} ${errors === 1 ? 'needs' : 'need'} attention${anyErrors ? ' (see column Why)' : ''}`,
    tierTable: ['Tier', 'Customers', 'Share'],
    segmentTable: ['Segment', 'Tier', 'Customers', 'Share'],
    churnTable: ['Churn risk', 'Customers', 'Share'],
    keyFigures: (rate, dormant, atRisk) => `Repurchase rate: ${rate ?? 'n/a'} · dormant or churned: ${dormant} · spend of high-risk customers: ${atRisk}`,
    expectedAtRisk: (byTier) => `Expected revenue at risk (12-month CLV × chance of leaving, purchase models): ${byTier}`,
    groupTable: (by) => [by === 'region' ? 'Region' : 'Owner', 'Customers', 'A', 'B', 'C', 'D', 'Dormant', 'High risk', 'At-risk spend'],
    attention: (count) => `Rows that need attention (${count}):`,
    more: (count) => `… and ${count} more (see the Why column)`,
    wrote: (count, file) => `wrote ${count} row${count === '1' ? '' : 's'} to ${file}`,
    note: (warning) => `Note: ${warning}`,
    stderrNote: (warning) => `note: ${warning}`,
  },
  backtest: {
    title: (asOf, until) => `Backtest: scored as of ${asOf} with the orders up to then; compared with ${asOf} .. ${until}`,
    outcome: (customers, churners, share) => `${customers} customer${customers === '1' ? '' : 's'}, ${churners} (${share}) bought nothing in the horizon`,
    scoresIntro: 'Chance of buying nothing in the horizon: AUC ranks (0.5 = coin toss, 1 = perfect), Brier scores the probabilities (lower is better)',
    contender: {
      learned: 'learned from these orders (time split)',
      pareto: 'Pareto/NBD chance of no purchase, e^(-expected)',
      rules: 'hand-set rules (risk / 100)',
      recency: 'plain recency (days since last; Brier: calibrated)',
      bgnbd: 'BG/NBD chance of no purchase',
    },
    seeBelow: '  (see below)',
    notAvailable: 'n/a',
    wouldUse: (model, why) => `Tierwise would use ${model}: ${why}`,
    reliabilityTitle: (model) => `Reliability of the ${model} churn risk (customers in ten equal groups by predicted chance; "|" = predicted, "#" = observed):`,
    reliabilityHeader: (width) => `group  customers  predicted  observed  0%${' '.repeat(width - 6)}100%`,
    largestMiss: (points) => `Largest miss of a group: ${points} points`,
    tierColumns: 'Tier           Customers  Bought nothing  Predicted purchases  Actual purchases  Share of later revenue',
    noOrdersAfter: (asOf) => `no orders after ${asOf} within the horizon: pick an earlier --as-of or a shorter --horizon`,
  },
  files: {
    noSuchFile: (path) => `${path}: no such file`,
    noFolder: (path, folder) => `${path} cannot be written: the folder ${folder} does not exist`,
    permission: (path, doing) => `${path} cannot be ${doing}: permission denied`,
    isFolder: (path) => `${path} is a folder, not a file`,
    notFolder: (path, doing) => `${path} cannot be ${doing}: a part of the path is a file, not a folder`,
    diskFull: (path) => `${path} cannot be written: the disk is full`,
    otherProblem: (path, doing, detail) => `${path} cannot be ${doing} (${detail})`,
    empty: (path) => `${path} is empty: expected a header row and one row per customer or order`,
    notWorkbook: (path) => `${path} is named .xlsx but is not an Excel workbook`,
    oldExcel: (path) => `${path} is an old Excel (.xls) file: save it as .xlsx or .csv`,
    textHasNoSheet: (path, sheet) => `${path} is a text table, so it has no sheet ${sheet} (sheets are for .xlsx workbooks)`,
    binary: (path) => `${path} is not a text table or an .xlsx workbook (it looks like binary data)`,
    unreadableWorkbook: (path, detail) => `${path} is not a readable .xlsx workbook (${detail})`,
    noSuchSheet: (path, sheet, sheets) => `${path} has no sheet "${sheet}"; sheets: ${sheets.map((s) => `"${s}"`).join(', ')}`,
    outIsInput: (shown) => `--out ${shown} is the input file: choose another name, or add --force to overwrite the input`,
    outFolderIsFile: (shown, folder) => `${shown} cannot be written: ${folder} is not a folder`,
    sheetFull: (max) => `a workbook sheet holds at most ${max} rows and this table has more: write it as CSV (--out file.csv)`,
  },
  progress: {
    read: (rows, seconds) => `read ${rows} rows (${seconds} s)`,
    readAll: (rows, seconds) => `read ${rows} rows (${seconds} s); scoring…`,
    scored: (rows, of, seconds) => `scored ${rows} of ${of} rows (${seconds} s)`,
    scoredAll: (rows, seconds) => `scored ${rows} rows (${seconds} s); writing…`,
    scoredInPieces: (rows, seconds) => `scored ${rows} rows in pieces (${seconds} s); writing…`,
    wrote: (rows, seconds) => `wrote ${rows} rows (${seconds} s)`,
    readAllFitting: (orders, seconds) => `read ${orders} orders (${seconds} s); fitting the purchase models…`,
    readAllBacktest: (orders, seconds) => `read ${orders} orders (${seconds} s); scoring the customers as of the as-of date…`,
    comparing: (seconds) => `scored the customers against what they did next (${seconds} s); comparing the churn models…`,
  },
  hubspot: {
    propertyLabel: {
      tier: 'Tierwise tier',
      segment: 'Tierwise segment',
      churnRisk: 'Tierwise churn risk',
      churnLevel: 'Tierwise churn level',
      lifecycle: 'Tierwise lifecycle',
      nextAction: 'Tierwise next action',
      reasons: 'Tierwise reasons',
      scoredAt: 'Tierwise scored at',
    },
  },
  sheets: {
    summarySheet: { tier: 'Tier', segment: 'Segment', customers: 'Customers', share: 'Share', key: 'Key figures', dormant: 'Dormant or churned', repurchase: 'Repurchase rate', atRisk: 'Spend of high-risk customers', scored: 'Customers scored', attention: 'Rows needing attention', group: 'Dormant', region: 'Region', owner: 'Owner' },
    customerSheet: { customer: 'Customer', sourceRow: 'Source row' },
    busy: 'Someone else is scoring this spreadsheet right now; try again in a minute.',
    emptySheet: 'This sheet is empty: put a header row and one row per customer (or per order) first.',
    nothingWritten: (reason) => `Nothing was written: ${reason}`,
    looksLikeOrders: 'This looks like a table with one row per order: choose "One row per order" under Table, then Score.',
    tooSlow: 'Nothing was written: scoring took too long for one Apps Script run. Score a smaller range or use the command line.',
    tooManyCells: (needed, limit) => `Nothing was written: the results need ${n(needed)} more cells and a spreadsheet holds at most ${n(limit)}. Delete unused rows, columns or sheets, or score a copy of this table in a new spreadsheet.`,
    scored: (customers, attention, kind) => `${plural(customers, 'customer')} scored${attention > 0 ? `, ${plural(attention, 'row')} ${attention === 1 ? 'needs' : 'need'} attention, ${kind === 'orders' ? 'see the "Tierwise customers" sheet' : 'see column Why'}` : ''}.`,
    cancelled: 'Cancelled: nothing more was written.',
    stoppedForTime: (rows, total) => `Stopped after writing ${n(rows)} of ${n(total)} rows: Apps Script's 6-minute limit was near. Press Score again to write them all.`,
    notTable: 'Open the sheet with your customer table (Tierwise has not scored one here yet).',
    progressReading: 'Reading the sheet…',
    progressScoring: (rows) => `Scoring ${n(rows)} rows…`,
    progressWriting: (done, total) => `Writing rows: ${n(done)} of ${n(total)}…`,
    selectRow: 'Select a customer row to see its playbook.',
    notCustomerRow: (row) => `Row ${row} is not a customer row.`,
    notScoredYet: 'This table has not been scored yet: press Score first.',
    notInCustomers: (id) => `Customer "${id}" is not on the "Tierwise customers" sheet yet: press Score.`,
    scheduled: (hour, timeZone) => `Tierwise will re-score the tables it scored every day around ${String(hour).padStart(2, '0')}:00 (${timeZone}).`,
    stopped: 'The daily re-score is stopped.',
    noneToStop: 'There was no daily re-score to stop.',
    removed: (columns, sheets) => `Removed ${plural(columns, 'Tierwise column')} and ${plural(sheets, 'Tierwise sheet')}; your own cells are as they were.`,
    confirmRemove: 'Remove every column and sheet Tierwise added to this spreadsheet, with its settings and daily re-score? Your own cells stay as they are.',
    nothingToRemove: 'Tierwise has added nothing to this spreadsheet.',
    settingsNotSaved: (problems) => `Settings not saved: ${problems}`,
    settingProblem: (field, problem) => `${field} ${problem}`,
    tooBig: (max) => `must be at most ${max}`,
    tooSmall: (min) => `must be at least ${min}`,
    notOneOf: (options) => `must be one of ${options}`,
    notAFieldOf: (kind, fields) => `is not a field of ${kind === 'orders' ? 'an order table' : kind === 'customers' ? 'a customer table' : 'any table'} (fields: ${fields})`,
    wrongType: (expected) => `must be ${expected}`,
    typeName: { number: 'a number', string: 'text', boolean: 'yes or no' },
    notADate: 'must be a date (e.g. 2026-11-01)',
    invalid: 'is not valid',
    asOfNotDate: (value) => `The as-of date "${value}" is not a date (expected e.g. "2026-11-01" or TODAY()).`,
    customNeedsRange: 'Give a range with its header row, e.g. =TIERWISE_SCORE(A1:J500).',
    lastRunFailed: (when, error) => `The daily re-score on ${when} failed: ${error}`,
    runLogTitle: 'Run log',
    runLogHeader: ['Time', 'Sheet', 'Rows', 'Result', 'Error'],
    runOk: 'scored',
    runFailed: 'failed',
    help: 'Tierwise adds Tier, Segment, RFM, Churn risk, Churn level, Lifecycle, Next action, Follow up by and Why columns to the right of your customer table, and a "Tierwise summary" sheet. Your own cells are never changed; "Remove Tierwise columns" takes everything Tierwise added away again. Open the sidebar to check the columns it found, then press Score.',
  },
};
