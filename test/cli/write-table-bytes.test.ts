// A scored customer table written as UTF-8 (cli/score/write-output.ts's writeTable, through reused
// buffers: utf8-lines.ts) is byte for byte the text of scoredTextLines, with the BOM and the input's
// line end: for a first run, a re-run (results replaced at the end or inside the row), a title above
// the header, short rows, a footer, ; and tab delimiters, both languages. And reading the file back finds every input customer once, with their result.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../adapters/table/read-file.ts';
import { clearEarlierResults } from '../../adapters/table/earlier-results.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';
import { scoredTextLines, writeTable } from '../../cli/score/write-output.ts';
import type { Language } from '../../core/schema/options.ts';
import { resultHeaders } from '../../adapters/result-columns.ts';
import { ROOT } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-write-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function scoredCopy(path: string, language: Language) {
  const table = await readTable(path);
  clearEarlierResults(table.cells);
  const score = scoreTable(table.cells, { kind: 'customers' }, { asOf: '2026-11-01', language });
  const out = join(dir, 'out.csv');
  await writeTable(out, table, score, { language, plainUtf8: false });
  const lineEnd = table.text?.lineEnd ?? '\n';
  const expected = [...scoredTextLines(table, score, language)].map((l) => l + lineEnd).join('');
  return { bytes: readFileSync(out), expected, score, delimiter: table.text?.delimiter ?? ',' };
}

/** A small customer table in `d`, with a title, a short row, an id that looks like a formula and a footer. */
function customers(d: string, lineEnd: string, extra: string[] = []): string {
  const q = (s: string) => (s.includes(d) || s.includes('"') ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [`Customers${d}${d}${d}`, ['Customer ID', 'Name', 'Last Purchase', 'Orders', 'Total Spend', ...extra].join(d)];
  for (let i = 0; i < 40; i++) {
    const id = i === 3 ? '=HYPERLINK("x")' : `C${i}`;
    const cells = [q(id), q(`Name ${i}, "${'中'.repeat(i % 3)}"`), `2026-${String(1 + (i % 9)).padStart(2, '0')}-15`, String(1 + (i % 7)), (i * 37.5).toFixed(2)];
    lines.push((i === 5 ? cells.slice(0, 4) : cells).join(d) + extra.map((e) => `${d}${e} ${i}`).join(''));
  }
  lines.push('Total (40 records)');
  return lines.join(lineEnd) + lineEnd;
}

/** Every customer row of the input is in the copy once, at its place, with a tier or a reason it has none. */
function expectEveryRow(bytes: Buffer, delimiter: string, ids: string[], language: Language) {
  const rows = parseDelimited(bytes.subarray(3).toString('utf8'), delimiter as ',');
  const header = rows[1] as string[];
  const tier = header.indexOf(resultHeaders(language)[0] as string);
  expect(tier).toBeGreaterThan(0);
  for (const [k, id] of ids.entries()) {
    const row = rows[2 + k] as string[];
    expect(row[0]).toBe(id);
    expect((row[tier] ?? '') + (row[tier + 8] ?? '')).not.toBe('');
  }
}

describe('writeTable as UTF-8', () => {
  const ids = Array.from({ length: 40 }, (_, i) => (i === 3 ? '=HYPERLINK("x")' : `C${i}`));
  for (const [name, d, lineEnd] of [['comma', ',', '\r\n'], ['semicolon', ';', '\n'], ['tab', '\t', '\n']] as const) {
    for (const language of ['en', 'zh-CN'] as const) {
      it(`first run and re-runs are the text of scoredTextLines (${name}, ${language})`, async () => {
        const first = join(dir, `in-${name}.csv`);
        writeFileSync(first, customers(d, lineEnd));
        const run = await scoredCopy(first, language);
        expect(run.bytes.equals(Buffer.from('\ufeff' + run.expected, 'utf8'))).toBe(true);
        expectEveryRow(run.bytes, d, ids, language);

        // Re-run on the copy: the result block is at the end of each row and replaced there.
        const again = join(dir, `again-${name}.csv`);
        writeFileSync(again, run.bytes);
        const rerun = await scoredCopy(again, language);
        expect(rerun.bytes.equals(Buffer.from('\ufeff' + rerun.expected, 'utf8'))).toBe(true);
        expect(rerun.bytes.equals(run.bytes)).toBe(true);

        // A column added after the results: the block is inside each row.
        const inside = join(dir, `inside-${name}.csv`);
        const lines = run.bytes.subarray(3).toString('utf8').split(lineEnd);
        // And a new customer row without results, shorter than the block's start: its fields are padded to it, and after it.
        const withNote = lines.map((l, i) => (i >= 1 && i <= 41 && l !== '' ? `${l}${d}${i === 1 ? 'Note' : `n${i}`}` : l));
        withNote.splice(42, 0, ['C40', 'New', '2026-10-01', '1', '10.00'].join(d));
        writeFileSync(inside, withNote.join(lineEnd));
        const spliced = await scoredCopy(inside, language);
        expect(spliced.bytes.equals(Buffer.from('\ufeff' + spliced.expected, 'utf8'))).toBe(true);
        expectEveryRow(spliced.bytes, d, [...ids, 'C40'], language);
        const newRow = parseDelimited(spliced.bytes.subarray(3).toString('utf8'), d as ',')[42] as string[];
        expect(newRow).toHaveLength(5 + 9 + 1);
      });
    }
  }

  it('is the text of scoredTextLines for the messy export and the sample', async () => {
    for (const path of ['test/fixtures/tables/messy-customers.csv', 'sample/customers.csv']) {
      const run = await scoredCopy(join(ROOT, path), 'en');
      expect(run.bytes.equals(Buffer.from('\ufeff' + run.expected, 'utf8'))).toBe(true);
      expect(run.score.rows.length).toBeGreaterThan(5);
    }
  });
});
