// A problem (core/problems.ts) in words. The host says where a field is (a table's column, a HubSpot
// property) and how a value is quoted; the sentence around them comes from the language's file.
import type { Field, Problem } from '../problems.ts';
import type { Language } from '../schema/options.ts';
import { fieldLabel } from '../schema/fields.ts';
import type { ProblemWords } from './problem-words.ts';
import { WORDS } from './index.ts';

export interface Place {
  /** Where the field is, in words: `column "Last Order"`, `property "total_revenue"`. */
  at: (field: Field) => string;
  /** A value as quoted in a sentence (hosts clip long values). */
  quote: (value: string) => string;
  /** HubSpot says an unreadable value as `property "x" is "y", not …`; a table as `column "X": "y" is not …`. */
  kind: 'column' | 'property';
}

export function problemSentence(p: Problem, place: Place, w: ProblemWords): string {
  switch (p.code) {
    case 'emptyId':
      return w.emptyId(place.at('id'));
    case 'totalsRow':
      return w.totalsRow(place.quote(p.value), place.at('id'));
    case 'repeatedId':
      return w.repeatedId(place.quote(p.value), p.firstRow);
    case 'unreadable':
      return (place.kind === 'property' ? w.unreadableProperty : w.unreadable)(place.at(p.field), place.quote(p.value), w.expected[p.expected]);
    case 'afterAsOf':
      return w.afterAsOf(place.at(p.field), p.value, p.asOf);
    case 'firstAfterLast':
      return w.firstAfterLast(place.at('firstPurchase'), p.value, place.at('lastPurchase'), p.last);
    case 'ordersWithoutDate':
      return w.ordersWithoutDate(place.at('lastPurchase'), place.at('orders'), p.orders);
    case 'dateWithoutOrders':
      return w.dateWithoutOrders(place.at('orders'), place.at('lastPurchase'), p.date);
    case 'dateWithZeroOrders':
      return w.dateWithZeroOrders(place.at('orders'), place.at('lastPurchase'), p.date);
    case 'dateWithoutSpend':
      return w.dateWithoutSpend(place.at('totalSpend'), place.at('lastPurchase'), p.date);
  }
}

/** The problem said of a record with no columns or properties (a customer handed to the core directly); fields named by the field table. */
export function plainSentence(p: Problem, language: Language): string {
  const w = WORDS[language].problems;
  switch (p.code) {
    case 'afterAsOf':
      if (p.field === 'firstPurchase' || p.field === 'lastPurchase') return w.plain.afterAsOf(p.field, p.value, p.asOf);
      break;
    case 'firstAfterLast':
      return w.plain.firstAfterLast(p.value, p.last);
    case 'ordersWithoutDate':
      return w.plain.ordersWithoutDate(p.orders);
    case 'dateWithoutOrders':
      return w.plain.dateWithoutOrders;
    case 'dateWithZeroOrders':
      return w.plain.dateWithZeroOrders(p.date);
    case 'dateWithoutSpend':
      return w.plain.dateWithoutSpend;
  }
  return problemSentence(p, { at: (field) => fieldLabel(field, language), quote: (value) => JSON.stringify(value), kind: 'column' }, w);
}
