// The run's language as the arguments give it, read before (or without) the command's own parse of
// its options: --help and usage errors (cli/main.ts) can come first, e.g. from node:util parseArgs
// itself. A table command's language is its --config file's options.language; hubspot sync's is --language.
import { parseArgs } from 'node:util';
import type { Language } from '../core/schema/options.ts';
import { UsageError } from './io.ts';
import { readConfig } from './table-options.ts';

/** One option's value, whatever else the arguments hold (they may be the very mistake being reported). */
function optionValue(argv: readonly string[], name: string): string | undefined {
  const { values } = parseArgs({ args: [...argv], strict: false, allowPositionals: true, options: { [name]: { type: 'string' } } });
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** The language of the --config file (score, model fit, backtest); English without one. */
export async function configLanguage(argv: readonly string[], cwd: string): Promise<Language> {
  const path = optionValue(argv, 'config');
  if (path === undefined) return 'en';
  try {
    return (await readConfig(path, cwd)).options.language ?? 'en';
  } catch (error) {
    // A config that cannot be read cannot say its language: English. The command reports why itself
    // when it reads the config (its own usage error), so nothing is lost here.
    if (error instanceof UsageError) return 'en';
    throw error;
  }
}

/** The --language option (hubspot sync); English when absent or not a language, which is itself a usage error. */
export async function languageOption(argv: readonly string[]): Promise<Language> {
  const value = optionValue(argv, 'language');
  return value === 'zh-CN' ? 'zh-CN' : 'en';
}
