// The workbook written row by row (cli/score/xlsx-stream.ts over zip-stream.ts) reads back with the
// XLSX reader Tierwise uses (read-excel-file) cell for cell: text of every kind (markup characters,
// controls, a literal _x0041_, spaces at the ends, wide characters), numbers, booleans, dates with
// and without a time; and a sheet of many rows, deflated in many pieces, has every row in its place.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '../../adapters/table/contract.ts';
import { XlsxStream } from '../../cli/score/xlsx-stream.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-xlsx-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function write(path: string, rows: Iterable<readonly Cell[]>): Promise<void> {
  const file = createWriteStream(path);
  const sheet = await XlsxStream.open(file);
  for (const row of rows) await sheet.row(row);
  await sheet.close();
  file.end();
  await once(file, 'finish');
}

async function readBack(path: string): Promise<unknown[][]> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  const [sheet] = await readXlsxFile(path, { trim: false } as never);
  return sheet?.data ?? [];
}

const text = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '&', '<', '>', '"', "'", '=', '\n', '\t', '\u0001', '\u001f', '_x0041_', '中', '😀', 'é'), minLength: 1, maxLength: 10 });
const cell: fc.Arbitrary<Cell> = fc.oneof(
  text,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.integer({ min: 0, max: 40_000 }).map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000)),
  fc.integer({ min: 0, max: 40_000 * 86_400 }).map((s) => new Date(Date.UTC(2000, 0, 1) + s * 1000)),
  fc.constant(null),
);

/** What the reader gives for a written cell: the text as written (controls and all), empty cells as null. */
const expected = (c: Cell): unknown => (c === '' || c === null || c === undefined ? null : c);

describe('XLSX written row by row', () => {
  it('reads back cell for cell', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), async (rows) => {
        // A first column of text keeps every row (the reader drops trailing empty rows).
        const written = rows.map((r, i) => [`row ${i + 1}`, ...r]);
        const path = join(dir, `p${run++}.xlsx`);
        await write(path, written);
        const back = await readBack(path);
        expect(back).toHaveLength(written.length);
        for (const [i, row] of written.entries()) {
          const got = back[i] as unknown[];
          for (const [c, value] of row.entries()) {
            const want = expected(value);
            // A date is a day count in floating point: a time of day comes back within a millisecond.
            if (want instanceof Date) expect(Math.abs((got[c] as Date).getTime() - want.getTime())).toBeLessThanOrEqual(1);
            else expect(got[c] ?? null).toEqual(want);
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('has every one of 40,000 rows in its place', async () => {
    const path = join(dir, 'many.xlsx');
    const rows = function* () {
      yield ['Customer', 'Source row', 'Tier', 'Follow up by', 'Why'];
      for (let i = 0; i < 40_000; i++) yield [`C${i}`, i + 2, 'A', new Date(Date.UTC(2026, 10, 1 + (i % 28))), `bought ${i} times; "quoted" & <marked>`];
    };
    await write(path, rows());
    const back = await readBack(path);
    expect(back).toHaveLength(40_001);
    for (let i = 0; i < 40_000; i++) {
      const row = back[i + 1] as unknown[];
      expect(row[0]).toBe(`C${i}`);
      expect(row[1]).toBe(i + 2);
      expect((row[3] as Date).toISOString().slice(0, 10)).toBe(`2026-11-${String(1 + (i % 28)).padStart(2, '0')}`);
      expect(row[4]).toBe(`bought ${i} times; "quoted" & <marked>`);
    }
  }, 120_000);

  it('refuses a row past the sheet\'s limit with a sentence, having written none of it', async () => {
    const path = join(dir, 'full.xlsx');
    const file = createWriteStream(path);
    const sheet = await XlsxStream.open(file, 'en', 3);
    for (let i = 0; i < 3; i++) await sheet.row([`row ${i}`]);
    await expect(sheet.row(['one too many'])).rejects.toThrow('a workbook sheet holds at most 3 rows and this table has more: write it as CSV (--out file.csv)');
    expect(sheet.rows).toBe(3);
    await sheet.close();
    file.end();
    await once(file, 'finish');
    expect(await readBack(path)).toEqual([['row 0'], ['row 1'], ['row 2']]);
  });

  it('words the row limit in the language of the run', async () => {
    const file = createWriteStream(join(dir, 'full-zh.xlsx'));
    const sheet = await XlsxStream.open(file, 'zh-CN', 1);
    await sheet.row(['一']);
    await expect(sheet.row(['二'])).rejects.toThrow('一个工作表最多只能容纳 1 行，而此表格超出了：请改为写入 CSV（--out file.csv）');
    await sheet.close();
    file.end();
    await once(file, 'finish');
  });
});
