// Scores a delimited customer table in pieces, one per worker thread, with the same output bytes,
// summary and notes as reading it in one go (cli/commands/score.ts without --threads).
//
// The main thread cuts the text at line starts (adapters/table/pieces.ts) and decides what needs the
// whole table, between the steps the pieces take (protocol.ts):
//   parse   each piece parses its text; main finds the layout in the table's first rows
//   layout  each piece lists its ids and what its date columns show; main decides repeated ids in row
//           order and each date column's day/month order, as the one-thread reader would
//   read    each piece reads its rows into customers and hands back their ranking figures; main ranks
//   score   each piece scores with its slice of the ranks and writes its lines; main summarises
// It answers null when the table is not safe to read in pieces (a quote left open at a cut or anywhere,
// a layout the first rows cannot settle, purchase histories to fit a model on): the caller then reads
// it in one go, which also words any error exactly as before.
import type { TableConfig } from '../../../adapters/table/contract.ts';
import { TableError } from '../../../adapters/table/contract.ts';
import { cutAtLineStarts } from '../../../adapters/table/pieces.ts';
import { earlierResultsOf, blankResultCells } from '../../../adapters/table/earlier-results.ts';
import { customerLayout, CUSTOMER_DATES } from '../../../adapters/table/customer-table.ts';
import { CUSTOMER_REQUIRED } from '../../../adapters/table/headers.ts';
import { footerNote, headerKeysOf } from '../../../adapters/table/read-rows.ts';
import { DateOrderEvidence, type DateOrder, type DateOrderSeen } from '../../../adapters/table/cells.ts';
import { dateOrderNote } from '../../../adapters/table/date-columns.ts';
import { rankingNotes } from '../../../adapters/table/score-table.ts';
import { OptionsSchema, type OptionsInput } from '../../../core/schema/options.ts';
import { scoreRfm, type RfmScores } from '../../../core/rfm.ts';
import { dayNumber } from '../../../core/dates.ts';
import { WORDS } from '../../../core/i18n/index.ts';
import { HashedIds } from '../../../adapters/table/repeated-ids.ts';
import { ATTENTION_SHOWN, type RunToShow } from '../summary-table.ts';
import { summarizeFacts } from './summary-facts.ts';
import { HEAD_ROWS, type LayoutInput, type ParseOutput, type PiecesOutput, type Step, type Steps, type WriteInput } from './protocol.ts';

/** Runs a piece's steps: on a worker thread (thread-runner.ts), or in this thread for tests. */
export interface PieceRunner {
  run<S extends Step>(step: S, input: Steps[S][0]): Promise<Steps[S][1]>;
  close(): Promise<void>;
}

export interface PiecesInput {
  /** The decoded text (read-file.ts openTable) and its delimiter. */
  decoded: string;
  delimiter: ',' | ';' | '\t';
  pieces: number;
  config: TableConfig;
  options: OptionsInput;
  /** How the output lines are written: the scored file's encoding and line end, UTF-8 and '\n' for stdout; null: not at all. */
  output: PiecesOutput | null;
  /**
   * The file (output.to 'file') the pieces write into before the summary is made, from byte `at` on
   * (after its byte order mark): the first piece as it scores (UTF-8), the others once all are scored,
   * while this thread summarises. Absent: the caller has them write it (PiecesScore.writeInto).
   */
  into?: WriteInput;
}

export interface PiecesScore {
  run: RunToShow;
  /** Rows written below the header (every data row). */
  rows: number;
  /** The output, encoded, in order, when it was handed back (output.to 'reply'), and how it was encoded. */
  chunks: Uint8Array[];
  output: PiecesInput['output'];
  /** The scored file, when the lines were written into it as they were scored (output.to 'stream'). */
  writtenTo?: string;
  /** Each piece writes its lines into the file at `path`, the first piece from byte `at` on (output.to 'file'). */
  writeInto(path: string, at: number): Promise<void>;
  /** Ends the worker threads; to be called once the output is written. */
  close(): Promise<void>;
}

/** The file of its own piece k (from 1) streams its lines into before they are copied into the scored file at `path` (removed then). */
export function sideFile(path: string, k: number): string {
  return `${path}.piece-${k}`;
}

