// The command line with the files people really have: each test is one failure seen on main (issue 10).
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ROOT, tierwise } from './run-cli.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';

const sample = join(ROOT, 'sample', 'customers.csv');
const HEADER = 'Customer ID,Name,Last Purchase,Orders,Total Spend';
const RESULT_HEADERS = ['Tier', 'Segment', 'RFM', 'Churn risk', 'Churn level', 'Lifecycle', 'Next action', 'Follow up by', 'Why'];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-files-'));
});
const path = (name: string) => join(dir, name);

async function readXlsx(file: string): Promise<unknown[][]> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  const [sheet] = await readXlsxFile(file);
  return (sheet?.data ?? []) as unknown[][];
}

describe('writing .xlsx', () => {
  it('writes every customer row of a CSV input, not only the header', async () => {
    const out = path('sample.xlsx');
    const run = tierwise(['score', sample, '--as-of', '2026-11-01', '--out', out]);
    expect(run.status).toBe(0);
    const input = parseDelimited(readFileSync(sample, 'utf8'));
    const rows = await readXlsx(out);
    const ids = rows.slice(2).map((r) => r[0]);
    const inputIds = input.slice(2).map((r) => r[0]).filter((id) => id !== undefined);
    expect(ids.filter((id) => id !== null)).toEqual(inputIds.filter((id) => id !== ''));
    expect(rows[1]?.slice(-9)).toEqual(RESULT_HEADERS);
    expect(rows.slice(2).filter((r) => typeof r[r.length - 9] === 'string' && /^[ABCD]$/.test(r[r.length - 9] as string)).length).toBeGreaterThan(500);
  });

  it('keeps real date cells of an .xlsx input as dates, and writes Follow up by as a date', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const input = path('dates.xlsx');
    const day = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), format: 'yyyy-mm-dd' });
    await writeXlsxFile([
      HEADER.split(',').map((value) => ({ value })),
      [{ value: 'C1' }, { value: 'Ann' }, day('2026-10-01'), { value: 3 }, { value: 300 }],
      [{ value: 'C2' }, { value: 'Bo' }, day('2026-05-01'), { value: 1 }, { value: 50 }],
    ]).toFile(input);
    const out = path('dates-scored.xlsx');
    const run = tierwise(['score', input, '--as-of', '2026-11-01', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = await readXlsx(out);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[2]).toEqual(new Date('2026-10-01T00:00:00Z'));
    const followUp = rows[1]?.[5 + RESULT_HEADERS.indexOf('Follow up by')];
    expect(followUp).toBeInstanceOf(Date);
  });
});

