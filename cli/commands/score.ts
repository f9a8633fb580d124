// tierwise score <file.csv|.xlsx> [--orders] [--as-of YYYY-MM-DD] [--config F] [--out F] [--json] [--summary] [--sheet NAME]
// Reads the table, scores it, writes the input's columns plus the result columns.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import { UsageError, type Command, type CliIo } from '../io.ts';
import { isIsoDate, isoFromUtcDate } from '../../core/dates.ts';
import { ConfigFileSchema, describeConfigError, type ConfigFile } from '../../adapters/config.ts';
import { readTable, type TableFile } from '../../adapters/table/read-file.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { TableError, type ScoredRow } from '../../adapters/table/contract.ts';
import { renderSummary } from '../score/summary-table.ts';
import { scoredTextLines, writeLines, writeTable } from '../score/write-output.ts';

const USAGE = 'tierwise score <file.csv|.xlsx> [--orders] [--as-of YYYY-MM-DD] [--config F] [--out F] [--json] [--summary] [--sheet NAME] [--model rules|pareto|learned]';

async function readConfig(path: string | undefined, cwd: string): Promise<ConfigFile> {
  if (path === undefined) return ConfigFileSchema.parse({});
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch {
    throw new UsageError(`cannot read the config file ${path}`);
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

function looksLikeOrders(error: TableError): boolean {
  return /order ?date|"date"|amount|order id|订单|下单/i.test(error.message);
}

/** One JSON object per output row (DESIGN.md). */
function jsonRow(r: ScoredRow) {
  const x = r.result;
  return {
    row: r.row,
    id: r.id,
    tier: x.tier,
    segment: x.segment,
    r: x.r,
    f: x.f,
    m: x.m,
    churnRisk: x.churnRisk,
    churnLevel: x.churnLevel,
    lifecycle: x.lifecycle,
    nextAction: x.nextAction,
    followUpBy: x.followUpBy,
    reasons: x.reasons,
    error: x.error,
    valueBand: x.valueBand,
    pAlive: x.pAlive,
    expectedPurchases: x.expectedPurchases,
    clv: x.clv,
  };
}

/** A JSON array, one object per line, streamed. */
async function writeJsonArray(stream: NodeJS.WritableStream, rows: readonly ScoredRow[]): Promise<void> {
  let chunk = '[\n';
  for (let i = 0; i < rows.length; i++) {
    chunk += JSON.stringify(jsonRow(rows[i] as ScoredRow)) + (i + 1 < rows.length ? ',\n' : '\n');
    if (chunk.length >= 1 << 20) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.write(chunk + ']\n');
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      orders: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      summary: { type: 'boolean', default: false },
      sheet: { type: 'string' },
      model: { type: 'string' },
    },
  }).valueOf() as { values: { orders: boolean; 'as-of'?: string; config?: string; out?: string; json: boolean; summary: boolean; sheet?: string; model?: string }; positionals: string[] };
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError(`expected one file to score\nUsage: ${USAGE}`);
  const asOf = values['as-of'] ?? isoFromUtcDate(new Date(Date.now() - new Date().getTimezoneOffset() * 60_000)) ?? '';
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of "${asOf}" is not a date: expected YYYY-MM-DD, e.g. 2026-03-01`);
  // Order tables only: which churn risk to use (default: the best by a time split of the orders).
  const churnModel = values.model;
  if (churnModel !== undefined && churnModel !== 'rules' && churnModel !== 'pareto' && churnModel !== 'learned') {
    throw new UsageError(`--model "${churnModel}" is not a churn model: expected rules, pareto or learned`);
  }
  const config = await readConfig(values.config, io.cwd);
  const language = config.options.language ?? 'en';

  const progress = (message: string) => io.stderr.write(`tierwise: ${message}\n`);
  const started = Date.now();
  let file_: TableFile;
  let score;
  try {
    file_ = await readTable(resolve(io.cwd, file), values.sheet);
    const cells = file_.cells;
    const large = cells.length > 100_000;
    if (large) progress(`read ${(cells.length - 1).toLocaleString('en-US')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s; scoring…`);
    // Text files are written back from their own text, so the parsed rows can go as soon as they are read.
    score = scoreTable(cells, { ...config, kind: values.orders ? 'orders' : (config.kind ?? 'customers') }, { ...config.options, asOf, ...(churnModel === undefined ? {} : { churnModel }) }, file_.text !== null && file_.text.delimiter !== 'whitespace');
    if (large) progress(`scored in ${((Date.now() - started) / 1000).toFixed(1)} s; writing…`);
  } catch (error) {
    if (error instanceof TableError) {
      const hint = !values.orders && looksLikeOrders(error) ? ' (this looks like one row per order: run with --orders)' : '';
      io.stderr.write(`tierwise score: ${file}: ${error.message}${hint}\n`);
      return 1;
    }
    throw error;
  }

  if (values.json) {
    await writeJsonArray(io.stdout, score.rows);
  }
  if (values.out !== undefined) {
    await writeTable(resolve(io.cwd, values.out), file_, score, language);
  }
  if (values.summary || (values.out !== undefined && !values.json)) {
    const summary = renderSummary(score, file, asOf);
    (values.json ? io.stderr : io.stdout).write(summary + '\n');
  } else if (!values.json && values.out === undefined) {
    await writeLines(io.stdout, scoredTextLines(file_, score, language));
  }
  const summaryShown = values.summary || (values.out !== undefined && !values.json);
  if (!summaryShown || values.json) for (const warning of score.warnings) io.stderr.write(`tierwise: note: ${warning}\n`);
  return 0;
}

const score: Command = { summary: 'Score a customer table (or an order table with --orders) and add Tier, Churn risk, Next action and Why.', usage: USAGE, run };
export default score;
