// tierwise hubspot sync [--object contacts|companies] [--dry-run] [--tasks] [--full] [--as-of D] [--state F] [--language en|zh-CN]
// With HUBSPOT_ACCESS_TOKEN (a private app's token) and optionally HUBSPOT_BASE_URL.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type CliIo, type Command } from '../io.ts';
import { isIsoDate, isoFromUtcDate } from '../../core/dates.ts';
import { Transport, DailyLimitError, HubSpotError } from '../../adapters/hubspot/transport.ts';
import { StateStore } from '../../adapters/hubspot/state-store.ts';
import { sync, type SyncReport } from '../../adapters/hubspot/sync.ts';
import { PropertyClashError } from '../../adapters/hubspot/properties.ts';
import { realClock } from '../../adapters/hubspot/token-bucket.ts';

const USAGE = 'tierwise hubspot sync [--object contacts|companies] [--dry-run] [--tasks] [--full] [--as-of YYYY-MM-DD] [--state file.sqlite] [--language en|zh-CN] [--api-version 2026-09] [--burst 110]';

function render(report: SyncReport): string {
  const moves = Object.entries(report.tierMoves).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join(', ');
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.object}, ${report.mode} read`,
    `  read ${report.read}, scored ${report.scored}, changed ${report.changed}, written ${report.written}, failed ${report.failed.length}${report.tasksCreated ? `, follow-up tasks ${report.tasksCreated}` : ''}; ${report.requests} API requests`,
  ];
  if (moves) lines.push(`  tier moves: ${moves}`);
  if (report.dryRun) for (const s of report.sample) lines.push(`  #${s.id}: ${s.before || '∅'} → ${s.after || '∅'} (${s.reasons.slice(0, 120)})`);
  for (const f of report.failed.slice(0, 20)) lines.push(`  failed #${f.id}: ${f.reason}`);
  if (report.failed.length > 20) lines.push(`  … and ${report.failed.length - 20} more`);
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
      burst: { type: 'string', default: '110' },
      'timeout-ms': { type: 'string', default: '30000' },
    },
  });
  const token = io.env['HUBSPOT_ACCESS_TOKEN'];
  if (!token) throw new UsageError('set HUBSPOT_ACCESS_TOKEN to a private app token with crm.objects.contacts.read/write and crm.schemas.contacts.write (companies likewise)');
  const object = values.object;
  if (object !== 'contacts' && object !== 'companies') throw new UsageError(`--object must be contacts or companies, not "${object}"`);
  const language = values.language;
  if (language !== 'en' && language !== 'zh-CN') throw new UsageError(`--language must be en or zh-CN`);
  const asOf = values['as-of'] ?? isoFromUtcDate(new Date()) ?? '';
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of "${asOf}" is not a date: expected YYYY-MM-DD`);
  const statePath = resolve(io.cwd, values.state ?? '.tierwise/hubspot-state.sqlite');
  mkdirSync(dirname(statePath), { recursive: true });
  const transport = new Transport({
    accessToken: token,
    ...(io.env['HUBSPOT_BASE_URL'] ? { basePath: io.env['HUBSPOT_BASE_URL'] } : {}),
    burstPer10s: Number(values.burst),
    timeoutMs: Number(values['timeout-ms']),
  });
  const store = new StateStore(statePath);
  const tty = io.stderr.isTTY === true;
  const started = Date.now();
  try {
    const report = await sync(transport, store, {
      object,
      version: values['api-version'],
      asOf,
      language,
      dryRun: values['dry-run'],
      createTasks: values.tasks,
      full: values.full,
      clock: realClock,
      onProgress: (phase, done, total) => {
        if (!tty) return;
        const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
        const eta = total === null ? '' : ` ETA ${Math.ceil((total - done) / Math.max(rate, 0.001))} s`;
        io.stderr.write(`\r${phase === 'read' ? 'reading' : 'writing'} ${done}${total === null ? '' : `/${total}`} (${rate.toFixed(0)}/s)${eta}   `);
      },
    });
    if (tty) io.stderr.write('\n');
    io.stdout.write(render(report) + '\n');
    return report.failed.length > 0 ? 3 : 0;
  } catch (error) {
    if (error instanceof PropertyClashError || error instanceof DailyLimitError || error instanceof HubSpotError) {
      io.stderr.write(`tierwise hubspot sync: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    store.close();
  }
}

const hubspotSync: Command = { summary: 'Score HubSpot contacts or companies and write Tier, Churn risk and Next action back as properties.', usage: USAGE, run };
export default hubspotSync;
