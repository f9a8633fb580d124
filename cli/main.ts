// tierwise <command> [...]: finds the command and runs it; the commands hold the work.
import { COMMANDS } from './commands/index.ts';
import { UsageError, type CliIo } from './io.ts';

function help(): string {
  const lines = ['Usage: tierwise <command> [options]', '', 'Commands:'];
  for (const name of Object.keys(COMMANDS).sort()) lines.push(`  tierwise ${name}`);
  lines.push('', 'Run `tierwise <command> --help` for the options of a command.');
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  // Longest match first, so "model fit" wins over a hypothetical "model".
  const names = Object.keys(COMMANDS).sort((a, b) => b.split(' ').length - a.split(' ').length);
  const name = names.find((n) => n.split(' ').every((word, i) => argv[i] === word));
  if (name === undefined) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
      io.stdout.write(help() + '\n');
      return argv.length === 0 ? 2 : 0;
    }
    io.stderr.write(`tierwise: unknown command "${argv.join(' ')}"\n\n${help()}\n`);
    return 2;
  }
  const load = COMMANDS[name];
  if (load === undefined) throw new Error(`command ${name} is not registered`);
  const command = await load();
  const rest = argv.slice(name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tierwise ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith('/tierwise.js');
if (isEntry || process.env['TIERWISE_RUN_MAIN'] === '1') {
  // `tierwise score big.csv | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.stderr.write(`tierwise: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
