// A scored copy written as a workbook is written row by row (cli/score/xlsx-stream.ts), not built
// whole in memory: `score --orders --out x.xlsx` on 40,000 customers runs in the same small heap the
// CSV copy needs (write-excel-file's whole-sheet build of the same rows died out of memory in it), and
// the workbook read back (read-excel-file) has every customer once, at their first row, with the same
// result fields as the CSV copy of the same run.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-cli.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-xlsx-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CUSTOMERS = 40_000;
const HEAP_MB = 80;

/** Two or three orders each, spread over the file by a fixed stride; each customer's first row. */
function orderFile(): { path: string; firstRow: Map<string, number> } {
  const rows: string[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    for (let o = 0; o < 2 + (c % 2); o++) {
      const month = 1 + ((c * 5 + o * 4) % 10);
      const day = 1 + ((c * 7 + o * 11) % 28);
      rows.push(`c${c},${2024 + ((c + o) % 3)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${(3 + ((c * 37 + o * 13) % 900) / 3).toFixed(2)}`);
    }
  }
  const lines = ['Customer ID,Order Date,Amount'];
  const firstRow = new Map<string, number>();
  for (let i = 0, at = 0; i < rows.length; i++, at = (at + 7919) % rows.length) {
    const line = rows[at] as string;
    lines.push(line);
    const id = line.slice(0, line.indexOf(','));
    if (!firstRow.has(id)) firstRow.set(id, lines.length);
  }
  const path = join(dir, 'orders.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return { path, firstRow };
}

function score(path: string, out: string) {
  return spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, join(ROOT, 'bin', 'tierwise.js'), 'score', path, '--orders', '--as-of', '2026-11-01', '--out', out, '--quiet'], { encoding: 'utf8' });
}

describe('a workbook written row by row', () => {
  it(`scores ${CUSTOMERS.toLocaleString('en-US')} customers into an XLSX in a ${HEAP_MB} MB heap, every customer read back once with the CSV copy's results`, async () => {
    const { path, firstRow } = orderFile();
    const xlsx = join(dir, 'scored.xlsx');
    const csv = join(dir, 'scored.csv');
    const workbook = score(path, xlsx);
    expect(workbook.stderr).toBe('');
    expect(workbook.status).toBe(0);
    expect(score(path, csv).status).toBe(0);

    const { default: readXlsxFile } = await import('read-excel-file/node');
    const [sheet] = await readXlsxFile(xlsx);
    const back = sheet?.data ?? [];
    const text = parseDelimited(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), ',');
    expect(back).toHaveLength(CUSTOMERS + 1);
    expect(back[0]).toEqual(text[0]);
    const seen = new Set<string>();
    for (let i = 1; i < back.length; i++) {
      const row = back[i] as unknown[];
      const id = String(row[0]);
      expect(seen.has(id)).toBe(false);
      seen.add(id);
      expect(row[1]).toBe(firstRow.get(id));
      // Cell for cell as the CSV has it: numbers as numbers, the follow-up date as a date.
      const shown = row.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)));
      expect(shown).toEqual(text[i]);
    }
    expect(seen.size).toBe(CUSTOMERS);
  }, 240_000);
});
