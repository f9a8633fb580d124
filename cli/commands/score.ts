// tierwise score <file> [--orders] [--as-of YYYY-MM-DD] [--out F] [--force] [--utf8-no-bom] [--json] [--summary] [--threads N] [--config F] [--sheet NAME] [--quiet]
// Reads the table, scores it, writes the input's columns plus the result columns.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Language, OptionsInput } from '../../core/schema/options.ts';
import { UsageError, type Command, type CliIo } from '../io.ts';
import { readTable, type TableFile } from '../../adapters/table/read-file.ts';
import { isTextTable } from '../../adapters/table/read-text-stream.ts';
import { OrderFileError, readOrderFile, scoreOrderRead } from '../../adapters/table/order-stream.ts';
import { readOrderFileInPieces } from '../score/threads/order-pieces.ts';
import { boundOldSpaceGrowthForOrders } from '../old-space-growth.ts';
import { scoreTable } from '../../adapters/table/score-table.ts';
import { reportUnreadableRows } from '../../adapters/table/unreadable-rows.ts';
import { clearEarlierResults } from '../../adapters/table/earlier-results.ts';
import { TableError, type TableScore } from '../../adapters/table/contract.ts';
import { scoreFileInPieces, writeChunks, writePieces } from '../score/threads/score-file.ts';
import type { PiecesScore } from '../score/threads/score-in-pieces.ts';
import { minPieceBytes, threadsOption } from '../score/threads/plan.ts';
import { renderSummary, type RunToShow } from '../score/summary-table.ts';
import { scoredTextLines, writeLines, writeTable } from '../score/write-output.ts';
import { writeJsonArray } from '../score/json-output.ts';
import { writeOrderResults } from '../score/order-output.ts';
import type { OrderResultsEnd } from '../../adapters/table/order-results.ts';
import { dateOption, readConfig, TABLE_OPTIONS, today } from '../table-options.ts';
import { configLanguage } from '../run-language.ts';
import { Progress, count } from '../progress.ts';
import { checkOut } from '../score/out-path.ts';
import { wordsFor } from '../../core/i18n/index.ts';
import { unclosedQuoteText } from '../../adapters/table/csv.ts';

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
      threads: { type: 'string' },
      model: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError((w) => w.usage.oneFileToScore);
  const asOf = dateOption('--as-of', values['as-of'] ?? today());
  // Order tables only: which churn risk to use (default: the best by a time split of the orders).
  const churnModel = values.model;
  if (churnModel !== undefined && churnModel !== 'rules' && churnModel !== 'pareto' && churnModel !== 'learned') {
    throw new UsageError((w) => w.usage.notAChurnModel(churnModel));
  }
  const config = await readConfig(values.config, io.cwd);
  const language = config.options.language ?? 'en';
  const inputPath = resolve(io.cwd, file);
  const outPath = values.out === undefined ? undefined : resolve(io.cwd, values.out);
  if (outPath !== undefined && values.out !== undefined) await checkOut(outPath, values.out, inputPath, values.force, language);

  const progress = new Progress(io, values.quiet);
  const say = wordsFor(language).progress;
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const writesXlsx = outPath !== undefined && /\.xlsx$/i.test(outPath);
  const options: OptionsInput = { ...config.options, asOf, ...(churnModel === undefined ? {} : { churnModel }) };
  const kind = values.orders ? 'orders' : (config.kind ?? 'customers');
  const threads = threadsOption(values.threads);
  let table: TableFile | undefined;
  let output: ScoredOutput;
  try {
    // Several threads for a customer table written as text (cli/score/threads/); null: read in one go.
    const inPieces =
      kind === 'customers' && !values.json && !writesXlsx
        ? await scoreFileInPieces(inputPath, values.sheet, { threads, minPieceBytes: minPieceBytes(io.env), config: { ...config, kind }, options, plainUtf8: values['utf8-no-bom'], lines: outPath !== undefined ? 'file' : values.summary ? 'none' : 'stdout', ...(outPath === undefined ? {} : { out: outPath }) })
        : null;
    if (inPieces !== null) {
      progress.tick(() => say.scoredInPieces(count(inPieces.rows), seconds()));
      output = piecesOutput(inPieces, outPath !== undefined, language);
    } else if (values.orders && (await isTextTable(inputPath, values.sheet))) {
      // An order file is read in pieces and never held whole (adapters/table/order-stream.ts); its
      // customers are scored, written and dropped a range at a time (cli/score/order-output.ts), to
      // every target at once: a million results are never held for a second pass.
      // On several threads when its rows are plain (cli/score/threads/order-pieces.ts), else in this one.
      const onRows = (rows: number) => progress.tick(() => say.read(count(rows), seconds()));
      boundOldSpaceGrowthForOrders();
      const inThreads = threads > 1 ? await readOrderFileInPieces(inputPath, config, options, { threads, minPieceBytes: minPieceBytes(io.env), onRows }) : null;
      const streamed = scoreOrderRead(inThreads ?? (await readOrderFile(inputPath, config, options, onRows)), options);
      const shown = values.summary || (outPath !== undefined && !values.json);
      const end = await writeOrderResults(
        streamed.results,
        {
          json: values.json ? io.stdout : null,
          table: !shown && !values.json && outPath === undefined ? io.stdout : null,
          out: outPath === undefined ? null : { path: outPath, encoding: streamed.text.encoding, lineEnd: streamed.text.lineEnd },
        },
        { language, plainUtf8: values['utf8-no-bom'], onLines: (lines) => progress.tick(() => say.wrote(count(lines), seconds())) },
      );
      output = writtenOutput(end);
    } else {
      table = await readTable(inputPath, values.sheet, (rows) => progress.tick(() => say.read(count(rows), seconds())), language);
      // Delimited text is read from the text on demand (adapters/table/text-rows.ts): no grid of cells.
      const rows = table.rows;
      clearEarlierResults(rows);
      progress.tick(() => say.readAll(count(rows.length), seconds()));
      // Delimited text is written back from its own text, so a grid's parsed rows can go as soon as they are read;
      // an XLSX copy is built from the cells, so it keeps them.
      const release = table.text !== null && table.text.delimiter !== 'whitespace' && !writesXlsx;
      const score = scoreTable(rows, { ...config, kind }, options, release, (read) => progress.tick(() => say.scored(count(read), count(rows.length), seconds())));
      output = tableOutput(table, reportUnreadableRows(score, table.problems, language), language, values['utf8-no-bom'], progress, seconds);
    }
  } catch (error) {
    if (error instanceof TableError) {
      const header = wordsFor(language).table.header;
      const hint = !values.orders && error.looksLikeOrders ? header.looksLikeOrders : '';
      // An unclosed quote near the top can hide the header row itself: say so.
      const problems = error instanceof OrderFileError ? error.problems : (table?.problems ?? []);
      const early = problems.find((p) => p.index < 20);
      const note = early === undefined ? '' : header.alsoNote(unclosedQuoteText(early, wordsFor(language)));
      throw new TableError(`${file}: ${error.message}${hint}${note}`);
    }
    throw error;
  }
  try {
    progress.tick(() => say.scoredAll(count(output.rows), seconds()));
    if (values.json) await output.json(io.stdout);
    let written: number | null = null;
    if (outPath !== undefined) written = await output.toFile(outPath);
    const summaryShown = values.summary || (outPath !== undefined && !values.json);
    if (summaryShown) {
      (values.json ? io.stderr : io.stdout).write(renderSummary(output.run, file, asOf, language) + '\n');
    } else if (!values.json && outPath === undefined) {
      await output.toStdout(io.stdout);
    }
    if (!summaryShown || values.json) for (const warning of output.run.warnings) io.stderr.write(`tierwise: ${wordsFor(language).summary.stderrNote(warning)}\n`);
    if (written !== null) (values.json ? io.stderr : io.stdout).write(`${wordsFor(language).summary.wrote(count(written), String(values.out))}\n`);
    return 0;
  } finally {
    await output.close();
  }
}

