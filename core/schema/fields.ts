// The customer fields, one entry each: key, kind, labels per language, header synonyms.
// Derived from this table: CustomerSchema (customer.ts), the blank record and the fast reader
// (customer-guard.ts), header detection (adapters/table/headers.ts), field names in messages
// (fieldLabel), and the property test's generator (test/core/customer-guard.test.ts).
// Adding a field is one line here (test/core/field-table.test.ts shows every derivation pick one up).
import type { Language } from './options.ts';

/**
 * What a field holds, which decides how it is checked and parsed:
 * id: a non-empty string, trimmed; text: any string; date: "YYYY-MM-DD" or a Date (read in UTC);
 * count: a whole number ≥ 0; money: a finite number; score: 0-10; positive: a finite number > 0;
 * flag: true or false. Every kind but id is optional (null or absent: not known).
 */
export const FIELD_KINDS = ['id', 'text', 'date', 'count', 'money', 'score', 'positive', 'flag'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldSpec {
  readonly key: string;
  readonly kind: FieldKind;
  /** How messages name the field, mid-sentence ("the last purchase date"), per language. */
  readonly label: Readonly<Record<Language, string>>;
  /**
   * Header texts that mean this field, normalized (adapters/table/headers.ts normalizeHeader: lower
   * case, no spaces or punctuation), most specific first. None: the field is not read from customer
   * tables (it is counted from order histories).
   */
  readonly synonyms: readonly string[];
}

export type FieldTable = readonly FieldSpec[];

// prettier-ignore
export const CUSTOMER_FIELD_TABLE = [
  { key: 'id', kind: 'id', label: { en: 'customer id', 'zh-CN': '客户编号' },
    synonyms: ['customerid', 'custid', 'customernumber', 'customerno', 'customernr', 'clientid', 'clientnumber', 'accountid', 'accountnumber', 'id', 'customercode', 'recordid', 'contactid', 'companyid', 'masterid', '客户编号', '客户id', '客户代码', '会员编号', '会员id', '编号', 'username', 'customeruserid', 'buyerid', 'userid', '用户id', '买家id', '手机号', '手机号码', '客户手机号', '手机'] },
  { key: 'name', kind: 'text', label: { en: 'name', 'zh-CN': '名称' },
    synonyms: ['name', 'customername', 'customer', 'clientname', 'company', 'companyname', 'accountname', 'fullname', 'contactname', '客户名称', '客户名', '名称', '姓名', '公司', '公司名称', 'billingname', 'buyername', '客户姓名', '买家昵称', '昵称', '微信昵称', '收货人'] },
  { key: 'email', kind: 'text', label: { en: 'email', 'zh-CN': '邮箱' },
    synonyms: ['email', 'emailaddress', 'mail', 'email地址', '邮箱', '电子邮件', '邮件', 'customeremail', 'billingemail', 'billingemailaddress', 'emailbilling', 'buyeremail', 'contactemail', '买家邮箱'] },
  { key: 'region', kind: 'text', label: { en: 'region', 'zh-CN': '地区' },
    synonyms: ['region', 'area', 'territory', 'country', 'state', 'province', 'city', 'market', '区域', '地区', '大区', '省份', '城市', '国家', 'countryregion', 'billingcountry', 'mailingcountry', 'shippingcountry', '所在地区', '收货地区'] },
  { key: 'owner', kind: 'text', label: { en: 'owner', 'zh-CN': '负责人' },
    synonyms: ['owner', 'accountmanager', 'salesrep', 'rep', 'csm', 'accountowner', 'customerowner', 'contactowner', 'manager', 'assignedto', '负责人', '客户经理', '销售', '跟进人', '所属销售', 'recordowner', 'salesperson', '归属人', '所属员工'] },
  { key: 'firstPurchase', kind: 'date', label: { en: 'first purchase date', 'zh-CN': '首次购买日期' },
    synonyms: ['firstpurchase', 'firstpurchasedate', 'firstorder', 'firstorderdate', 'customersince', 'since', 'firstbought', 'acquired', 'acquisitiondate', 'signupdate', 'firstdealcreateddate', '首次购买', '首次购买日期', '首单日期', '首次下单', '首次下单日期', '首次成交日期', '首次消费时间', '首次购买时间', '首次下单时间', '首次成交时间', 'firstordered', 'firstorderat'] },
  { key: 'lastPurchase', kind: 'date', label: { en: 'last purchase date', 'zh-CN': '最近购买日期' },
    synonyms: ['lastpurchase', 'lastpurchasedate', 'lastorder', 'lastorderdate', 'lastbought', 'recentpurchase', 'mostrecentpurchase', 'lastpurchased', 'lasttransaction', 'lasttransactiondate', 'recentdealclosedate', 'lastinvoicedate', '最近购买', '最近购买日期', '最后购买日期', '最近下单', '最近下单日期', '最后下单日期', '最近成交日期', '最近消费日期', 'lastorderat', 'lastordered', '最近消费时间', '最后消费时间', '最近购买时间', '最后购买时间', '最近下单时间', '最后下单时间', '最近成交时间', '最后成交时间', '最近交易时间', '上次消费时间'] },
  { key: 'orders', kind: 'count', label: { en: 'number of orders', 'zh-CN': '订单数' },
    synonyms: ['numberoforders', 'orders', 'ordercount', 'totalorders', 'numorders', 'purchases', 'numberofpurchases', 'frequency', 'transactions', 'numberoftransactions', 'ordersplaced', 'numberofassociateddeals', 'deals', '订单数', '订单数量', '购买次数', '下单次数', '消费次数', '交易次数', '累计订单', '累计消费次数', '累计购买次数', '累计成交次数', '成交次数', '累计订单数', '订单总数', '累计下单次数'] },
  // Distinct days with a purchase; repeat purchases for the purchase models are purchaseDays - 1.
  { key: 'purchaseDays', kind: 'count', label: { en: 'purchase days', 'zh-CN': '购买天数' }, synonyms: [] },
  { key: 'totalSpend', kind: 'money', label: { en: 'total spend', 'zh-CN': '累计消费' },
    synonyms: ['totalspent', 'totalspend', 'spend', 'spent', 'totalrevenue', 'revenue', 'lifetimevalue', 'ltv', 'totalsales', 'sales', 'monetary', 'totalamount', 'amountspent', 'totalpurchases', 'totalpurchaseamount', 'lifetimespend', 'totalvalue', '消费金额', '累计消费', '累计消费金额', '总消费', '总金额', '销售额', '总销售额', '消费总额', '累计金额', '累计成交金额', '累计购买金额', '消费总金额', '累计实付金额'] },
  // Mean spend of the repeat purchase days (Gamma-Gamma's m).
  { key: 'repeatSpendMean', kind: 'money', label: { en: 'mean repeat spend', 'zh-CN': '复购平均消费' }, synonyms: [] },
  // The customer's usual number of days between purchases (their own rhythm).
  { key: 'usualGapDays', kind: 'positive', label: { en: 'usual days between purchases', 'zh-CN': '通常购买间隔天数' }, synonyms: [] },
  { key: 'recentOrders', kind: 'count', label: { en: 'orders this period', 'zh-CN': '本期订单数' },
    synonyms: ['recentorders', 'ordersthisperiod', 'ordersthisquarter', 'quarterorders', 'ordersthisqtr', 'ordersqtd', 'last90daysorders', 'orderslast90days', 'orderslast90d', 'orderslast3months', 'ordersthisperiod', 'recentorderscount', '本期订单', '本季度订单', '季度订单数', '季度采购频次', '近期订单数'] },
  { key: 'previousOrders', kind: 'count', label: { en: 'orders last period', 'zh-CN': '上期订单数' },
    synonyms: ['previousorders', 'orderslastperiod', 'orderslastquarter', 'lastquarterorders', 'priorquarterorders', 'previousquarterorders', 'ordersprior90d', 'ordersprior90days', 'ordersprevious90d', 'ordersprevious90days', 'ordersbefore', '上期订单', '上季度订单', '上季度订单数'] },
  { key: 'recentSpend', kind: 'money', label: { en: 'spend this period', 'zh-CN': '本期消费' },
    synonyms: ['recentspend', 'spendthisperiod', 'spendthisquarter', 'last30dayspend', 'spendlast30days', 'last30daysspend', 'spendlast90d', 'spendlast90days', 'revenuelast90d', 'revenuethisquarter', '近30天采购额', '近30天消费', '本期消费', '本季度消费'] },
  { key: 'previousSpend', kind: 'money', label: { en: 'spend last period', 'zh-CN': '上期消费' },
    synonyms: ['previousspend', 'spendlastperiod', 'spendlastquarter', 'revenuelastquarter', 'priorspend', 'spendprior90d', 'spendprior90days', 'spendprevious90d', '上期消费', '上季度消费'] },
  { key: 'nps', kind: 'score', label: { en: 'NPS', 'zh-CN': 'NPS' },
    synonyms: ['nps', 'npsscore', 'netpromoterscore', 'latestnps', 'npsresponse', 'likelihoodtorecommend', '净推荐值', '推荐值', 'nps评分'] },
  { key: 'previousNps', kind: 'score', label: { en: 'previous NPS', 'zh-CN': '上次 NPS' },
    synonyms: ['previousnps', 'lastnps', 'priornps', 'npsprevious', 'previousnpsscore', '上次nps', '上期nps'] },
  // On a 1-5 or 0-10 scale; options.satisfactionScale says which.
  { key: 'satisfaction', kind: 'score', label: { en: 'satisfaction (CSAT)', 'zh-CN': '满意度（CSAT）' },
    synonyms: ['satisfaction', 'csat', 'csatscore', 'satisfactionscore', 'customersatisfaction', 'csat15', 'csat110', 'csat010', 'satisfaction15', 'satisfaction110', 'rating', '满意度', '满意度评分', '服务满意度'] },
  { key: 'lastContact', kind: 'date', label: { en: 'last contact date', 'zh-CN': '最近联系日期' },
    synonyms: ['lastcontact', 'lastcontacted', 'lastcontactdate', 'lastcontacteddate', 'lastactivity', 'lastactivitydate', 'lasttouch', 'lastinteraction', 'lastmeeting', 'lastcall', '最近联系', '最近联系日期', '最后联系日期', '最近跟进', '最近跟进日期', '上次联系', 'lastactivitytime', '最后跟进时间', '最近跟进时间', '最后跟进日期'] },
  { key: 'recentContacts', kind: 'count', label: { en: 'contacts this period', 'zh-CN': '本期联系次数' },
    synonyms: ['recentcontacts', 'contactsthisperiod', 'contactsthisquarter', 'touchesthisquarter', 'meetingsthisquarter', '本期联系次数', '本季度联系次数', '近期联系次数'] },
  { key: 'previousContacts', kind: 'count', label: { en: 'contacts last period', 'zh-CN': '上期联系次数' },
    synonyms: ['previouscontacts', 'contactslastperiod', 'contactslastquarter', 'toucheslastquarter', '上期联系次数', '上季度联系次数'] },
  { key: 'askedAboutCompetitor', kind: 'flag', label: { en: 'asked about competitors', 'zh-CN': '咨询竞品' },
    synonyms: ['askedaboutcompetitor', 'askedaboutcompetitors', 'competitor', 'competitorinquiry', 'competitormentioned', 'mentionedcompetitor', 'competitorinterest', 'askedcompetitor', 'consideringcompetitor', '咨询竞品', '竞品咨询', '询问竞品', '提及竞品'] },
  { key: 'renewalDate', kind: 'date', label: { en: 'renewal date', 'zh-CN': '续约日期' },
    synonyms: ['renewaldate', 'renewal', 'contractrenewal', 'contractend', 'contractenddate', 'contractexpiry', 'expirydate', 'expirationdate', 'renewson', '续约日期', '合同到期', '合同到期日', '到期日期', '到期日'] },
] as const satisfies FieldTable;

type CustomerFieldEntry = (typeof CUSTOMER_FIELD_TABLE)[number];
/** Every key of a customer record. */
export type CustomerKey = CustomerFieldEntry['key'];
/** The keys a customer table can hold a column for: the fields with header synonyms. */
export type TableFieldKey = Exclude<CustomerFieldEntry, { synonyms: readonly [] }>['key'];

/** The keys of a table that customer tables read (those with header synonyms), in table order. */
export function tableKeysOf<T extends FieldTable>(table: T): T[number]['key'][] {
  return table.filter((f) => f.synonyms.length > 0).map((f) => f.key);
}

export const CUSTOMER_KEYS: readonly CustomerKey[] = CUSTOMER_FIELD_TABLE.map((f) => f.key);
export const TABLE_FIELD_KEYS = tableKeysOf(CUSTOMER_FIELD_TABLE) as readonly TableFieldKey[];

/** Field key → how messages name it in each language, for a table. */
export function labelsOf<T extends FieldTable>(table: T): ReadonlyMap<T[number]['key'], Readonly<Record<Language, string>>> {
  return new Map(table.map((f) => [f.key, f.label]));
}

const LABELS = labelsOf(CUSTOMER_FIELD_TABLE);

/** How messages name a customer field in a language ("last purchase date", "最近购买日期"). */
export function fieldLabel(key: CustomerKey, language: Language): string {
  return (LABELS.get(key) as Readonly<Record<Language, string>>)[language];
}
