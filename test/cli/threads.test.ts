import { describe, expect, it, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './run-cli.ts';
import { trickyTable, type TrickyTable } from './threads-table.ts';
import { scoreFileInPieces, writePieces } from '../../cli/score/threads/score-file.ts';
import type { PiecesScore } from '../../cli/score/threads/score-in-pieces.ts';
import { cutAtLineStarts } from '../../adapters/table/pieces.ts';
import { parseDelimited } from '../../adapters/table/csv.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-threads-'));
});

const hash = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A smallest piece no test file reaches: the file is read in one go (adapters/table, cli/score/write-output.ts). */
const ONE_GO = 1 << 30;

/**
 * `tierwise score` (the built CLI) with --threads, cutting any file of more than `minPiece` bytes into
 * pieces (one thread: one piece in the main thread, its lines written as they are scored).
 */
function score(file: string, threads: number, extra: string[], minPiece = 2000) {
  const out = join(dir, `out-${threads}-${minPiece}-${hash(file + extra.join(' ')).slice(0, 8)}.csv`);
  const writes = !extra.includes('--json') && !extra.includes('--no-out');
  const args = [join(ROOT, 'bin', 'tierwise.js'), 'score', file, '--as-of', '2026-11-01', '--threads', String(threads), ...extra.filter((a) => a !== '--no-out'), ...(writes ? ['--out', out] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'buffer', maxBuffer: 1 << 28, env: { ...process.env, TIERWISE_MIN_PIECE_BYTES: String(minPiece) } });
  return {
    status: child.status,
    output: writes && existsSync(out) ? readFileSync(out) : null,
    // The out file's name differs between runs; nothing else may.
    stdout: child.stdout.toString('utf8').replaceAll(out, 'OUT'),
    stderr: child.stderr.toString('utf8'),
  };
}