describe('reading CSV', () => {
  it('reports an unclosed quote on its row and loses no row after it', () => {
    const input = path('unclosed.csv');
    writeFileSync(input, `${HEADER}\nC1,Ann,2026-01-01,2,100\nC2,Bo,2026-02-01,1,50\nC4,"Bob, Jr,2026-03-01,2,200\nC5,Eve,2026-04-01,3,300\nC6,Fay,2026-04-02,3,300\n`);
    const run = tierwise(['score', input, '--as-of', '2026-11-01', '--json']);
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { row: number; id: string | null; error: string | null; tier: string | null }[];
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(rows[2]?.error).toMatch(/^Row 4: the quote at the start of field 2 is never closed/);
    expect(rows.filter((r) => r.tier !== null).map((r) => r.id)).toEqual(['C1', 'C2', 'C5', 'C6']);
    const out = path('unclosed-scored.csv');
    expect(tierwise(['score', input, '--as-of', '2026-11-01', '--out', out]).stdout).toContain('1 row needs attention');
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[3]).toMatch(/^C4,"Bob, Jr,2026-03-01,2,200,+"Row 4: the quote/);
  });

  it('names an unclosed quote in the header row when it hides the header, exit 1', () => {
    const input = path('unclosed-header.csv');
    writeFileSync(input, 'Customer ID,"Name,Last Purchase,Orders,Total Spend\nC1,Ann,2026-01-01,2,100\n');
    const run = tierwise(['score', input, '--as-of', '2026-11-01']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/no header row found.*; note: Row 1: the quote at the start of field 2 is never closed/);
  });

  it('reads Excel "Unicode text" (UTF-16LE, tab-separated) and writes it back in UTF-16LE', () => {
    const input = path('unicode.txt');
    const text = `${HEADER.replaceAll(',', '\t')}\r\nC1\t张三\t2026-10-01\t3\t300\r\nC2\tBo\t2026-05-01\t1\t50\r\n`;
    writeFileSync(input, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const out = path('unicode-scored.txt');
    const run = tierwise(['score', input, '--as-of', '2026-11-01', '--out', out]);
    expect(run.status).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const lines = bytes.subarray(2).toString('utf16le').split('\r\n');
    expect(lines[0]).toBe(`${HEADER.replaceAll(',', '\t')}\t${RESULT_HEADERS.join('\t')}`);
    expect(lines[1]?.startsWith('C1\t张三\t2026-10-01\t3\t300')).toBe(true);
  });

  it('writes a GBK input back in GBK, and a UTF-8 input with a BOM, so Excel shows Chinese text', () => {
    const config = path('zh.json');
    writeFileSync(config, JSON.stringify({ options: { language: 'zh-CN' } }));
    const text = '客户编号,客户名称,最近购买日期,订单数,消费金额\r\nC1,张三,2026-10-01,3,300\r\n';
    const gbk = path('gbk.csv');
    writeFileSync(gbk, iconv.encode(text, 'gbk'));
    const out = path('gbk-scored.csv');
    expect(tierwise(['score', gbk, '--as-of', '2026-11-01', '--config', config, '--out', out]).status).toBe(0);
    const back = iconv.decode(readFileSync(out), 'gb18030');
    expect(back.split('\r\n')[0]).toBe('客户编号,客户名称,最近购买日期,订单数,消费金额,客户分层,细分,RFM,流失风险,风险等级,生命周期,下一步行动,跟进日期,原因');
    const utf8 = path('utf8.csv');
    writeFileSync(utf8, text);
    const out8 = path('utf8-scored.csv');
    expect(tierwise(['score', utf8, '--as-of', '2026-11-01', '--config', config, '--out', out8]).status).toBe(0);
    expect([...readFileSync(out8).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = path('plain.csv');
    expect(tierwise(['score', gbk, '--as-of', '2026-11-01', '--config', config, '--out', plain, '--utf8-no-bom']).status).toBe(0);
    expect(readFileSync(plain, 'utf8').startsWith('客户编号,')).toBe(true);
  });
});

describe('writing back', () => {
  it("copies each input line byte for byte, with the input's own line ends", () => {
    const input = path('crlf.csv');
    const lines = [HEADER, 'C1,"Ann ""The Ace""",2026-10-01,002,"1,200.50"', 'C2,Bo,01/05/2026,1,$50'];
    writeFileSync(input, lines.join('\r\n') + '\r\n');
    const out = path('crlf-scored.csv');
    expect(tierwise(['score', input, '--as-of', '2026-11-01', '--out', out]).status).toBe(0);
    const written = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(written).toHaveLength(lines.length + 1);
    expect(written.pop()).toBe('');
    written.forEach((line, i) => expect(line.startsWith(`${lines[i]},`)).toBe(true));
  });

  it('replaces its own columns when a scored file is scored again', () => {
    const once = path('once.csv');
    const twice = path('twice.csv');
    expect(tierwise(['score', sample, '--as-of', '2026-11-01', '--out', once]).status).toBe(0);
    expect(tierwise(['score', once, '--as-of', '2026-11-01', '--out', twice]).status).toBe(0);
    expect(readFileSync(twice)).toEqual(readFileSync(once));
    const later = path('later.csv');
    expect(tierwise(['score', once, '--as-of', '2027-01-01', '--out', later]).status).toBe(0);
    const header = readFileSync(later, 'utf8').split('\n')[1] ?? '';
    expect(header.split(',').filter((h) => h === 'Tier')).toHaveLength(1);
  });

  it('refuses to overwrite the input unless --force', () => {
    const input = path('mine.csv');
    copyFileSync(sample, input);
    const run = tierwise(['score', input, '--as-of', '2026-11-01', '--out', input]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is the input file');
    expect(readFileSync(input)).toEqual(readFileSync(sample));
    const forced = tierwise(['score', input, '--as-of', '2026-11-01', '--out', input, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(input, 'utf8')).toContain(',Tier,Segment,');
  });

  it("neutralises formulas in the cells it writes from input, and copies the user's own cells byte for byte", () => {
    const orders = path('evil-orders.csv');
    writeFileSync(orders, "Order ID,Customer,Order Date,Amount\n1,=cmd|' /C calc'!A0,2026-01-05,120\n2,+SUM(1),2026-02-05,40\n");
    const out = path('evil-scored.csv');
    expect(tierwise(['score', orders, '--orders', '--as-of', '2026-11-01', '--out', out]).status).toBe(0);
    const rows = parseDelimited(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((r) => r[0])).toEqual(["'=cmd|' /C calc'!A0", "'+SUM(1)"]);
    const customers = path('evil-customers.csv');
    writeFileSync(customers, `${HEADER}\nC1,=HYPERLINK("x"),2026-10-01,2,100\n`);
    const outC = path('evil-customers-scored.csv');
    expect(tierwise(['score', customers, '--as-of', '2026-11-01', '--out', outC]).status).toBe(0);
    expect(readFileSync(outC, 'utf8').split('\n')[1]?.startsWith('C1,=HYPERLINK("x"),2026-10-01,2,100,')).toBe(true);
  });
});

describe('messages', () => {
  it('quotes at most ~80 characters of a 50 MB single-line file', () => {
    const big = path('one-line.csv');
    writeFileSync(big, 'x'.repeat(50_000_000));
    const run = tierwise(['score', big, '--as-of', '2026-11-01']);
    expect(run.status).toBe(1);
    expect(run.stderr.length).toBeLessThan(400);
    const wide = path('one-wide-line.csv');
    writeFileSync(wide, 'abc,'.repeat(5_000_000));
    const runWide = tierwise(['score', wide, '--as-of', '2026-11-01']);
    expect(runWide.status).toBe(1);
    expect(runWide.stderr.length).toBeLessThan(2000);
  });

  it('answers an unknown option with one line and the usage, exit 2, no stack trace', () => {
    const run = tierwise(['score', sample, '--output', path('x.csv')]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('tierwise score: unknown option --output (did you mean --out?)');
    expect(lines[1]).toMatch(/^Usage: tierwise score /);
  });

  it('says in one sentence that the folder of --out does not exist, and ends a run with where the rows went', () => {
    const run = tierwise(['score', sample, '--as-of', '2026-11-01', '--out', join(dir, 'missing', 'x.csv')]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`tierwise score: ${join(dir, 'missing', 'x.csv')} cannot be written: the folder ${join(dir, 'missing')} does not exist`);
    const out = path('where.csv');
    const ok = tierwise(['score', sample, '--as-of', '2026-11-01', '--out', out]);
    expect(ok.stdout.trimEnd().split('\n').pop()).toBe(`wrote 607 rows to ${out}`);
    expect(existsSync(out)).toBe(true);
  });

  it('checks the Node version first, in a sentence', () => {
    const child = spawnSync(process.execPath, ['--import', 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"18.19.0"})', join(ROOT, 'bin', 'tierwise.js'), 'score', sample], { encoding: 'utf8' });
    expect(child.status).toBe(1);
    expect(child.stderr.trim()).toBe('tierwise needs Node.js 20 or later (this is Node.js 18.19.0); install a current version from https://nodejs.org');
  });

  it('loads the HubSpot parts (and node:sqlite) only when their command runs', () => {
    const cli = join(ROOT, 'dist', 'cli');
    // Every file a module imports statically (not through import()), followed through the chunks.
    const staticClosure = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|^import\s+"(\.[^"]+)"/gm)) {
        staticClosure(join(file, '..', (m[1] ?? m[2]) as string), seen);
      }
      return seen;
    };
    const entry = join(cli, 'tierwise.js');
    const scoreChunk = /import\("\.\/(chunks\/score-[^"]+)"\)/.exec(readFileSync(entry, 'utf8'))?.[1];
    expect(scoreChunk).toBeDefined();
    const loaded = staticClosure(join(cli, scoreChunk as string), staticClosure(entry));
    expect(loaded.size).toBeGreaterThan(2);
    for (const file of loaded) expect(readFileSync(file, 'utf8'), file).not.toMatch(/node:sqlite|from "(fastify|pg|pg-boss|@hubspot\/api-client)"/);
  });

  const node20 = '/usr/bin/node';
  const isNode20 = existsSync(node20) && /^v20\./.test(spawnSync(node20, ['--version'], { encoding: 'utf8' }).stdout ?? '');
  it.skipIf(!isNode20)('runs `score` under Node 20, which has no node:sqlite', () => {
    const child = spawnSync(node20, [join(ROOT, 'bin', 'tierwise.js'), 'score', sample, '--as-of', '2026-11-01', '--summary'], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('customers scored');
    const sync = spawnSync(node20, [join(ROOT, 'bin', 'tierwise.js'), 'hubspot', 'sync', '--dry-run'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
    expect(sync.status).toBe(1);
    expect(sync.stderr.trim()).toMatch(/^tierwise hubspot sync: needs Node\.js 22\.13 or later \(node:sqlite is missing\); this is Node\.js 20\./);
  });
});

describe('a file without a header line', () => {
  // CDNOW_sample.txt as shipped (shared/data): whitespace-separated, no header, `master_id sample_id date cds dollars`.
  const rows = ['00004 0001 19970101 2 29.33', '00004 0001 19970118 2 29.73', '00018 0002 19970102 2 29.33', '00021 0003 19970101 3 63.34'];

  it('says the first row is data and which header line to add, writes nothing, and that header line reads', () => {
    const input = path('cdnow-sample.txt');
    const out = path('cdnow-sample-scored.csv');
    writeFileSync(input, `${rows.join('\n')}\n`);
    const run = tierwise(['score', input, '--orders', '--as-of', '1997-09-30', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no header row found: the first row ("00004", "0001", "19970101", "2", "29.33") is data, not column names. Add a row above it that names each column, for example customer_id, order_date, amount');
    expect(existsSync(out)).toBe(false);

    const zh = tierwise(['score', input, '--orders', '--as-of', '1997-09-30', '--config', writeConfig('zh.json', { options: { language: 'zh-CN' } })]);
    expect(zh.stderr).toContain('找不到标题行：第一行（"00004", "0001", "19970101", "2", "29.33"）是数据，不是列名。请在它上面加一行列名，例如 客户编号、订单日期、金额');

    // The advice taken: the suggested names, in the file's own separator, above the same rows.
    writeFileSync(input, `customer_id sample_id order_date cds amount\n${rows.join('\n')}\n`);
    const fixed = tierwise(['score', input, '--orders', '--as-of', '1997-09-30', '--json']);
    expect(fixed.status).toBe(0);
    const scored = JSON.parse(fixed.stdout) as { id: string; row: number; tier: string | null }[];
    expect(scored.map((r) => [r.id, r.row])).toEqual([['00004', 2], ['00018', 4], ['00021', 5]]);
    expect(scored.every((r) => r.tier !== null)).toBe(true);
  });

  it('keeps the mapping advice when the first row is names the table does not know', () => {
    const input = path('unknown-names.csv');
    writeFileSync(input, 'Kunde,Datum,Betrag\nC1,2026-01-02,10\n');
    const run = tierwise(['score', input, '--orders', '--as-of', '2026-11-01']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('first row seen: "Kunde", "Datum", "Betrag". Map them with "columns" in the config');
  });
});

function writeConfig(name: string, config: unknown): string {
  const file = path(name);
  writeFileSync(file, JSON.stringify(config));
  return file;
}
