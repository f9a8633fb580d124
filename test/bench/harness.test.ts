// The bench harness (bench/run.ts's parts): reading scored CSVs back, measuring a side that crashes,
// picking sides with --only, and showing a crash in the table.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { countScored, sameRfmCounts } from '../../bench/competitors/scored-counts.ts';
import { GNU_TIME, measure } from '../../bench/measure.ts';
import { selected, sidesOf } from '../../bench/sides.ts';
import { markdownTable, median } from '../../bench/report.ts';
import { ConfigFileSchema } from '../../adapters/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-test-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// Tierwise's shape: BOM, CRLF, an RFM column, quoted fields with commas, "" and a line break.
const ours = file(
  'ours.csv',
  '\uFEFFcustomer_id,Tier,Segment,RFM,Why\r\n' +
    'C1,A,Champions,555,"no warning signs; ""great"", loyal"\r\n' +
    'C2,D,Lost,112,"no order for 400 days,\nusually 30"\r\n' +
    'C3,,,,"no purchase yet"\r\n' +
    'C4,B,New,513,plain\r\n',
);
// A competitor's shape: R, F, M columns, lower-case tier, LF.
const theirs = file('theirs.csv', 'customer_id,R,F,M,segment,tier\nC1,5,5,5,Champions,A\nC2,1,1,2,Lost,D\nC4,5,1,3,New,C\n');

describe('reading a scored CSV back', () => {
  it('counts rows, tiers and R/F/M scores through quotes, line breaks in fields, BOM and CRLF', async () => {
    const counts = await countScored(ours, { keepTiers: true });
    expect(counts).toMatchObject({
      rows: 4,
      tiers: { A: 1, D: 1, '': 1, B: 1 },
      rfm: [[1, 0, 0, 0, 2], [2, 0, 0, 0, 1], [0, 1, 1, 0, 1]],
    });
    expect([...counts.tierById!]).toEqual([['C1', 'A'], ['C2', 'D'], ['C4', 'B']]);
  });

  it('reads the same whatever the chunk boundaries (a quote or a line break split across chunks)', async () => {
    const whole = await countScored(ours, { keepTiers: true });
    for (let chunkSize = 1; chunkSize <= 17; chunkSize++) expect(await countScored(ours, { keepTiers: true, chunkSize })).toEqual(whole);
  });

  it('compares like with like: R/F/M counts, and each customer found with the same tier or not', async () => {
    const reference = await countScored(ours, { keepTiers: true });
    const b = await countScored(theirs, { against: reference.tierById! });
    expect(sameRfmCounts(reference, b)).toBe(true);
    expect({ found: b.found, sameTier: b.sameTier }).toEqual({ found: 3, sameTier: 2 }); // C4: B here, C there
    const shifted = await countScored(file('shifted.csv', 'customer_id,R,F,M,tier\nC1,4,5,5,A\nC2,1,1,2,D\nX4,5,1,3,B\n'), { against: reference.tierById! });
    expect(sameRfmCounts(reference, shifted)).toBe(false);
    expect(shifted.found).toBe(2); // X4 is not one of the reference's customers
  });

  it('names the file and the row of a score out of range, and a missing id or tier column', async () => {
    await expect(countScored(file('bad.csv', 'id,R,F,M,tier\nC1,5,6,1,A\n'))).rejects.toThrow(/bad\.csv, row 2: F score "6", expected 1-5/);
    await expect(countScored(file('notier.csv', 'id,R,F,M\nC1,5,5,1\n'))).rejects.toThrow(/no "tier" column/);
    await expect(countScored(file('noid.csv', 'name,R,F,M,tier\nAda,5,5,1,A\n'))).rejects.toThrow(/no "customer_id", "Customer" or "id" column/);
  });
});

// GNU time is on this project's machines (Debian's `time`); elsewhere the bench itself says it is missing.
describe.skipIf(!existsSync(GNU_TIME))('measuring a side', () => {
  it('reports a crash by signal or exit code, with peak memory and CPU time', () => {
    const aborted = measure([process.execPath, '-e', 'process.abort()']);
    expect(aborted.failure).toBe('signal 6 (SIGABRT)');
    const failed = measure([process.execPath, '-e', 'throw new Error("no such column: Amount")']);
    expect(failed.failure).toBe('exit 1');
    expect(failed.reason).toBe('Error: no such column: Amount');
    const fine = measure([process.execPath, '-e', 'const a = new Float64Array(32e6).fill(1); console.log(a.length)']);
    expect(fine.failure).toBeNull();
    expect(fine.stdout.trim()).toBe('32000000');
    expect(fine.peakMB).toBeGreaterThan(256); // the 256 MB array was resident
    expect(fine.cpuSeconds).toBeGreaterThan(0);
  });
});

