// Every word Tierwise shows, in Simplified Chinese (the interface: ./words.ts).
import type { Words } from './words.ts';
import { money, twoPlaces } from './numbers.ts';
import { fieldLabel } from '../schema/fields.ts';
import type { OrderFieldName } from './host-words.ts';
import type { CustomerKey } from '../schema/fields.ts';

const ORDER_FIELDS: Record<OrderFieldName, string> = {
  customerId: '客户编号', date: '订单日期', amount: '金额', orderId: '订单号', status: '订单状态',
  refunded: '退款金额', cancelledAt: '取消日期', lineAmount: '行金额', quantity: '数量', unitPrice: '单价',
};
const mapIt = (example: string) => `请在配置的 "columns" 中映射，例如 {"columns": {"${example}": "你的列名"}}`;

const round = (n: number) => Math.round(n);
const n = (x: number) => x.toLocaleString('zh-CN');
const REASON = { refunded: '已退款', voided: '已作废', cancelled: '已取消', failed: '失败', pending: '待处理' } as const;
const MODEL = { rules: '人工设定的权重', pareto: 'Pareto/NBD 模型的“不再购买”概率', learned: '从您的订单中学到的模型' } as const;
const MODEL_SHORT = { rules: '规则', pareto: 'Pareto/NBD', learned: '学习模型' } as const;
// Export profiles' sources read "<Platform> orders export" / "<Platform> customers export".
const source = (s: string) => s.replace(/^(.+) (orders|customers) export$/, (_, platform: string, kind: string) => `${platform} ${kind === 'orders' ? '订单' : '客户'}导出文件`);

