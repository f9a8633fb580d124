// Writes test/fixtures/exports/: one file per export that shops and CRMs produce, with the quirks
// of each (line items, first-line-only order cells, refunds, statuses, guests, cancellation invoices,
// report header and footer lines, Chinese headers), and next to each a .truth.json the generator
// computes from its own model of the orders, never from the file: what every customer must come
// out as. Deterministic (a seeded generator): `npx node scripts/generate-export-fixtures.ts [dir]`
// rewrites the same bytes (test/cli/exports.test.ts checks the committed files against a fresh run).
// Column names follow each product's documented export (cited per source below).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { random } from '../bench/synthetic.ts';

const OUT = process.argv[2] ?? join(import.meta.dirname, '..', 'test', 'fixtures', 'exports');
export const AS_OF = '2026-11-01';


type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const cents = (x: number) => Math.round(x * 100) / 100;
const money = (x: number) => x.toFixed(2);
const pad = (n: number) => String(n).padStart(2, '0');

const DAY = 86_400_000;
const START = Date.UTC(2024, 10, 1);
const END = Date.UTC(2026, 9, 31);
function dayIso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
function timeOf(rng: Rng): string {
  return `${pad(int(rng, 8, 22))}:${pad(int(rng, 0, 59))}:${pad(int(rng, 0, 59))}`;
}

/** What an order turned out to be: a purchase (maybe partly refunded) or one of the left-out kinds. */
type Outcome = 'paid' | 'partial' | 'refunded' | 'voided' | 'cancelled' | 'failed' | 'pending';

interface Item {
  name: string;
  quantity: number;
  price: number;
}

interface ModelOrder {
  number: number;
  customer: number;
  day: number; // epoch ms at midnight UTC
  time: string;
  items: Item[];
  shipping: number;
  outcome: Outcome;
  /** Refunded on a partly refunded order. */
  refunded: number;
}

const total = (o: ModelOrder) => cents(o.items.reduce((s, i) => s + cents(i.quantity * i.price), 0) + o.shipping);