function write(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const TABLE: TrickyTable = { rows: 1500, slashDates: true, idCycle: 1100, crlf: true, bom: true, earlierResults: true };

describe('tierwise score --threads', () => {
  it('cuts only at line starts outside quoted fields, and never before a byte order mark', () => {
    const text = 'id,note\n1,"a\nb"\n2,x\n\ufeff3,y\n4,"c\nd\ne"\n5,z\n';
    for (let pieces = 2; pieces <= 12; pieces++) {
      const cuts = cutAtLineStarts(text, pieces);
      expect(cuts[0]).toBe(0);
      expect(cuts[cuts.length - 1]).toBe(text.length);
      const joined = [];
      for (let k = 0; k + 1 < cuts.length; k++) {
        const piece = text.slice(cuts[k], cuts[k + 1]);
        expect(piece.charCodeAt(0)).not.toBe(0xfeff);
        if (k > 0) expect(text[(cuts[k] as number) - 1]).toBe('\n');
        joined.push(...parseDelimited(piece, ','));
      }
      // Each piece parses into whole rows: together they are the whole text's rows.
      expect(joined).toEqual(parseDelimited(text, ','));
    }
  });

  it('scores the tricky table in pieces, with the same rows as one go', async () => {
    const file = write('tricky.csv', trickyTable(TABLE));
    const inPieces = await scoreFileInPieces(file, undefined, { threads: 3, minPieceBytes: 2000, config: {}, options: { asOf: '2026-11-01' }, plainUtf8: false, lines: 'file' });
    expect(inPieces).not.toBeNull();
    const one = score(file, 1, [], ONE_GO);
    expect(one.status).toBe(0);
    const written = join(dir, 'tricky-scored.csv');
    expect(await writePieces(written, inPieces as PiecesScore)).toBe(inPieces?.rows);
    await inPieces?.close();
    const bytes = readFileSync(written);
    expect(hash(bytes)).toBe(hash(one.output as Buffer));
    // Every input row is in the output, in order, with the result columns in place of the earlier run's.
    const input = parseDelimited(readFileSync(file, 'utf8'), ',');
    const output = parseDelimited(bytes.toString('utf8'), ',');
    expect(output.length).toBe(input.length);
    expect(output[1]?.slice(8)).toEqual(['Tier', 'Segment', 'RFM', 'Churn risk', 'Churn level', 'Lifecycle', 'Next action', 'Follow up by', 'Why']);
    const padded = (row: string[]) => [...row, ...new Array<string>(7).fill('')].slice(0, 7);
    input.slice(2, 1500).forEach((row, i) => expect(output[i + 2]?.slice(0, 7)).toEqual(padded(row)));
    expect(one.stdout).toContain(`wrote ${(inPieces?.rows ?? -1).toLocaleString('en-US')} rows`);
  });

  const cases: [string, Partial<TrickyTable>, string[]][] = [
    ['the tricky table (BOM, CRLF, title row, earlier results, quoted line breaks, D/M and M/D dates)', {}, ['--summary']],
    ['ISO dates, LF, no BOM, no earlier results', { slashDates: false, crlf: false, bom: false, earlierResults: false }, ['--summary']],
    ['ids repeated across every piece', { idCycle: 40 }, ['--summary']],
    ['in Simplified Chinese', {}, ['--summary', '--config', 'ZH']],
    ['written to stdout', { rows: 700 }, ['--no-out']],
    ['with only the summary on stdout', {}, ['--summary', '--no-out']],
    ['as UTF-8 without a BOM', {}, ['--utf8-no-bom']],
  ];
  for (const [name, table, extra] of cases) {
    it(`writes the same bytes, summary and notes in one go and on 1, 2 and 3 threads: ${name}`, async () => {
      const file = write(`t-${hash(name).slice(0, 8)}.csv`, trickyTable({ ...TABLE, ...table }));
      // The table really is read in pieces (not in one go after a fallback).
      const inPieces = await scoreFileInPieces(file, undefined, { threads: 3, minPieceBytes: 2000, config: {}, options: { asOf: '2026-11-01' }, plainUtf8: false, lines: 'none' });
      expect(inPieces).not.toBeNull();
      await inPieces?.close();
      const args = extra.map((a) => (a === 'ZH' ? write('zh.json', '{"options":{"language":"zh-CN"}}') : a));
      const runs = [score(file, 1, args, ONE_GO), ...[1, 2, 3].map((threads) => score(file, threads, args))];
      const [one] = runs;
      expect(one?.status).toBe(0);
      for (const run of runs.slice(1)) {
        expect(run.status).toBe(0);
        expect(run.output === null ? null : hash(run.output)).toBe(one?.output === null ? null : hash(one?.output as Buffer));
        expect(run.stdout).toBe(one?.stdout);
        expect(run.stderr).toBe(one?.stderr);
      }
      // The pieces' own files (score-in-pieces.ts sideFile) and the temporary file are gone: only what was written is left.
      expect(readdirSync(dir).filter((f) => f.includes('.piece-') || f.includes('.tmp'))).toEqual([]);
    });
  }

  it('writes a UTF-16 table back in UTF-16, the same in one go and on 1 and 2 threads', () => {
    const text = trickyTable({ ...TABLE, bom: false });
    const file = write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const [one, ...others] = [score(file, 1, ['--summary'], ONE_GO), ...[1, 2].map((threads) => score(file, threads, ['--summary'], 4000))];
    expect(one?.status).toBe(0);
    expect([...(one?.output as Buffer).subarray(0, 2)]).toEqual([0xff, 0xfe]);
    for (const other of others) {
      expect(other?.status).toBe(0);
      expect(hash(other?.output as Buffer)).toBe(hash(one?.output as Buffer));
      expect(other?.stdout).toBe(one?.stdout);
    }
  });

  it('reads a table with a quote that never closes in one go, with the same output', async () => {
    // The totals row opens a quote no later line closes.
    const text = trickyTable({ ...TABLE, earlierResults: false }).replace('Total,,', 'Total,"open,');
    const file = write('unclosed.csv', text);
    const inPieces = await scoreFileInPieces(file, undefined, { threads: 2, minPieceBytes: 2000, config: {}, options: { asOf: '2026-11-01' }, plainUtf8: false, lines: 'file' });
    expect(inPieces).toBeNull();
    const [one, ...others] = [score(file, 1, ['--summary'], ONE_GO), ...[1, 2].map((threads) => score(file, threads, ['--summary']))];
    expect(one?.output?.toString('utf8')).toContain('is never closed');
    for (const other of others) {
      expect(hash(other?.output as Buffer)).toBe(hash(one?.output as Buffer));
      expect(other?.stdout).toBe(one?.stdout);
    }
  });

  it('gives the same error for a table it cannot use', () => {
    const file = write('no-header.csv', 'a,b,c\n'.repeat(2000));
    const [one, ...others] = [score(file, 1, [], ONE_GO), ...[1, 2].map((threads) => score(file, threads, []))];
    expect(one?.status).not.toBe(0);
    for (const other of others) {
      expect(other?.status).toBe(one?.status);
      expect(other?.stderr).toBe(one?.stderr);
      expect(existsSync(join(dir, `out-1-2000-${hash(file).slice(0, 8)}.csv`))).toBe(false);
    }
    // Nor a temporary file: the one thread's lines go through one (score-file.ts), removed when the table cannot be read in pieces.
    expect(readdirSync(dir).filter((f) => f.includes('.tierwise-'))).toEqual([]);
  });

  it('refuses a --threads that is not a whole number from 1', () => {
    const run = score(join(ROOT, 'sample', 'customers.csv'), 0, []);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--threads "0"');
  });
});
