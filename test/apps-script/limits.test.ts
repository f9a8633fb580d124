// Before writing, the run checks the 10M-cell limit and the time left and refuses with a sentence,
// writing nothing; a long run reports progress and stops between batches when cancelled.
import { describe, expect, it } from 'vitest';
import { startRuntime } from './emulator.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const opts = { asOfRule: 'fixed', asOf: '2026-11-01' };

describe('limits', () => {
  it('refuses a run whose columns would pass 10 million cells, leaving no empty columns behind', () => {
    // 20 columns of data on a 380,000-row grid: 9 result columns need 3 more grid columns (1.14M cells).
    const header = ['Cust ID', 'Last Order', '# of Orders', 'Total Spent', ...Array.from({ length: 16 }, (_, i) => `Note ${i + 1}`)];
    const rt = startRuntime([header, ['C1', d('2026-10-20'), 3, 300, ...Array.from({ length: 16 }, () => 'x')]]);
    const sheet = rt.spreadsheet.active;
    sheet.maxRows = 380_000;
    const outcome = rt.run<{ ok: boolean; message: string }>('scoreActiveSheet', opts);
    expect(outcome).toEqual(expect.objectContaining({ ok: false, message: 'Nothing was written: the results need 1,166,000 more cells and a spreadsheet holds at most 10,000,000. Delete unused rows, columns or sheets, or score a copy of this table in a new spreadsheet.' }));
    expect(rt.log.count('Range.setValues')).toBe(0);
    expect(sheet.maxColumns).toBe(26);
    expect(sheet.getLastColumn()).toBe(20);
    expect(rt.spreadsheet.metadata).toEqual([]);
    expect(rt.spreadsheet.sheets).toHaveLength(1);
  });

  it('refuses to start writing when the run is near Apps Script’s 6-minute limit', () => {
    const rt = startRuntime([['Cust ID', 'Last Order', '# of Orders', 'Total Spent'], ['C1', d('2026-10-20'), 3, 300]]);
    let now = Date.parse('2026-11-01T09:00:00Z');
    // Every look at the clock is 5½ minutes later: reading and scoring "take" past the 5-minute guard.
    rt.setClock(() => (now += 330_000));
    const outcome = rt.run<{ ok: boolean; message: string }>('scoreActiveSheet', opts);
    expect(outcome).toMatchObject({ ok: false, message: 'Nothing was written: scoring took too long for one Apps Script run. Score a smaller range or use the command line.' });
    expect(rt.log.count('Range.setValues')).toBe(0);
    expect(rt.spreadsheet.active.getLastColumn()).toBe(4);
  });

  const big = (n: number) => startRuntime([['Cust ID', 'Last Order', '# of Orders', 'Total Spent'], ...Array.from({ length: n }, (_, i) => [`C${i}`, d(`2026-0${1 + (i % 9)}-1${i % 10}`), 1 + (i % 7), 10 * (i % 13)])]);

  it('stops between batches when the time limit comes near while writing, and says how far it got', () => {
    const rt = big(120_000);
    let late = 0;
    rt.setClock(() => Date.parse('2026-11-01T09:00:00Z') + late);
    rt.onCachePut = (key, value) => {
      if (key === 'tierwise.progress' && value.includes('Writing rows')) late = 330_000;
    };
    const outcome = rt.run<{ ok: boolean; message: string }>('scoreActiveSheet', opts);
    expect(outcome).toMatchObject({ ok: false, message: "Stopped after writing 111,111 of 120,001 rows: Apps Script's 6-minute limit was near. Press Score again to write them all." });
    expect(rt.log.count('Range.setValues')).toBe(1);
  });

  it('reports progress and stops between batches when cancelled', () => {
    const rt = big(120_000);
    const seen: string[] = [];
    rt.onCachePut = (key, value) => {
      if (key !== 'tierwise.progress') return;
      const said = JSON.parse(value) as { en: string };
      seen.push(said.en);
      if (said.en.startsWith('Writing rows')) rt.run('cancelScore');
    };
    const outcome = rt.run<{ ok: boolean; message: string }>('scoreActiveSheet', opts);
    expect(seen).toEqual(['Reading the sheet…', 'Scoring 120,000 rows…', 'Writing rows: 111,111 of 120,001…']);
    expect(outcome).toMatchObject({ ok: false, message: 'Cancelled: nothing more was written.' });
    expect(rt.log.count('Range.setValues')).toBe(1);
    expect(rt.cache.has('tierwise.progress')).toBe(false);
    expect(rt.run('getProgress')).toBeNull();
  });
});
