// Which column holds which field: header texts in English or Chinese, any case or punctuation,
// matched against synonyms; a mapping in the config beats detection.
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

// Normalized synonyms, most specific first; a header matches a field when it equals a synonym.
const SYNONYMS: Record<Field, string[]> = {
  id: ['customerid', 'custid', 'customernumber', 'customerno', 'customernr', 'clientid', 'clientnumber', 'accountid', 'accountnumber', 'id', 'customercode', 'recordid', 'contactid', 'companyid', 'masterid', '客户编号', '客户id', '客户代码', '会员编号', '会员id', '编号', 'username', 'customeruserid', 'buyerid', 'userid', '用户id', '买家id', '手机号', '手机号码', '客户手机号', '手机'],
  customerId: ['customerid', 'custid', 'customernumber', 'customerno', 'clientid', 'accountid', 'customer', 'id', 'masterid', 'buyerid', '客户编号', '客户id', '客户', '会员编号', '会员id', 'customeruserid', 'usernamebuyer', 'buyerusername', 'buyername', 'username', 'userid', '买家id', '买家账号', '买家', '买家昵称', '会员手机号', '买家手机号'],
  name: ['name', 'customername', 'customer', 'clientname', 'company', 'companyname', 'accountname', 'fullname', 'contactname', '客户名称', '客户名', '名称', '姓名', '公司', '公司名称', 'billingname', 'buyername', '客户姓名', '买家昵称', '昵称', '微信昵称', '收货人'],
  email: ['email', 'emailaddress', 'mail', 'email地址', '邮箱', '电子邮件', '邮件', 'customeremail', 'billingemail', 'billingemailaddress', 'emailbilling', 'buyeremail', 'contactemail', '买家邮箱'],
  region: ['region', 'area', 'territory', 'country', 'state', 'province', 'city', 'market', '区域', '地区', '大区', '省份', '城市', '国家', 'countryregion', 'billingcountry', 'mailingcountry', 'shippingcountry', '所在地区', '收货地区'],
  owner: ['owner', 'accountmanager', 'salesrep', 'rep', 'csm', 'accountowner', 'customerowner', 'contactowner', 'manager', 'assignedto', '负责人', '客户经理', '销售', '跟进人', '所属销售', 'recordowner', 'salesperson', '归属人', '所属员工'],
  firstPurchase: ['firstpurchase', 'firstpurchasedate', 'firstorder', 'firstorderdate', 'customersince', 'since', 'firstbought', 'acquired', 'acquisitiondate', 'signupdate', 'firstdealcreateddate', '首次购买', '首次购买日期', '首单日期', '首次下单', '首次下单日期', '首次成交日期', '首次消费时间', '首次购买时间', '首次下单时间', '首次成交时间', 'firstordered', 'firstorderat'],
  lastPurchase: ['lastpurchase', 'lastpurchasedate', 'lastorder', 'lastorderdate', 'lastbought', 'recentpurchase', 'mostrecentpurchase', 'lastpurchased', 'lasttransaction', 'lasttransactiondate', 'recentdealclosedate', 'lastinvoicedate', '最近购买', '最近购买日期', '最后购买日期', '最近下单', '最近下单日期', '最后下单日期', '最近成交日期', '最近消费日期', 'lastorderat', 'lastordered', '最近消费时间', '最后消费时间', '最近购买时间', '最后购买时间', '最近下单时间', '最后下单时间', '最近成交时间', '最后成交时间', '最近交易时间', '上次消费时间'],
  orders: ['numberoforders', 'orders', 'ordercount', 'totalorders', 'numorders', 'purchases', 'numberofpurchases', 'frequency', 'transactions', 'numberoftransactions', 'ordersplaced', 'numberofassociateddeals', 'deals', '订单数', '订单数量', '购买次数', '下单次数', '消费次数', '交易次数', '累计订单', '累计消费次数', '累计购买次数', '累计成交次数', '成交次数', '累计订单数', '订单总数', '累计下单次数'],
  totalSpend: ['totalspent', 'totalspend', 'spend', 'spent', 'totalrevenue', 'revenue', 'lifetimevalue', 'ltv', 'totalsales', 'sales', 'monetary', 'totalamount', 'amountspent', 'totalpurchases', 'totalpurchaseamount', 'lifetimespend', 'totalvalue', '消费金额', '累计消费', '累计消费金额', '总消费', '总金额', '销售额', '总销售额', '消费总额', '累计金额', '累计成交金额', '累计购买金额', '消费总金额', '累计实付金额'],
  recentOrders: ['recentorders', 'ordersthisperiod', 'ordersthisquarter', 'quarterorders', 'ordersthisqtr', 'ordersqtd', 'last90daysorders', 'orderslast90days', 'orderslast90d', 'orderslast3months', 'ordersthisperiod', 'recentorderscount', '本期订单', '本季度订单', '季度订单数', '季度采购频次', '近期订单数'],
  previousOrders: ['previousorders', 'orderslastperiod', 'orderslastquarter', 'lastquarterorders', 'priorquarterorders', 'previousquarterorders', 'ordersprior90d', 'ordersprior90days', 'ordersprevious90d', 'ordersprevious90days', 'ordersbefore', '上期订单', '上季度订单', '上季度订单数'],
  recentSpend: ['recentspend', 'spendthisperiod', 'spendthisquarter', 'last30dayspend', 'spendlast30days', 'last30daysspend', 'spendlast90d', 'spendlast90days', 'revenuelast90d', 'revenuethisquarter', '近30天采购额', '近30天消费', '本期消费', '本季度消费'],
  previousSpend: ['previousspend', 'spendlastperiod', 'spendlastquarter', 'revenuelastquarter', 'priorspend', 'spendprior90d', 'spendprior90days', 'spendprevious90d', '上期消费', '上季度消费'],
  nps: ['nps', 'npsscore', 'netpromoterscore', 'latestnps', 'npsresponse', 'likelihoodtorecommend', '净推荐值', '推荐值', 'nps评分'],
  previousNps: ['previousnps', 'lastnps', 'priornps', 'npsprevious', 'previousnpsscore', '上次nps', '上期nps'],
  satisfaction: ['satisfaction', 'csat', 'csatscore', 'satisfactionscore', 'customersatisfaction', 'csat15', 'csat110', 'csat010', 'satisfaction15', 'satisfaction110', 'rating', '满意度', '满意度评分', '服务满意度'],
  lastContact: ['lastcontact', 'lastcontacted', 'lastcontactdate', 'lastcontacteddate', 'lastactivity', 'lastactivitydate', 'lasttouch', 'lastinteraction', 'lastmeeting', 'lastcall', '最近联系', '最近联系日期', '最后联系日期', '最近跟进', '最近跟进日期', '上次联系', 'lastactivitytime', '最后跟进时间', '最近跟进时间', '最后跟进日期'],
  recentContacts: ['recentcontacts', 'contactsthisperiod', 'contactsthisquarter', 'touchesthisquarter', 'meetingsthisquarter', '本期联系次数', '本季度联系次数', '近期联系次数'],
  previousContacts: ['previouscontacts', 'contactslastperiod', 'contactslastquarter', 'toucheslastquarter', '上期联系次数', '上季度联系次数'],
  askedAboutCompetitor: ['askedaboutcompetitor', 'askedaboutcompetitors', 'competitor', 'competitorinquiry', 'competitormentioned', 'mentionedcompetitor', 'competitorinterest', 'askedcompetitor', 'consideringcompetitor', '咨询竞品', '竞品咨询', '询问竞品', '提及竞品'],
  renewalDate: ['renewaldate', 'renewal', 'contractrenewal', 'contractend', 'contractenddate', 'contractexpiry', 'expirydate', 'expirationdate', 'renewson', '续约日期', '合同到期', '合同到期日', '到期日期', '到期日'],
  date: ['orderdate', 'date', 'purchasedate', 'transactiondate', 'invoicedate', 'orderedat', 'createdat', 'saledate', 'closedate', '下单日期', '订单日期', '日期', '购买日期', '交易日期', '成交日期', 'ordercreationdate', 'ordercreatedat', 'createdtime', 'ordertime', 'paidat', 'paymentdate', 'orderpaidtime', '下单时间', '订单创建时间', '创建时间', '付款时间', '支付时间', '买家付款时间', '成交时间'],
  amount: ['amount', 'orderamount', 'total', 'ordertotal', 'ordertotalamount', 'ordervalue', 'value', 'revenue', 'sales', 'dollarvalue', 'dollars', 'grandtotal', 'totalamount', 'subtotal', 'netamount', 'totalprice', '金额', '订单金额', '实付金额', '订单实付金额', '实收金额', '交易金额', '销售额', '成交金额', '订单总额', '总价'],
  // Order exports: the order number that groups line items, the status that says whether it was a purchase,
  // a refunded amount, a cancellation date, and line amounts (a line total, or quantity × unit price).
  orderId: ['ordernumber', 'orderid', 'orderno', 'order', 'invoiceno', 'invoice', 'invoicenumber', 'invoiceid', 'receiptnumber', 'transactionid', '订单号', '订单编号', '订单id', '单号', '交易编号'],
  status: ['orderstatus', 'financialstatus', 'paymentstatus', 'status', 'orderstate', '订单状态', '交易状态', '状态'],
  refunded: ['refundedamount', 'refundamount', 'amountrefunded', 'orderrefundamount', 'totalrefunded', 'refunds', '已退款金额', '退款金额'],
  cancelledAt: ['cancelledat', 'canceledat', 'cancelleddate', 'canceleddate', 'cancellationdate', '取消时间', '关闭时间'],
  lineAmount: ['linetotal', 'lineitemtotal', 'itemtotal', 'paidprice', 'producttotal', 'productsubtotal', 'itemsubtotal', 'linevalue', '商品实付金额', '商品金额', '小计'],
  quantity: ['quantity', 'qty', 'lineitemquantity', 'itemquantity', 'quantityrefund', 'units', '数量', '商品数量', '购买数量'],
  unitPrice: ['unitprice', 'price', 'itemprice', 'lineitemprice', 'itemcost', 'dealprice', 'priceeach', '单价', '商品单价', '商品价格'],
};