export interface Truth {
  source: string;
  file: string;
  kind: 'orders' | 'customers';
  asOf: string;
  /** customer id as Tierwise reports it → what it must come out as. */
  customers: Record<string, { orders: number; totalSpend: number; scored: boolean }>;
  /** Orders left out, per reason (order exports). */
  leftOut?: Record<string, number>;
  /** Rows that must be reported as errors (e.g. a line without a customer). */
  errorRows?: number[];
  /** Rows of the file that are report header/footer lines, not customers. */
  skippedRows?: number;
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eitan', 'Fatima', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Mei', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vik', 'Wen', 'Xavier', 'Yara', 'Zoe'];
const LAST = ['Müller', 'Smith', "O'Brien", 'Garcia', 'Tanaka', 'Okafor', 'Nguyen', 'Rossi', 'Kowalski', 'Haddad', 'Lee', 'Silva'];
const PRODUCTS = ['Linen shirt', 'Wool scarf', 'Canvas tote', 'Ceramic mug', 'Tea sampler', 'Notebook, A5', 'Desk lamp', 'Socks (3-pack)', 'Leather wallet', 'Candle "Fig"'];
const ZH_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const ZH_GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军'];
const ZH_PRODUCTS = ['桂花乌龙茶 100g', '手工皂', '青瓷茶杯', '羊毛围巾', '帆布包', '香薰蜡烛', '竹制餐具套装'];
const PROVINCES = ['浙江省', '广东省', '江苏省', '上海市', '北京市', '四川省'];
const COUNTRIES = ['US', 'CA', 'GB', 'DE', 'AU'];

interface Person {
  first: string;
  last: string;
  email: string;
  country: string;
}

function people(rng: Rng, n: number, domain: string): Person[] {
  return Array.from({ length: n }, (_, k) => {
    const first = pick(rng, FIRST);
    const last = pick(rng, LAST);
    const email = `${first.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase()}.${last.replace(/[^a-zA-Z]/g, '').toLowerCase()}${k}@${domain}`;
    return { first, last, email, country: pick(rng, COUNTRIES) };
  });
}

/** Orders for `n` customers: a few one-off buyers, some regulars, and outcomes drawn from `mix`. */
function modelOrders(rng: Rng, n: number, mix: readonly [Outcome, number][], perCustomer: [number, number], firstNumber: number): ModelOrder[] {
  const orders: ModelOrder[] = [];
  for (let c = 0; c < n; c++) {
    const count = int(rng, perCustomer[0], perCustomer[1]);
    for (let k = 0; k < count; k++) {
      const day = START + Math.floor(rng() * ((END - START) / DAY)) * DAY;
      const items = Array.from({ length: rng() < 0.55 ? 1 : int(rng, 2, 4) }, () => ({ name: pick(rng, PRODUCTS), quantity: int(rng, 1, 3), price: cents(int(rng, 500, 12000) / 100) }));
      let roll = rng();
      let outcome: Outcome = 'paid';
      for (const [o, share] of mix) {
        if (roll < share) {
          outcome = o;
          break;
        }
        roll -= share;
      }
      const order: ModelOrder = { number: 0, customer: c, day, time: timeOf(rng), items, shipping: rng() < 0.5 ? 0 : 4.9, outcome, refunded: 0 };
      if (outcome === 'partial') order.refunded = cents(Math.max(1, total(order) * 0.3));
      orders.push(order);
    }
  }
  // Exports list orders by date, numbered in that order.
  orders.sort((a, b) => a.day - b.day || a.time.localeCompare(b.time) || a.customer - b.customer);
  orders.forEach((o, i) => (o.number = firstNumber + i));
  return orders;
}

/** What every customer must come out as, from the model: kept orders count, spend nets refunds. */
function orderTruth(orders: readonly ModelOrder[], keyOf: (o: ModelOrder) => string): Pick<Truth, 'customers' | 'leftOut'> {
  const customers: Truth['customers'] = {};
  const leftOut: Record<string, number> = {};
  for (const o of orders) {
    const key = keyOf(o);
    const c = (customers[key] ??= { orders: 0, totalSpend: 0, scored: false });
    if (o.outcome === 'paid' || o.outcome === 'partial') {
      c.orders++;
      c.totalSpend = cents(c.totalSpend + total(o) - o.refunded);
      c.scored = true;
    } else leftOut[o.outcome] = (leftOut[o.outcome] ?? 0) + 1;
  }
  return { customers, leftOut };
}

function csv(rows: readonly (readonly (string | number)[])[], bom = false): string {
  const field = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (bom ? '\ufeff' : '') + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

const written: Truth[] = [];
function write(name: string, text: string | Buffer, truth: Omit<Truth, 'file' | 'asOf'>): void {
  writeFileSync(join(OUT, name), text);
  const full: Truth = { ...truth, file: name, asOf: AS_OF };
  writeFileSync(join(OUT, name.replace(/\.csv$/, '.truth.json')), JSON.stringify(full, null, 1) + '\n');
  written.push(full);
}

// ---- Shopify orders (help.shopify.com/manual/fulfillment/managing-orders/exporting-orders) ----
// One row per line item; Name (#1001), Email and Created at on every line; Financial Status, Paid at,
// Subtotal, Shipping, Total, Refunded Amount, Cancelled at on the order's first line only. Id is the
// order's id. Voided and refunded orders carry a Cancelled at when they were cancelled.
function shopify(): void {
  const rng = random(1001);
  const who = people(rng, 110, 'example.com');
  const orders = modelOrders(rng, who.length, [['partial', 0.06], ['refunded', 0.05], ['voided', 0.03], ['pending', 0.04], ['cancelled', 0.03]], [1, 4], 1001);
  // Two customers whose only order was refunded: not scored, not prospects.
  for (const o of orders.filter((x) => x.customer >= 108)) o.outcome = 'refunded';
  const header = ['Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Country', 'Notes', 'Cancelled at', 'Payment Method', 'Refunded Amount', 'Vendor', 'Outstanding Balance', 'Id', 'Tags', 'Risk Level', 'Source', 'Phone'];
  const rows: (string | number)[][] = [header];
  const status: Record<Outcome, string> = { paid: 'paid', partial: 'partially_refunded', refunded: 'refunded', voided: 'voided', cancelled: 'voided', pending: 'pending', failed: 'pending' };
  for (const o of orders) {
    const p = who[o.customer] as Person;
    const created = `${dayIso(o.day)} ${o.time} -0500`;
    // Now and then the same customer typed their email with capitals: still one customer.
    const email = o.number % 17 === 0 ? p.email.replace(/^./, (ch) => ch.toUpperCase()) : p.email;
    o.items.forEach((item, k) => {
      const first = k === 0;
      const subtotal = cents(total(o) - o.shipping);
      rows.push([
        `#${o.number}`, email, first ? status[o.outcome] : '', first && o.outcome !== 'pending' ? created : '', first ? 'fulfilled' : '', '', first ? 'yes' : '', first ? 'USD' : '',
        first ? money(subtotal) : '', first ? money(o.shipping) : '', first ? '0.00' : '', first ? money(total(o)) : '', '', first ? '0.00' : '', first ? 'Standard' : '', created,
        item.quantity, item.name, money(item.price), '', `SKU-${item.name.length}`, 'true', 'true', 'fulfilled', first ? `${p.first} ${p.last}` : '', first ? p.country : '', '',
        first && o.outcome === 'cancelled' ? created : '', first ? 'Shopify Payments' : '', first ? money(o.outcome === 'refunded' ? total(o) : o.refunded) : '', 'Acme', first ? '0.00' : '',
        first ? 5_500_000_000_000 + o.number : '', '', first ? 'Low' : '', first ? 'web' : '', '',
      ]);
    });
  }
  write('shopify-orders.csv', csv(rows), { source: 'Shopify orders export', kind: 'orders', ...orderTruth(orders, (o) => (who[o.customer] as Person).email) });
}

// ---- Shopify customers (help.shopify.com/manual/customers/manage-customers/import-export-customers) ----
// Totals per customer and no purchase date: refused with one sentence naming the orders export.
function shopifyCustomers(): void {
  const rng = random(1002);
  const who = people(rng, 40, 'example.com');
  const rows: (string | number)[][] = [['Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Default Address Company', 'Default Address Address1', 'Default Address City', 'Default Address Country Code', 'Default Address Zip', 'Phone', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Note', 'Tax Exempt', 'Tags']];
  who.forEach((p, k) => rows.push([`'${7_400_000_000 + k}`, p.first, p.last, p.email, pick(rng, ['yes', 'no']), '', `${int(rng, 1, 999)} Main St`, 'Springfield', p.country, `${int(rng, 10000, 99999)}`, '', 'no', money(int(rng, 0, 90000) / 100), int(rng, 0, 9), '', 'no', '']));
  write('shopify-customers.csv', csv(rows), { source: 'Shopify customers export', kind: 'customers', customers: {} });
}

// ---- WooCommerce orders (Advanced Order Export labels; statuses as stored: wc-completed …) ----
// One row per item with the order's cells repeated; Customer User ID 0 for guests (the email is the customer).
function woocommerce(): void {
  const rng = random(1003);
  const who = people(rng, 120, 'example.org');
  const registered = who.map((_, k) => (k % 3 === 2 ? 0 : 100 + k));
  const orders = modelOrders(rng, who.length, [['partial', 0.05], ['refunded', 0.05], ['cancelled', 0.04], ['failed', 0.03], ['pending', 0.05]], [1, 3], 2201);
  const status: Record<Outcome, string> = { paid: 'wc-completed', partial: 'wc-completed', refunded: 'wc-refunded', voided: 'wc-cancelled', cancelled: 'wc-cancelled', failed: 'wc-failed', pending: 'wc-on-hold' };
  const rows: (string | number)[][] = [['Order ID', 'Order Number', 'Order Date', 'Order Status', 'Customer User ID', 'Billing First Name', 'Billing Last Name', 'Billing Email Address', 'Billing Country', 'Payment Method Title', 'Order Subtotal Amount', 'Order Shipping Amount', 'Order Refund Amount', 'Order Total Amount', 'Item #', 'Item Name', 'Quantity', 'Item Cost']];
  for (const o of orders) {
    const p = who[o.customer] as Person;
    if (o.outcome === 'paid' && o.number % 11 === 0) status.paid = 'wc-processing';
    o.items.forEach((item, k) =>
      rows.push([
        o.number + 5000, o.number, `${dayIso(o.day)} ${o.time.slice(0, 5)}`, o.outcome === 'paid' && o.number % 11 === 0 ? 'wc-processing' : status[o.outcome], registered[o.customer] as number,
        p.first, p.last, p.email, p.country, pick(rng, ['Credit Card (Stripe)', 'PayPal', 'Direct bank transfer']), money(cents(total(o) - o.shipping)), money(o.shipping),
        money(o.refunded), money(total(o)), k + 1, item.name, item.quantity, money(item.price),
      ]),
    );
    status.paid = 'wc-completed';
  }
  write('woocommerce-orders.csv', csv(rows), {
    source: 'WooCommerce orders export',
    kind: 'orders',
    ...orderTruth(orders, (o) => (registered[o.customer] === 0 ? (who[o.customer] as Person).email : String(registered[o.customer]))),
  });
}

// ---- Shopee (Seller Centre → My Orders → Export): one row per product, order cells repeated. ----
function shopee(): void {
  const rng = random(1004);
  const n = 105;
  const users = Array.from({ length: n }, (_, k) => `${pick(rng, ['sunny', 'kopi', 'batik', 'mango', 'lotus'])}_${pick(rng, ['shop', 'lover', 'id', 'my'])}${k}`);
  const orders = modelOrders(rng, n, [['cancelled', 0.08], ['pending', 0.05], ['refunded', 0.04]], [1, 3], 1);
  const status: Record<Outcome, string> = { paid: 'Completed', partial: 'Completed', refunded: 'Return/Refund', voided: 'Cancelled', cancelled: 'Cancelled', failed: 'Cancelled', pending: 'Unpaid' };
  const rows: (string | number)[][] = [['Order ID', 'Order Status', 'Return / Refund Status', 'Tracking Number*', 'Order Creation Date', 'Order Paid Time', 'Product Name', 'Variation Name', 'Original Price', 'Deal Price', 'Quantity', 'Product Subtotal', 'Buyer Paid Shipping Fee', 'Total Amount', 'Username (Buyer)', 'Receiver Name', 'Province', 'Country']];
  for (const o of orders) {
    const id = `2${String(40_000_000 + o.number * 7919).padStart(13, '0')}`;
    o.items.forEach((item) =>
      rows.push([
        id, status[o.outcome], o.outcome === 'refunded' ? 'Refund accepted' : '', o.outcome === 'pending' ? '' : `SPX${o.number}`, `${dayIso(o.day)} ${o.time.slice(0, 5)}`,
        o.outcome === 'pending' ? '' : `${dayIso(o.day)} ${o.time.slice(0, 5)}`, item.name, 'Default', money(item.price * 1.2), money(item.price), item.quantity,
        money(cents(item.quantity * item.price)), money(o.shipping), money(total(o)), users[o.customer] as string, 'Receiver', 'Selangor', 'MY',
      ]),
    );
  }
  write('shopee-orders.csv', csv(rows), { source: 'Shopee order export', kind: 'orders', ...orderTruth(orders, (o) => users[o.customer] as string) });
}

// ---- Lazada (Seller Center → Orders → Export): one row per item, no customer number, Paid Price per item. ----
function lazada(): void {
  const rng = random(1005);
  const who = people(rng, 100, 'mail.example.ph');
  const orders = modelOrders(rng, who.length, [['cancelled', 0.07], ['refunded', 0.04], ['failed', 0.03], ['pending', 0.03]], [1, 3], 30001);
  for (const o of orders) o.shipping = 0; // Lazada's Paid Price is per item; shipping is another column
  const status: Record<Outcome, string> = { paid: 'delivered', partial: 'delivered', refunded: 'returned', voided: 'canceled', cancelled: 'canceled', failed: 'Failed', pending: 'unpaid' };
  const rows: (string | number)[][] = [['Order Item Id', 'Order Type', 'Seller SKU', 'Lazada Id', 'Created at', 'Update at', 'Order Number', 'Customer Name', 'Customer Email', 'Shipping City', 'Unit Price', 'Paid Price', 'Shipping Fee', 'Item Name', 'Status']];
  let itemId = 900000;
  for (const o of orders) {
    const p = who[o.customer] as Person;
    for (const item of o.items) {
      for (let q = 0; q < item.quantity; q++) {
        rows.push([itemId++, 'Normal', `SKU${item.name.length}`, `L${item.name.length * 97}`, `${dayIso(o.day)} ${o.time}`, `${dayIso(o.day)} ${o.time}`, o.number, `${p.first} ${p.last}`, p.email, 'Manila', money(item.price), money(item.price), '0.00', item.name, status[o.outcome]]);
      }
    }
  }
  write('lazada-orders.csv', csv(rows), { source: 'Lazada order export', kind: 'orders', ...orderTruth(orders, (o) => (who[o.customer] as Person).email) });
}

function zhName(rng: Rng): string {
  return pick(rng, ZH_SURNAMES) + pick(rng, ZH_GIVEN) + (rng() < 0.5 ? pick(rng, ZH_GIVEN) : '');
}

// ---- 有赞 (订单 → 导出, 按订单): one row per order; 交易成功 / 交易关闭 / 待付款 …; 已退款金额 for partial refunds. ----
function youzanOrders(): void {
  const rng = random(1006);
  const n = 110;
  const buyers = Array.from({ length: n }, (_, k) => `${zhName(rng)}_${1000 + k}`);
  const orders = modelOrders(rng, n, [['partial', 0.05], ['cancelled', 0.07], ['pending', 0.05], ['refunded', 0.03]], [1, 4], 1);
  const status: Record<Outcome, string> = { paid: '交易成功', partial: '交易成功', refunded: '已退款', voided: '交易关闭', cancelled: '交易关闭', failed: '交易关闭', pending: '待付款' };
  const rows: (string | number)[][] = [['订单号', '订单状态', '订单创建时间', '付款时间', '买家', '买家手机号', '收货人', '收货地区', '商品信息', '商品数量', '实付金额', '退款状态', '已退款金额']];
  for (const o of orders) {
    const time = `${dayIso(o.day)} ${o.time}`;
    rows.push([
      `E2026${String(o.number * 104729).padStart(12, '0')}`, status[o.outcome], time, o.outcome === 'pending' || o.outcome === 'cancelled' ? '' : time, buyers[o.customer] as string,
      `13${String(100000000 + o.customer * 7331).slice(0, 9)}`, zhName(rng), pick(rng, PROVINCES), o.items.map((i) => pick(rng, ZH_PRODUCTS) + '×' + i.quantity).join('；'),
      o.items.reduce((s, i) => s + i.quantity, 0), money(total(o)), o.outcome === 'partial' ? '部分退款' : o.outcome === 'refunded' ? '退款成功' : '无退款', o.outcome === 'partial' ? money(o.refunded) : '0.00',
    ]);
  }
  const truth = orderTruth(orders, (o) => buyers[o.customer] as string);
  write('youzan-orders.csv', csv(rows, true), { source: '有赞 order export', kind: 'orders', ...truth });
  // The same export as Excel on a Chinese Windows saves it: GBK, no BOM.
  write('youzan-orders-gbk.csv', iconv.encode(csv(rows), 'gbk'), { source: '有赞 order export (GBK)', kind: 'orders', ...truth });
}

// ---- 微店 (订单管理 → 导出订单): one row per item; 实付金额 on the order's first row only. ----
function weidianOrders(): void {
  const rng = random(1007);
  const n = 100;
  const buyers = Array.from({ length: n }, (_, k) => `${pick(rng, ['小', '阿', '老'])}${zhName(rng)}${k}`);
  const orders = modelOrders(rng, n, [['cancelled', 0.06], ['pending', 0.05], ['refunded', 0.05]], [1, 3], 1);
  const status: Record<Outcome, string> = { paid: '已完成', partial: '已完成', refunded: '已退款', voided: '已关闭', cancelled: '已关闭', failed: '已关闭', pending: '待付款' };
  const rows: (string | number)[][] = [['订单编号', '订单状态', '下单时间', '付款时间', '买家昵称', '收货人手机号', '商品名称', '商品数量', '商品单价', '运费', '实付金额', '买家留言']];
  for (const o of orders) {
    const time = `${dayIso(o.day).replace(/-/g, '/')} ${o.time}`;
    o.items.forEach((item, k) =>
      rows.push([
        String(880_000_000 + o.number * 31), k === 0 ? status[o.outcome] : '', time, k === 0 && o.outcome !== 'pending' ? time : '', buyers[o.customer] as string,
        k === 0 ? `139${String(10000000 + o.customer * 97).slice(0, 8)}` : '', pick(rng, ZH_PRODUCTS), item.quantity, money(item.price), k === 0 ? money(o.shipping) : '', k === 0 ? money(total(o)) : '', '',
      ]),
    );
  }
  write('weidian-orders.csv', csv(rows, true), { source: '微店 order export', kind: 'orders', ...orderTruth(orders, (o) => buyers[o.customer] as string) });
}

// ---- Online retail (UCI "Online Retail": InvoiceNo, StockCode, Description, Quantity, InvoiceDate,
// UnitPrice, CustomerID, Country): amount = Quantity × UnitPrice, one order per invoice; cancellation
// invoices start with C and have negative quantities; some lines have no CustomerID (reported). ----
function onlineRetail(): void {
  const rng = random(1008);
  const n = 120;
  const ids = Array.from({ length: n }, (_, k) => 12346 + k * 7);
  const country = ids.map(() => pick(rng, ['United Kingdom', 'United Kingdom', 'United Kingdom', 'France', 'Germany', 'EIRE', 'Spain']));
  const rows: (string | number)[][] = [['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']];
  const customers: Truth['customers'] = {};
  const errorRows: number[] = [];
  const invoices: { customer: number; day: number; time: string; lines: Item[]; cancel: boolean }[] = [];
  for (let c = 0; c < n; c++) {
    // The last three customers only returned goods bought before the export began.
    const onlyCancellations = c >= n - 3;
    const count = onlyCancellations ? int(rng, 1, 2) : int(rng, 1, 5);
    for (let k = 0; k < count; k++) {
      const day = START + Math.floor(rng() * ((END - START) / DAY)) * DAY;
      const lines = Array.from({ length: int(rng, 1, 6) }, () => ({ name: pick(rng, ['WHITE HANGING HEART T-LIGHT HOLDER', 'REGENCY CAKESTAND 3 TIER', 'JUMBO BAG RED RETROSPOT', 'PARTY BUNTING', 'LUNCH BAG  BLACK SKULL.', 'SET OF 3 CAKE TINS PANTRY DESIGN']), quantity: pick(rng, [1, 2, 3, 4, 6, 12, 24]), price: pick(rng, [0.85, 1.25, 1.65, 2.55, 2.95, 4.95, 10.95, 12.75]) }));
      invoices.push({ customer: c, day, time: `${int(rng, 8, 19)}:${pad(int(rng, 0, 59))}`, lines, cancel: onlyCancellations });
      // Some customers return part of an order later: a C invoice with negative quantities.
      if (!onlyCancellations && rng() < 0.12) {
        const back = lines[0] as Item;
        invoices.push({ customer: c, day: Math.min(day + int(rng, 1, 30) * DAY, END), time: '12:00', lines: [{ ...back, quantity: Math.max(1, Math.floor(back.quantity / 2)) }], cancel: true });
      }
    }
  }
  invoices.sort((a, b) => a.day - b.day || a.customer - b.customer);
  let number = 536365;
  for (const inv of invoices) {
    const invoiceNo = inv.cancel ? `C${number++}` : String(number++);
    const d = new Date(inv.day);
    const date = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${inv.time}`;
    const id = ids[inv.customer] as number;
    const c = (customers[String(id)] ??= { orders: 0, totalSpend: 0, scored: false });
    let amount = 0;
    for (const line of inv.lines) {
      const quantity = inv.cancel ? -line.quantity : line.quantity;
      rows.push([invoiceNo, `${20000 + line.name.length * 13}${inv.cancel ? '' : 'A'}`, line.name, quantity, date, line.price, id, country[inv.customer] as string]);
      amount += cents(quantity * line.price);
    }
    c.totalSpend = cents(c.totalSpend + amount);
    if (!inv.cancel) {
      c.orders++;
      c.scored = true;
    }
  }
  // Lines without a CustomerID, as a fifth of the real file has: reported, not guessed.
  for (let k = 0; k < 6; k++) {
    const at = 1 + int(rng, 1, rows.length - 2);
    rows.splice(at, 0, [String(number++), '85123A', 'POSTAGE', 1, rows[at]?.[4] ?? '12/1/2025 8:26', 18, '', 'United Kingdom']);
  }
  rows.forEach((r, i) => r[6] === '' && errorRows.push(i + 1));
  write('online-retail.csv', csv(rows), { source: 'Online retail invoice lines', kind: 'orders', customers, errorRows });
}

// ---- A generic order list: no customer column, the email is the customer; plain-word statuses. ----
function genericOrders(): void {
  const rng = random(1009);
  const who = people(rng, 90, 'example.net');
  const orders = modelOrders(rng, who.length, [['refunded', 0.05], ['cancelled', 0.05], ['failed', 0.03], ['pending', 0.04], ['voided', 0.02]], [1, 4], 7001);
  const status: Record<Outcome, string> = { paid: 'Completed', partial: 'Completed', refunded: 'Refunded', voided: 'Voided', cancelled: 'Cancelled', failed: 'Failed', pending: 'Pending payment' };
  for (const o of orders) if (o.outcome === 'partial') o.outcome = 'paid';
  const rows: (string | number)[][] = [['Order ID', 'Customer Email', 'Order Date', 'Status', 'Amount', 'Currency']];
  for (const o of orders) rows.push([o.number, (who[o.customer] as Person).email, dayIso(o.day), status[o.outcome], `$${money(total(o))}`, 'USD']);
  write('generic-orders.csv', csv(rows), { source: 'generic order list', kind: 'orders', ...orderTruth(orders, (o) => (who[o.customer] as Person).email) });
}

/** A customer export's truth: every row a customer with these totals (a prospect has none). */
interface CustomerModel {
  id: string;
  name: string;
  orders: number;
  spend: number;
  last: number | null; // epoch ms
  first: number | null;
}

function customerModels(rng: Rng, n: number, idOf: (k: number) => string, nameOf: () => string): CustomerModel[] {
  return Array.from({ length: n }, (_, k) => {
    const prospect = rng() < 0.12;
    const orders = prospect ? 0 : int(rng, 1, 14);
    const last = prospect ? null : START + Math.floor(rng() * ((END - START) / DAY)) * DAY;
    const first = last === null ? null : last - (orders > 1 ? int(rng, 20, 500) * DAY : 0);
    return { id: idOf(k), name: nameOf(), orders, spend: prospect ? 0 : cents(int(rng, 2000, 900000) / 100), last, first };
  });
}

function customerTruth(models: readonly CustomerModel[]): Truth['customers'] {
  const out: Truth['customers'] = {};
  for (const m of models) out[m.id] = { orders: m.orders, totalSpend: m.spend, scored: m.last !== null };
  return out;
}

// ---- HubSpot contacts (Contacts → Export; property labels as exported). ----
function hubspot(): void {
  const rng = random(1010);
  const models = customerModels(rng, 160, (k) => String(51_000 + k * 13), () => `${pick(rng, FIRST)} ${pick(rng, LAST)}`);
  const rows: (string | number)[][] = [['Record ID', 'First Name', 'Last Name', 'Email', 'Contact owner', 'Lifecycle Stage', 'Create Date', 'Last Activity Date', 'Number of Associated Deals', 'Recent Deal Close Date', 'Total Revenue', 'First Deal Created Date', 'Country/Region']];
  for (const m of models) {
    const [first, last] = m.name.split(' ') as [string, string];
    rows.push([m.id, first, last, `${first.toLowerCase()}${m.id}@example.com`, pick(rng, ['Jane Doe', 'Sam Park']), m.last === null ? 'lead' : 'customer', `${dayIso((m.first ?? END) - 30 * DAY)} 09:12`, m.last === null ? '' : `${dayIso(m.last)} 16:40`, m.orders, m.last === null ? '' : `${dayIso(m.last)} 00:00`, m.last === null ? '' : money(m.spend), m.first === null ? '' : `${dayIso(m.first)} 10:00`, pick(rng, COUNTRIES)]);
  }
  write('hubspot-contacts.csv', csv(rows), { source: 'HubSpot contacts export', kind: 'customers', customers: customerTruth(models) });
}

// ---- Salesforce report (Reports → Export → Details Only, CSV): title and filter lines above the
// table; "Grand Totals (N records)" and the copyright/confidential/generated-by block under it. ----
function salesforce(): void {
  const rng = random(1011);
  const models = customerModels(rng, 140, (k) => `001Hs00000${String(4000 + k * 3).padStart(5, '0')}AAA`, () => `${pick(rng, ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli'])} ${pick(rng, ['Ltd', 'GmbH', 'Inc.', 'Co.'])}`);
  const rows: (string | number)[][] = [['Key Accounts by Owner'], ['Filtered By:'], ['  Type equals Customer'], ['  Billing Country not equal to (blank)'], []];
  rows.push(['Account Owner', 'Account Name', 'Account ID', 'Billing Country', 'Type', 'Last Activity', 'Last Order Date', 'Number of Orders', 'Total Revenue']);
  for (const m of models) {
    const d = m.last === null ? null : new Date(m.last);
    rows.push([pick(rng, ['Jane Doe', 'Raj Patel']), m.name, m.id, pick(rng, COUNTRIES), 'Customer', d === null ? '' : `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`, d === null ? '' : `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`, m.orders, m.last === null ? '' : `USD ${m.spend.toLocaleString('en-US', { minimumFractionDigits: 2 })}`]);
  }
  const body = rows.length;
  rows.push(['Grand Totals (140 records)', '', '', '', '', '', '', models.reduce((s, m) => s + m.orders, 0), '']);
  rows.push([], ['Key Accounts by Owner'], ['Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.'], ['Confidential Information - Do Not Distribute'], ['Generated By:  Jane Doe  11/1/2026, 9:14 AM'], ['Tierwise Demo Corp']);
  write('salesforce-report.csv', csv(rows), { source: 'Salesforce report export', kind: 'customers', customers: customerTruth(models), skippedRows: 5 + (rows.length - body) });
}

// ---- Zoho CRM (Setup → Data Administration → Export, Accounts): Record Id as zcrm_…, custom roll-ups. ----
function zoho(): void {
  const rng = random(1012);
  const models = customerModels(rng, 130, (k) => `zcrm_48760000000${String(12001 + k * 11)}`, () => `${pick(rng, ['Nordic', 'Sahara', 'Pacific', 'Alpine'])} ${pick(rng, ['Traders', 'Foods', 'Labs'])}`);
  const rows: (string | number)[][] = [['Record Id', 'Account Name', 'Account Owner', 'Account Owner.id', 'Billing Country', 'Created Time', 'Modified Time', 'Last Activity Time', 'First Purchase Date', 'Last Purchase Date', 'Number of Orders', 'Total Spend']];
  for (const m of models) rows.push([m.id, m.name, 'Priya Rao', 'zcrm_4876000000000231', pick(rng, COUNTRIES), `${dayIso(START - 90 * DAY)} 10:00:00`, `${dayIso(END)} 10:00:00`, m.last === null ? '' : `${dayIso(m.last)} 15:30:00`, m.first === null ? '' : dayIso(m.first), m.last === null ? '' : dayIso(m.last), m.orders, money(m.spend)]);
  write('zoho-accounts.csv', csv(rows), { source: 'Zoho CRM accounts export', kind: 'customers', customers: customerTruth(models) });
}

// ---- 纷享销客 (客户 → 导出): 客户编号, 客户名称, 负责人, 最后跟进时间, 最近成交时间, 成交次数, 累计成交金额. ----
function fxiaoke(): void {
  const rng = random(1013);
  const models = customerModels(rng, 150, (k) => `KH${String(202400001 + k)}`, () => `${pick(rng, ['杭州', '深圳', '苏州', '成都'])}${pick(rng, ['云帆', '恒信', '众诚', '海纳'])}${pick(rng, ['科技', '贸易', '实业'])}有限公司`);
  const rows: (string | number)[][] = [['客户编号', '客户名称', '负责人', '客户级别', '成交状态', '省份', '最后跟进时间', '最近成交时间', '成交次数', '累计成交金额', '创建时间']];
  for (const m of models) rows.push([m.id, m.name, zhName(rng), pick(rng, ['重要客户', '普通客户']), m.last === null ? '未成交' : '已成交', pick(rng, PROVINCES), m.last === null ? '' : `${dayIso(m.last)} 10:20`, m.last === null ? '' : dayIso(m.last).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日'), m.orders, money(m.spend), dayIso(START - 30 * DAY)]);
  write('fxiaoke-customers.csv', csv(rows, true), { source: '纷享销客 customer export', kind: 'customers', customers: customerTruth(models) });
}

// ---- 有赞 (客户 → 客户列表 → 导出): 客户姓名, 手机号, 最近消费时间, 消费次数, 累计消费金额. ----
function youzanCustomers(): void {
  const rng = random(1014);
  const models = customerModels(rng, 150, (k) => `1${pick(rng, ['38', '39', '58', '86'])}${String(10000000 + k * 4099).slice(0, 8)}`, () => zhName(rng));
  const rows: (string | number)[][] = [['客户姓名', '手机号', '会员等级', '成为客户时间', '最近消费时间', '消费次数', '累计消费金额', '积分', '标签']];
  for (const m of models) rows.push([m.name, m.id, pick(rng, ['普通会员', '银卡会员', '金卡会员']), `${dayIso(START - 10 * DAY)} 09:00:00`, m.last === null ? '' : `${dayIso(m.last)} 20:15:00`, m.orders, money(m.spend), int(rng, 0, 900), '']);
  write('youzan-customers.csv', csv(rows, true), { source: '有赞 customer export', kind: 'customers', customers: customerTruth(models) });
}

// ---- 微店 (客户管理 → 导出): 手机号, 买家昵称, 首次购买时间, 最近购买时间, 购买次数, 累计消费金额. ----
function weidianCustomers(): void {
  const rng = random(1015);
  const models = customerModels(rng, 120, (k) => `1${pick(rng, ['35', '36', '52', '77'])}${String(20000000 + k * 6151).slice(0, 8)}`, () => zhName(rng));
  const rows: (string | number)[][] = [['手机号', '买家昵称', '所在地区', '首次购买时间', '最近购买时间', '购买次数', '累计消费金额']];
  for (const m of models) rows.push([m.id, m.name, pick(rng, PROVINCES), m.first === null ? '' : dayIso(m.first).replace(/-/g, '/'), m.last === null ? '' : dayIso(m.last).replace(/-/g, '/'), m.orders, `¥${money(m.spend)}`]);
  write('weidian-customers.csv', csv(rows, true), { source: '微店 customer export', kind: 'customers', customers: customerTruth(models) });
}

// ---- WooCommerce → Customers (Analytics report download). No customer number: the email is the id. ----
function woocommerceCustomers(): void {
  const rng = random(1016);
  const who = people(rng, 110, 'example.org');
  const models = customerModels(rng, who.length, (k) => (who[k] as Person).email, () => '');
  const rows: (string | number)[][] = [['Name', 'Username', 'Last active', 'Date registered', 'Email', 'Orders', 'Total spend', 'AOV', 'Country / Region', 'City', 'Region', 'Postal code']];
  models.forEach((m, k) => {
    const p = who[k] as Person;
    rows.push([`${p.first} ${p.last}`, k % 4 === 3 ? '' : `${p.first.toLowerCase()}${k}`, m.last === null ? '' : dayIso(m.last), dayIso(START - 60 * DAY), m.id, m.orders, `$${m.spend.toLocaleString('en-US', { minimumFractionDigits: 2 })}`, m.orders > 0 ? money(m.spend / m.orders) : '0.00', p.country, 'Springfield', 'IL', '62701']);
  });
  write('woocommerce-customers.csv', csv(rows), { source: 'WooCommerce customers export', kind: 'customers', customers: customerTruth(models) });
}

mkdirSync(OUT, { recursive: true });
for (const make of [shopify, shopifyCustomers, woocommerce, shopee, lazada, youzanOrders, weidianOrders, onlineRetail, genericOrders, hubspot, salesforce, zoho, fxiaoke, youzanCustomers, weidianCustomers, woocommerceCustomers]) make();
writeFileSync(join(OUT, 'README.md'), `# Export fixtures\n\nGenerated by \`scripts/generate-export-fixtures.ts\` (deterministic; run \`npx node scripts/generate-export-fixtures.ts\`).\nEach \`<name>.csv\` is an export as the product writes it; \`<name>.truth.json\` is what every customer must come out as,\ncomputed by the generator from its model of the orders, not from the file. Tests: test/adapters/exports.test.ts.\n\n${written.map((t) => `- \`${t.file}\`: ${t.source} (${Object.keys(t.customers).length} customers)`).join('\n')}\n`);
console.log(`wrote ${written.length} fixtures to ${OUT}`);