/** A scored table, ready to be shown and written. */
interface ScoredOutput {
  run: RunToShow;
  /** Rows scored (customer rows, or customers of an order table). */
  rows: number;
  json(stream: NodeJS.WritableStream): Promise<void>;
  /** Writes the scored copy; returns the number of rows written below the header. */
  toFile(path: string): Promise<number>;
  toStdout(stream: NodeJS.WritableStream): Promise<void>;
  /** Ends what scoring left running (the worker threads of a table scored in pieces). */
  close(): Promise<void>;
}

function tableOutput(table: TableFile, score: TableScore, language: Language, plainUtf8: boolean, progress: Progress, seconds: () => string): ScoredOutput {
  return {
    run: score,
    rows: score.rows.length,
    json: (stream) => writeJsonArray(stream, score.rows),
    toFile: (path) => writeTable(path, table, score, { language, plainUtf8, onLines: (lines) => progress.tick(() => wordsFor(language).progress.wrote(count(lines), seconds())) }),
    toStdout: async (stream) => {
      await writeLines(stream, scoredTextLines(table, score, language));
    },
    close: async () => {},
  };
}

/** The output of an order file, already written as it was scored (what the summary reads: its counts, notes and the rows needing attention). */
function writtenOutput(end: OrderResultsEnd): ScoredOutput {
  const done = () => Promise.resolve();
  return {
    run: { kind: 'orders', summary: end.summary, warnings: end.warnings, rows: end.errorRows },
    rows: end.rows,
    json: done,
    toFile: () => Promise.resolve(end.rows),
    toStdout: done,
    close: done,
  };
}

/** The output of a table scored in pieces: its lines were written, encoded, on the worker threads. */
function piecesOutput(scored: PiecesScore, toFile: boolean, language: Language): ScoredOutput {
  const unwritten = (where: string) => () => Promise.reject(new Error(`the pieces were encoded for ${toFile ? 'a file' : 'stdout'}, not for ${where}`));
  return {
    run: scored.run,
    rows: scored.rows,
    json: unwritten('JSON'),
    toFile: toFile ? (path) => writePieces(path, scored, language) : unwritten('a file'),
    toStdout: toFile ? unwritten('stdout') : (stream) => writeChunks(stream, scored.chunks),
    close: () => scored.close(),
  };
}

const score: Command = { summary: (w) => w.usage.commands.score.summary, usage: (w) => w.usage.commands.score.syntax, language: configLanguage, run };
export default score;
