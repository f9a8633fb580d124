// Shared by `app serve` and `app worker`: read the settings (a bad one is one line and exit 2), start,
// and stop gracefully on SIGTERM/SIGINT (exit 0).
import type { CliIo } from '../io.ts';
import { configFromEnv, ConfigError } from '../../hubspot-app/server/config.ts';
import { startBackend } from '../../hubspot-app/server/backend.ts';

export async function runBackendCommand(name: string, io: CliIo, mode: { http: boolean; worker: boolean; scheduler: boolean }): Promise<number> {
  let config;
  try {
    config = configFromEnv(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`tierwise ${name}: ${error.message}\n`);
    return 2;
  }
  const backend = await startBackend(config, mode, { logStream: io.stdout });
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  const requeued = await backend.stop();
  // A sync still running after the grace period cannot be interrupted mid-request; its run is back in
  // the queue (resuming from its checkpoints elsewhere), so this process ends here rather than finish it.
  if (requeued.length > 0) process.exit(0);
  return 0;
}
