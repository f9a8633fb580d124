import { describe, expect, it } from 'vitest';
import { detectColumns, normalizeHeader } from '../../adapters/table/headers.ts';
import { CUSTOMER_FIELDS, ORDER_FIELDS } from '../../adapters/table/contract.ts';

describe('header detection', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normalizeHeader('Total Spent ($)')).toBe('totalspent');
    expect(normalizeHeader('# of Orders')).toBe('numberoforders');
  });

  it('finds customer columns from English and Chinese synonyms', () => {
    const english = detectColumns(['Customer #', 'Name', 'Last Order', '# of Orders', 'Total Spent ($)', 'Region'], CUSTOMER_FIELDS);
    expect(english).toMatchObject({ id: 0, name: 1, lastPurchase: 2, orders: 3, totalSpend: 4, region: 5 });
    const chinese = detectColumns(['客户编号', '客户名称', '最近购买日期', '订单数', '累计消费金额', '满意度', '咨询竞品'], CUSTOMER_FIELDS);
    expect(chinese).toMatchObject({ id: 0, name: 1, lastPurchase: 2, orders: 3, totalSpend: 4, satisfaction: 5, askedAboutCompetitor: 6 });
  });

  it('finds order columns, including CDNOW’s', () => {
    expect(detectColumns(['customer_id', 'date', 'number_of_cds', 'dollar_value'], ORDER_FIELDS)).toMatchObject({ customerId: 0, date: 1, amount: 3 });
    // An ERP's order lines: the line's own amount is its header, as "line amount" is the field's name.
    expect(detectColumns(['Order No', 'Customer', 'Date', 'Product', 'Line Amount'], ORDER_FIELDS)).toMatchObject({ orderId: 0, customerId: 1, date: 2, lineAmount: 4 });
  });

  it('lets an explicit mapping win over detection', () => {
    const found = detectColumns(['Cust ID', 'Last Order', 'Last Visit'], CUSTOMER_FIELDS, { lastPurchase: 'last visit' });
    expect(found.lastPurchase).toBe(2);
  });
});