export const zhCN: Words = {
  labels: {
    tier: { A: 'A 核心', B: 'B 潜力', C: 'C 普通', D: 'D 沉睡' },
    segment: {
      Champions: '重要价值客户',
      Loyal: '忠诚客户',
      'Potential loyalist': '潜在忠诚客户',
      New: '新客户',
      Promising: '有潜力客户',
      'Need attention': '需要关注',
      'About to sleep': '即将沉睡',
      'At risk': '流失风险',
      "Can't lose": '不能失去',
      Hibernating: '休眠客户',
      Lost: '已流失',
    },
    churnLevel: { low: '低', medium: '中', high: '高' },
    lifecycle: { prospect: '潜在客户', new: '新客户', active: '活跃', dormant: '沉睡', churned: '流失' },
    valueBand: { high: '高价值', medium: '中价值', low: '低价值' },
  },
  churn: {
    recencyOwn: (days, gap) => `已 ${days} 天未下单;通常每 ${round(gap)} 天下单一次`,
    noPurchase: (percent, days) => `未来 ${days} 天不下单的可能性 ${percent}%`,
    alive: (percent, purchases, weeks) => `仍在购买的可能性约 ${percent}%(共 ${purchases} 笔订单,已 ${weeks} 周未下单)`,
    recencyDefault: (days, purchases, gap) =>
      `已 ${days} 天未下单;${purchases <= 1 ? '目前仅一笔订单' : '尚无自身购买节奏'},按 ${round(gap)} 天判断`,
    orderDrop: (recent, previous, period) => `近 ${period} 天 ${recent} 笔订单,前 ${period} 天为 ${previous} 笔`,
    spendDrop: (recent, previous, period) => `近 ${period} 天消费 ${money(recent)},前 ${period} 天为 ${money(previous)}`,
    npsDetractor: (nps) => `NPS ${nps}(贬损者:0-6)`,
    npsDrop: (previous, nps) => `NPS 从 ${previous} 降至 ${nps}`,
    lowSatisfaction: (value, scale) => `满意度 ${value}/${scale},低于 7/10`,
    contactGap: (days) => `已 ${days} 天未联系`,
    contactDrop: (recent, previous, period) => `每 ${period} 天联系次数从 ${previous} 降至 ${recent}`,
    competitor: '咨询过竞品',
    factorName: {
      recency: '最近购买',
      orderTrend: '订单趋势',
      spendTrend: '消费趋势',
      nps: 'NPS',
      satisfaction: '满意度',
      contact: '联系频率',
      competitor: '竞品咨询',
    },
    notJudged: (factors) => `缺少数据未评估:${factors.join('、')}`,
    noWarning: '无预警信号',
    join: ';',
    and: ',',
    prospect: '尚未购买(潜在客户)',
  },
  learned: {
    frequency: (n, weeks) => `成为客户 ${weeks} 周内共 ${n} 天有购买`,
    spend: (average) => `平均每次消费 ${money(average)}`,
    purchaseModel: (expected, days, pAlive) =>
      `购买模型预计未来 ${days} 天购买 ${twoPlaces(expected)} 次${pAlive === null ? '' : `,仍在购买的可能性约 ${Math.round(pAlive * 100)}%`}`,
    orderTrend: (recent, previous, period) =>
      recent === 0 && previous === 0 ? `近 ${2 * period} 天无购买` : `近 ${period} 天 ${recent} 次购买,前 ${period} 天为 ${previous} 次`,
    spendTrend: (recent, previous, period) =>
      recent === 0 && previous === 0 ? `近 ${2 * period} 天无消费` : `近 ${period} 天消费 ${money(recent)},前 ${period} 天为 ${money(previous)}`,
    season: (hits, years, days) =>
      (hits === 0 ? `过去 ${years} 年的这几周均未购买` : `过去 ${years} 年中有 ${hits} 年在这几周购买`) +
      (days === null ? '' : days === 0 ? ';正值其惯常购买季' : `;距其惯常购买季还有 ${days} 天`),
  },
  models: {
    tooShort: (days) => `流失风险使用人工设定的权重：订单历史（${days} 天）太短，无法检验模型`,
    chosen: (model, cut, horizon, brier) =>
      `流失风险使用${MODEL[model]}：以 ${cut} 为截至日期评分、用其后 ${horizon} 天检验时，它预测得最准（Brier 分数，越低越好：${brier.map((b) => `${MODEL_SHORT[b.model]} ${b.score.toFixed(3)}`).join('，')}）`,
    levels: (base, highAt, lowUpTo, horizon) =>
      `流失等级按您客户的基准率划分，而非固定分界：平均而言，未来 ${horizon} 天不购买的可能性为 ${base}%；${highAt}% 起为高（几率至少是平均的两倍），${lowUpTo}% 及以下为低（至多一半），其间为中`,
    learnedMeaning: (horizon, examples, windows, shortWindows) =>
      `流失风险 N 表示未来 ${horizon} 天约有 N% 的可能不购买，由您自己订单中的 ${n(examples)} 个样本学得（${windows.map((w) => `截至 ${w.cut}，其后 ${w.horizon} 天`).join('；')}）` +
      (shortWindows ? `；订单历史短于两个预测期，因此在较短的窗口上学习，再用于 ${horizon} 天` : ''),
    noDropout: '购买模型在这些订单中未发现客户流失的迹象（拟合效果不优于“无人流失”的模型），因此不显示 P(alive)，最近购买按每位客户自己的购买节奏判断',
    noDropoutTest: (lr, critical) =>
      `购买模型在这些订单中未发现客户流失的迹象（与“无人流失”模型相比的似然比为 ${lr}，低于 ${critical}），因此不显示 P(alive)，最近购买按每位客户自己的购买节奏判断`,
    fellBack: (reason) => `流失风险使用人工设定的权重：${reason}`,
    fitFailure: (f) =>
      f.kind === 'fewCustomers'
        ? `${f.model} 至少需要 20 位客户，其中 10 位买过不止一次；实际有 ${f.customers} 位客户、${f.repeaters} 位回购客户`
        : f.kind === 'diverged'
          ? `${f.model} 在这些数据上没有收敛（参数发散）；购买记录可能太短或太整齐`
          : f.kind === 'fewSpenders'
            ? `Gamma-Gamma 至少需要 10 位消费金额为正的回购客户；实际有 ${f.usable} 位`
            : `Gamma-Gamma 没有得到可用的拟合（q = ${f.q.toFixed(3)}；预期消费需要 q > 1）`,
    comparisonLeftOut: (reason) => `${reason}；BG/NBD 对比从略`,
    trainFailure: (f) =>
      f.kind === 'shortHistory'
        ? `订单历史（${f.days} 天）太短，无法学习`
        : `订单历史中的客户太少，无法学习（${f.examples} 个样本，其中 ${f.churned} 个之后未再购买；至少需要 ${f.minExamples} 个样本，且两种结果各 ${f.minEach} 个）`,
  },
  problems: {
    expected: {
      amount: '金额（例如 1234.50）',
      amountOrSymbol: '金额（例如 1234.50 或 $1,234.50）',
      count: '整数（0 或以上，例如 12）',
      score: '评分（0 到 10 之间的数字）',
      flag: '是或否（例如 是、否、yes、no、true、false、1、0）',
      date: '日期（例如 2026-03-01）',
      dateSerial: '日期（例如 2026-03-01；此处的数字按电子表格日期序号读取，应在 20000 到 80000 之间）',
      hubspotNumber: 'HubSpot 格式的数字（例如 1234.50，不带千位分隔符）',
      finiteNumber: '有限的数字（例如 1234.50）',
      revenue: '0 或以上的收入（总额为负通常表示退款交易被计为成交；请检查该记录的交易）',
      wholeNumber: '0 或以上的整数（例如 12）',
      scoreRange: '0 到 10 之间的评分',
      epochSeconds: '日期；这看起来是自 1970 年起的秒数，而 HubSpot 发送的是毫秒（13 位）或 YYYY-MM-DD',
      hubspotDate: '日期（应为 YYYY-MM-DD、ISO 日期时间或纪元毫秒数）',
      isoDate: '日期（应为 YYYY-MM-DD）',
      realDate: '存在的日期（应为 YYYY-MM-DD）',
      isoDatetime: '日期（应为 YYYY-MM-DD 或带时区的 ISO 日期时间，例如 2026-11-01T10:00:00Z）',
    },
    column: (header) => `“${header}”列`,
    property: (name) => `属性“${name}”`,
    row: (row, problems) => `第 ${row} 行：${problems.join('；')}`,
    customerRow: (row, id, why) => `第 ${row} 行，客户“${id}”：${why}`,
    blankRow: (row) => `第 ${row} 行为空`,
    unclosedQuote: (row, field, before) => `第 ${row} 行：第 ${field} 个字段开头的引号没有闭合（引号后为 ${before}），因此该行无法读取；请补全或删除这个引号`,
    orderLeftOut: (orderId) => `（订单 ${orderId} 不计入）`,
    orderDateEmpty: (at) => `${at}：订单日期为空`,
    amountEmpty: (at) => `${at}：金额为空`,
    columns: (first, second) => `“${first}”和“${second}”列`,
    headerAgain: (row) => `第 ${row} 行重复了标题行`,
    record: (kind, id, problems) => `${kind === 'contacts' ? '联系人' : '公司'} ${id}：${problems.join('；')}`,
    emptyId: (at) => `${at}：客户编号为空`,
    totalsRow: (value, at) => `看起来是合计行（${at}为 ${value}），不是客户`,
    repeatedId: (value, firstRow) => `客户编号 ${value} 重复出现（首次在第 ${firstRow} 行）`,
    unreadable: (at, value, expected) => `${at}：${value} 不是${expected}`,
    unreadableProperty: (at, value, expected) => `${at}为 ${value}，不是${expected}`,
    afterAsOf: (at, value, asOf) => `${at}：${value} 晚于截至日期 ${asOf}`,
    firstAfterLast: (at, value, lastAt, last) => `${at}：${value} 晚于最近购买日期 ${last}（${lastAt}）`,
    ordersWithoutDate: (at, ordersAt, orders) => `${at}为空，但${ordersAt}为 ${orders}`,
    dateWithoutOrders: (at, dateAt) => `${at}为空，但${dateAt}有日期`,
    dateWithZeroOrders: (at, dateAt, date) => `${at}为 0，但${dateAt}有日期（${date}）`,
    dateWithoutSpend: (at, dateAt) => `${at}为空，但${dateAt}有日期`,
    plain: {
      afterAsOf: (field, value, asOf) => `${field === 'lastPurchase' ? '最近' : '首次'}购买日期 ${value} 晚于截至日期 ${asOf}`,
      firstAfterLast: (value, last) => `首次购买日期 ${value} 晚于最近购买日期 ${last}`,
      ordersWithoutDate: (orders) => `有 ${orders} 笔订单，但没有最近购买日期`,
      dateWithoutOrders: '有最近购买日期，但没有订单数',
      dateWithZeroOrders: (date) => `有最近购买日期（${date}），但订单数为 0`,
      dateWithoutSpend: '有最近购买日期，但没有累计消费',
    },
  },
  table: {
    clippedLength: (characters) => `（共 ${characters.toLocaleString('zh-CN')} 个字符）`,
    andMore: (count) => ` 等，另有 ${count.toLocaleString('zh-CN')} 项`,
    withoutPurchase: (negative, leftOut) => {
      const parts: string[] = [];
      if (negative !== null) parts.push(`${negative.count} 笔取消或退货（合计 ${negative.total}）`);
      if (leftOut.length > 0) parts.push(`不计为购买的订单（${leftOut.map((l) => `${REASON[l.reason]} ${l.count} 笔`).join('、')}）`);
      return `未评分：此文件中只有${parts.join('和')}，没有完成的购买（曾经或将要购买的客户，不是潜在客户）`;
    },
    fixedThresholds: (scorable, min, recency, orders, spend) =>
      `仅 ${scorable} 位客户可评分，少于 ${min}（rfm.minCustomers）：R、F、M 使用固定阈值（最近购买 ${recency} 天，订单数 ${orders}，消费额 ${spend}），而不是在这么少的客户之间排名`,
    readAs: (s) => `按${source(s)}读取`,
    lineItems: (rows, orders, column) => `${n(rows)} 行是 ${n(orders)} 笔订单的明细，按“${column}”列归并为订单；每笔订单的总额只计一次`,
    quantityTimesPrice: (quantity, unitPrice) => `订单金额为数量 × 单价（“${quantity}”列和“${unitPrice}”列），按订单汇总`,
    leftOutOrders: (total, byReason, columns) =>
      `${n(total)} 笔订单不计为购买（${byReason.map((r) => `${REASON[r.reason]} ${n(r.count)} 笔`).join('、')}；依据${columns.map((c) => `“${c}”列`).join('、')}）`,
    negativeOrders: (orders) => `${n(orders)} 笔金额为负的订单（取消、退货）已从对应客户的消费额中扣除`,
    afterAsOf: (orders, asOf) => `${n(orders)} 笔订单的日期晚于截至日期 ${asOf}，未计入评分`,
    noPurchaseLeft: (customers) => `${n(customers)} 位客户没有可评分的购买（只有取消、退货或不计入的订单）：已列出原因，不算作潜在客户`,
    dateOrderConflict: (header) =>
      `“${header}”列中日/月与月/日格式的日期混用（有的以大于 12 的日开头，有的月份部分大于 12）；按月/日读取，不符合的行会被报告。可在配置中设置 "dateOrder" 来选择。`,
    dateOrderAmbiguous: (header) =>
      `“${header}”列中有类似 3/4/2026 的日期，既可能是月/日也可能是日/月，且无法判定；按月/日（美式）读取。如果是日/月，请在配置中设置 "dateOrder": "dmy"。`,
    profileNote: {
      wooCommerceLastActive: 'WooCommerce 客户导出文件：“Last active”列按最近购买日期读取（已登录客户访问网站时 WooCommerce 也会更新它）；如需准确日期，请用 --orders 为订单导出文件评分。',
    },
    profileAdvice: {
      shopifyCustomers:
        '这是 Shopify 的客户导出文件，其中没有购买日期，无法评估最近购买。请改为导出订单（Shopify 后台 → 订单 → 导出 → 所有订单，CSV），并将该文件作为订单表评分（命令行：tierwise score orders_export.csv --orders）。',
    },
    footer: (from, to, shown, more) => `第 ${from}-${to} 行是报表的页脚，不是客户，已跳过：${shown.join('、')}${more > 0 ? ` 等，另有 ${more} 行` : ''}`,
    header: {
      field: (key) => (key in ORDER_FIELDS ? ORDER_FIELDS[key as OrderFieldName] : fieldLabel(key as CustomerKey, 'zh-CN')),
      empty: (kind) => `文件为空：应有一个标题行，每个${kind === 'orders' ? '订单' : '客户'}一行`,
      unknownField: (field, header, fields) => `映射中有未知字段 ${field}（对应 ${header}）；可用字段：${fields.join('、')}`,
      noHeaderRow: (expected, seen, example) => `找不到标题行：应有${expected.join('、')}等列名；第一行为：${seen || '（空）'}。${mapIt(example)}`,
      firstRowIsData: (seen, names) => `找不到标题行：第一行（${seen}）是数据，不是列名。请在它上面加一行列名，例如 ${names.join('、')}`,
      missing: (fields, mappedNotHeaders, seen, example) =>
        `找不到${fields.join('、')}所在的列${mappedNotHeaders.length ? `；映射中的 ${mappedNotHeaders.map((m) => `${m.header}（映射到${m.field}）`).join('、')} 不是标题` : ''}。现有标题：${seen}。${mapIt(example)}`,
      totalsWithoutDates: '这份客户列表有合计但没有购买日期，无法评估最近购买。请改为导出订单（每个订单一行，含日期和金额），作为订单表评分；或添加最近购买日期列',
      looksLikeOrders: '（这看起来是每个订单一行：请加 --orders 运行）',
      alsoNote: (sentence) => `；注：${sentence}`,
    },
  },
  resultColumns: {
    tier: '客户分层', segment: '细分', rfm: 'RFM', churnRisk: '流失风险', churnLevel: '风险等级',
    lifecycle: '生命周期', nextAction: '下一步行动', followUpBy: '跟进日期', reasons: '原因',
  },
  summary: {
    title: (file, asOf) => `Tierwise · ${file} · 截至 ${asOf}`,
    counts: (scored, prospects, errors, orders, anyErrors) =>
      `已评分客户 ${n(scored)} 位，尚未购买（潜在客户）${n(prospects)} 位，${n(errors)} ${orders ? '个订单行' : '行'}需要处理${anyErrors ? '（见“原因”列）' : ''}`,
    tierTable: ['分层', '客户数', '占比'],
    segmentTable: ['细分', '分层', '客户数', '占比'],
    churnTable: ['流失风险', '客户数', '占比'],
    keyFigures: (rate, dormant, atRisk) => `复购率：${rate ?? '无'} · 沉睡或流失：${dormant} · 高风险客户消费额：${atRisk}`,
    expectedAtRisk: (byTier) => `预计流失收入（12 个月 CLV × 流失概率，购买模型）：${byTier}`,
    groupTable: (by) => [by === 'region' ? '区域' : '负责人', '客户数', 'A', 'B', 'C', 'D', '沉睡', '高风险', '高风险消费额'],
    attention: (count) => `需要处理的行（${count}）：`,
    more: (count) => `…… 另有 ${count} 行（见“原因”列）`,
    wrote: (count, file) => `已将 ${count} 行写入 ${file}`,
    note: (warning) => `注：${warning}`,
    stderrNote: (warning) => `注：${warning}`,
  },
  backtest: {
    title: (asOf, until) => `回测：以 ${asOf} 为截至日期、只用此前的订单评分；与 ${asOf} 至 ${until} 的实际情况对照`,
    outcome: (customers, churners, share) => `${customers} 位客户，其中 ${churners} 位（${share}）在预测期内没有购买`,
    scoresIntro: '预测期内不购买的概率：AUC 衡量排序（0.5 = 随机，1 = 完美），Brier 分数衡量概率（越低越好）',
    contender: {
      learned: '从这些订单中学习（按时间切分）',
      pareto: 'Pareto/NBD 的不购买概率，e^(-预期购买次数)',
      rules: '人工设定的规则（风险 / 100）',
      recency: '仅看最近购买（距上次购买的天数；Brier：已校准）',
      bgnbd: 'BG/NBD 的不购买概率',
    },
    seeBelow: '  （见下文）',
    notAvailable: '无',
    wouldUse: (model, why) => `Tierwise 将使用${MODEL_SHORT[model]}：${why}`,
    reliabilityTitle: (model) => `${MODEL_SHORT[model]}流失风险的可靠性（按预测概率把客户分成人数相等的十组；“|”= 预测，“#”= 实际）：`,
    reliabilityHeader: (width) => `组别   客户数     预测      实际     0%${' '.repeat(width - 6)}100%`,
    largestMiss: (points) => `各组最大偏差：${points} 个百分点`,
    tierColumns: '分层             客户数      未再购买         预测购买次数        实际购买次数          后续收入占比',
    noOrdersAfter: (asOf) => `${asOf} 之后的预测期内没有订单：请选更早的 --as-of 或更短的 --horizon`,
  },
  files: {
    noSuchFile: (path) => `${path}：文件不存在`,
    noFolder: (path, folder) => `无法写入 ${path}：文件夹 ${folder} 不存在`,
    permission: (path, doing) => `无法${doing === 'read' ? '读取' : '写入'} ${path}：没有权限`,
    isFolder: (path) => `${path} 是文件夹，不是文件`,
    notFolder: (path, doing) => `无法${doing === 'read' ? '读取' : '写入'} ${path}：路径中的某一部分是文件，不是文件夹`,
    diskFull: (path) => `无法写入 ${path}：磁盘已满`,
    otherProblem: (path, doing, detail) => `无法${doing === 'read' ? '读取' : '写入'} ${path}（${detail}）`,
    empty: (path) => `${path} 是空文件：应有一行表头，每位客户或每笔订单一行`,
    notWorkbook: (path) => `${path} 的扩展名是 .xlsx，但不是 Excel 工作簿`,
    oldExcel: (path) => `${path} 是旧版 Excel（.xls）文件：请另存为 .xlsx 或 .csv`,
    textHasNoSheet: (path, sheet) => `${path} 是文本表格，没有工作表 ${sheet}（工作表只适用于 .xlsx 工作簿）`,
    binary: (path) => `${path} 不是文本表格，也不是 .xlsx 工作簿（看起来是二进制数据）`,
    unreadableWorkbook: (path, detail) => `${path} 不是可读取的 .xlsx 工作簿（${detail}）`,
    noSuchSheet: (path, sheet, sheets) => `${path} 中没有工作表“${sheet}”；现有工作表：${sheets.map((s) => `“${s}”`).join('、')}`,
    outIsInput: (shown) => `--out ${shown} 就是输入文件：请换一个文件名，或加上 --force 覆盖输入文件`,
    outFolderIsFile: (shown, folder) => `无法写入 ${shown}：${folder} 不是文件夹`,
    sheetFull: (max) => `一个工作表最多只能容纳 ${max} 行，而此表格超出了：请改为写入 CSV（--out file.csv）`,
  },
  progress: {
    read: (rows, seconds) => `已读取 ${rows} 行（${seconds} 秒）`,
    readAll: (rows, seconds) => `已读取 ${rows} 行（${seconds} 秒）；正在评分…`,
    scored: (rows, of, seconds) => `已评分 ${rows} / ${of} 行（${seconds} 秒）`,
    scoredAll: (rows, seconds) => `已评分 ${rows} 行（${seconds} 秒）；正在写入…`,
    scoredInPieces: (rows, seconds) => `已分块评分 ${rows} 行（${seconds} 秒）；正在写入…`,
    wrote: (rows, seconds) => `已写入 ${rows} 行（${seconds} 秒）`,
    readAllFitting: (orders, seconds) => `已读取 ${orders} 笔订单（${seconds} 秒）；正在拟合购买模型…`,
    readAllBacktest: (orders, seconds) => `已读取 ${orders} 笔订单（${seconds} 秒）；正在按截至日期为客户评分…`,
    comparing: (seconds) => `已对照客户之后的购买完成评分（${seconds} 秒）；正在比较流失模型…`,
  },
  hubspot: {
    propertyLabel: {
      tier: 'Tierwise 客户分层',
      segment: 'Tierwise 细分',
      churnRisk: 'Tierwise 流失风险',
      churnLevel: 'Tierwise 风险等级',
      lifecycle: 'Tierwise 生命周期',
      nextAction: 'Tierwise 下一步行动',
      reasons: 'Tierwise 原因',
      scoredAt: 'Tierwise 评分时间',
    },
  },
  sheets: {
    summarySheet: { tier: '分层', segment: '细分', customers: '客户数', share: '占比', key: '关键指标', dormant: '沉睡或流失', repurchase: '复购率', atRisk: '高风险客户消费额', scored: '已评分客户', attention: '需处理的行', group: '沉睡', region: '区域', owner: '负责人' },
    customerSheet: { customer: '客户', sourceRow: '来源行' },
    busy: '其他人正在为此表格评分，请一分钟后再试。',
    emptySheet: '此工作表为空：请先放入标题行，每行一个客户（或一笔订单）。',
    nothingWritten: (reason) => `未写入任何内容：${reason}`,
    looksLikeOrders: '这看起来是每行一笔订单的表：请在“表格”中选择“每行一笔订单”，然后点击“评分”。',
    tooSlow: '未写入任何内容：评分超出了一次 Apps Script 运行的时限。请缩小范围，或使用命令行。',
    tooManyCells: (needed, limit) => `未写入任何内容：结果还需要 ${n(needed)} 个单元格，而一个表格最多 ${n(limit)} 个。请删除不用的行、列或工作表，或在新表格中为此表的副本评分。`,
    scored: (customers, attention, kind) => `已为 ${n(customers)} 位客户评分${attention > 0 ? `，${n(attention)} 行需要处理，${kind === 'orders' ? '请查看“Tierwise customers”工作表' : '请查看“原因”列'}` : ''}。`,
    cancelled: '已取消：未再写入任何内容。',
    stoppedForTime: (rows, total) => `已写入 ${n(rows)} / ${n(total)} 行后停止：接近 Apps Script 的 6 分钟时限。请再次点击“评分”以写完全部行。`,
    notTable: '请打开您的客户表（Tierwise 尚未在此评分过）。',
    progressReading: '正在读取工作表…',
    progressScoring: (rows) => `正在为 ${n(rows)} 行评分…`,
    progressWriting: (done, total) => `正在写入：${n(done)} / ${n(total)} 行…`,
    selectRow: '请选中一行客户以查看维护策略。',
    notCustomerRow: (row) => `第 ${row} 行不是客户行。`,
    notScoredYet: '此表尚未评分：请先点击“评分”。',
    notInCustomers: (id) => `客户“${id}”尚不在“Tierwise customers”工作表中：请点击“评分”。`,
    scheduled: (hour, timeZone) => `Tierwise 将每天约 ${String(hour).padStart(2, '0')}:00（${timeZone}）为已评分的表重新评分。`,
    stopped: '已停止每日重新评分。',
    noneToStop: '没有需要停止的每日重新评分。',
    removed: (columns, sheets) => `已删除 ${columns} 个 Tierwise 列和 ${sheets} 个 Tierwise 工作表；您自己的单元格保持原样。`,
    confirmRemove: '删除 Tierwise 在此表格中添加的所有列和工作表，以及它的设置和每日重新评分？您自己的单元格保持不变。',
    nothingToRemove: 'Tierwise 未向此表格添加任何内容。',
    settingsNotSaved: (problems) => `设置未保存：${problems}`,
    settingProblem: (field, problem) => `${field}${problem}`,
    tooBig: (max) => `不能大于 ${max}`,
    tooSmall: (min) => `不能小于 ${min}`,
    notOneOf: (options) => `必须是以下之一：${options}`,
    notAFieldOf: (kind, fields) => `不是${kind === 'orders' ? '订单表' : kind === 'customers' ? '客户表' : '任何表'}的字段（可用字段：${fields}）`,
    wrongType: (expected) => `必须是${expected}`,
    typeName: { number: '数字', string: '文字', boolean: '是或否' },
    notADate: '必须是日期（例如 2026-11-01）',
    invalid: '无效',
    asOfNotDate: (value) => `截至日期“${value}”不是日期（应为例如 "2026-11-01" 或 TODAY()）。`,
    customNeedsRange: '请给出包含标题行的范围，例如 =TIERWISE_SCORE(A1:J500)。',
    lastRunFailed: (when, error) => `${when} 的每日重新评分失败：${error}`,
    runLogTitle: '运行记录',
    runLogHeader: ['时间', '工作表', '行数', '结果', '错误'],
    runOk: '已评分',
    runFailed: '失败',
    help: 'Tierwise 会在您的客户表右侧添加“客户分层”“细分”“RFM”“流失风险”“风险等级”“生命周期”“下一步行动”“跟进日期”和“原因”列，并添加“Tierwise summary”工作表。您自己的单元格不会被更改；“删除 Tierwise 列”会移除 Tierwise 添加的全部内容。请打开侧边栏核对识别到的列，然后点击“评分”。',
  },
};
