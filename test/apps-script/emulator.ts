// An Apps Script runtime for tests: the services the add-on uses, in memory, typed against
// @types/google-apps-script (the fakes implement a Pick of the real interfaces, so a signature that
// drifts from Google's breaks the type-check), recording every call. The built bundle
// (dist/apps-script/Code.js) runs in a node:vm context that sees only these globals.
// Three ways to call it, as Apps Script does: run (a menu click or sidebar call), runAsTrigger (a
// time-driven trigger: no selection, no UI), runAsCustomFunction (a formula: read-only, cells as values).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { AppsScriptError, CallLog, FakeRange, type FakeRule, type Value } from './fake-sheet.ts';
import { FakeSpreadsheet, type Context } from './fake-spreadsheet.ts';
import { formatDate } from './time-zone.ts';

export { CallLog, FakeRange, FakeSheet, columnLetter, type FakeRule, type Value } from './fake-sheet.ts';
export { FakeSpreadsheet } from './fake-spreadsheet.ts';

/**
 * One document lock shared by every "user" of the same spreadsheet. tryLock returns false and
 * waitLock throws once the timeout passes while someone else holds it.
 * https://developers.google.com/apps-script/reference/lock/lock
 */
export class FakeLock implements GoogleAppsScript.Lock.Lock {
  held = false;
  tryLock(_ms: number): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }
  waitLock(ms: number): void {
    if (!this.tryLock(ms)) throw new AppsScriptError('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    return this.held;
  }
  releaseLock(): void {
    this.held = false;
  }
}

export interface FakeTrigger {
  handler: string;
  days: number | null;
  hour: number | null;
  minute: number | null;
  /** The zone the hour is read in: the script's (the manifest's) unless inTimezone says otherwise. */
  timeZone: string;
}

/** The manifest's timeZone (build/targets/apps-script.ts). https://developers.google.com/apps-script/manifest */
export const SCRIPT_TIME_ZONE = 'Etc/UTC';

export interface Runtime {
  run<T = unknown>(name: string, ...args: unknown[]): T;
  runAsTrigger<T = unknown>(name: string, ...args: unknown[]): T;
  runAsCustomFunction<T = unknown>(name: string, ...args: unknown[]): T;
  /** onOpen in AuthMode.NONE: only the menu may be built; properties and the document are off limits. */
  runInAuthModeNone<T = unknown>(name: string, ...args: unknown[]): T;
  spreadsheet: FakeSpreadsheet;
  log: CallLog;
  properties: Map<string, string>;
  cache: Map<string, string>;
  /** Called after every CacheService put, as if the sidebar polled then (tests cancel a run from here). */
  onCachePut: ((key: string, value: string) => void) | null;
  lock: FakeLock;
  triggers: FakeTrigger[];
  /** answers: what the user clicks in the next YES_NO dialogs (YES when empty). */
  ui: { menu: string[]; sidebars: string[]; alerts: string[]; toasts: string[]; answers: ('YES' | 'NO')[] };
  /** Replaces Date.now inside the script (a run that takes minutes, without waiting minutes). */
  setClock(now: () => number): void;
  /** A Date of the script's realm for a calendar day (or day and time) in the spreadsheet's zone. */
  date(iso: string): Date;
}

export interface RuntimeOptions {
  locale?: string;
  bundle?: string;
  lock?: FakeLock;
  properties?: Map<string, string>;
  /** The spreadsheet's time zone (File ▸ Settings); test values given as Dates are used as they are. */
  timeZone?: string;
}

