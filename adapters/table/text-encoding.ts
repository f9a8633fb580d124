// Bytes of a text table → text, and back: which encoding a file is in (UTF-8 with or without BOM,
// UTF-16LE/BE with BOM as Excel's "Unicode text", GB18030/GBK, Windows-1252), decided from the bytes
// before anything looks for binary data, so a UTF-16 file is never mistaken for binary.
import iconv from 'iconv-lite';

export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Names people know the encodings by, for messages and the README. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16LE (Excel "Unicode text")',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030/GBK',
  'windows-1252': 'Windows-1252',
};

/**
 * Text that is not valid UTF-8 is GB18030 or Windows-1252. Chinese text puts its bytes over 0x7F in
 * pairs (runs of even length); Latin-1 accents stand alone between ASCII letters ("Müller", "café").
 * A run of one such byte is a Windows-1252 sign, a run of two or more a GB18030 one.
 */
export function legacyEncoding(bytes: Uint8Array): 'gb18030' | 'windows-1252' {
  let single = 0;
  let paired = 0;
  const limit = Math.min(bytes.length, 1 << 20);
  let i = 0;
  while (i < limit) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    let end = i;
    while (end < limit && (bytes[end] as number) >= 0x80) end++;
    if (end - i === 1) single++;
    else paired++;
    i = end;
  }
  if (single > paired) return 'windows-1252';
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes.subarray(0, limit));
    return 'gb18030';
  } catch {
    // Byte pairs GB18030 cannot decode: single-byte Windows-1252 decodes every byte.
    return 'windows-1252';
  }
}

/**
 * UTF-16 saved without a byte order mark: its ASCII characters (delimiters, digits, line breaks) have a
 * zero byte, the odd one in little-endian and the even one in big-endian; binary data has zeros in both.
 */
export function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const limit = Math.min(bytes.length, 4096) & ~1;
  if (limit < 32) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < limit; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = limit / 2;
  // Chinese characters have no zero byte (a few, like 一 U+4E00, have one), so only a share is asked for.
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The encoding the first bytes mark (a byte order mark, or UTF-16's zero bytes) and how many bytes the mark takes; null for none. */
export function markedEncoding(head: Uint8Array): { encoding: 'utf-8-bom' | 'utf-16le' | 'utf-16be'; skip: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const unmarked = unmarkedUtf16(head);
  return unmarked === null ? null : { encoding: unmarked, skip: 0 };
}

/** The TextDecoder label of an encoding. */
export const decoderLabel = (encoding: TextEncoding): string => (encoding === 'utf-8-bom' ? 'utf-8' : encoding);

/** The encoding of the bytes and their text, without a byte order mark. */
export function decodeBytes(bytes: Uint8Array): { encoding: TextEncoding; text: string } {
  const marked = markedEncoding(bytes);
  if (marked !== null) return { encoding: marked.encoding, text: new TextDecoder(decoderLabel(marked.encoding)).decode(bytes.subarray(marked.skip)) };
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8: one of the legacy encodings spreadsheet programs still write.
    const encoding = legacyEncoding(bytes);
    return { encoding, text: new TextDecoder(encoding).decode(bytes) };
  }
}

/**
 * The encoding a scored copy is written in: the input's when it can hold every character Tierwise
 * writes (UTF-16, GB18030), otherwise UTF-8 with a BOM, which Excel opens correctly; plain UTF-8 on request.
 */
export function outputEncoding(input: TextEncoding | null, plainUtf8: boolean): TextEncoding {
  if (plainUtf8) return 'utf-8';
  if (input === 'utf-16le' || input === 'utf-16be' || input === 'gb18030') return input;
  return 'utf-8-bom';
}

/** Encodes text chunk by chunk (each chunk ends at a line end, so no character is split). */
export function encoderFor(encoding: TextEncoding): { bom: Uint8Array; encode: (text: string) => Uint8Array } {
  switch (encoding) {
    case 'utf-8':
      return { bom: new Uint8Array(0), encode: (text) => Buffer.from(text, 'utf8') };
    case 'utf-8-bom':
      return { bom: Uint8Array.of(0xef, 0xbb, 0xbf), encode: (text) => Buffer.from(text, 'utf8') };
    case 'utf-16le':
      return { bom: Uint8Array.of(0xff, 0xfe), encode: (text) => Buffer.from(text, 'utf16le') };
    case 'utf-16be':
      return { bom: Uint8Array.of(0xfe, 0xff), encode: (text) => Buffer.from(text, 'utf16le').swap16() };
    case 'gb18030':
      return { bom: new Uint8Array(0), encode: (text) => iconv.encode(text, 'gb18030') };
    case 'windows-1252':
      return { bom: new Uint8Array(0), encode: (text) => iconv.encode(text, 'windows-1252') };
  }
}
