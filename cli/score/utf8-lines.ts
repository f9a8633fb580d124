// Lines written as UTF-8 straight into 4 MB buffers handed to the stream: no chunk string is built and
// flattened. Four buffers are reused in turn (one is filled while others are being written), so a
// large output allocates no new memory per chunk: fresh buffers are external memory, whose growth
// makes V8 run full collections of the whole heap. Measured by bench/cases/score-stages.ts.
import { once } from 'node:events';

const CHUNK = 4 << 20;
const BUFFERS = 4;

/**
 * UTF-8 text gathered into reused buffers and handed to `stream` a buffer at a time. Before writing at
 * most N bytes, call `room(N)` and await it when it returns a promise (only when a buffer is handed
 * on and none is free yet: most rows need no await). The stream must be done with a buffer when it
 * calls the write's callback (a file stream is; a stream keeping the chunks it was given is not).
 */
export class Utf8Chunks {
  readonly #stream: NodeJS.WritableStream;
  readonly #free: Buffer[] = [];
  #made = 1;
  #waiting: (() => void) | null = null;
  #buffer: Buffer = Buffer.allocUnsafe(CHUNK);
  #used = 0;
  /** Called after each buffer is handed on. */
  readonly #onChunk: (() => void) | undefined;

  /** Each buffer handed to the stream is the stream's to keep when `keep` (a sink that holds its chunks): the next one is new. */
  readonly #keep: boolean;

  constructor(stream: NodeJS.WritableStream, onChunk?: () => void, keep = false) {
    this.#stream = stream;
    this.#onChunk = onChunk;
    this.#keep = keep;
  }

  /** Makes sure `most` more bytes fit; null when they already do. */
  room(most: number): Promise<void> | null {
    if (this.#used + most <= this.#buffer.length) return null;
    return this.#next(most);
  }

  async #next(most: number): Promise<void> {
    if (this.#used === 0) {
      this.#buffer = Buffer.allocUnsafe(Math.max(CHUNK, most));
      return;
    }
    const full = this.#buffer;
    if (this.#keep) {
      this.#stream.write(full.subarray(0, this.#used));
      this.#used = 0;
      this.#onChunk?.();
      this.#buffer = Buffer.allocUnsafe(Math.max(CHUNK, most));
      return;
    }
    this.#stream.write(full.subarray(0, this.#used), () => {
      this.#free.push(full);
      this.#waiting?.();
    });
    this.#used = 0;
    this.#onChunk?.();
    if (this.#made < BUFFERS || most > CHUNK) {
      this.#made++;
      this.#buffer = Buffer.allocUnsafe(Math.max(CHUNK, most));
      return;
    }
    while (this.#free.length === 0) await new Promise<void>((resolve) => (this.#waiting = resolve));
    this.#waiting = null;
    this.#buffer = this.#free.pop() as Buffer;
  }

  /** Writes `text` as UTF-8 (lone surrogates as U+FFFD, as Buffer.from does); room for text.length × 3 bytes must have been made. */
  text(text: string): void {
    this.#used += this.#buffer.write(text, this.#used);
  }

  /** Writes one byte; room must have been made. */
  byte(byte: number): void {
    this.#buffer[this.#used++] = byte;
  }

  /** Writes the bytes of `bytes`; room must have been made. */
  bytes(bytes: Uint8Array): void {
    const buffer = this.#buffer;
    let used = this.#used;
    for (let k = 0; k < bytes.length; k++) buffer[used++] = bytes[k] as number;
    this.#used = used;
  }

  /** Writes a whole number ≥ 0 in decimal digits; room for 16 bytes must have been made. */
  digits(n: number): void {
    if (!(Number.isSafeInteger(n) && n >= 0)) {
      this.#used += this.#buffer.write(String(n), this.#used);
      return;
    }
    let width = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) width++;
    let at = this.#used + width;
    this.#used = at;
    let x = n;
    do {
      this.#buffer[--at] = 0x30 + (x % 10);
      x = Math.floor(x / 10);
    } while (x > 0);
  }

  /** Hands on what is left; resolves when the stream has taken it. */
  async end(): Promise<void> {
    const used = this.#used;
    this.#used = 0;
    if (used > 0 && !this.#stream.write(this.#buffer.subarray(0, used))) await once(this.#stream, 'drain');
  }
}

/** A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4). */
export const utf8Most = (text: string): number => text.length * 3;

/**
 * Writes each line and `lineEnd` as UTF-8; calls `onLines` with the lines written so far after each chunk.
 * `keep`: the stream keeps the buffers it is handed (Utf8Chunks). Returns the number of lines.
 */
export async function writeUtf8Lines(stream: NodeJS.WritableStream, lines: Iterable<string>, onLines?: (written: number) => void, lineEnd = '\n', keep = false): Promise<number> {
  const end = Buffer.from(lineEnd, 'utf8');
  let count = 0;
  const out = new Utf8Chunks(stream, onLines === undefined ? undefined : () => onLines(count), keep);
  for (const line of lines) {
    const wait = out.room(utf8Most(line) + end.length);
    if (wait !== null) await wait;
    out.text(line);
    out.bytes(end);
    count++;
  }
  await out.end();
  return count;
}
