// tierwise score <file.csv|.xlsx> [--orders] [--as-of YYYY-MM-DD] [--config F] [--out F] [--force] [--json] [--summary] [--sheet NAME] [--utf8-no-bom] [--quiet]
// Reads the table, scores it, writes the input's columns plus the result columns.
import { realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import { FileError, UsageError, type Command, type CliIo } from '../io.ts';
import { readTable, type TableFile } from '../../adapters/table/read-file.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { reportUnreadableRows } from '../../adapters/table/unreadable-rows.ts';
import { clearEarlierResults } from '../../adapters/table/earlier-results.ts';
import { TableError, type ScoredRow, type TableScore } from '../../adapters/table/contract.ts';
import { renderSummary } from '../score/summary-table.ts';
import { scoredTextLines, writeLines, writeTable } from '../score/write-output.ts';
import { dateOption, readConfig, TABLE_OPTIONS, TABLE_USAGE, today } from '../table-options.ts';
import { Progress, count } from '../progress.ts';

const USAGE = `tierwise score <file.csv|.tsv|.txt|.xlsx> [--orders] [--as-of YYYY-MM-DD] [--out F] [--force] [--utf8-no-bom] [--json] [--summary] ${TABLE_USAGE}`;

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

/** The same file, even through a different spelling or a link. */
async function samePath(a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}

/** Refuses an --out that would overwrite the input or cannot be written, before anything is read or scored. */
async function checkOut(out: string, shown: string, input: string, force: boolean): Promise<void> {
  if (!force && (await samePath(out, input))) throw new UsageError(`--out ${shown} is the input file: choose another name, or add --force to overwrite the input`);
  let folder;
  try {
    folder = await stat(dirname(out));
  } catch {
    throw new FileError(`${shown} cannot be written: the folder ${dirname(shown)} does not exist`);
  }
  if (!folder.isDirectory()) throw new FileError(`${shown} cannot be written: ${dirname(shown)} is not a folder`);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...TABLE_OPTIONS,
      orders: { type: 'boolean', default: false },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      'utf8-no-bom': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      summary: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('expected one file to score');
  const asOf = dateOption('--as-of', values['as-of'] ?? today());
  const config = await readConfig(values.config, io.cwd);
  const language = config.options.language ?? 'en';
  const inputPath = resolve(io.cwd, file);
  const outPath = values.out === undefined ? undefined : resolve(io.cwd, values.out);
  if (outPath !== undefined && values.out !== undefined) await checkOut(outPath, values.out, inputPath, values.force);

  const progress = new Progress(io, values.quiet);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const writesXlsx = outPath !== undefined && /\.xlsx$/i.test(outPath);
  let table: TableFile;
  let score: TableScore;
  try {
    table = await readTable(inputPath, values.sheet, (rows) => progress.tick(() => `read ${count(rows)} rows (${seconds()} s)`));
    const cells = table.cells;
    clearEarlierResults(cells);
    progress.tick(() => `read ${count(cells.length)} rows (${seconds()} s); scoring…`);
    // Delimited text is written back from its own text, so parsed rows can go as soon as they are read;
    // an XLSX copy is built from the cells, so it keeps them.
    const release = table.text !== null && table.text.delimiter !== 'whitespace' && !writesXlsx;
    const kind = values.orders ? 'orders' : (config.kind ?? 'customers');
    score = scoreTable(cells, { ...config, kind }, { ...config.options, asOf }, release, (rows) => progress.tick(() => `scored ${count(rows)} of ${count(cells.length)} rows (${seconds()} s)`));
    score = reportUnreadableRows(score, table.problems, language);
    progress.tick(() => `scored ${count(score.rows.length)} rows (${seconds()} s); writing…`);
  } catch (error) {
    if (error instanceof TableError) {
      const hint = !values.orders && error.looksLikeOrders ? ' (this looks like one row per order: run with --orders)' : '';
      throw new TableError(`${file}: ${error.message}${hint}`);
    }
    throw error;
  }

  if (values.json) await writeJsonArray(io.stdout, score.rows);
  let written: number | null = null;
  if (outPath !== undefined) {
    written = await writeTable(outPath, table, score, {
      language,
      plainUtf8: values['utf8-no-bom'],
      onLines: (lines) => progress.tick(() => `wrote ${count(lines)} rows (${seconds()} s)`),
    });
  }
  const summaryShown = values.summary || (outPath !== undefined && !values.json);
  if (summaryShown) {
    (values.json ? io.stderr : io.stdout).write(renderSummary(score, file, asOf) + '\n');
  } else if (!values.json && outPath === undefined) {
    await writeLines(io.stdout, scoredTextLines(table, score, language));
  }
  if (!summaryShown || values.json) for (const warning of score.warnings) io.stderr.write(`tierwise: note: ${warning}\n`);
  if (written !== null) (values.json ? io.stderr : io.stdout).write(`wrote ${count(written)} rows to ${values.out}\n`);
  return 0;
}

const score: Command = { summary: 'Score a customer table (or an order table with --orders) and add Tier, Churn risk, Next action and Why.', usage: USAGE, run };
export default score;