describe('--only and the table', () => {
  it('keeps a task by name and sides by id prefix', () => {
    const ids = (only: string[], task: 'customers' | 'orders', threads = false) =>
      sidesOf(task, threads).filter((s) => selected(only, task, s)).map((s) => s.id);
    expect(ids([], 'orders')).toEqual(['tierwise', 'duckdb-1', 'duckdb-2', 'polars-1', 'polars-2', 'pandas', 'core']);
    expect(ids(['customers', 'duckdb'], 'customers')).toEqual(['duckdb-1', 'duckdb-2']);
    expect(ids(['customers', 'duckdb'], 'orders')).toEqual([]);
    expect(ids(['polars-2', 'tierwise'], 'orders')).toEqual(['tierwise', 'polars-2']);
    expect(ids(['tierwise'], 'customers', true)).toEqual(['tierwise-1', 'tierwise-2']);
    expect(ids(['tierwise'], 'orders', true)).toEqual(['tierwise-1', 'tierwise-2', 'tierwise-sqlwork-1', 'tierwise-sqlwork-2']);
  });

  it('times Tierwise on orders doing only the SQL\'s work too: rules, purchase models off', () => {
    const sqlWork = sidesOf('orders', true).find((s) => s.id === 'tierwise-sqlwork-2');
    const command = sqlWork?.command('in.csv', 'out.csv') ?? [];
    expect(command.slice(command.indexOf('--threads'))).toEqual(['--threads', '2', '--model', 'rules', '--config', expect.stringMatching(/bench\/sql-work\.json$/)]);
    const config = JSON.parse(readFileSync(command[command.length - 1] as string, 'utf8')) as unknown;
    expect(ConfigFileSchema.parse(config).options.purchaseModel).toBe('off');
  });

  it('runs the CLI at the same thread counts as DuckDB and Polars once it takes --threads', () => {
    const [one, two] = sidesOf('customers', true);
    expect(one?.command('in.csv', 'out.csv').slice(-2)).toEqual(['--threads', '1']);
    expect(two?.label).toBe('`tierwise score --threads 2`');
    expect(sidesOf('orders', false)[0]?.command('in.csv', 'out.csv')).not.toContain('--threads');
  });

  it('shows a crashed side as a crash with its exit code, not as a time', () => {
    const table = markdownTable({
      title: 'orders',
      sides: [
        { id: 'tierwise', label: '`tierwise score --orders`', runs: [], seconds: null, peakMB: null, peakMaxMB: null, cpuSeconds: null, crash: 'exit 134 after 131.0 s, 4,700 MB', check: '', checkFailed: false },
        { id: 'duckdb-1', label: 'DuckDB SQL, 1 thread', runs: [9, 8, 10], seconds: median([9, 8, 10]), peakMB: 900, peakMaxMB: 900, cpuSeconds: 9.5, crash: null, check: '1 rows', checkFailed: false },
      ],
    });
    expect(table).toContain('| `tierwise score --orders` | **crashed: exit 134 after 131.0 s, 4,700 MB** |');
    expect(table).toContain('| DuckDB SQL, 1 thread | 9.00 s | 900 MB | 9.50 s | 9.00, 8.00, 10.00 | 1 rows |');
  });

  it('shows the highest peak beside the median when a run went more than 5% higher', () => {
    const side = { id: 'tierwise-2', label: '`tierwise score --orders --threads 2`', runs: [17, 16, 18], seconds: 17, peakMB: 1250, peakMaxMB: 2250, cpuSeconds: 20, crash: null, check: '999,942 rows', checkFailed: false };
    const table = markdownTable({ title: 'orders', sides: [side] });
    expect(table).toContain('| peak memory (RSS, median; highest) |');
    expect(table).toContain('| `tierwise score --orders --threads 2` | 17.00 s | 1,250 MB; 2,250 MB | 20.00 s |');
    const steady = markdownTable({ title: 'orders', sides: [{ ...side, peakMaxMB: 1300 }] });
    expect(steady).toContain('| `tierwise score --orders --threads 2` | 17.00 s | 1,250 MB | 20.00 s |');
  });
});
