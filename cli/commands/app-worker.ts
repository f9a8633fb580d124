// tierwise app worker: runs queued portal syncs only; several may share one PostgreSQL (DATABASE_URL).
import { parseArgs } from 'node:util';
import type { CliIo, Command } from '../io.ts';
import { runBackendCommand } from './app-run.ts';

async function run(argv: string[], io: CliIo): Promise<number> {
  parseArgs({ args: argv, options: {} });
  return runBackendCommand('app worker', io, { http: false, scheduler: false, worker: true });
}

const appWorker: Command = {
  summary: 'Run queued HubSpot portal syncs (start several against one PostgreSQL to share the work).',
  usage: 'tierwise app worker   (same environment as `tierwise app serve`)',
  run,
};
export default appWorker;
