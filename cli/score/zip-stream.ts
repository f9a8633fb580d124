// A ZIP archive written as it goes (PKWARE APPNOTE 6.3.10, https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT):
// each entry's local header, its data deflated in pieces (zlib's raw deflate, method 8) and a data
// descriptor (general purpose bit 3: CRC-32 and sizes known only after the data, §4.3.9), then the
// central directory and its end record. No ZIP64: an entry or archive past 4 GiB is refused, not written
// wrong. What is held at once is a few pieces of data and one directory record per entry.
import { once } from 'node:events';
import * as zlib from 'node:zlib';

/** CRC-32 (ISO 3309, the ZIP polynomial), table-driven: for a Node older than 20.15, which has no zlib.crc32. */
const TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
export function crc32Js(data: Uint8Array, value = 0): number {
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = (TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}
// Looked up, not imported by name: an ES import of a missing name would stop the CLI from loading at all.
const crc32: (data: Uint8Array, value?: number) => number = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32 ?? crc32Js;

const LIMIT = 0xffffffff;
/** Bit 3: sizes and CRC in a data descriptor after the data; bit 11: names are UTF-8. */
const FLAGS = 0x0008 | 0x0800;
/** 1 January 1980, 00:00 (MS-DOS date and time): a fixed time keeps archives of the same content identical. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** Writes entries one after the other to `stream` (a file stream). */
export class ZipStream {
  readonly #stream: NodeJS.WritableStream;
  readonly #entries: Entry[] = [];
  #offset = 0;

  constructor(stream: NodeJS.WritableStream) {
    this.#stream = stream;
  }

  async #write(bytes: Uint8Array): Promise<void> {
    this.#offset += bytes.length;
    if (this.#offset > LIMIT) throw new Error(`the workbook would pass 4 GiB (${this.#offset} bytes), more than a ZIP archive without ZIP64 holds`);
    if (!this.#stream.write(bytes)) await once(this.#stream, 'drain');
  }

  /** A whole small entry (deflated at once). */
  async file(name: string, data: string): Promise<void> {
    const entry = this.entry(name);
    await entry.write(Buffer.from(data, 'utf8'));
    await entry.end();
  }

  /** An entry written in pieces: `write` each, then `end`. */
  entry(name: string): { write(data: Uint8Array): Promise<void>; end(): Promise<void> } {
    const record: Entry = { name: Buffer.from(name, 'utf8'), crc: 0, compressed: 0, size: 0, offset: this.#offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    // CRC-32 and sizes (14-25) stay 0: they follow the data (bit 3).
    header.writeUInt16LE(record.name.length, 26);
    header.writeUInt16LE(0, 28);
    const started = this.#write(Buffer.concat([header, record.name]));
    const deflate = zlib.createDeflateRaw({ level: 1 });
    // Deflated pieces go on to the file in order as they come; the file's backpressure pauses the deflater.
    deflate.on('data', (piece: Buffer) => {
      record.compressed += piece.length;
      this.#offset += piece.length;
    });
    deflate.pipe(this.#stream, { end: false });
    const ended = once(deflate, 'end');
    return {
      write: async (data) => {
        await started;
        record.crc = crc32(data, record.crc);
        record.size += data.length;
        if (record.size > LIMIT) throw new Error(`${name} would pass 4 GiB, more than a ZIP entry without ZIP64 holds`);
        if (!deflate.write(data)) await once(deflate, 'drain');
      },
      end: async () => {
        await started;
        deflate.end();
        await ended;
        deflate.unpipe(this.#stream);
        if (this.#offset > LIMIT) throw new Error(`the workbook would pass 4 GiB (${this.#offset} bytes), more than a ZIP archive without ZIP64 holds`);
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(record.crc >>> 0, 4);
        descriptor.writeUInt32LE(record.compressed, 8);
        descriptor.writeUInt32LE(record.size, 12);
        await this.#write(descriptor);
        this.#entries.push(record);
      },
    };
  }

  /** The central directory and its end record. */
  async close(): Promise<void> {
    const start = this.#offset;
    const records: Buffer[] = [];
    for (const e of this.#entries) {
      const r = Buffer.alloc(46);
      r.writeUInt32LE(0x02014b50, 0);
      r.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
      r.writeUInt16LE(20, 6);
      r.writeUInt16LE(FLAGS, 8);
      r.writeUInt16LE(8, 10);
      r.writeUInt16LE(DOS_TIME, 12);
      r.writeUInt16LE(DOS_DATE, 14);
      r.writeUInt32LE(e.crc >>> 0, 16);
      r.writeUInt32LE(e.compressed, 20);
      r.writeUInt32LE(e.size, 24);
      r.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk number, internal and external attributes: 0
      r.writeUInt32LE(e.offset, 42);
      records.push(r, e.name);
    }
    const directory = Buffer.concat(records);
    await this.#write(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.#entries.length, 8);
    end.writeUInt16LE(this.#entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.#write(end);
  }
}
