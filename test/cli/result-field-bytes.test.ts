// The result fields written as bytes (cli/score/result-field-bytes.ts) are the UTF-8 of the text
// csvResultFields makes (itself pinned to each cell quoted on its own), row after row, whatever the text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Writable } from 'node:stream';
import { once } from 'node:events';
import { csvResultFields } from '../../cli/score/csv-result-fields.ts';
import { ResultFieldBytes } from '../../cli/score/result-field-bytes.ts';
import { Utf8Chunks } from '../../cli/score/utf8-lines.ts';
import { resultArb } from './result-arbitrary.ts';

/** Keeps a copy of each chunk (the writer reuses its buffers once a write is done). */
class Copies extends Writable {
  readonly pieces: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.pieces.push(Buffer.from(chunk));
    done();
  }
}

describe('result field bytes', () => {
  it('writes each row as the UTF-8 of csvResultFields, however often a value repeats', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(resultArb, { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('en', 'zh-CN'), async (results, d, language) => {
        const text = csvResultFields(language, d);
        const bytes = new ResultFieldBytes(language, d);
        const sink = new Copies();
        const out = new Utf8Chunks(sink);
        const rows = [...results, ...results];
        for (const result of rows) {
          await out.room(bytes.prepare(result) + 1);
          bytes.write(out);
          out.byte(0x0a);
        }
        await out.end();
        sink.end();
        await once(sink, 'finish');
        // Compared as bytes: a lone surrogate is written as U+FFFD, as Buffer.from writes it.
        expect(Buffer.concat(sink.pieces).equals(Buffer.from(rows.map((r) => `${text(r)}\n`).join(''), 'utf8'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