export async function scoreInPieces(input: PiecesInput, runnerFor: () => PieceRunner): Promise<PiecesScore | null> {
  // A second byte order mark at the start would be dropped by the parser of piece 0 but kept by the whole-text parser.
  const text = input.decoded.charCodeAt(0) === 0xfeff ? input.decoded.slice(1) : input.decoded;
  if (text.charCodeAt(0) === 0xfeff) return null;
  const cuts = cutAtLineStarts(text, input.pieces);
  // Threads are only worth it for two pieces or more; one piece is asked for to run in this thread.
  if (cuts.length < 3 && input.pieces > 1) return null;
  const runners = cuts.slice(1).map(() => runnerFor());
  let scored: PiecesScore | null = null;
  try {
    scored = await scoreWith(runners, text, cuts, input);
    return scored;
  } finally {
    // The pieces keep a file's lines until they write them: the caller closes them then.
    if (scored === null) await Promise.all(runners.map((r) => r.close()));
  }
}

async function scoreWith(runners: PieceRunner[], text: string, cuts: number[], input: PiecesInput): Promise<PiecesScore | null> {
  const options = OptionsSchema.parse(input.options);
  const { config } = input;
  const language = options.language;
  const words = WORDS[language].table;
  const all = <S extends Step>(step: S, inputOf: (k: number) => Steps[S][0]) => Promise.all(runners.map((r, k) => r.run(step, inputOf(k))));

  // 1. Parse, then the layout from the table's first rows.
  const parsed: ParseOutput[] = await all('parse', (k) => ({ text: text.slice(cuts[k], cuts[k + 1]), delimiter: input.delimiter }));
  if (parsed.some((p) => p.unclosedQuotes > 0)) return null;
  const offsets = [0];
  for (const p of parsed) offsets.push((offsets[offsets.length - 1] as number) + p.rows);
  const head = parsed.flatMap((p) => p.head).slice(0, HEAD_ROWS);
  const earlier = earlierResultsOf(head);
  if (earlier !== null) blankResultCells(head, earlier.row + 1, earlier.block);
  let layout;
  try {
    layout = customerLayout(head, config, language);
  } catch (error) {
    if (error instanceof TableError) return null;
    throw error;
  }
  const { headers, mapping, headerIndex } = layout;
  const inferred = config.dateOrder === 'auto' ? CUSTOMER_DATES.filter((f) => mapping[f] !== undefined) : [];
  const shared: Omit<LayoutInput, 'rowOffset' | 'last'> = {
    headerIndex, headers, mapping, headerKeys: headerKeysOf(headers, mapping, CUSTOMER_REQUIRED), earlier, dateColumns: inferred.map((f) => mapping[f] as number),
  };

  // 2. Ids and date evidence; the table's end from the last piece.
  const found = await all('layout', (k) => ({ ...shared, rowOffset: offsets[k] as number, last: k === runners.length - 1 }));
  const end = found[found.length - 1]?.end;
  if (end === undefined || end === null || end.unsure) return null;
  // Ids in row order over the whole table, and the row each was first seen on (repeated-ids.ts: sorted by
  // hash; only ids sharing a hash are asked for as text, from the pieces holding them).
  const starts = [0];
  for (const f of found) starts.push((starts[starts.length - 1] as number) + f.hashes.length);
  const hashes = new Uint32Array(starts[starts.length - 1] as number);
  const tableRows = new Int32Array(hashes.length);
  found.forEach((f, k) => {
    const from = starts[k] as number;
    hashes.set(f.hashes, from);
    for (let j = 0; j < f.idRows.length; j++) tableRows[from + j] = (f.idRows[j] as number) + (offsets[k] as number) + 1;
  });
  const hashed = new HashedIds(hashes);
  const sharing = hashed.shared();
  const texts = new Map<number, string>();
  if (sharing.length > 0) {
    const asked = found.map((_, k) => sharing.filter((i) => i >= (starts[k] as number) && i < (starts[k + 1] as number)).map((i) => i - (starts[k] as number)));
    // A copy is sent: the message takes its buffer away from this thread.
    const answers = await all('ids', (k) => ({ at: (asked[k] as Int32Array).slice() }));
    answers.forEach((a, k) => a.ids.forEach((id, j) => texts.set((asked[k] as Int32Array)[j] as number + (starts[k] as number), id)));
  }
  const firsts = hashed.firsts((i) => texts.get(i) as string);
  const firstRows = found.map((f, k) => {
    const rows = new Int32Array(parsed[k]?.rows ?? 0);
    const from = starts[k] as number;
    for (let j = 0; j < f.idRows.length; j++) {
      const first = firsts[from + j] as number;
      if (first >= 0) rows[f.idRows[j] as number] = tableRows[first] as number;
    }
    return rows;
  });
  const warnings = [...layout.notes];
  if (end.footer !== null) warnings.push(footerNote(end.footer, words));
  const dateOrders: Partial<Record<(typeof CUSTOMER_DATES)[number], DateOrder>> = {};
  for (const field of CUSTOMER_DATES) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (config.dateOrder !== 'auto') {
      dateOrders[field] = config.dateOrder;
      continue;
    }
    const evidence = new DateOrderEvidence();
    const c = inferred.indexOf(field);
    for (const f of found) evidence.merge(f.seen[c] as DateOrderSeen);
    const result = evidence.result();
    dateOrders[field] = result.order;
    const note = dateOrderNote(headers[column] ?? field, result, words);
    if (note !== null) warnings.push(note);
  }

  // 3. Customers read on the pieces; ranked here, over the whole table.
  const read = await all('read', (k) => ({ bodyEnd: end.bodyEnd, firstRows: firstRows[k] as Int32Array, dateOrders, asOf: options.asOf, options: input.options }));
  // Purchase histories would be fitted with a model over all customers: not done in pieces.
  if (options.purchaseModel === 'auto' && read.some((r) => r.fromOrders > 0)) return null;
  const scorable = read.reduce((n, r) => n + r.lastDay.length, 0);
  const concat = (pick: (r: (typeof read)[number]) => Float64Array) => {
    const all = new Float64Array(scorable);
    let at = 0;
    for (const r of read) {
      all.set(pick(r), at);
      at += pick(r).length;
    }
    return all;
  };
  const ranks = scoreRfm({ lastDay: concat((r) => r.lastDay), orders: concat((r) => r.orders), spend: concat((r) => r.spend) }, dayNumber(options.asOf), options.rfm);
  const satisfactionAbove5 = read.some((r) => r.satisfactionAbove5);

  // 4. Scored and written on the pieces, each with its slice of the ranks.
  const outputEnd = Math.min(offsets[offsets.length - 1] as number, Math.max(end.bodyEnd, end.lastContent));
  let from = 0;
  const slices: RfmScores[] = read.map((r) => {
    const to = from + r.lastDay.length;
    const slice = { r: ranks.r.slice(from, to), f: ranks.f.slice(from, to), m: ranks.m.slice(from, to) };
    from = to;
    return slice;
  });
  const into = input.into ?? null;
  const utf8 = input.output?.encoding === 'utf-8' || input.output?.encoding === 'utf-8-bom';
  const streamInto = into !== null && input.output?.to === 'file' && utf8 ? into : null;
  const scored = await all('score', (k) => ({
    ranks: slices[k] as RfmScores,
    satisfactionAbove5,
    outputEnd,
    output: input.output,
    streamInto: streamInto === null ? null : k === 0 ? { ...streamInto, side: false } : { path: sideFile(streamInto.path, k), at: 0, side: true },
  }));

  const facts = scored.map((s) => s.facts);
  const errors = facts.flatMap((f) => f.errors);
  const rows = facts.reduce((n, f) => n + f.count, 0);
  const sizes = scored.map((s) => s.bytes);
  // Each piece from where the pieces before it end (copied from its own file when it streamed its lines
  // there); the first piece wrote its lines already when it streamed them.
  const writeInto = (path: string, at: number) => {
    const starts = sizes.map((_, k) => at + sizes.slice(0, k).reduce((n, b) => n + b, 0));
    return Promise.all(runners.map((r, k) => (k === 0 && streamInto !== null ? null : r.run('write', { path, at: starts[k] as number }))));
  };
  // The pieces write while this thread summarises (a summary of a million rows takes ~0.3 s).
  const writing = into === null ? null : writeInto(into.path, into.at);
  let summary;
  try {
    summary = summarizeFacts(facts, language);
  } finally {
    if (writing !== null) await writing;
  }
  return {
    run: {
      kind: 'customers',
      summary,
      warnings: [...warnings, ...rankingNotes(scorable, options)],
      attention: { count: errors.length, first: errors.slice(0, ATTENTION_SHOWN) },
    },
    rows,
    chunks: scored.flatMap((s) => s.chunks),
    output: input.output,
    ...(into === null ? {} : { writtenTo: into.path }),
    writeInto: async (path, at) => {
      if (into !== null) throw new Error(`the pieces wrote their lines into ${into.path} already`);
      await writeInto(path, at);
    },
    close: async () => {
      await Promise.all(runners.map((r) => r.close()));
    },
  };
}
