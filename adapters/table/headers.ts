// Which column holds which field: header texts in English or Chinese, any case or punctuation,
// matched against synonyms; a mapping in the config beats detection. Customer fields' synonyms and
// names come from the field table (core/schema/fields.ts); the order fields' are here.
import { CUSTOMER_FIELD_TABLE, type FieldTable } from '../../core/schema/fields.ts';
import type { CustomerField, OrderField } from './contract.ts';

/** Lower case, no punctuation, no spaces: "Total Spent ($)" → "totalspent", "Customer #" → "customer". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[#№]/g, ' number ')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

type Field = CustomerField | OrderField;

/** Field → normalized synonyms, most specific first; a header matches a field when it equals a synonym. */
export type Synonyms = Readonly<Record<string, readonly string[]>>;

// The order table's own fields (its name, email, region and owner are the customer fields').
const ORDER_SYNONYMS: Record<Exclude<OrderField, CustomerField>, string[]> = {
  customerId: ['customerid', 'custid', 'customernumber', 'customerno', 'clientid', 'accountid', 'customer', 'id', 'masterid', 'buyerid', '客户编号', '客户id', '客户', '会员编号', '会员id', 'customeruserid', 'usernamebuyer', 'buyerusername', 'buyername', 'username', 'userid', '买家id', '买家账号', '买家', '买家昵称', '会员手机号', '买家手机号'],
  date: ['orderdate', 'date', 'purchasedate', 'transactiondate', 'invoicedate', 'orderedat', 'createdat', 'saledate', 'closedate', '下单日期', '订单日期', '日期', '购买日期', '交易日期', '成交日期', 'ordercreationdate', 'ordercreatedat', 'createdtime', 'ordertime', 'paidat', 'paymentdate', 'orderpaidtime', '下单时间', '订单创建时间', '创建时间', '付款时间', '支付时间', '买家付款时间', '成交时间'],
  amount: ['amount', 'orderamount', 'total', 'ordertotal', 'ordertotalamount', 'ordervalue', 'value', 'revenue', 'sales', 'dollarvalue', 'dollars', 'grandtotal', 'totalamount', 'subtotal', 'netamount', 'totalprice', '金额', '订单金额', '实付金额', '订单实付金额', '实收金额', '交易金额', '销售额', '成交金额', '订单总额', '总价'],
  // Order exports: the order number that groups line items, the status that says whether it was a purchase,
  // a refunded amount, a cancellation date, and line amounts (a line total, or quantity × unit price).
  orderId: ['ordernumber', 'orderid', 'orderno', 'order', 'invoiceno', 'invoice', 'invoicenumber', 'invoiceid', 'receiptnumber', 'transactionid', '订单号', '订单编号', '订单id', '单号', '交易编号'],
  status: ['orderstatus', 'financialstatus', 'paymentstatus', 'status', 'orderstate', '订单状态', '交易状态', '状态'],
  refunded: ['refundedamount', 'refundamount', 'amountrefunded', 'orderrefundamount', 'totalrefunded', 'refunds', '已退款金额', '退款金额'],
  cancelledAt: ['cancelledat', 'canceledat', 'cancelleddate', 'canceleddate', 'cancellationdate', '取消时间', '关闭时间'],
  lineAmount: ['linetotal', 'lineamount', 'lineitemtotal', 'lineitemamount', 'itemtotal', 'paidprice', 'producttotal', 'productsubtotal', 'itemsubtotal', 'linevalue', '商品实付金额', '商品金额', '小计'],
  quantity: ['quantity', 'qty', 'lineitemquantity', 'itemquantity', 'quantityrefund', 'units', '数量', '商品数量', '购买数量'],
  unitPrice: ['unitprice', 'price', 'itemprice', 'lineitemprice', 'itemcost', 'dealprice', 'priceeach', '单价', '商品单价', '商品价格'],
};

export const CUSTOMER_REQUIRED: CustomerField[] = ['id', 'lastPurchase', 'orders', 'totalSpend'];
/** An order table also reads without a customer column (the email stands in) or an amount (line amounts or quantity × unit price stand in). */
export const ORDER_REQUIRED: OrderField[] = ['customerId', 'date', 'amount'];
const REQUIRED = new Set<string>([...CUSTOMER_REQUIRED, ...ORDER_REQUIRED]);

/** The synonyms of a customer field table's fields and of the order fields. */
export function synonymsFrom(table: FieldTable): Synonyms {
  return { ...Object.fromEntries(table.map((f) => [f.key, f.synonyms])), ...ORDER_SYNONYMS };
}

const SYNONYMS = synonymsFrom(CUSTOMER_FIELD_TABLE) as Readonly<Record<Field, readonly string[]>>;

const ORDER_LABELS: Record<Exclude<OrderField, CustomerField>, string> = {
  customerId: 'customer id', date: 'order date', amount: 'amount', orderId: 'order number', status: 'order status',
  refunded: 'refunded amount', cancelledAt: 'cancellation date', lineAmount: 'line amount', quantity: 'quantity', unitPrice: 'unit price',
};

/** Human names for fields (English), used in messages and in the sidebar. */
export const FIELD_LABELS = {
  ...Object.fromEntries(CUSTOMER_FIELD_TABLE.map((f) => [f.key, f.label.en])),
  ...ORDER_LABELS,
} as Readonly<Record<Field, string>>;

export function synonymsOf(field: Field): readonly string[] {
  return SYNONYMS[field];
}

/**
 * Finds each field's column. Explicit mappings first (by header text, normalized), then exact
 * synonyms in field order, each column used once.
 */
export function detectColumns<F extends string>(
  headers: readonly string[],
  fields: readonly F[],
  explicit: Readonly<Record<string, string>> = {},
  synonyms: Synonyms = SYNONYMS,
): Partial<Record<F, number>> {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const found: Partial<Record<F, number>> = {};
  for (const field of fields) {
    const wanted = explicit[field];
    if (wanted === undefined) continue;
    const at = normalized.indexOf(normalizeHeader(wanted));
    if (at >= 0) {
      found[field] = at;
      taken.add(at);
    }
  }
  // Required fields choose first ("Customer" is the id of an order table before it is anyone's name),
  // then by synonym rank, so "Total Spent" beats a generic "Sales" column for total spend.
  const first = fields.filter((f) => REQUIRED.has(f));
  const rest = fields.filter((f) => !REQUIRED.has(f));
  const ranks = Math.max(0, ...fields.map((f) => synonyms[f]?.length ?? 0));
  for (const group of [first, rest]) {
    for (let rank = 0; rank < ranks; rank++) {
      for (const field of group) {
        if (found[field] !== undefined || explicit[field] !== undefined) continue;
        const synonym = synonyms[field]?.[rank];
        if (synonym === undefined) continue;
        const at = normalized.findIndex((h, i) => h === synonym && !taken.has(i));
        if (at >= 0) {
          found[field] = at;
          taken.add(at);
        }
      }
    }
  }
  return found;
}
