// tierwise <command> [...]: finds the command and runs it; the commands hold the work.
import { COMMANDS } from './commands/index.ts';
import { FileError, sayIn, UsageError, type CliIo, type Command } from './io.ts';
import { commandLineWords, type CommandLineWords } from '../core/i18n/cli-words.ts';
import { TableError } from '../adapters/table/contract.ts';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { roomyHeapFlag } from './heap-room.ts';
import { failIfUnfinished } from './unfinished.ts';

// The list of commands, and an unknown command, stay in English: with no command known, no option
// is known to name the run's language.
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
  // Read only when needed: the command reads its own options, the config among them, as it runs.
  const words = async (): Promise<CommandLineWords> => commandLineWords(command.language === undefined ? 'en' : await command.language(rest, io.cwd));
  if (rest.includes('--help') || rest.includes('-h')) {
    const w = await words();
    io.stdout.write(`${sayIn(command.summary, w)}\n\n${w.usage.usage(sayIn(command.usage, w))}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const w = error instanceof UsageError || isParseArgsError(error) ? await words() : commandLineWords('en');
    const usageProblem = error instanceof UsageError ? error.say(w) : parseArgsProblem(error, sayIn(command.usage, commandLineWords('en')), w);
    if (usageProblem !== null) {
      io.stderr.write(`tierwise ${name}: ${usageProblem}\n${w.usage.usage(sayIn(command.usage, w))}\n`);
      return 2;
    }
    if (error instanceof TableError || error instanceof FileError) {
      io.stderr.write(`tierwise ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** node:util parseArgs' errors in one line of `w`'s language, with the nearest known option (from the English `usage`) for a mistyped one. */
function parseArgsProblem(error: unknown, usage: string, w: CommandLineWords): string | null {
  if (!isParseArgsError(error)) return null;
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'(-[^']*)'/.exec(message)?.[1] ?? message;
    const known = [...new Set(usage.match(/--[a-z][a-z0-9-]*/g) ?? [])];
    const near = known.find((k) => k.startsWith(option) || option.startsWith(k));
    return w.usage.unknownOption(option.slice(0, 40), near ?? null);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
    return w.usage.unexpectedArgument(argument.slice(0, 40));
  }
  // An option's value: node's own sentences, read back to be said in the run's language (their
  // English words are node's, byte for byte: test/cli/usage-words.test.ts).
  const missing = /^Option '([^']+)' argument missing$/.exec(message);
  if (missing !== null) return w.usage.optionNeedsValue(missing[1] as string);
  const noValue = /^Option '([^']+)' does not take an argument$/.exec(message);
  if (noValue !== null) return w.usage.optionTakesNoValue(noValue[1] as string);
  const ambiguous = /^Option '([^']+)' argument is ambiguous\.\n[^]*use '([^']+)'\.$/.exec(message);
  if (ambiguous !== null) return w.usage.optionValueLikeOption(ambiguous[1] as string, ambiguous[2] as string);
  // A sentence of node's this code does not know: said as node says it.
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
  else {
    const run = main(process.argv.slice(2), io);
    failIfUnfinished(run, io.stderr);
    run.then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        io.stderr.write(`tierwise: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 1;
      },
    );
  }
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
