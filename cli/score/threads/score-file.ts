// `tierwise score` on several threads: which files are read in pieces, and writing what the pieces wrote.
import { rm, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { once } from 'node:events';
import { openTable, lineEndOf } from '../../../adapters/table/read-file.ts';
import { TableConfigSchema, type TableConfigInput } from '../../../adapters/table/contract.ts';
import { encoderFor, outputEncoding } from '../../../adapters/table/text-encoding.ts';
import type { Language, OptionsInput } from '../../../core/schema/options.ts';
import { writeStream, writeThroughTemporary } from '../write-output.ts';
import { fileBytes, piecesFor } from './plan.ts';
import { scoreInPieces, sideFile, type PiecesScore } from './score-in-pieces.ts';
import { ThreadRunner } from './thread-runner.ts';
import { InThreadRunner } from './in-thread-runner.ts';

export interface InPieces {
  threads: number;
  minPieceBytes: number;
  config: TableConfigInput;
  options: OptionsInput;
  plainUtf8: boolean;
  /** Where the scored lines go: a file (in the input's encoding and line end), stdout (UTF-8, '\n'), or nowhere (summary only). */
  lines: 'file' | 'stdout' | 'none';
  /** The scored file (lines 'file'): read in one piece in this thread, its lines are written into it as they are scored. */
  out?: string;
}

/** Thrown inside the scored file's writing when the table is read in one go after all: nothing was written, and the file is not made. */
class ReadInOneGo extends Error {}

/**
 * The file scored in pieces on worker threads (in one piece in this thread for one thread), or null
 * when it is read in one go: a workbook, a whitespace-aligned text, a file smaller than a piece, or
 * one score-in-pieces.ts finds unsafe.
 */
export async function scoreFileInPieces(path: string, sheet: string | undefined, how: InPieces): Promise<PiecesScore | null> {
  if (extname(path).toLowerCase() === '.xlsx' || sheet !== undefined) return null;
  const bytes = await fileBytes(path);
  if (bytes === null) return null;
  const pieces = piecesFor(bytes, how.threads, how.minPieceBytes);
  if (bytes < how.minPieceBytes) return null;
  // The worker threads start (~0.3 s each, loading the code) while this thread reads the file; those not taken are ended.
  const started = pieces > 1 ? Array.from({ length: pieces }, () => new ThreadRunner()) : [];
  try {
    return await scoreOpened(path, sheet, how, pieces, () => started.pop() ?? new ThreadRunner());
  } finally {
    await Promise.all(started.map((r) => r.close()));
  }
}

async function scoreOpened(path: string, sheet: string | undefined, how: InPieces, pieces: number, threadRunner: () => ThreadRunner): Promise<PiecesScore | null> {
  const opened = await openTable(path, sheet, how.options.language);
  if (opened.kind !== 'text' || opened.delimiter === 'whitespace') return null;
  const output =
    how.lines === 'file'
      ? { encoding: outputEncoding(opened.encoding, how.plainUtf8), lineEnd: lineEndOf(opened.decoded), to: 'file' as const }
      : how.lines === 'stdout'
        ? { encoding: 'utf-8' as const, lineEnd: '\n' as const, to: 'reply' as const }
        : null;
  const input = { decoded: opened.decoded, delimiter: opened.delimiter, pieces, config: TableConfigSchema.parse(how.config), options: how.options, output };
  if (pieces > 1 && output?.to === 'file' && how.out !== undefined) {
    // The pieces write the scored file before the summary is made, through a temporary file renamed into place as write-output.ts writes.
    const { bom } = encoderFor(output.encoding);
    return scoreThroughTemporary(how.out, how.options.language, async (temporary) => {
      await writeFile(temporary, bom);
      try {
        return await scoreInPieces({ ...input, into: { path: temporary, at: bom.length } }, threadRunner);
      } finally {
        // The pieces' own files are copied and removed by the pieces; on a failure they may be left.
        await Promise.all(Array.from({ length: pieces }, (_, k) => rm(sideFile(temporary, k), { force: true })));
      }
    });
  }
  if (pieces > 1) return scoreInPieces(input, threadRunner);
  if (output?.to !== 'file' || how.out === undefined) return scoreInPieces(input, () => new InThreadRunner());
  // One piece, one thread: the lines go into the file as they are scored (no result and no line is held
  // for a later write), through a temporary file renamed into place as write-output.ts writes.
  return scoreThroughTemporary(how.out, how.options.language, async (temporary) => {
    let scored: PiecesScore | null = null;
    await writeStream(temporary, encoderFor(output.encoding).bom, async (stream) => {
      scored = await scoreInPieces({ ...input, output: { ...output, to: 'stream', stream } }, () => new InThreadRunner());
      if (scored === null) throw new ReadInOneGo();
    });
    return scored;
  });
}

/**
 * The scored file `out` written by `score` through a temporary file renamed into place (write-output.ts);
 * null, and no file made, when `score` finds the table is to be read in one go after all.
 */
async function scoreThroughTemporary(out: string, language: Language | undefined, score: (temporary: string) => Promise<PiecesScore | null>): Promise<PiecesScore | null> {
  let scored: PiecesScore | null = null;
  try {
    await writeThroughTemporary(out, async (temporary) => {
      scored = await score(temporary);
      if (scored === null) throw new ReadInOneGo();
    }, language);
  } catch (error) {
    if (error instanceof ReadInOneGo) return null;
    throw error;
  }
  return scored === null ? null : { ...(scored as PiecesScore), writtenTo: out };
}

/** Writes the scored copy through a temporary file: its byte order mark, then each piece's lines, written by the piece itself. Returns the rows written below the header. */
export async function writePieces(path: string, scored: PiecesScore, language: Language = 'en'): Promise<number> {
  if (scored.writtenTo === path) return scored.rows;
  if (scored.output?.to !== 'file') throw new Error('the pieces were scored without keeping their lines for a file');
  const { bom } = encoderFor(scored.output.encoding);
  await writeThroughTemporary(path, async (temporary) => {
    await writeFile(temporary, bom);
    await scored.writeInto(temporary, bom.length);
  }, language);
  return scored.rows;
}

export async function writeChunks(stream: NodeJS.WritableStream, chunks: readonly Uint8Array[]): Promise<void> {
  for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
}
