// tierwise hubspot sync (options in USAGE): parses its options, opens and locks the state, and calls
// syncPortal with HUBSPOT_ACCESS_TOKEN (a private app's token) and optionally HUBSPOT_BASE_URL.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CliIo, type Command } from '../io.ts';
import { isIsoDate, isoFromUtcDate } from '../../core/dates.ts';
import { openStateStore, StateFileError, StateLockedError, type SyncState } from '../../adapters/hubspot/state-store.ts';
import type { SyncReport } from '../../adapters/hubspot/sync.ts';
import { syncPortal } from '../../adapters/hubspot/sync-portal.ts';
import { quoteValue } from '../../adapters/hubspot/mapping.ts';
import { fixedToken } from '../../adapters/hubspot/token-provider.ts';
import { DEFAULT_BURST_PER_10S, portalLimiter, realClock } from '../../adapters/hubspot/token-bucket.ts';
import { languageOption } from '../run-language.ts';

function render(report: SyncReport): string {
  const moves = Object.entries(report.tierMoves).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join(', ');
  const lines = [
    ...report.notices,
    `${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.object}, ${report.mode} read${report.resumed ? ' (finished by the interrupted run; resumed at writing)' : ''}`,
    `  read ${report.read}, scored ${report.scored}, changed ${report.changed}, written ${report.written}, failed ${report.failed.length}${report.tasksCreated ? `, follow-up tasks ${report.tasksCreated}` : ''}; ${report.requests} API requests`,
  ];
  if (moves) lines.push(`  tier moves: ${moves}`);
  if (report.dryRun) for (const s of report.sample) lines.push(`  #${s.id}: ${s.before || '∅'} → ${s.after || '∅'} (${s.reasons.slice(0, 120)})`);
  for (const f of report.failed.slice(0, 20)) lines.push(`  failed #${f.id}: ${f.reason}`);
  if (report.failed.length > 20) lines.push(`  … and ${report.failed.length - 20} more`);
  if (report.unreadable.length > 0) lines.push(`  not scored, values HubSpot would not send (Tierwise reasons on each record say which): ${report.unreadable.length}`);
  for (const u of report.unreadable.slice(0, 20)) lines.push(`  #${u.id}: property "${u.property}" is ${quoteValue(u.value)}, not ${u.expected}`);
  if (report.unreadable.length > 20) lines.push(`  … and ${report.unreadable.length - 20} more`);
  return lines.join('\n');
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      object: { type: 'string', default: 'contacts' },
      'dry-run': { type: 'boolean', default: false },
      tasks: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      state: { type: 'string' },
      language: { type: 'string', default: 'en' },
      'api-version': { type: 'string', default: '2026-09' },
      burst: { type: 'string', default: String(DEFAULT_BURST_PER_10S) },
      wait: { type: 'string', default: '0' },
      'timeout-ms': { type: 'string', default: '30000' },
      'max-attempts': { type: 'string', default: '6' },
    },
  });
  const token = io.env['HUBSPOT_ACCESS_TOKEN'];
  if (!token) throw new UsageError((w) => w.usage.hubspot.noToken);
  const object = values.object;
  if (object !== 'contacts' && object !== 'companies') throw new UsageError((w) => w.usage.hubspot.object(object));
  const language = values.language;
  if (language !== 'en' && language !== 'zh-CN') throw new UsageError(`--language must be en or zh-CN`); // English: the language it names is not one
  const asOf = values['as-of'] ?? isoFromUtcDate(new Date()) ?? '';
  if (!isIsoDate(asOf)) throw new UsageError((w) => w.usage.hubspot.asOf(asOf));
  const burst = Number(values.burst);
  if (!Number.isInteger(burst) || burst < 1 || burst > 250) throw new UsageError((w) => w.usage.hubspot.burst(values.burst));
  const waitSeconds = Number(values.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) throw new UsageError((w) => w.usage.hubspot.wait(values.wait));
  const timeoutMs = Number(values['timeout-ms']);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new UsageError((w) => w.usage.hubspot.timeoutMs(values['timeout-ms']));
  const maxAttempts = Number(values['max-attempts']);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 20) throw new UsageError((w) => w.usage.hubspot.maxAttempts(values['max-attempts']));
  const statePath = resolve(io.cwd, values.state ?? '.tierwise/hubspot-state.sqlite');
  mkdirSync(dirname(statePath), { recursive: true });
  let store: SyncState;
  try {
    store = await openStateStore(statePath, { waitMs: waitSeconds * 1000 });
  } catch (error) {
    if (!(error instanceof StateLockedError || error instanceof StateFileError)) throw error;
    io.stderr.write(`tierwise hubspot sync: ${error.message}\n`);
    return 1;
  }
  const tty = io.stderr.isTTY === true;
  const started = Date.now();
  try {
    const report = await syncPortal(
      {
        tokens: fixedToken(token),
        store,
        ...(io.env['HUBSPOT_BASE_URL'] ? { basePath: io.env['HUBSPOT_BASE_URL'] } : {}),
        clock: realClock,
        limiter: portalLimiter(realClock, { burstPer10s: burst }),
        timeoutMs,
        maxAttempts,
        onProgress: (phase, done, total) => {
          if (!tty) return;
          const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
          const eta = total === null ? '' : ` ETA ${Math.ceil((total - done) / Math.max(rate, 0.001))} s`;
          io.stderr.write(`\r${phase === 'read' ? 'reading' : 'writing'} ${done}${total === null ? '' : `/${total}`} (${rate.toFixed(0)}/s)${eta}   `);
        },
      },
      { object, version: values['api-version'], asOf, language, dryRun: values['dry-run'], createTasks: values.tasks, full: values.full },
    );
    if (tty) io.stderr.write('\n');
    if (report.stopped !== null) {
      if (report.read > 0 || report.written > 0) io.stdout.write(render(report) + '\n');
      io.stderr.write(`tierwise hubspot sync: ${report.stopped.message}\n`);
      return 1;
    }
    io.stdout.write(render(report) + '\n');
    return report.failed.length > 0 ? 3 : 0;
  } finally {
    await store.close();
  }
}

const hubspotSync: Command = { summary: (w) => w.usage.commands['hubspot sync'].summary, usage: (w) => w.usage.commands['hubspot sync'].syntax, language: (argv) => languageOption(argv), run };
export default hubspotSync;
