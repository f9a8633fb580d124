// Which order statuses are not purchases: a vocabulary as data (en + zh-CN), read by classifyStatus.
// Sources of the words: Shopify's financial statuses (paid, partially_refunded, refunded, voided,
// pending, authorized, expired; shopify.dev OrderFinancialStatus), WooCommerce's wc-* statuses,
// Shopee/Lazada order states, and the states shown by 有赞 and 微店 order lists.
// A status not listed here (paid, completed, 交易成功, shipped …) counts as a purchase.

/** Why an order is left out of the scoring, in the order the summary lists them. */
export const LEFT_OUT_REASONS = ['refunded', 'voided', 'cancelled', 'failed', 'pending'] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

/** Normalised status words (lower case, wc- prefix gone, runs of space, _ and - as one space) per reason. */
export const STATUS_VOCABULARY: Readonly<Record<LeftOutReason, readonly string[]>> = {
  refunded: [
    'refunded', 'refund', 'fully refunded', 'returned', 'return refund', 'return/refund', 'return / refund', 'refund completed',
    '已退款', '退款成功', '退款完成', '全额退款', '已退货', '退货退款', '退货成功', '已全额退款',
  ],
  voided: ['voided', 'void', 'expired', 'authorization expired', '已作废', '作废'],
  cancelled: [
    'cancelled', 'canceled', 'cancel', 'cancelled by buyer', 'cancelled by seller', 'canceled by customer', 'trash',
    '已取消', '取消', '订单取消', '交易取消', '交易关闭', '已关闭', '关闭', '订单关闭',
  ],
  failed: ['failed', 'payment failed', 'failed delivery', 'delivery failed', 'declined', 'payment declined', '支付失败', '付款失败', '交易失败'],
  pending: [
    'pending', 'pending payment', 'payment pending', 'unpaid', 'awaiting payment', 'on hold', 'authorized', 'draft', 'checkout draft',
    '待付款', '未付款', '待支付', '等待买家付款', '等待付款', '待买家付款', '未支付',
  ],
};

/** Lower case, a WooCommerce "wc-" prefix dropped, runs of spaces, underscores and hyphens as one space. */
export function normalizeStatus(status: string): string {
  return status.trim().toLowerCase().replace(/^wc-/, '').replace(/[\s_-]+/g, ' ');
}

const REASON_OF = new Map<string, LeftOutReason>();
for (const reason of LEFT_OUT_REASONS) for (const word of STATUS_VOCABULARY[reason]) REASON_OF.set(normalizeStatus(word), reason);

// Exports repeat a handful of status strings over millions of rows: each distinct raw string is
// normalised once, so classifying a row is one map lookup and allocates nothing.
const seen = new Map<string, LeftOutReason | null>();

/** The reason an order with this status is left out, or null when it is a purchase (or has no status). */
export function classifyStatus(status: string | null): LeftOutReason | null {
  if (status === null || status === '') return null;
  const known = seen.get(status);
  if (known !== undefined) return known;
  const reason = REASON_OF.get(normalizeStatus(status)) ?? null;
  if (seen.size < 10_000) seen.set(status, reason);
  return reason;
}

/** Counts per reason, all zero. */
export function noneLeftOut(): Record<LeftOutReason, number> {
  return { refunded: 0, voided: 0, cancelled: 0, failed: 0, pending: 0 };
}
