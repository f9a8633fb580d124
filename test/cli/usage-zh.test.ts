// The last English lines of a zh-CN run (issue 17): usage errors and --help, `tierwise model fit`'s
// report, and the length note of a long unclosed-quote text. Each is pinned in both languages through
// the built command line; the English texts are the ones main printed before, byte for byte.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, tierwise } from './run-cli.ts';
import { englishSentences } from './english-sentences.ts';

const DIR = mkdtempSync(join(tmpdir(), 'tierwise-usage-zh-'));
const ZH = join(DIR, 'zh.json');
writeFileSync(ZH, JSON.stringify({ options: { language: 'zh-CN' } }));

const SCORE_EN = 'Usage: tierwise score <file.csv|.tsv|.txt|.xlsx> [--orders] [--as-of YYYY-MM-DD] [--out F] [--force] [--utf8-no-bom] [--json] [--summary] [--threads N] [--model rules|pareto|learned] [--config F] [--sheet NAME] [--quiet]';
const SCORE_ZH = '用法：tierwise score <文件.csv|.tsv|.txt|.xlsx> [--orders] [--as-of YYYY-MM-DD] [--out 文件] [--force] [--utf8-no-bom] [--json] [--summary] [--threads 线程数] [--model rules|pareto|learned] [--config 文件] [--sheet 工作表名] [--quiet]';
const FIT_EN = 'Usage: tierwise model fit <orders.csv> [--as-of YYYY-MM-DD] [--json] [--pareto] [--config F] [--sheet NAME] [--quiet]  (--calibration-end is another name for --as-of)';
const FIT_ZH = '用法：tierwise model fit <订单文件.csv> [--as-of YYYY-MM-DD] [--json] [--pareto] [--config 文件] [--sheet 工作表名] [--quiet]  （--calibration-end 是 --as-of 的另一个名字）';
const BACKTEST_EN = 'Usage: tierwise backtest <orders.csv> --as-of YYYY-MM-DD [--horizon 39w|90d|6m] [--json] [--config F] [--sheet NAME] [--quiet]';
const BACKTEST_ZH = '用法：tierwise backtest <订单文件.csv> --as-of YYYY-MM-DD [--horizon 39w|90d|6m] [--json] [--config 文件] [--sheet 工作表名] [--quiet]';
const SYNC_EN =
  'Usage: tierwise hubspot sync [--object contacts|companies] [--dry-run] [--tasks] [--full] [--as-of YYYY-MM-DD] [--state file.sqlite] [--language en|zh-CN] [--api-version 2026-09] [--burst 100] [--wait SECONDS] [--timeout-ms 30000] [--max-attempts 6]';
const SYNC_ZH =
  '用法：tierwise hubspot sync [--object contacts|companies] [--dry-run] [--tasks] [--full] [--as-of YYYY-MM-DD] [--state 文件.sqlite] [--language en|zh-CN] [--api-version 2026-09] [--burst 100] [--wait 秒数] [--timeout-ms 30000] [--max-attempts 6]';

/** The command's words, then the language (right after them, so a trailing option keeps its meaning), then the rest. */
function withLanguage(args: readonly string[], language: 'en' | 'zh-CN'): string[] {
  const words = args[0] === 'model' || args[0] === 'hubspot' ? 2 : 1;
  const given = language === 'en' ? [] : args[0] === 'hubspot' ? ['--language', 'zh-CN'] : ['--config', ZH];
  return [...args.slice(0, words), ...given, ...args.slice(words)];
}

