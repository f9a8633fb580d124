// Reads PNG files back for the listing tests: the size from the IHDR chunk (PNG spec §11.2.2,
// https://www.w3.org/TR/png-3/#11IHDR), and the pixels of the 8-bit RGB/RGBA, non-interlaced images
// Chromium writes, for checks on what a picture shows.
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
}

export function pngHeader(bytes: Buffer, name: string): PngHeader {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${name} is not a PNG (its first 8 bytes are not the PNG signature)`);
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${name}: the first chunk is ${bytes.toString('latin1', 12, 16)}, expected IHDR`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24] as number, colourType: bytes[25] as number, interlace: bytes[28] as number };
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row by row. */
  rgba: Uint8Array;
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

export function decodePng(bytes: Buffer, name: string): Pixels {
  const header = pngHeader(bytes, name);
  const channels = header.colourType === 6 ? 4 : header.colourType === 2 ? 3 : 0;
  if (header.bitDepth !== 8 || channels === 0 || header.interlace !== 0) throw new Error(`${name}: only 8-bit RGB/RGBA non-interlaced PNGs are read here (bit depth ${header.bitDepth}, colour type ${header.colourType}, interlace ${header.interlace})`);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = header.width * channels;
  const out = new Uint8Array(header.width * header.height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const current = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (current[x - channels] as number) : 0;
      const b = previous[x] as number;
      const c = x >= channels ? (previous[x - channels] as number) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`${name}: row ${y} has unknown filter type ${filter}`);
      current[x] = ((line[x] as number) + predictor) & 0xff;
    }
    for (let x = 0; x < header.width; x++) {
      out.set([current[x * channels] as number, current[x * channels + 1] as number, current[x * channels + 2] as number, channels === 4 ? (current[x * channels + 3] as number) : 255], (y * header.width + x) * 4);
    }
    previous = current;
  }
  return { width: header.width, height: header.height, rgba: out };
}

/** How many pixels are (within `tolerance` per channel) the opaque colour `#rrggbb`. */
export function countColour(pixels: Pixels, hex: string, tolerance = 8): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i < pixels.rgba.length; i += 4) {
    if (pixels.rgba[i + 3] === 255 && Math.abs((pixels.rgba[i] as number) - r) <= tolerance && Math.abs((pixels.rgba[i + 1] as number) - g) <= tolerance && Math.abs((pixels.rgba[i + 2] as number) - b) <= tolerance) n++;
  }
  return n;
}
