// The ZIP written as it goes (cli/score/zip-stream.ts) read back by an independent reading of the
// format (PKWARE APPNOTE 6.3.10): the end record finds the central directory, each directory record
// finds its local header, the data inflates to exactly what was written, and the CRC-32 and sizes in
// the directory and in each data descriptor are those of that data. An entry of several MB, written
// in many pieces, is deflated in many pieces.
import { afterAll, describe, expect, it } from 'vitest';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { crc32Js, ZipStream } from '../../cli/score/zip-stream.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-zip-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every entry of the archive: name and inflated data, checked against its directory record and data descriptor. */
function entries(zip: Buffer): Map<string, Buffer> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  expect(at + zip.readUInt32LE(end + 12)).toBe(end);
  const found = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    // The local header: same name, deflate, sizes in a data descriptor after the data.
    expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
    expect(zip.readUInt16LE(offset + 6) & 0x0008).toBe(0x0008);
    expect(zip.readUInt16LE(offset + 8)).toBe(8);
    expect(zip.subarray(offset + 30, offset + 30 + zip.readUInt16LE(offset + 26)).toString('utf8')).toBe(name);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const data = inflateRawSync(zip.subarray(start, start + compressed));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    const descriptor = start + compressed;
    expect([zip.readUInt32LE(descriptor), zip.readUInt32LE(descriptor + 4), zip.readUInt32LE(descriptor + 8), zip.readUInt32LE(descriptor + 12)]).toEqual([0x08074b50, crc, compressed, size]);
    found.set(name, data);
  }
  return found;
}

describe('ZipStream', () => {
  it('writes entries an independent reading finds whole, small ones and one of many pieces', async () => {
    const path = join(dir, 'a.zip');
    const file = createWriteStream(path);
    const zip = new ZipStream(file);
    await zip.file('first.xml', '<a>中文 & more</a>');
    const big = zip.entry('folder/big.txt');
    const pieces: Buffer[] = [];
    for (let i = 0; i < 3000; i++) {
      // Text that deflates poorly enough for the deflater to hand on many pieces.
      const piece = Buffer.from(`${i}:${Math.sin(i).toString(36)}${'x'.repeat(i % 97)}|${(i * 7919).toString(16).repeat(40)}\n`);
      pieces.push(piece);
      await big.write(piece);
    }
    await big.end();
    await zip.file('empty.txt', '');
    await zip.close();
    file.end();
    await once(file, 'finish');
    const found = entries(readFileSync(path));
    expect([...found.keys()]).toEqual(['first.xml', 'folder/big.txt', 'empty.txt']);
    expect(found.get('first.xml')?.toString('utf8')).toBe('<a>中文 & more</a>');
    expect(found.get('folder/big.txt')?.equals(Buffer.concat(pieces))).toBe(true);
    expect(found.get('empty.txt')?.length).toBe(0);
  });

  it('computes CRC-32 in JavaScript as zlib does (the fallback for a Node without zlib.crc32)', () => {
    const data = Buffer.from('The quick brown fox jumps over the lazy dog 中文'.repeat(50));
    expect(crc32Js(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32Js(data)).toBe(crc32(data));
    expect(crc32Js(data.subarray(100), crc32Js(data.subarray(0, 100)))).toBe(crc32(data));
  });
});
