// The emulator is at least as strict as Google's reference on each point the add-on relies on (the
// reference for each behaviour is cited next to it in fake-sheet.ts, fake-spreadsheet.ts, emulator.ts).
import { describe, expect, it } from 'vitest';
import { FakeLock, startRuntime } from './emulator.ts';
import { formatDate, sheetDate } from './time-zone.ts';

// A tiny bundle that exposes the services to the test, in place of the add-on.
const PROBE = `
function probe(f) { return f(SpreadsheetApp, PropertiesService, ScriptApp, Utilities, LockService); }
`;

describe('the Apps Script emulator', () => {
  it('makes an inserted sheet the active one', () => {
    const rt = startRuntime([['a']], { bundle: PROBE });
    const before = rt.spreadsheet.getActiveSheet();
    const added = rt.spreadsheet.insertSheet('New');
    expect(rt.spreadsheet.getActiveSheet()).toBe(added);
    expect(rt.spreadsheet.getActiveSheet()).not.toBe(before);
    expect(() => rt.spreadsheet.insertSheet('New')).toThrow('A sheet with the name "New" already exists. Please enter another name.');
  });

  it('checks range bounds and the shape of written data', () => {
    const rt = startRuntime([['a']], { bundle: PROBE });
    const sheet = rt.spreadsheet.active;
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 2, 1).setValues([['x']])).toThrow(/does not match/);
  });

  it('coerces written strings as Sheets does unless the cell is plain text', () => {
    const rt = startRuntime([], { bundle: PROBE, timeZone: 'Asia/Tokyo' });
    const sheet = rt.spreadsheet.active;
    sheet.getRange(1, 1, 1, 6).setValues([['333', '0042', '=1+1', 'TRUE', '2026-03-01', "'0042"]]);
    expect(sheet.grid[0]?.slice(0, 5)).toEqual([333, 42, '#ERROR!', true, expect.anything()]);
    expect(sheet.formulas.get('1:3')).toBe('=1+1');
    expect(formatDate(sheet.cell(1, 5) as Date, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm')).toBe('2026-03-01 00:00');
    expect(sheet.cell(1, 6)).toBe('0042');
    sheet.getRange(2, 1, 1, 3).setNumberFormat('@');
    sheet.getRange(2, 1, 1, 3).setValues([['333', '0042', '=1+1']]);
    expect(sheet.grid[1]).toEqual(['333', '0042', '=1+1']);
    expect(sheet.formulas.size).toBe(1);
  });

  it('refuses to grow past 10 million cells', () => {
    const rt = startRuntime([], { bundle: PROBE });
    rt.spreadsheet.active.maxRows = 384_000; // × 26 columns = 9,984,000 cells
    expect(() => rt.spreadsheet.insertSheet('More')).toThrow('This action would increase the number of cells in the workbook above the limit of 10,000,000 cells.');
    expect(() => rt.spreadsheet.active.insertColumnsAfter(26, 1)).toThrow(/above the limit/);
  });

  it('has locks that time out', () => {
    const lock = new FakeLock();
    expect(lock.tryLock(100)).toBe(true);
    expect(lock.tryLock(100)).toBe(false);
    expect(() => lock.waitLock(100)).toThrow('Lock timeout: another process was holding the lock for too long.');
  });

  it('gives a trigger no UI, no selection, and the first tab as the active sheet', () => {
    const rt = startRuntime([['a']], { bundle: PROBE });
    const other = rt.spreadsheet.addUserSheet('Other', [['b']]);
    other.activate();
    type Probe = (f: (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => unknown) => unknown;
    const inTrigger = (f: Parameters<Probe>[0]) => rt.runAsTrigger('probe', f);
    expect(() => inTrigger((app) => app.getUi())).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(inTrigger((app) => app.getActiveSheet().getName())).toBe('Customers');
    expect(inTrigger((app) => app.getActiveSheet().getActiveRange())).toBeNull();
    expect(rt.run('probe', (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => app.getActiveSheet().getName())).toBe('Other');
  });

  it('lets a custom function read but not write, and passes a one-cell range as its value', () => {
    const rt = startRuntime([['a']], { bundle: PROBE });
    expect(() => rt.runAsCustomFunction('probe', (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => app.getActiveSheet().getRange(1, 1).setValues([['x']]))).toThrow('You do not have permission to call setValues');
    expect(() => rt.runAsCustomFunction('probe', (_: unknown, props: GoogleAppsScript.Properties.PropertiesService) => props.getDocumentProperties().setProperty('k', 'v'))).toThrow('You do not have permission to call setProperty');
    expect(() => rt.runAsCustomFunction('probe', (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => ({ not: app }))).toThrow('Result was not a value or a 2-D array of values.');
  });

  it('allows one time-driven trigger per document and reads its hour in the zone it is given', () => {
    const rt = startRuntime([['a']], { bundle: PROBE });
    const make = (hour: number) => rt.run('probe', (_a: unknown, _p: unknown, script: GoogleAppsScript.Script.ScriptApp) => script.newTrigger('h').timeBased().everyDays(1).atHour(hour).inTimezone('Europe/Berlin').create());
    make(7);
    expect(rt.triggers).toEqual([{ handler: 'h', days: 1, hour: 7, minute: null, timeZone: 'Europe/Berlin' }]);
    expect(() => make(8)).toThrow(/too many time-based triggers/);
    expect(() => rt.run('probe', (_a: unknown, _p: unknown, script: GoogleAppsScript.Script.ScriptApp) => script.newTrigger('h').timeBased().everyDays(1).atHour(24))).toThrow(/Invalid argument/);
  });

  it('formats dates in any time zone and makes a sheet’s midnight', () => {
    expect(formatDate(new Date(Date.parse('2026-10-31T23:30:00Z')), 'Pacific/Auckland', 'yyyy-MM-dd HH:mm Z')).toBe('2026-11-01 12:30 +1300');
    expect(sheetDate('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(sheetDate('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});
