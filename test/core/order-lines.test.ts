import { describe, expect, it } from 'vitest';
import { OrderAssembler, type OrderLine } from '../../core/order-lines.ts';
import { classifyStatus, LEFT_OUT_REASONS, normalizeStatus, STATUS_VOCABULARY } from '../../core/order-status.ts';

const line = (extra: Partial<OrderLine>): OrderLine => ({
  orderId: '', customerId: 'c1', date: '2026-03-01', total: null, lineAmount: null, refunded: null, status: null, cancelled: false,
  name: null, email: null, region: null, owner: null, ...extra,
});

describe('order statuses', () => {
  it('leaves out refunded, voided, cancelled, failed and pending orders, in English and Chinese', () => {
    const cases: [string, string | null][] = [
      ['refunded', 'refunded'], ['wc-refunded', 'refunded'], ['Return/Refund', 'refunded'], ['已退款', 'refunded'], ['returned', 'refunded'],
      ['voided', 'voided'], ['Expired', 'voided'],
      ['wc-cancelled', 'cancelled'], ['Canceled', 'cancelled'], ['交易关闭', 'cancelled'], ['已取消', 'cancelled'], ['已关闭', 'cancelled'],
      ['wc-failed', 'failed'], ['Failed', 'failed'], ['支付失败', 'failed'],
      ['pending', 'pending'], ['wc-on-hold', 'pending'], ['Pending payment', 'pending'], ['Unpaid', 'pending'], ['待付款', 'pending'], ['authorized', 'pending'],
      ['paid', null], ['partially_refunded', null], ['wc-completed', null], ['Completed', null], ['交易成功', null], ['已完成', null], ['delivered', null], ['', null],
    ];
    for (const [status, reason] of cases) expect(classifyStatus(status), status).toBe(reason);
    expect(classifyStatus(null)).toBeNull();
  });

  it('normalises case, the wc- prefix, spaces, underscores and hyphens', () => {
    expect(normalizeStatus('  WC-On_Hold ')).toBe('on hold');
    expect(normalizeStatus('Pending--Payment')).toBe('pending payment');
  });

  it('lists every word under exactly one reason', () => {
    const all = LEFT_OUT_REASONS.flatMap((r) => STATUS_VOCABULARY[r].map(normalizeStatus));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('OrderAssembler', () => {
  it('takes an order total once however many lines repeat it or leave it empty', () => {
    const a = new OrderAssembler();
    a.add(line({ orderId: '#1', total: 120, status: 'paid' }), 2);
    a.add(line({ orderId: '#1', total: null, customerId: '' }), 3);
    a.add(line({ orderId: '#2', total: 50 }), 4);
    a.add(line({ orderId: '#2', total: 50 }), 5);
    const out = a.finish();
    expect(out.kept.map((k) => [k.orderId, k.row, k.order.amount])).toEqual([['#1', 2, 120], ['#2', 4, 50]]);
    expect(out.continuationRows).toBe(2);
  });

  it('sums line amounts when there is no order total, and nets a refund recorded on the order', () => {
    const a = new OrderAssembler();
    a.add(line({ orderId: 'A', lineAmount: 10.1, refunded: 5 }), 2);
    a.add(line({ orderId: 'A', lineAmount: 20.2 }), 3);
    expect(a.finish().kept[0]?.order.amount).toBe(25.3);
  });

  it('keeps a negative order (a cancellation invoice) to be netted, and counts it', () => {
    const a = new OrderAssembler();
    a.add(line({ orderId: 'C536379', lineAmount: -27.5 }), 2);
    const out = a.finish();
    expect(out.kept[0]?.order.amount).toBe(-27.5);
    expect(out.negative).toBe(1);
  });

  it('leaves out orders by status (first non-empty line), cancellation date, or a refund of the whole order', () => {
    const a = new OrderAssembler();
    a.add(line({ orderId: '1', total: 10, status: 'refunded' }), 2);
    a.add(line({ orderId: '2', total: 10 }), 3);
    a.add(line({ orderId: '2', status: '待付款' }), 4);
    a.add(line({ orderId: '3', total: 10, status: 'paid', cancelled: true }), 5);
    a.add(line({ orderId: '4', total: 10, status: 'partially_refunded', refunded: 10 }), 6);
    a.add(line({ orderId: '5', total: 10, status: 'partially_refunded', refunded: 4 }), 7);
    const out = a.finish();
    expect(out.leftOut.map((l) => [l.orderId, l.reason])).toEqual([['1', 'refunded'], ['2', 'pending'], ['3', 'cancelled'], ['4', 'refunded']]);
    expect(out.kept.map((k) => [k.orderId, k.order.amount])).toEqual([['5', 6]]);
  });

  it('reports an order without a customer, date or amount on any of its lines, and leaves spoiled orders to the host', () => {
    const a = new OrderAssembler();
    a.add(line({ orderId: '1', customerId: '', total: 5 }), 2);
    a.add(line({ orderId: '2', date: null, total: 5 }), 3);
    a.add(line({ orderId: '3' }), 4);
    a.add(line({ orderId: '4', total: 5 }), 5, true);
    a.add(line({ orderId: '4', total: 5 }), 6);
    const out = a.finish();
    expect(out.problems.map((p) => [p.orderId, p.problem])).toEqual([['1', 'noCustomer'], ['2', 'noDate'], ['3', 'noAmount']]);
    expect(out.kept).toEqual([]);
  });

  it('treats every row as its own order when there is no order number', () => {
    const a = new OrderAssembler();
    a.add(line({ total: 5 }), 2);
    a.add(line({ total: 5 }), 3);
    expect(a.finish().kept).toHaveLength(2);
  });
});
