// What every command that reads a table shares (score, model fit, backtest): the --config file with its
// column mapping, the --as-of date, the sheet of a workbook, --quiet; one reading and one set of messages.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isIsoDate, isoFromUtcDate } from '../core/dates.ts';
import { ConfigFileSchema, describeConfigError, type ConfigFile } from '../adapters/config.ts';
import { UsageError } from './io.ts';

/** parseArgs options every table command accepts. */
export const TABLE_OPTIONS = {
  config: { type: 'string' },
  'as-of': { type: 'string' },
  sheet: { type: 'string' },
  quiet: { type: 'boolean', default: false },
} as const;

// Its problems stay in English: the run's language is in the file that cannot be read (cli/run-language.ts).
export async function readConfig(path: string | undefined, cwd: string): Promise<ConfigFile> {
  if (path === undefined) return ConfigFileSchema.parse({});
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `the config file ${path} does not exist` : `cannot read the config file ${path} (${code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the config file ${path} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`the config file ${path} has a problem: ${describeConfigError(parsed.error)}`);
  return parsed.data;
}

/** A date option checked the same way everywhere: YYYY-MM-DD, or a usage error naming the option. */
export function dateOption(name: string, value: string): string {
  if (!isIsoDate(value)) throw new UsageError((w) => w.usage.notADate(name, value.slice(0, 40)));
  return value;
}

/** Today in the local time zone, the default as-of date of `score`. */
export function today(): string {
  return isoFromUtcDate(new Date(Date.now() - new Date().getTimezoneOffset() * 60_000)) ?? '';
}
