// tierwise app serve [--no-worker]: the HubSpot app backend (DESIGN.md "HubSpot app backend"), until
// SIGTERM or SIGINT; settings come from the environment (hubspot-app/server/config.ts).
import { parseArgs } from 'node:util';
import type { CliIo, Command } from '../io.ts';
import { runBackendCommand } from './app-run.ts';

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'no-worker': { type: 'boolean', default: false } } });
  return runBackendCommand('app serve', io, { http: true, scheduler: true, worker: !values['no-worker'] });
}

const appServe: Command = {
  summary: 'Run the HubSpot app backend: OAuth install, webhooks, the card API, the daily schedule and (unless --no-worker) a sync worker.',
  usage: 'tierwise app serve [--no-worker]   (settings from the environment: HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET, TIERWISE_PUBLIC_URL, TIERWISE_ENCRYPTION_KEY, PORT, DATABASE_URL, …)',
  run,
};
export default appServe;
