// Exports whose headers would mislead the synonym detection, recognised by a few headers only they
// have, with the columns to read (they beat detection; a mapping in the config beats them).
// Everything else (HubSpot, Salesforce, Zoho, 纷享销客, 有赞, 微店, Shopee, Lazada, the online-retail
// invoice export, generic order lists) is read by the header synonyms of headers.ts.
import { normalizeHeader } from './headers.ts';
import type { ProfileAdvice, ProfileNote } from '../../core/i18n/host-words.ts';

export interface ExportProfile {
  /** How the summary names the export, e.g. "Shopify orders export". */
  source: string;
  kind: 'customers' | 'orders';
  /** Normalised headers that must all be present. */
  signature: readonly string[];
  /** field → header texts to try in turn (the first present is used). */
  columns: Readonly<Record<string, readonly string[]>>;
  /** The sentence for the user when the export cannot be scored as it is (its words: core/i18n TableWords.profileAdvice). */
  advice?: ProfileAdvice;
  /** The note shown whenever the export is read (its words: core/i18n TableWords.profileNote). */
  note?: ProfileNote;
}

export const EXPORT_PROFILES: readonly ExportProfile[] = [
  {
    // help.shopify.com "Exporting orders": one row per line item; Name is the order number (#1001),
    // Email the customer; Financial Status, Paid at, Total and Refunded Amount are on the first line
    // of an order only; Id is Shopify's order id, not a customer.
    source: 'Shopify orders export',
    kind: 'orders',
    signature: ['name', 'email', 'financialstatus', 'lineitemname'],
    columns: {
      orderId: ['Name'], customerId: ['Email'], date: ['Created at', 'Paid at'], amount: ['Total'], status: ['Financial Status'],
      refunded: ['Refunded Amount'], cancelledAt: ['Cancelled at'], name: ['Billing Name'], region: ['Billing Country'],
      quantity: ['Lineitem quantity'], unitPrice: ['Lineitem price'],
    },
  },
  {
    // help.shopify.com "Exporting customers": totals per customer but no date of any purchase.
    source: 'Shopify customers export',
    kind: 'customers',
    signature: ['email', 'totalspent', 'totalorders', 'taxexempt'],
    columns: { id: ['Customer ID', 'Email'], orders: ['Total Orders'], totalSpend: ['Total Spent'] },
    advice: 'shopifyCustomers',
  },
  {
    // WooCommerce order exports (e.g. Advanced Order Export): one row per item with the order's cells
    // repeated; statuses as wc-completed / wc-refunded / wc-cancelled; Customer User ID is 0 for guests.
    source: 'WooCommerce orders export',
    kind: 'orders',
    signature: ['orderstatus', 'ordertotalamount'],
    columns: {
      orderId: ['Order Number', 'Order ID'], customerId: ['Customer User ID'], email: ['Billing Email Address', 'Email (Billing)'],
      date: ['Order Date', 'Paid Date'], amount: ['Order Total Amount'], status: ['Order Status'], refunded: ['Order Refund Amount'],
    },
  },
  {
    // WooCommerce → Customers report download: Name, Username, Last active, Date registered, Email,
    // Orders, Total spend, AOV, Country / Region. No customer number: the email is the id.
    source: 'WooCommerce customers export',
    kind: 'customers',
    signature: ['username', 'lastactive', 'dateregistered', 'totalspend'],
    columns: { id: ['Email'], name: ['Name'], lastPurchase: ['Last active'], orders: ['Orders'], totalSpend: ['Total spend'], region: ['Country / Region', 'Country'] },
    note: 'wooCommerceLastActive',
  },
];

/** The profile whose signature the headers carry, and the columns of it that are present (as header texts). */
export function profileOf(headers: readonly string[], kind: 'customers' | 'orders'): { profile: ExportProfile; columns: Record<string, string> } | null {
  const normalized = headers.map(normalizeHeader);
  const present = new Set(normalized);
  for (const profile of EXPORT_PROFILES) {
    if (!profile.signature.every((h) => present.has(h))) continue;
    const columns: Record<string, string> = {};
    if (profile.kind === kind) {
      for (const [field, candidates] of Object.entries(profile.columns)) {
        for (const candidate of candidates) {
          const at = normalized.indexOf(normalizeHeader(candidate));
          if (at >= 0) {
            columns[field] = headers[at] as string;
            break;
          }
        }
      }
    }
    return { profile, columns };
  }
  return null;
}
