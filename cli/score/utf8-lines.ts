// Lines written as UTF-8 straight into 4 MB buffers handed to the stream: no chunk string is built and
// flattened. Four buffers are reused in turn (one is filled while others are being written), so a
// large output allocates no new memory per chunk: fresh buffers are external memory, whose growth
// makes V8 run full collections of the whole heap. Measured by bench/cases/score-stages.ts.
import { once } from 'node:events';

const CHUNK = 4 << 20;
const BUFFERS = 4;

/** Writes each line and `lineEnd` as UTF-8; calls `onLines` with the lines written so far after each chunk. Returns the number of lines. */
export async function writeUtf8Lines(stream: NodeJS.WritableStream, lines: Iterable<string>, onLines?: (written: number) => void, lineEnd = '\n'): Promise<number> {
  const end = Buffer.from(lineEnd, 'utf8');
  const free: Buffer[] = [];
  let made = 1;
  let waiting: (() => void) | null = null;
  const release = (written: Buffer) => () => {
    free.push(written);
    waiting?.();
  };
  let buffer: Buffer = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  let count = 0;
  for (const line of lines) {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
    const most = line.length * 3 + end.length;
    if (used + most > buffer.length) {
      if (used > 0) {
        const full = buffer;
        stream.write(full.subarray(0, used), release(full));
        onLines?.(count);
        if (made < BUFFERS || most > CHUNK) {
          made++;
          buffer = Buffer.allocUnsafe(Math.max(CHUNK, most));
        } else {
          while (free.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
          waiting = null;
          buffer = free.pop() as Buffer;
        }
      } else buffer = Buffer.allocUnsafe(Math.max(CHUNK, most));
      used = 0;
    }
    used += buffer.write(line, used);
    for (let k = 0; k < end.length; k++) buffer[used++] = end[k] as number;
    count++;
  }
  if (used > 0 && !stream.write(buffer.subarray(0, used))) await once(stream, 'drain');
  return count;
}
