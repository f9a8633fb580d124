import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../fast-check-seed.ts';
import { OrderAssembler, OrderLinesApart, type OrderLine } from '../../core/order-lines.ts';
import { TextHashes } from '../../core/text-hashes.ts';
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

/** Everything an assembler hands on, taken at the given rows and at the end, as one list of each. */
function assemble(a: OrderAssembler, rows: [OrderLine, number, boolean][], takeAt: Set<number>) {
  const all = { kept: [] as unknown[], leftOut: [] as unknown[], problems: [] as unknown[] };
  const take = (part: { kept: unknown[]; leftOut: unknown[]; problems: unknown[] } | null) => {
    if (part === null) return;
    all.kept.push(...part.kept);
    all.leftOut.push(...part.leftOut);
    all.problems.push(...part.problems);
  };
  rows.forEach(([l, row, spoiled], i) => {
    a.add(l, row, spoiled);
    if (takeAt.has(i)) take(a.takeSettled());
  });
  const end = a.finish();
  take(end);
  return { ...all, continuationRows: end.continuationRows, negative: end.negative };
}

describe('OrderAssembler with an order\'s lines together (a file read in pieces)', () => {
  // Orders whose lines come one after another, rows without an order number between them, statuses,
  // refunds, negative amounts, spoiled rows, empty customer and date cells on later lines (Shopify).
  const exportRows = fc
    .array(
      fc.record({
        lines: fc.integer({ min: 0, max: 3 }),
        customer: fc.constantFrom('c1', 'c2', 'c3', ''),
        total: fc.option(fc.integer({ min: -50, max: 300 }), { nil: null }),
        lineAmount: fc.option(fc.integer({ min: -20, max: 90 }), { nil: null }),
        refunded: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        status: fc.constantFrom(null, 'paid', 'refunded', 'pending', 'wc-cancelled'),
        date: fc.constantFrom(null, '2026-03-01', '2026-04-02'),
        spoiled: fc.integer({ min: 0, max: 9 }),
      }),
      { maxLength: 40 },
    )
    .map((orders) => {
      const rows: [OrderLine, number, boolean][] = [];
      orders.forEach((o, k) => {
        const id = o.lines === 0 ? '' : `#${k}`;
        for (let j = 0; j < Math.max(1, o.lines); j++) {
          const later = j > 0;
          rows.push([line({ orderId: id, customerId: later ? '' : o.customer, date: later ? null : o.date, total: later ? null : o.total, lineAmount: o.lineAmount, refunded: later ? null : o.refunded, status: later ? null : o.status }), rows.length + 2, o.spoiled === 0 && j === 0]);
        }
      });
      return rows;
    });

  it('hands on, in pieces, exactly the orders gathered to the end would be', () => {
    fc.assert(
      fc.property(exportRows, fc.array(fc.nat(60)), (rows, takes) => {
        const copy = () => rows.map(([l, r, s]) => [{ ...l }, r, s] as [OrderLine, number, boolean]);
        expect(assemble(new OrderAssembler('together'), copy(), new Set(takes))).toEqual(assemble(new OrderAssembler('anywhere'), copy(), new Set()));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps only the open order: what it settled is handed on before the next order\'s lines end', () => {
    const a = new OrderAssembler('together');
    a.add(line({ orderId: '#1', total: 10 }), 2);
    a.add(line({ orderId: '#1', lineAmount: 3, customerId: '' }), 3);
    expect(a.takeSettled()).toBeNull();
    a.add(line({ orderId: '#2', total: 20 }), 4);
    expect(a.takeSettled()?.kept.map((k) => [k.orderId, k.row, k.order.amount])).toEqual([['#1', 2, 10]]);
    expect(a.finish().kept.map((k) => k.orderId)).toEqual(['#2']);
  });

  it('throws OrderLinesApart at the row where an order number comes back after another order', () => {
    const a = new OrderAssembler('together');
    a.add(line({ orderId: '#1', total: 10 }), 2);
    a.add(line({ orderId: '#2', total: 20 }), 3);
    a.add(line({ orderId: '', total: 5 }), 4);
    expect(() => a.add(line({ orderId: '#1', lineAmount: 1 }), 5)).toThrow(OrderLinesApart);
    const b = new OrderAssembler('together');
    b.add(line({ orderId: 'A', total: 1 }), 2);
    b.add(line({ orderId: '', total: 1 }), 3);
    expect(() => b.add(line({ orderId: 'A', total: 1 }), 4)).toThrow(/order "A" has a line at row 4, after the lines of other orders/);
  });
});

describe('OrderAssembler with each order\'s last row known (lines anywhere, read in pieces)', () => {
  // Rows of a few orders in any order, rows without an order number among them, spoiled rows, order
  // cells on any line: whatever the file's order, the same orders as gathering them all to the end.
  const scattered = fc.array(
    fc.record({
      order: fc.constantFrom('', '#1', '#2', '#3', '#4', '#5', '#6'),
      customer: fc.constantFrom('c1', 'c2', '', 'c3'),
      total: fc.option(fc.integer({ min: -50, max: 300 }), { nil: null }),
      lineAmount: fc.option(fc.double({ min: -20, max: 90, noNaN: true }), { nil: null }),
      refunded: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      status: fc.constantFrom(null, 'paid', 'refunded', 'pending'),
      date: fc.constantFrom(null, '2026-03-01', '2026-04-02'),
      spoiled: fc.integer({ min: 0, max: 9 }),
    }),
    { maxLength: 40 },
  );

  it('hands on, in pieces, exactly the orders gathered to the end would be', () => {
    fc.assert(
      fc.property(scattered, fc.array(fc.nat(45)), (cells, takes) => {
        const rows = () => cells.map((c, i) => [line({ orderId: c.order, customerId: c.customer, total: c.total, lineAmount: c.lineAmount, refunded: c.refunded, status: c.status, date: c.date }), i + 2, c.spoiled === 0] as [OrderLine, number, boolean]);
        const lastRows = new TextHashes();
        for (const [l, row] of rows()) if (l.orderId !== '') lastRows.set(l.orderId, row);
        expect(assemble(new OrderAssembler(lastRows), rows(), new Set(takes))).toEqual(assemble(new OrderAssembler('anywhere'), rows(), new Set()));
      }),
      { numRuns: 3000 },
    );
  });

  it('holds only the orders from the first still open: a finished order is handed on at its last row', () => {
    const lastRows = new TextHashes();
    const order = [['#1', 2], ['#2', 3], ['#1', 4], ['#3', 5], ['#2', 6]] as const;
    for (const [id, row] of order) lastRows.set(id, row);
    const a = new OrderAssembler(lastRows);
    a.add(line({ orderId: '#1', total: 10 }), 2);
    a.add(line({ orderId: '#2', total: 20 }), 3);
    expect(a.takeSettled()).toBeNull();
    a.add(line({ orderId: '#1', customerId: '', lineAmount: 1 }), 4);
    expect(a.takeSettled()?.kept.map((k) => k.orderId)).toEqual(['#1']);
    // #3 is complete at once, but waits for #2, opened before it.
    a.add(line({ orderId: '#3', total: 30 }), 5);
    expect(a.takeSettled()).toBeNull();
    a.add(line({ orderId: '#2', customerId: '', lineAmount: 2 }), 6);
    expect(a.takeSettled()?.kept.map((k) => k.orderId)).toEqual(['#2', '#3']);
  });
});

describe('TextHashes', () => {
  it('says a text is new the first time only, over a million texts and its own growth', () => {
    const seen = new TextHashes();
    const texts = Array.from({ length: 1_000_000 }, (_, i) => `#${i}`);
    expect(texts.every((t) => seen.add(t))).toBe(true);
    expect(seen.size).toBe(1_000_000);
    expect(texts.filter((_, i) => i % 7 === 0).some((t) => seen.add(t))).toBe(false);
    expect(seen.add('#1000000')).toBe(true);
    expect(seen.add('')).toBe(true);
    expect(seen.add('')).toBe(false);
  });

  it('keeps a number per text: the last set, through growth; -1 for a text never added', () => {
    const rows = new TextHashes();
    for (let i = 0; i < 300_000; i++) rows.set(`#${i % 100_000}`, i);
    expect(rows.size).toBe(100_000);
    expect(rows.get('#0')).toBe(200_000);
    expect(rows.get('#99999')).toBe(299_999);
    expect(rows.get('#100000')).toBe(-1);
    expect(rows.add('#5', 1)).toBe(false);
    expect(rows.get('#5')).toBe(200_005);
  });
});