/** The built CLI with HUBSPOT_ACCESS_TOKEN as given ('' : not set). */
function run(args: string[], token = ''): { status: number | null; stdout: string; stderr: string } {
  if (args[0] !== 'hubspot') return tierwise(args, DIR);
  const child = spawnSync(process.execPath, [join(ROOT, 'bin', 'tierwise.js'), ...args], { cwd: DIR, encoding: 'utf8', env: { ...process.env, HUBSPOT_ACCESS_TOKEN: token } });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

interface Case {
  args: string[];
  token?: string;
  en: string;
  zh: string;
  usage: [string, string];
}

const CASES: Record<string, Case> = {
  'score without a file': { args: ['score'], en: 'expected one file to score', zh: '请给出一个要评分的文件（只能一个）', usage: [SCORE_EN, SCORE_ZH] },
  'an --as-of that is not a date': {
    args: ['score', 'x.csv', '--as-of', '2026-13-01'],
    en: '--as-of "2026-13-01" is not a date: expected YYYY-MM-DD, e.g. 2026-03-01',
    zh: '--as-of “2026-13-01”不是日期：应为 YYYY-MM-DD 格式，例如 2026-03-01',
    usage: [SCORE_EN, SCORE_ZH],
  },
  'a --model that is not a churn model': {
    args: ['score', 'x.csv', '--model', 'magic'],
    en: '--model "magic" is not a churn model: expected rules, pareto or learned',
    zh: '--model “magic”不是流失模型：应为 rules、pareto 或 learned',
    usage: [SCORE_EN, SCORE_ZH],
  },
  'a --threads that is not a number of threads': {
    args: ['score', 'x.csv', '--as-of', '2026-11-01', '--threads', 'all'],
    en: '--threads "all" is not a number of threads: expected a whole number from 1, e.g. --threads 2',
    zh: '--threads “all”不是线程数：应为 1 或更大的整数，例如 --threads 2',
    usage: [SCORE_EN, SCORE_ZH],
  },
  'a mistyped option': { args: ['score', 'x.csv', '--thread', '2'], en: 'unknown option --thread (did you mean --threads?)', zh: '未知选项 --thread（是不是想用 --threads？）', usage: [SCORE_EN, SCORE_ZH] },
  'an option with no value': { args: ['score', 'x.csv', '--out'], en: "Option '--out <value>' argument missing", zh: '--out 后面缺少取值', usage: [SCORE_EN, SCORE_ZH] },
  'a switch given a value': { args: ['score', 'x.csv', '--json=yes'], en: "Option '--json' does not take an argument", zh: '--json 是开关选项，不接受取值', usage: [SCORE_EN, SCORE_ZH] },
  'a value that starts with a dash': {
    args: ['score', 'x.csv', '--out', '-scored.csv'],
    en: "Option '--out' argument is ambiguous.",
    zh: '--out 后面缺少取值（下一个参数以“-”开头）；如果取值本身以“-”开头，请写成 --out=-XYZ',
    usage: [SCORE_EN, SCORE_ZH],
  },
  'backtest without --as-of': { args: ['backtest', 'x.csv'], en: 'expected one order file and --as-of', zh: '请给出一个订单文件（只能一个）和 --as-of', usage: [BACKTEST_EN, BACKTEST_ZH] },
  'a --horizon that is not a period': {
    args: ['backtest', 'x.csv', '--as-of', '2026-01-01', '--horizon', '3y'],
    en: '--horizon "3y" is not a period: expected e.g. 39w, 90d or 6m',
    zh: '--horizon “3y”不是时间段：应为 39w、90d 或 6m 这样的写法（周、天、月）',
    usage: [BACKTEST_EN, BACKTEST_ZH],
  },
  'model fit without a file': { args: ['model', 'fit'], en: 'expected one order file', zh: '请给出一个订单文件（只能一个）', usage: [FIT_EN, FIT_ZH] },
  'two different calibration ends': {
    args: ['model', 'fit', 'x.csv', '--as-of', '2026-01-01', '--calibration-end', '2026-02-01'],
    en: '--as-of and --calibration-end name the same date: give one of them',
    zh: '--as-of 和 --calibration-end 指的是同一个日期：请只给出其中一个',
    usage: [FIT_EN, FIT_ZH],
  },
  'hubspot sync without a token': {
    args: ['hubspot', 'sync'],
    en: 'set HUBSPOT_ACCESS_TOKEN to a private app token with crm.objects.contacts.read/write and crm.schemas.contacts.write (companies likewise)',
    zh: '请把 HUBSPOT_ACCESS_TOKEN 设为私有应用的访问令牌，需有 crm.objects.contacts.read/write 和 crm.schemas.contacts.write 权限（公司同理）',
    usage: [SYNC_EN, SYNC_ZH],
  },
  'hubspot sync given an argument': { args: ['hubspot', 'sync', 'contacts'], en: 'unexpected argument "contacts"', zh: '多余的参数“contacts”', usage: [SYNC_EN, SYNC_ZH] },
  'an --object HubSpot does not have': {
    args: ['hubspot', 'sync', '--object', 'deals'],
    token: 'pat-test',
    en: '--object must be contacts or companies, not "deals"',
    zh: '--object 只能是 contacts 或 companies，而不是“deals”',
    usage: [SYNC_EN, SYNC_ZH],
  },
  "hubspot sync's --as-of": { args: ['hubspot', 'sync', '--as-of', 'today'], token: 'pat-test', en: '--as-of "today" is not a date: expected YYYY-MM-DD', zh: '--as-of “today”不是日期：应为 YYYY-MM-DD 格式', usage: [SYNC_EN, SYNC_ZH] },
  'a --burst over the limit': {
    args: ['hubspot', 'sync', '--burst', '999'],
    token: 'pat-test',
    en: '--burst must be a whole number of requests per 10 s (100 for marketplace apps, 190 for Pro private apps), not "999"',
    zh: '--burst 应为每 10 秒的请求数，取整数（市场应用为 100，Pro 版私有应用为 190），而不是“999”',
    usage: [SYNC_EN, SYNC_ZH],
  },
  'a negative --wait': { args: ['hubspot', 'sync', '--wait=-1'], token: 'pat-test', en: '--wait must be a number of seconds, not "-1"', zh: '--wait 应为秒数，而不是“-1”', usage: [SYNC_EN, SYNC_ZH] },
  'a --timeout-ms of zero': {
    args: ['hubspot', 'sync', '--timeout-ms', '0'],
    token: 'pat-test',
    en: '--timeout-ms must be a whole number of milliseconds, not "0"',
    zh: '--timeout-ms 应为整数毫秒数，而不是“0”',
    usage: [SYNC_EN, SYNC_ZH],
  },
  'too many attempts': {
    args: ['hubspot', 'sync', '--max-attempts', '99'],
    token: 'pat-test',
    en: '--max-attempts must be a whole number from 1 to 20, not "99"',
    zh: '--max-attempts 应为 1 到 20 之间的整数，而不是“99”',
    usage: [SYNC_EN, SYNC_ZH],
  },
};

describe('a usage error, in the run language', () => {
  it.each(Object.keys(CASES))('%s', (label) => {
    const c = CASES[label] as Case;
    const name = c.args[0] === 'model' || c.args[0] === 'hubspot' ? c.args.slice(0, 2).join(' ') : (c.args[0] as string);
    const zh = run(withLanguage(c.args, 'zh-CN'), c.token);
    expect(zh.status, zh.stderr).toBe(2);
    expect(zh.stderr).toBe(`tierwise ${name}: ${c.zh}\n${c.usage[1]}\n`);
    // Option names, values and formats stay as typed; nothing else is English.
    expect(englishSentences(zh.stderr.replace(/tierwise [a-z]+ [a-z]+|YYYY-MM-DD|--[a-z-]+|crm\.[a-z./]+/g, ' '), [])).toEqual([]);
    const en = run(withLanguage(c.args, 'en'), c.token);
    expect(en.status).toBe(2);
    expect(en.stderr).toBe(`tierwise ${name}: ${c.en}\n${c.usage[0]}\n`);
  });

  it('stays English where the language itself is the mistake, or its config cannot be read', () => {
    const language = run(['hubspot', 'sync', '--language', 'fr'], 'pat-test');
    expect(language.stderr).toBe(`tierwise hubspot sync: --language must be en or zh-CN\n${SYNC_EN}\n`);
    const config = run(['score', 'x.csv', '--config', join(DIR, 'no-such-config.json')]);
    expect(config.stderr.split('\n')[1]).toBe(SCORE_EN);
  });

  it('says --help in the run language', () => {
    const cases = [
      ['score', 'Score a customer table (or an order table with --orders) and add Tier, Churn risk, Next action and Why.', '为客户表（或加 --orders 的订单表）评分，并添加客户分层、流失风险、下一步行动和原因列。', SCORE_EN, SCORE_ZH],
      ['model fit', 'Fit BG/NBD, Pareto/NBD and Gamma-Gamma to an order file and print the parameters.', '用订单文件拟合 BG/NBD、Pareto/NBD 和 Gamma-Gamma 模型，并打印参数。', FIT_EN, FIT_ZH],
      ['backtest', 'Score as of a past date and check the scores against what customers did next.', '以过去某个日期为截至日期评分，再对照客户之后的实际购买检验评分。', BACKTEST_EN, BACKTEST_ZH],
      ['hubspot sync', 'Score HubSpot contacts or companies and write Tier, Churn risk and Next action back as properties.', '为 HubSpot 联系人或公司评分，并把客户分层、流失风险和下一步行动写回为属性。', SYNC_EN, SYNC_ZH],
    ] as const;
    for (const [name, summaryEn, summaryZh, usageEn, usageZh] of cases) {
      const args = [...name.split(' '), '--help'];
      const zh = run(withLanguage(args, 'zh-CN'));
      expect(zh.status).toBe(0);
      expect(zh.stdout).toBe(`${summaryZh}\n\n${usageZh}\n`);
      const en = run(args);
      expect(en.stdout).toBe(`${summaryEn}\n\n${usageEn}\n`);
    }
  }, 60_000);
});

describe('tierwise model fit, for a zh-CN user', () => {
  it('prints its report and notes in Chinese, with the same figures as in English', () => {
    const args = ['model', 'fit', join(ROOT, 'sample/orders.csv'), '--pareto'];
    const zh = run(withLanguage(args, 'zh-CN'));
    expect(zh.status, zh.stderr).toBe(0);
    const lines = zh.stdout.split('\n');
    expect(lines[0]).toMatch(/^已用 461 位客户截至 2026-11-11 的订单拟合购买模型（时间单位：周），用时 \d+\.\d\d 秒$/);
    expect(lines[1]).toMatch(/^ {2}BG\/NBD {6}r \d+\.\d{4} {2}alpha \d+\.\d{4} {2}a \d+\.\d{4} {2}b \d+\.\d{4} {2}对数似然 -\d+\.\d\d$/);
    expect(lines[4]).toBe('有客户流失吗？（无流失模型的对数似然为 -16694.43）');
    expect(lines[5]).toMatch(/^ {2}BG\/NBD 发现有客户流失：与无人流失的模型相比，似然比为 133\.69（需达到 3\.84）$/);
    expect(zh.stderr).toContain('tierwise: 注：1 行订单无法读取，已略过（第一处：第 9775 行：');
    // Parameter symbols (r, alpha, …) and model names stay; no English sentence is left.
    expect(englishSentences([zh.stdout, zh.stderr].join('\n'), [])).toEqual([]);
    const en = run(args);
    expect(en.stdout.split('\n')[0]).toMatch(/^Purchase models fitted on 461 customers' orders up to 2026-11-11 \(time unit: weeks\) in \d+\.\d\d s$/);
    expect(en.stdout).toContain('  BG/NBD finds customers leaving: likelihood-ratio 133.69 against a model where nobody leaves (needs 3.84)');
    expect(en.stderr).toContain('tierwise: note: 1 order row could not be read and was left out (first: Row 9775, column "Order Date": "yesterday" is not a date');
    const figures = (text: string) => text.split('\n').slice(1).join('\n').match(/-?\d+\.\d+/g);
    expect(figures(zh.stdout)).toEqual(figures(en.stdout));
  }, 60_000);

  it('says in Chinese when a model finds nobody leaving', () => {
    const lines = ['customer_id,date,amount'];
    // Forty customers who each buy like clockwork up to the end: no model can find anyone leaving.
    for (let c = 0; c < 40; c++) {
      for (let t = Date.UTC(2026, 0, 1 + (c % 14)); t <= Date.UTC(2026, 9, 31); t += 7 * (2 + (c % 4)) * 86_400_000) lines.push(`C${c},${new Date(t).toISOString().slice(0, 10)},${20 + (c % 7) * 5}`);
    }
    const file = join(DIR, 'steady.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const args = ['model', 'fit', file, '--as-of', '2026-11-01'];
    const zh = run(withLanguage(args, 'zh-CN'));
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain(
      '  BG/NBD 处于无流失的边界：与无人流失的模型相比，似然比为 0.00，低于 3.84。它的 P(alive) 在这里没有意义；Tierwise 不显示它，最近购买按每位客户自己的购买节奏判断',
    );
    expect(englishSentences(zh.stdout, [])).toEqual([]);
    const en = run(args);
    expect(en.stdout).toContain(
      "  BG/NBD is at the no-dropout boundary: likelihood-ratio 0.00 against a model where nobody leaves, below 3.84. Its P(alive) says nothing here; Tierwise does not show it and judges recency against each customer's own rhythm",
    );
  }, 60_000);

  it('says why a model cannot be fitted, and that no order could be read, with a long unclosed quote clipped in Chinese', () => {
    const few = join(DIR, 'few.csv');
    writeFileSync(few, 'customer_id,date,amount\nC1,2026-01-01,10\nC1,2026-02-01,20\n');
    const zhFew = run(withLanguage(['model', 'fit', few], 'zh-CN'));
    expect(zhFew.status).toBe(1);
    expect(zhFew.stderr).toBe('tierwise model fit: BG/NBD 至少需要 20 位客户，其中 10 位买过不止一次；实际有 1 位客户、1 位回购客户\n');
    expect(run(['model', 'fit', few]).stderr).toBe('tierwise model fit: BG/NBD needs at least 20 customers and 10 who bought more than once; got 1 customer, 1 repeat buyer\n');

    const unreadable = join(DIR, 'unreadable.csv');
    writeFileSync(unreadable, `customer_id,date,amount\nC1,"2026-01-01 ${'x'.repeat(100)},10\nC2,someday,20\n`);
    const zh = run(withLanguage(['model', 'fit', unreadable], 'zh-CN'));
    expect(zh.status).toBe(2);
    const cut = `"2026-01-01 ${'x'.repeat(69)}…"`;
    expect(zh.stderr.split('\n')[0]).toBe(`tierwise model fit: ${unreadable} 中没有可以读取的订单（第一个问题：第 2 行：第 2 个字段开头的引号没有闭合（引号后为 ${cut}（共 114 个字符）），因此该行无法读取；请补全或删除这个引号）`);
    const en = run(['model', 'fit', unreadable]);
    expect(en.stderr.split('\n')[0]).toBe(
      `tierwise model fit: ${unreadable} has no order that could be read (first problem: Row 2: the quote at the start of field 2 is never closed (it opens before ${cut} (114 characters)), so the row could not be read; close the quote or remove it)`,
    );
  }, 60_000);
});

describe('a long unclosed-quote text, for a zh-CN user', () => {
  it('says its length in Chinese on its row, in a customer table and in an order file', () => {
    const long = `Bob ${'y'.repeat(120)}`;
    const customers = join(DIR, 'long-customers.csv');
    writeFileSync(customers, `Customer ID,Name,Last Purchase,Orders,Total Spend\nC1,Ann,2026-01-01,2,100\nC4,"${long},2026-03-01,2,200\nC5,Eve,2026-04-01,3,300\n`);
    const orders = join(DIR, 'long-orders.csv');
    writeFileSync(orders, `Order ID,Customer ID,Order Date,Amount\nO1,C1,2026-01-01,100\nO2,"${long},2026-02-01,50\nO3,C3,2026-03-01,70\n`);
    for (const [file, extra, length] of [[customers, [], 141], [orders, ['--orders'], 138]] as const) {
      const args = ['score', file, ...extra, '--as-of', '2026-11-01', '--json'];
      const errors = (stdout: string) => (JSON.parse(stdout) as { error: string | null }[]).flatMap((r) => (r.error === null ? [] : [r.error]));
      const zh = run(withLanguage(args, 'zh-CN'));
      expect(zh.status, zh.stderr).toBe(0);
      const zhError = errors(zh.stdout).find((e) => e.startsWith('第 3 行：第 2 个字段开头的引号没有闭合'));
      expect(zhError, file).toContain(`…"（共 ${length} 个字符））`);
      expect(zhError).not.toMatch(/characters/);
      const en = run(args);
      expect(errors(en.stdout).find((e) => e.startsWith('Row 3: the quote at the start of field 2 is never closed')), file).toContain(`…" (${length} characters))`);
    }
  }, 60_000);
});
