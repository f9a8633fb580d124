// Lines written as UTF-8 through reused buffers (cli/score/utf8-lines.ts) read back as exactly the
// lines given, whatever the characters and however slowly the stream writes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Writable } from 'node:stream';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeUtf8Lines } from '../../cli/score/utf8-lines.ts';

/** A stream that keeps copies of what it is given and finishes each write later, as a disk does. */
class SlowSink extends Writable {
  readonly pieces: Buffer[] = [];
  constructor() {
    super({ highWaterMark: 1 << 20 });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    setImmediate(() => {
      this.pieces.push(Buffer.from(chunk));
      done();
    });
  }
}

const expected = (lines: string[], end: string) => Buffer.from(lines.map((l) => l + end).join(''), 'utf8');

describe('writeUtf8Lines', () => {
  it('writes every line and its line end byte for byte, lone surrogates as U+FFFD as Buffer.from does', async () => {
    const line = fc.string({ unit: fc.constantFrom('a', ',', '"', 'é', '中', '😀', '\ud800', '\udfff', '\r'), maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 50 }), fc.constantFrom('\n', '\r\n'), async (lines, end) => {
        const sink = new SlowSink();
        const count = await writeUtf8Lines(sink, lines, undefined, end);
        sink.end();
        await once(sink, 'finish');
        expect(count).toBe(lines.length);
        expect(Buffer.concat(sink.pieces).equals(expected(lines, end))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('reuses its buffers only after the stream wrote them (~37 MB through a slow stream and a file)', async () => {
    // Lines of about a million characters (one per 4 MB buffer, as a line may take 3 bytes a character), each of its own
    // character, and a few wider than a buffer: a buffer reused before the stream wrote it would mix them.
    const lines = Array.from({ length: 24 }, (_, i) => String.fromCharCode(0x41 + i).repeat(1 << 20) + (i % 8 === 7 ? '中'.repeat(1_500_000) : ''));
    const sink = new SlowSink();
    const progress: number[] = [];
    await writeUtf8Lines(sink, lines, (n) => progress.push(n));
    sink.end();
    await once(sink, 'finish');
    expect(Buffer.concat(sink.pieces).equals(expected(lines, '\n'))).toBe(true);
    expect(progress.length).toBeGreaterThan(4);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const folder = mkdtempSync(join(tmpdir(), 'utf8-lines-'));
    try {
      const file = createWriteStream(join(folder, 'out.csv'), { highWaterMark: 16 << 20 });
      await writeUtf8Lines(file, lines);
      file.end();
      await once(file, 'finish');
      expect(readFileSync(join(folder, 'out.csv')).equals(expected(lines, '\n'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