export function startRuntime(values: Value[][], options: RuntimeOptions = {}): Runtime {
  const log = new CallLog();
  // Sheets hands the script Dates of the script's own realm: make the test's Dates the sandbox's.
  const context = createContext({});
  const SandboxDate = runInContext('Date', context) as DateConstructor;
  const newDate = (time: number) => new SandboxDate(time);
  const own = (v: Value): Value => (v instanceof Date ? newDate(v.getTime()) : v);
  const spreadsheet = new FakeSpreadsheet(log, values.map((row) => row.map(own)), options.timeZone ?? 'Etc/UTC', newDate);
  const properties = options.properties ?? new Map<string, string>();
  const cache = new Map<string, string>();
  const lock = options.lock ?? new FakeLock();
  const triggers: FakeTrigger[] = [];
  const ui = { menu: [] as string[], sidebars: [] as string[], alerts: [] as string[], toasts: [] as string[], answers: [] as ('YES' | 'NO')[] };
  const menu = { addItem: (label: string) => (ui.menu.push(label), menu), addSeparator: () => menu, addToUi: () => undefined };
  const rule = () => {
    const r: FakeRule = { text: '', background: '', ranges: [], getRanges: () => r.ranges };
    const builder = { whenTextEqualTo: (t: string) => ((r.text = t), builder), setBackground: (c: string) => ((r.background = c), builder), setRanges: (rs: FakeRange[]) => ((r.ranges = rs), builder), build: () => r };
    return builder;
  };
  /** UI exists only where a user clicked. https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getUi() */
  const getUi = () => {
    if (spreadsheet.context === 'trigger' || spreadsheet.context === 'custom') throw new AppsScriptError('Cannot call SpreadsheetApp.getUi() from this context.');
    // alert(title, prompt, buttons) returns the button clicked. https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
    const alert = (_t: string, body: string, buttons: string) => {
      ui.alerts.push(body);
      return buttons === 'YES_NO' ? (ui.answers.shift() ?? 'YES') : 'OK';
    };
    return { createAddonMenu: () => menu, showSidebar: (html: { html: string }) => ui.sidebars.push(html.html), alert, ButtonSet: { OK: 'OK', YES_NO: 'YES_NO' }, Button: { OK: 'OK', YES: 'YES', NO: 'NO' } };
  };
  const runtime: Runtime = {
    run: (name, ...args) => call('user', name, args),
    runAsTrigger: (name, ...args) => call('trigger', name, args),
    runInAuthModeNone: (name, ...args) => call('none', name, args),
    /**
     * A one-cell range arrives as its value, a bigger one as a 2-D array; the function may read but not
     * write, open UI or set properties. Its 30-second limit is not timed here (tests assert behaviour,
     * not timings). https://developers.google.com/apps-script/guides/sheets/functions#arguments
     */
    runAsCustomFunction: (name, ...args) => {
      const asSheets = args.map((a) => (Array.isArray(a) ? (a.length === 1 && Array.isArray(a[0]) && a[0].length === 1 ? own(a[0][0] as Value) : a.map((row: Value[]) => row.map(own))) : a instanceof Date ? own(a) : a));
      const out = call<unknown>('custom', name, asSheets);
      // A custom function returns a value or a 2-D array of values. https://developers.google.com/apps-script/guides/sheets/functions#return_values
      const primitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof SandboxDate;
      if (!(primitive(out) || (Array.isArray(out) && out.every((row) => Array.isArray(row) && row.every(primitive))))) throw new AppsScriptError('Result was not a value or a 2-D array of values.');
      return out as never;
    },
    spreadsheet,
    log,
    properties,
    cache,
    onCachePut: null,
    lock,
    triggers,
    ui,
    setClock: (now) => {
      SandboxDate.now = now;
    },
    date: (iso) => (iso.includes('T') ? newDate(new Date(`${iso}Z`).getTime()) : spreadsheet.dateOf(iso)),
  };
  const documentProperties = {
    getProperty: (k: string) => properties.get(k) ?? null,
    getProperties: () => Object.fromEntries(properties),
    getKeys: () => [...properties.keys()],
    // Custom functions may read properties but not set them. https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services
    setProperty: (k: string, v: string) => {
      spreadsheet.assertWritable('setProperty');
      // 9 KB a value, in bytes (UTF-8). https://developers.google.com/apps-script/guides/services/quotas
      if (Buffer.byteLength(k + v, 'utf8') > 9 * 1024) throw new AppsScriptError('Argument too large: value');
      properties.set(k, v);
      return documentProperties;
    },
    deleteProperty: (k: string) => {
      spreadsheet.assertWritable('deleteProperty');
      properties.delete(k);
      return documentProperties;
    },
  };
  const globals = {
    SpreadsheetApp: {
      getUi,
      getActiveSheet: () => spreadsheet.getActiveSheet(),
      getActive: () => spreadsheet,
      getActiveSpreadsheet: () => spreadsheet,
      newConditionalFormatRule: rule,
      DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' },
    },
    HtmlService: { createHtmlOutput: (html: string) => ({ html, setTitle: function () { return this; } }) },
    PropertiesService: {
      // "Do not attempt to take any action that requires authorization (such as checking the script
      // Properties) while the add-on is in ScriptApp.AuthMode.NONE." https://developers.google.com/workspace/add-ons/concepts/menus
      getDocumentProperties: () => {
        if (spreadsheet.context === 'none') throw new AppsScriptError('You do not have permission to call PropertiesService.getDocumentProperties');
        return documentProperties;
      },
    },
    /** https://developers.google.com/apps-script/reference/cache/cache — values up to 100 KB. */
    CacheService: {
      getDocumentCache: () => ({
        get: (k: string) => cache.get(k) ?? null,
        put: (k: string, v: string) => {
          if (v.length > 100 * 1024) throw new AppsScriptError('Argument too large: value');
          cache.set(k, v);
          runtime.onCachePut?.(k, v);
        },
        remove: (k: string) => void cache.delete(k),
      }),
    },
    LockService: { getDocumentLock: () => lock },
    ScriptApp: {
      AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
      getUserTriggers: () => triggers.map((t) => ({ getHandlerFunction: () => t.handler, t })),
      newTrigger: (handler: string) => {
        const t: FakeTrigger = { handler, days: null, hour: null, minute: null, timeZone: SCRIPT_TIME_ZONE };
        const b = {
          timeBased: () => b,
          everyDays: (n: number) => ((t.days = n), b),
          // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#atHour(Integer)
          atHour: (h: number) => {
            if (!Number.isInteger(h) || h < 0 || h > 23) throw new AppsScriptError(`Invalid argument: hour ${h}`);
            t.hour = h;
            return b;
          },
          nearMinute: (m: number) => ((t.minute = m), b),
          inTimezone: (zone: string) => {
            formatDate(new Date(0), zone, 'Z'); // an unknown zone throws, as Apps Script refuses it
            t.timeZone = zone;
            return b;
          },
          create: () => {
            if (spreadsheet.context === 'custom') throw new AppsScriptError('You do not have permission to call ScriptApp.newTrigger');
            if (t.hour !== null && t.days === null) throw new AppsScriptError('atHour requires everyDays.');
            // "Each add-on can only have one trigger of each type, per user, per document." https://developers.google.com/workspace/add-ons/concepts/editor-triggers
            if (triggers.some((x) => x.days !== null)) throw new AppsScriptError('This add-on has created too many time-based triggers in this document for this Google user account.');
            triggers.push(t);
            return { getHandlerFunction: () => handler, t };
          },
        };
        return b;
      },
      deleteTrigger: (trigger: { t: FakeTrigger }) => triggers.splice(triggers.indexOf(trigger.t), 1),
    },
    Session: { getActiveUserLocale: () => options.locale ?? 'en', getScriptTimeZone: () => SCRIPT_TIME_ZONE },
    Utilities: { formatDate },
    Charts: { ChartType: { BAR: 'BAR' } },
    console,
  };
  Object.assign(context, globals);
  const bundle = options.bundle ?? readFileSync(join(import.meta.dirname, '..', '..', 'dist', 'apps-script', 'Code.js'), 'utf8');
  runInContext(bundle, context);
  function call<T>(mode: Context, name: string, args: unknown[]): T {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`${name} is not a top-level function of the bundle`);
    spreadsheet.context = mode;
    try {
      return (fn as (...a: unknown[]) => T)(...args);
    } finally {
      spreadsheet.context = 'user';
    }
  }
  return runtime;
}
