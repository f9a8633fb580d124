// tierwise score <file> [--orders] [--as-of YYYY-MM-DD] [--out F] [--force] [--utf8-no-bom] [--json] [--summary] [--config F] [--sheet NAME] [--quiet]
// Reads the table, scores it, writes the input's columns plus the result columns.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { OptionsInput } from '../../core/schema/options.ts';
import { UsageError, type Command, type CliIo } from '../io.ts';
import { readTable, type TableFile } from '../../adapters/table/read-file.ts';
import { isTextTable } from '../../adapters/table/read-text-stream.ts';
import { OrderFileError, scoreOrderFile } from '../../adapters/table/order-stream.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { reportUnreadableRows } from '../../adapters/table/unreadable-rows.ts';
import { clearEarlierResults } from '../../adapters/table/earlier-results.ts';
import { TableError, type TableScore } from '../../adapters/table/contract.ts';
import { renderSummary } from '../score/summary-table.ts';
import { scoredTextLines, writeLines, writeTable } from '../score/write-output.ts';
import { writeJsonArray } from '../score/json-output.ts';
import { writeOrderResults } from '../score/order-output.ts';
import { dateOption, readConfig, TABLE_OPTIONS, TABLE_USAGE, today } from '../table-options.ts';
import { Progress, count } from '../progress.ts';
import { checkOut } from '../score/out-path.ts';
import { wordsFor } from '../../core/i18n/index.ts';

const USAGE = `tierwise score <file.csv|.tsv|.txt|.xlsx> [--orders] [--as-of YYYY-MM-DD] [--out F] [--force] [--utf8-no-bom] [--json] [--summary] [--model rules|pareto|learned] ${TABLE_USAGE}`;

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
      model: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('expected one file to score');
  const asOf = dateOption('--as-of', values['as-of'] ?? today());
  // Order tables only: which churn risk to use (default: the best by a time split of the orders).
  const churnModel = values.model;
  if (churnModel !== undefined && churnModel !== 'rules' && churnModel !== 'pareto' && churnModel !== 'learned') {
    throw new UsageError(`--model "${churnModel}" is not a churn model: expected rules, pareto or learned`);
  }
  const config = await readConfig(values.config, io.cwd);
  const language = config.options.language ?? 'en';
  const inputPath = resolve(io.cwd, file);
  const outPath = values.out === undefined ? undefined : resolve(io.cwd, values.out);
  if (outPath !== undefined && values.out !== undefined) await checkOut(outPath, values.out, inputPath, values.force);

  const progress = new Progress(io, values.quiet);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const writesXlsx = outPath !== undefined && /\.xlsx$/i.test(outPath);
  const options: OptionsInput = { ...config.options, asOf, ...(churnModel === undefined ? {} : { churnModel }) };
  const summaryShown = values.summary || (outPath !== undefined && !values.json);
  let table: TableFile | undefined;
  let score: TableScore;
  // Set when the rows were written as they were scored (an order file): the scored copy's row count.
  let streamedRows: number | null = null;
  try {
    if (values.orders && (await isTextTable(inputPath, values.sheet))) {
      // An order file is read in pieces and never held whole (adapters/table/order-stream.ts); its
      // customers are scored, written and dropped a range at a time (cli/score/order-output.ts).
      const streamed = await scoreOrderFile(inputPath, config, options, (rows) => progress.tick(() => `read ${count(rows)} rows (${seconds()} s)`));
      const results = streamed.results;
      progress.tick(() => `read the orders (${seconds()} s); scoring and writing…`);
      const end = await writeOrderResults(
        results,
        {
          json: values.json ? io.stdout : null,
          table: !summaryShown && !values.json && outPath === undefined ? io.stdout : null,
          out: outPath === undefined ? null : { path: outPath, encoding: streamed.text.encoding, lineEnd: streamed.text.lineEnd },
        },
        { language, plainUtf8: values['utf8-no-bom'], onLines: (lines) => progress.tick(() => `scored and wrote ${count(lines)} rows (${seconds()} s)`) },
      );
      streamedRows = end.rows;
      // What the summary reads: of the rows, only those that need attention were kept.
      score = { kind: 'orders', headerRow: results.headerRow, headers: results.headers, mapping: results.mapping, rows: end.errorRows, summary: end.summary, warnings: end.warnings };
    } else {
      table = await readTable(inputPath, values.sheet, (rows) => progress.tick(() => `read ${count(rows)} rows (${seconds()} s)`));
      const cells = table.cells;
      clearEarlierResults(cells);
      progress.tick(() => `read ${count(cells.length)} rows (${seconds()} s); scoring…`);
      // Delimited text is written back from its own text, so parsed rows can go as soon as they are read;
      // an XLSX copy is built from the cells, so it keeps them.
      const release = table.text !== null && table.text.delimiter !== 'whitespace' && !writesXlsx;
      const kind = values.orders ? 'orders' : (config.kind ?? 'customers');
      score = scoreTable(cells, { ...config, kind }, options, release, (rows) => progress.tick(() => `scored ${count(rows)} of ${count(cells.length)} rows (${seconds()} s)`));
      score = reportUnreadableRows(score, table.problems, language);
    }
  } catch (error) {
    if (error instanceof TableError) {
      const hint = !values.orders && error.looksLikeOrders ? ' (this looks like one row per order: run with --orders)' : '';
      // An unclosed quote near the top can hide the header row itself: say so.
      const problems = error instanceof OrderFileError ? error.problems : (table?.problems ?? []);
      const early = problems.find((p) => p.index < 20);
      throw new TableError(`${file}: ${error.message}${hint}${early === undefined ? '' : `; note: ${early.message}`}`);
    }
    throw error;
  }
  let written: number | null = null;
  if (streamedRows !== null) {
    if (outPath !== undefined) written = streamedRows;
  } else {
    const scored = score;
    const read = table as TableFile;
    progress.tick(() => `scored ${count(scored.rows.length)} rows (${seconds()} s); writing…`);
    if (values.json) await writeJsonArray(io.stdout, scored.rows);
    if (outPath !== undefined) {
      written = await writeTable(outPath, read, scored, {
        language,
        plainUtf8: values['utf8-no-bom'],
        onLines: (lines) => progress.tick(() => `wrote ${count(lines)} rows (${seconds()} s)`),
      });
    }
    if (!summaryShown && !values.json && outPath === undefined) await writeLines(io.stdout, scoredTextLines(read, scored, language));
  }
  if (summaryShown) (values.json ? io.stderr : io.stdout).write(renderSummary(score, file, asOf, language) + '\n');
  if (!summaryShown || values.json) for (const warning of score.warnings) io.stderr.write(`tierwise: ${wordsFor(language).summary.stderrNote(warning)}\n`);
  if (written !== null) (values.json ? io.stderr : io.stdout).write(`${wordsFor(language).summary.wrote(count(written), String(values.out))}\n`);
  return 0;
}

const score: Command = { summary: 'Score a customer table (or an order table with --orders) and add Tier, Churn risk, Next action and Why.', usage: USAGE, run };
export default score;