export const CUSTOMER_REQUIRED: CustomerField[] = ['id', 'lastPurchase', 'orders', 'totalSpend'];
/** An order table also reads without a customer column (the email stands in) or an amount (line amounts or quantity × unit price stand in). */
export const ORDER_REQUIRED: OrderField[] = ['customerId', 'date', 'amount'];
const REQUIRED = new Set<string>([...CUSTOMER_REQUIRED, ...ORDER_REQUIRED]);

/** Human names for fields, used in messages and in the sidebar. */
export const FIELD_LABELS: Record<Field, string> = {
  id: 'customer id', customerId: 'customer id', name: 'name', email: 'email', region: 'region', owner: 'owner',
  firstPurchase: 'first purchase date', lastPurchase: 'last purchase date', orders: 'number of orders',
  totalSpend: 'total spend', recentOrders: 'orders this period', previousOrders: 'orders last period',
  recentSpend: 'spend this period', previousSpend: 'spend last period', nps: 'NPS', previousNps: 'previous NPS',
  satisfaction: 'satisfaction (CSAT)', lastContact: 'last contact date', recentContacts: 'contacts this period',
  previousContacts: 'contacts last period', askedAboutCompetitor: 'asked about competitors', renewalDate: 'renewal date',
  date: 'order date', amount: 'amount', orderId: 'order number', status: 'order status', refunded: 'refunded amount',
  cancelledAt: 'cancellation date', lineAmount: 'line amount', quantity: 'quantity', unitPrice: 'unit price',
};

export function synonymsOf(field: Field): readonly string[] {
  return SYNONYMS[field];
}

/**
 * Finds each field's column. Explicit mappings first (by header text, normalized), then exact
 * synonyms in field order, each column used once.
 */
export function detectColumns<F extends Field>(
  headers: readonly string[],
  fields: readonly F[],
  explicit: Readonly<Record<string, string>> = {},
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
  for (const group of [first, rest]) {
    for (let rank = 0; rank < 40; rank++) {
      for (const field of group) {
        if (found[field] !== undefined || explicit[field] !== undefined) continue;
        const synonym = SYNONYMS[field][rank];
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
