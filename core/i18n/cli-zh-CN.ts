// What the command line says about its own use, and `tierwise model fit`'s report, in Simplified Chinese (the
// interface: ./cli-words.ts). Apart from ./zh-CN.ts so the Apps Script bundle does not carry them.
import type { CliWords } from './cli-words.ts';

// The options every table command shares (cli/table-options.ts).
const TABLE_SYNTAX = '[--config 文件] [--sheet 工作表名] [--quiet]';

export const cliZhCN: CliWords = {
  modelFit: {
    title: (customers, end, seconds) => `已用 ${customers} 位客户截至 ${end} 的订单拟合购买模型（时间单位：周），用时 ${seconds} 秒`,
    logLikelihood: '对数似然',
    dropoutTitle: (logLikelihood) => `有客户流失吗？（无流失模型的对数似然为 ${logLikelihood}）`,
    leaving: (model, ratio, critical) => `${model} 发现有客户流失：与无人流失的模型相比，似然比为 ${ratio}（需达到 ${critical}）`,
    boundary: (model, ratio, critical) =>
      `${model} 处于无流失的边界：与无人流失的模型相比，似然比为 ${ratio}，低于 ${critical}。它的 P(alive) 在这里没有意义；Tierwise 不显示它，最近购买按每位客户自己的购买节奏判断`,
    badRows: (count, first) => `${count} 行订单无法读取，已略过（第一处：${first}）`,
  },
  usage: {
    usage: (syntax) => `用法：${syntax}`,
    commands: {
      score: {
        summary: '为客户表（或加 --orders 的订单表）评分，并添加客户分层、流失风险、下一步行动和原因列。',
        syntax: `tierwise score <文件.csv|.tsv|.txt|.xlsx> [--orders] [--as-of YYYY-MM-DD] [--out 文件] [--force] [--utf8-no-bom] [--json] [--summary] [--threads 线程数] [--model rules|pareto|learned] ${TABLE_SYNTAX}`,
      },
      'model fit': {
        summary: '用订单文件拟合 BG/NBD、Pareto/NBD 和 Gamma-Gamma 模型，并打印参数。',
        syntax: `tierwise model fit <订单文件.csv> [--as-of YYYY-MM-DD] [--json] [--pareto] ${TABLE_SYNTAX}  （--calibration-end 是 --as-of 的另一个名字）`,
      },
      backtest: {
        summary: '以过去某个日期为截至日期评分，再对照客户之后的实际购买检验评分。',
        syntax: `tierwise backtest <订单文件.csv> --as-of YYYY-MM-DD [--horizon 39w|90d|6m] [--json] ${TABLE_SYNTAX}`,
      },
      'hubspot sync': {
        summary: '为 HubSpot 联系人或公司评分，并把客户分层、流失风险和下一步行动写回为属性。',
        syntax:
          'tierwise hubspot sync [--object contacts|companies] [--dry-run] [--tasks] [--full] [--as-of YYYY-MM-DD] [--state 文件.sqlite] [--language en|zh-CN] [--api-version 2026-09] [--burst 100] [--wait 秒数] [--timeout-ms 30000] [--max-attempts 6]',
      },
    },
    unknownOption: (option, near) => `未知选项 ${option}${near === null ? '' : `（是不是想用 ${near}？）`}`,
    unexpectedArgument: (argument) => `多余的参数“${argument}”`,
    optionNeedsValue: (option) => `${option.replace(' <value>', '')} 后面缺少取值`,
    optionTakesNoValue: (option) => `${option} 是开关选项，不接受取值`,
    optionValueLikeOption: (option, example) => `${option} 后面缺少取值（下一个参数以“-”开头）；如果取值本身以“-”开头，请写成 ${example}`,
    notADate: (option, value) => `${option} “${value}”不是日期：应为 YYYY-MM-DD 格式，例如 2026-03-01`,
    oneFileToScore: '请给出一个要评分的文件（只能一个）',
    oneOrderFile: '请给出一个订单文件（只能一个）',
    oneOrderFileAndAsOf: '请给出一个订单文件（只能一个）和 --as-of',
    asOfTwice: '--as-of 和 --calibration-end 指的是同一个日期：请只给出其中一个',
    noOrderRead: (file, firstProblem) => `${file} 中没有可以读取的订单${firstProblem === null ? '' : `（第一个问题：${firstProblem}）`}`,
    notAChurnModel: (value) => `--model “${value}”不是流失模型：应为 rules、pareto 或 learned`,
    notThreads: (value) => `--threads “${value}”不是线程数：应为 1 或更大的整数，例如 --threads 2`,
    notAPeriod: (value) => `--horizon “${value}”不是时间段：应为 39w、90d 或 6m 这样的写法（周、天、月）`,
    hubspot: {
      noToken: '请把 HUBSPOT_ACCESS_TOKEN 设为私有应用的访问令牌，需有 crm.objects.contacts.read/write 和 crm.schemas.contacts.write 权限（公司同理）',
      object: (value) => `--object 只能是 contacts 或 companies，而不是“${value}”`,
      asOf: (value) => `--as-of “${value}”不是日期：应为 YYYY-MM-DD 格式`,
      burst: (value) => `--burst 应为每 10 秒的请求数，取整数（市场应用为 100，Pro 版私有应用为 190），而不是“${value}”`,
      wait: (value) => `--wait 应为秒数，而不是“${value}”`,
      timeoutMs: (value) => `--timeout-ms 应为整数毫秒数，而不是“${value}”`,
      maxAttempts: (value) => `--max-attempts 应为 1 到 20 之间的整数，而不是“${value}”`,
    },
  },
};
