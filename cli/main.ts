// tierwise <command> [...]: finds the command and runs it; the commands hold the work.
import { COMMANDS } from './commands/index.ts';
import { FileError, UsageError, type CliIo, type Command } from './io.ts';
import { TableError } from '../adapters/table/contract.ts';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { roomyHeapFlag } from './heap-room.ts';

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
  let command: Command;
  try {
    command = await load();
  } catch (error) {
    // A command whose module needs a newer Node (hubspot sync keeps its state in node:sqlite).
    if ((error as NodeJS.ErrnoException).code === 'ERR_UNKNOWN_BUILTIN_MODULE') {
      io.stderr.write(`tierwise ${name}: needs Node.js 22.13 or later (${(error as Error).message.replace(/^.*?(node:\w+).*$/s, '$1')} is missing); this is Node.js ${process.versions.node}\n`);
      return 1;
    }
    throw error;
  }
  const rest = argv.slice(name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const usageProblem = error instanceof UsageError ? error.message : parseArgsProblem(error, command.usage);
    if (usageProblem !== null) {
      io.stderr.write(`tierwise ${name}: ${usageProblem}${usageProblem.includes('Usage:') ? '' : `\nUsage: ${command.usage}`}\n`);
      return 2;
    }
    if (error instanceof TableError || error instanceof FileError) {
      io.stderr.write(`tierwise ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** node:util parseArgs' errors in one line, with the nearest known option for a mistyped one. */
function parseArgsProblem(error: unknown, usage: string): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return null;
  const message = (error as Error).message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'(-[^']*)'/.exec(message)?.[1] ?? message;
    const known = [...new Set(usage.match(/--[a-z][a-z0-9-]*/g) ?? [])];
    const near = known.find((k) => k.startsWith(option) || option.startsWith(k));
    return `unknown option ${option.slice(0, 40)}${near === undefined ? '' : ` (did you mean ${near}?)`}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
    return `unexpected argument "${argument.slice(0, 40)}"`;
  }
  return message.split('\n')[0]?.slice(0, 200) ?? message;
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith('/tierwise.js');
if (isEntry || process.env['TIERWISE_RUN_MAIN'] === '1') {
  // `tierwise score big.csv | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  const heapFlag = roomyHeapFlag({
    args: process.argv.slice(2),
    execArgv: process.execArgv,
    nodeOptions: process.env['NODE_OPTIONS'],
    heapLimitBytes: getHeapStatistics().heap_size_limit,
    totalMemoryBytes: totalmem(),
    sizeOf: fileSize,
    ...(process.env['TIERWISE_LARGE_INPUT_BYTES'] === undefined ? {} : { largeInputBytes: Number(process.env['TIERWISE_LARGE_INPUT_BYTES']) }),
  });
  if (heapFlag !== null) runAgainWith(heapFlag);
  else main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.stderr.write(`tierwise: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

function fileSize(path: string): number | null {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats?.isFile() === true ? stats.size : null;
}

/** The same command in a new Node with `flag` (see heap-room.ts); its exit code or signal becomes ours. */
function runAgainWith(flag: string): void {
  const child = spawn(process.execPath, [...process.execArgv, flag, process.argv[1] as string, ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C reaches both (same process group); a TERM sent to this process alone is passed on.
  const pass = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', () => {});
  process.on('SIGTERM', pass('SIGTERM'));
  child.on('exit', (code, signal) => {
    if (signal !== null) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 1;
  });
}
