// A zh-CN user reads no English sentence from `tierwise score`: not in the summary, the notes, the
// "wrote" line, nor the Why cells (issue 17). Text from the user's own file (headers, ids, values,
// a report's footer quoted back) may stay as it is; so may names like Tierwise, RFM, NBD, Brier.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, tierwise } from './run-cli.ts';
import { englishSentences } from './english-sentences.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import type { Cell } from '../../adapters/table/contract.ts';
import { Writable } from 'node:stream';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/io.ts';

const DIR = mkdtempSync(join(tmpdir(), 'tierwise-zh-'));
const ZH = join(DIR, 'zh.json');
writeFileSync(ZH, JSON.stringify({ options: { language: 'zh-CN' } }));


interface Run {
  said: string;
  why: string[];
  own: string[];
}

function run(file: string, orders: boolean, language: 'en' | 'zh-CN', summary: boolean): Run {
  const input = join(ROOT, file);
  const out = join(DIR, `${language}-${file.replace(/\W/g, '_')}.csv`);
  const args = ['score', input, ...(orders ? ['--orders'] : []), '--as-of', '2026-11-01', ...(summary ? ['--summary'] : []), '--out', out];
  const result = tierwise(language === 'zh-CN' ? [...args, '--config', ZH] : args);
  expect(result.status, result.stderr).toBe(0);
  const rows = parseDelimited(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
  const header = rows.find((r) => r.includes(language === 'zh-CN' ? '原因' : 'Why')) ?? [];
  const at = header.indexOf(language === 'zh-CN' ? '原因' : 'Why');
  expect(at, 'the output has a Why column').toBeGreaterThan(0);
  const why = rows.map((r) => r[at] ?? '').filter((c) => c !== '' && c !== header[at]);
  const own = [...new Set(parseDelimited(readFileSync(input, 'utf8').replace(/^\uFEFF/, '')).flat().map((c) => c.trim()))].filter((c) => c !== '');
  return { said: [result.stdout, result.stderr].join('\n').split(out).join(' ').split(file).join(' '), why, own };
}

const CASES = [
  { file: 'test/fixtures/tables/messy-customers.csv', orders: false, summary: true },
  { file: 'test/fixtures/exports/salesforce-report.csv', orders: false, summary: true },
  { file: 'test/fixtures/exports/woocommerce-customers.csv', orders: false, summary: false },
  { file: 'test/fixtures/exports/shopify-orders.csv', orders: true, summary: true },
  { file: 'test/fixtures/exports/woocommerce-orders.csv', orders: true, summary: false },
];

describe('zh-CN output of tierwise score', () => {
  for (const { file, orders, summary } of CASES) {
    it(`has no English sentence in stdout, stderr or the Why cells: ${file}`, () => {
      const zh = run(file, orders, 'zh-CN', summary);
      expect(zh.why.length, 'some rows have a reason').toBeGreaterThan(0);
      expect(englishSentences(zh.said, zh.own)).toEqual([]);
      expect(zh.why.flatMap((cell) => englishSentences(cell, zh.own))).toEqual([]);
      // The same check finds the English run's sentences: it can fail.
      const en = run(file, orders, 'en', summary);
      expect(englishSentences(en.said, en.own).length).toBeGreaterThan(0);
    }, 120_000);
  }
});

describe('a zh-CN user whose export cannot be scored', () => {
  it('reads why, and which export to use, in Chinese', () => {
    const result = tierwise(['score', join(ROOT, 'test/fixtures/exports/shopify-customers.csv'), '--as-of', '2026-11-01', '--config', ZH]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('这是 Shopify 的客户导出文件');
    // The command to type stays a command.
    const said = result.stderr.split(join(ROOT, 'test/fixtures/exports/shopify-customers.csv')).join(' ').split('tierwise score orders_export.csv --orders').join(' ');
    expect(englishSentences(said, [])).toEqual([]);
  });
});

describe('the date-order notes', () => {
  it('say in Chinese how ambiguous slash dates were read, customer and order tables alike', () => {
    const customers: Cell[][] = [['Customer ID', 'Last Purchase', 'Orders', 'Total Spend'], ['C1', '3/4/2026', '2', '100'], ['C2', '5/6/2026', '1', '50']];
    const orders: Cell[][] = [['Order ID', 'Customer ID', 'Order Date', 'Amount'], ['O1', 'C1', '3/4/2026', '100'], ['O2', 'C2', '5/6/2026', '50']];
    for (const [cells, kind] of [[customers, 'customers'], [orders, 'orders']] as const) {
      const en = scoreTable(cells, { kind }, { asOf: '2026-11-01' }).warnings;
      const zh = scoreTable(cells, { kind }, { asOf: '2026-11-01', language: 'zh-CN' }).warnings;
      expect(en.some((w) => w.includes('could be month/day or day/month')), kind).toBe(true);
      expect(zh.some((w) => w.includes('既可能是月/日也可能是日/月')), kind).toBe(true);
      expect(zh.flatMap((w) => englishSentences(w, cells.flat().map(String))), kind).toEqual([]);
    }
  });
});

describe('an unclosed quote, for a zh-CN user', () => {
  it('is reported in Chinese on its row, in a customer table and in an order file read as a stream', () => {
    const customers = join(DIR, 'unclosed-customers.csv');
    writeFileSync(customers, 'Customer ID,Name,Last Purchase,Orders,Total Spend\nC1,Ann,2026-01-01,2,100\nC4,"Bob, Jr,2026-03-01,2,200\nC5,Eve,2026-04-01,3,300\n');
    const orders = join(DIR, 'unclosed-orders.csv');
    writeFileSync(orders, 'Order ID,Customer ID,Order Date,Amount\nO1,C1,2026-01-01,100\nO2,"C2,2026-02-01,50\nO3,C3,2026-03-01,70\n');
    for (const [file, extra, before] of [[customers, [], '"Bob, Jr,2026-03-01,2,200"'], [orders, ['--orders'], '"C2,2026-02-01,50"']] as const) {
      const zh = tierwise(['score', file, ...extra, '--as-of', '2026-11-01', '--json', '--config', ZH]);
      expect(zh.status, zh.stderr).toBe(0);
      const errors = (JSON.parse(zh.stdout) as { error: string | null }[]).flatMap((r) => (r.error === null ? [] : [r.error]));
      expect(errors, file).toContain(`第 3 行：第 2 个字段开头的引号没有闭合（引号后为 ${before}），因此该行无法读取；请补全或删除这个引号`);
      const en = tierwise(['score', file, ...extra, '--as-of', '2026-11-01', '--json']);
      expect((JSON.parse(en.stdout) as { error: string | null }[]).some((r) => r.error?.startsWith('Row 3: the quote at the start of field 2 is never closed') === true), file).toBe(true);
    }
  });
});

describe('the learned model that cannot be trained', () => {
  it('says why in the options language, and in English unchanged', () => {
    const orders: Cell[][] = [['Order ID', 'Customer ID', 'Order Date', 'Amount'], ['O1', 'C1', '2026-10-01', '100'], ['O2', 'C2', '2026-10-20', '50']];
    const en = scoreTable(orders, { kind: 'orders' }, { asOf: '2026-11-01', churnModel: 'learned' }).warnings;
    const zh = scoreTable(orders, { kind: 'orders' }, { asOf: '2026-11-01', churnModel: 'learned', language: 'zh-CN' }).warnings;
    expect(en).toContain('churn risk uses the hand-set weights: the order history (31 days) is too short to learn from');
    expect(zh).toContain('流失风险使用人工设定的权重：订单历史（31 天）太短，无法学习');
    expect(zh.flatMap((w) => englishSentences(w, orders.flat().map(String)))).toEqual([]);
  });
});

describe('a table whose columns cannot be found, for a zh-CN user', () => {
  const tables = {
    'no header row': 'a,b,c\n1,2,3\n4,5,6\n',
    'a missing column': 'Customer ID,Orders,Total Spend\nC1,2,100\nC2,1,50\n',
    'a mapping to a header the table lacks': 'Customer ID,Last Purchase,Orders,Total Spend\nC1,2026-01-01,2,100\n',
    'totals but no dates': 'Customer ID,Orders,Total Spend\nC1,2,100\n',
    'rows that look like orders': 'Order ID,Customer ID,Order Date,Amount\nO1,C1,2026-01-01,100\nO2,C1,2026-02-01,50\n',
    'an empty table': ',,\n,,\n',
  };
  it.each(Object.entries(tables))('says why in Chinese: %s', (name, text) => {
    const file = join(DIR, `${name.replace(/\W/g, '-')}.csv`);
    writeFileSync(file, text);
    const mapped = join(DIR, `mapped-${name.replace(/\W/g, '-')}.json`);
    const mapping = name.startsWith('a mapping') ? { columns: { lastPurchase: 'Last Order Date' } } : {};
    writeFileSync(mapped, JSON.stringify({ ...mapping, options: { language: 'zh-CN' } }));
    const zh = tierwise(['score', file, '--as-of', '2026-11-01', '--config', mapped]);
    expect(zh.status).toBe(1);
    const own = text.split(/[\n,]/).filter((c) => c !== '');
    // The command and the config keys to type stay as they are typed.
    const said = zh.stderr.split(file).join(' ').replace(/--orders|"columns"|\{"columns".*?\}\}/g, ' ');
    expect(englishSentences(said, [...own, 'Last Order Date']), zh.stderr).toEqual([]);
    expect(zh.stderr).toMatch(/[\u4e00-\u9fff]/);
    writeFileSync(mapped, JSON.stringify(mapping));
    const en = tierwise(['score', file, '--as-of', '2026-11-01', '--config', mapped]);
    expect(en.status).toBe(1);
    expect(englishSentences(en.stderr.split(file).join(' '), own).length, en.stderr).toBeGreaterThan(0);
  });
});

describe('the progress lines on a terminal, for a zh-CN user', () => {
  it('say how many rows were read, scored and written in Chinese', async () => {
    const file = join(DIR, 'many.csv');
    const lines = ['Customer ID,Last Purchase,Orders,Total Spend'];
    for (let i = 0; i < 70_000; i++) lines.push(`C${i},2026-${String(1 + (i % 9)).padStart(2, '0')}-15,${1 + (i % 7)},${(i % 500) + 10}`);
    writeFileSync(file, lines.join('\n') + '\n');
    const progressOf = async (config: string[]) => {
      let now = 0;
      const chunks: string[] = [];
      const sink = (tty: boolean, into: string[]) =>
        Object.assign(new Writable({ write: (chunk: Buffer | string, _e, done) => (into.push(chunk.toString()), done()) }), { isTTY: tty });
      const io: CliIo = { stdout: sink(false, []), stderr: sink(true, chunks), env: {}, cwd: DIR, clock: () => (now += 3000) };
      expect(await main(['score', file, '--as-of', '2026-11-01', '--out', join(DIR, 'many-out.csv'), ...config], io)).toBe(0);
      return chunks.join('').trim().split('\n').map((l) => l.replace(/^tierwise: /, ''));
    };
    const zh = await progressOf(['--config', ZH]);
    expect(zh.length).toBeGreaterThanOrEqual(4);
    // Not a Latin word left once "tierwise: " is taken off (the English run has them: the check can fail).
    expect(zh.filter((l) => /[A-Za-z]{2,}/.test(l))).toEqual([]);
    expect(zh.some((l) => l.startsWith('已评分 70,000 行'))).toBe(true);
    const en = await progressOf([]);
    expect(en.filter((l) => /[A-Za-z]{2,}/.test(l)).length).toBe(en.length);
  }, 120_000);
});

describe('tierwise backtest, for a zh-CN user', () => {
  it('prints its report in Chinese: no English sentence in stdout or stderr (the English run has them)', () => {
    const orders = join(ROOT, 'bench/data/CDNOW_master.txt');
    const args = ['backtest', orders, '--as-of', '1997-09-30', '--horizon', '39w'];
    const zh = tierwise([...args, '--config', ZH]);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('各组最大偏差');
    expect(englishSentences([zh.stdout, zh.stderr].join('\n'), [])).toEqual([]);
    const en = tierwise(args);
    expect(englishSentences([en.stdout, en.stderr].join('\n'), []).length).toBeGreaterThan(5);
    // The same figures in both: only the words differ.
    const figures = (text: string) => text.match(/\d+\.\d{4}/g);
    expect(figures(zh.stdout)).toEqual(figures(en.stdout));
  }, 120_000);

  it('says in Chinese why a purchase model could not be fitted (no repeat buyers before the as-of date)', () => {
    const orders = join(DIR, 'one-timers.csv');
    const rows = Array.from({ length: 40 }, (_, i) => `C${i},2026-0${1 + (i % 5)}-1${i % 9},${20 + i}`);
    const later = Array.from({ length: 14 }, (_, j) => `C${3 * j},2026-09-1${(3 * j) % 9},${30 + j}`);
    writeFileSync(orders, ['customer_id,date,amount', ...rows, ...later].join('\n') + '\n');
    const args = ['backtest', orders, '--as-of', '2026-07-01', '--horizon', '90d'];
    const zh = tierwise([...args, '--config', ZH]);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('BG/NBD 至少需要 20 位客户，其中 10 位买过不止一次；实际有 40 位客户、0 位回购客户；BG/NBD 对比从略');
    expect(englishSentences([zh.stdout, zh.stderr.split(orders).join(' ')].join('\n'), [])).toEqual([]);
    const en = tierwise(args);
    expect(en.stderr).toContain('BG/NBD needs at least 20 customers and 10 who bought more than once; got 40 customers, 0 repeat buyers; the BG/NBD comparison is left out');
  });
});

describe('a file that cannot be read or written, for a zh-CN user', () => {
  const csv = 'Customer ID,Last Purchase,Orders,Total Spend\nC1,2026-01-01,2,100\n';
  const cases: Record<string, { name: string; bytes: string | Buffer; extra?: (dir: string) => string[] }> = {
    'an empty file': { name: 'empty.csv', bytes: '' },
    'an old .xls file': { name: 'old.xls', bytes: csv },
    'a .xlsx that is not a workbook': { name: 'fake.xlsx', bytes: csv },
    'binary data': { name: 'binary.csv', bytes: Buffer.from([0, 1, 2, 3, 0, 0, 7, 8, 0]) },
    'a sheet asked of a text table': { name: 'sheet.csv', bytes: csv, extra: () => ['--sheet', 'Customers'] },
    'an --out folder that does not exist': { name: 'out.csv', bytes: csv, extra: (dir) => ['--out', join(dir, 'no-such-folder', 'scored.csv')] },
    'a file that does not exist': { name: 'missing.csv', bytes: '' },
    'an --out that is the input': { name: 'same.csv', bytes: csv, extra: (dir) => ['--out', join(dir, 'same.csv')] },
    'an --out inside a file': { name: 'inside.csv', bytes: csv, extra: (dir) => ['--out', join(dir, 'inside.csv', 'scored.csv')] },
  };
  it.each(Object.keys(cases))('says why in Chinese: %s', (label) => {
    const c = cases[label] as (typeof cases)[string];
    const dir = mkdtempSync(join(DIR, 'file-'));
    const file = join(dir, c.name);
    if (!label.includes('does not exist') || label.includes('--out')) writeFileSync(file, c.bytes);
    const args = ['score', file, '--as-of', '2026-11-01', ...(c.extra?.(dir) ?? [])];
    const zh = tierwise([...args, '--config', ZH]);
    expect(zh.status, zh.stderr).not.toBe(0);
    const said = zh.stderr.split(join(file, 'scored.csv')).join(' ').split(join(dir, 'no-such-folder', 'scored.csv')).join(' ').split(join(dir, 'no-such-folder')).join(' ').split(file).join(' ').split(dir).join(' ');
    // A usage error ends with the command's syntax, in Chinese too: only the flags and formats it names stay as typed.
    expect(englishSentences(said.replace(/--[a-z0-9-]+|YYYY-MM-DD/g, ' '), []), zh.stderr).toEqual([]);
    expect(zh.stderr).toMatch(/[\u4e00-\u9fff]/);
    const en = tierwise(args);
    expect(en.status).toBe(zh.status);
    expect(englishSentences(en.stderr.split(file).join(' ').split(dir).join(' '), []).length, en.stderr).toBeGreaterThan(0);
  });

  it('says in Chinese how long a clipped header was and how many headers were not shown', () => {
    const long = `Notes ${'x'.repeat(120)}`;
    const headers = ['Customer ID', long, ...Array.from({ length: 30 }, (_, i) => `Extra ${i}`)];
    const file = join(DIR, 'many-headers.csv');
    writeFileSync(file, `${headers.join(',')}\n${headers.map(() => '1').join(',')}\n`);
    const zh = tierwise(['score', file, '--as-of', '2026-11-01', '--config', ZH]);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toMatch(/共 126 个字符/);
    expect(zh.stderr).toMatch(/另有 12 项/);
    expect(zh.stderr).not.toMatch(/characters| more\b/);
    const en = tierwise(['score', file, '--as-of', '2026-11-01']);
    expect(en.stderr).toMatch(/\(126 characters\)/);
    expect(en.stderr).toMatch(/ and 12 more/);
  });
});
