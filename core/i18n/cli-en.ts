// What the command line says about its own use, and `tierwise model fit`'s report, in English (the
// interface: ./cli-words.ts). Apart from ./en.ts so the Apps Script bundle does not carry them.
import type { CliWords } from './cli-words.ts';

// The options every table command shares (cli/table-options.ts).
const TABLE_SYNTAX = '[--config F] [--sheet NAME] [--quiet]';

export const cliEn: CliWords = {
  modelFit: {
    title: (customers, end, seconds) => `Purchase models fitted on ${customers} customers' orders up to ${end} (time unit: weeks) in ${seconds} s`,
    logLikelihood: 'log-likelihood',
    dropoutTitle: (logLikelihood) => `Does anyone leave? (no-dropout model log-likelihood ${logLikelihood})`,
    leaving: (model, ratio, critical) => `${model} finds customers leaving: likelihood-ratio ${ratio} against a model where nobody leaves (needs ${critical})`,
    boundary: (model, ratio, critical) =>
      `${model} is at the no-dropout boundary: likelihood-ratio ${ratio} against a model where nobody leaves, below ${critical}. Its P(alive) says nothing here; Tierwise does not show it and judges recency against each customer's own rhythm`,
    badRows: (count, first) => `${count} order row${count === 1 ? '' : 's'} could not be read and ${count === 1 ? 'was' : 'were'} left out (first: ${first})`,
  },
  usage: {
    usage: (syntax) => `Usage: ${syntax}`,
    commands: {
      score: {
        summary: 'Score a customer table (or an order table with --orders) and add Tier, Churn risk, Next action and Why.',
        syntax: `tierwise score <file.csv|.tsv|.txt|.xlsx> [--orders] [--as-of YYYY-MM-DD] [--out F] [--force] [--utf8-no-bom] [--json] [--summary] [--threads N] [--model rules|pareto|learned] ${TABLE_SYNTAX}`,
      },
      'model fit': {
        summary: 'Fit BG/NBD, Pareto/NBD and Gamma-Gamma to an order file and print the parameters.',
        syntax: `tierwise model fit <orders.csv> [--as-of YYYY-MM-DD] [--json] [--pareto] ${TABLE_SYNTAX}  (--calibration-end is another name for --as-of)`,
      },
      backtest: {
        summary: 'Score as of a past date and check the scores against what customers did next.',
        syntax: `tierwise backtest <orders.csv> --as-of YYYY-MM-DD [--horizon 39w|90d|6m] [--json] ${TABLE_SYNTAX}`,
      },
      'hubspot sync': {
        summary: 'Score HubSpot contacts or companies and write Tier, Churn risk and Next action back as properties.',
        syntax:
          'tierwise hubspot sync [--object contacts|companies] [--dry-run] [--tasks] [--full] [--as-of YYYY-MM-DD] [--state file.sqlite] [--language en|zh-CN] [--api-version 2026-09] [--burst 100] [--wait SECONDS] [--timeout-ms 30000] [--max-attempts 6]',
      },
    },
    unknownOption: (option, near) => `unknown option ${option}${near === null ? '' : ` (did you mean ${near}?)`}`,
    unexpectedArgument: (argument) => `unexpected argument "${argument}"`,
    // The next three are node:util parseArgs' own first lines (cli/main.ts reads them back from its messages).
    optionNeedsValue: (option) => `Option '${option}' argument missing`,
    optionTakesNoValue: (option) => `Option '${option}' does not take an argument`,
    optionValueLikeOption: (option, _example) => `Option '${option}' argument is ambiguous.`,
    notADate: (option, value) => `${option} "${value}" is not a date: expected YYYY-MM-DD, e.g. 2026-03-01`,
    oneFileToScore: 'expected one file to score',
    oneOrderFile: 'expected one order file',
    oneOrderFileAndAsOf: 'expected one order file and --as-of',
    asOfTwice: '--as-of and --calibration-end name the same date: give one of them',
    noOrderRead: (file, firstProblem) => `${file} has no order that could be read${firstProblem === null ? '' : ` (first problem: ${firstProblem})`}`,
    notAChurnModel: (value) => `--model "${value}" is not a churn model: expected rules, pareto or learned`,
    notThreads: (value) => `--threads "${value}" is not a number of threads: expected a whole number from 1, e.g. --threads 2`,
    notAPeriod: (value) => `--horizon "${value}" is not a period: expected e.g. 39w, 90d or 6m`,
    hubspot: {
      noToken: 'set HUBSPOT_ACCESS_TOKEN to a private app token with crm.objects.contacts.read/write and crm.schemas.contacts.write (companies likewise)',
      object: (value) => `--object must be contacts or companies, not "${value}"`,
      asOf: (value) => `--as-of "${value}" is not a date: expected YYYY-MM-DD`,
      burst: (value) => `--burst must be a whole number of requests per 10 s (100 for marketplace apps, 190 for Pro private apps), not "${value}"`,
      wait: (value) => `--wait must be a number of seconds, not "${value}"`,
      timeoutMs: (value) => `--timeout-ms must be a whole number of milliseconds, not "${value}"`,
      maxAttempts: (value) => `--max-attempts must be a whole number from 1 to 20, not "${value}"`,
    },
  },
};
