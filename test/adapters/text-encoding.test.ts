import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, encoderFor, outputEncoding } from '../../adapters/table/text-encoding.ts';
import { clip, clipList } from '../../adapters/table/clip.ts';
import { neutraliseFormula } from '../../adapters/table/formula-guard.ts';

const TEXT = '客户编号,客户名称,最近消费时间\r\nC1,张三,2026-03-01\r\n';

describe('text encodings', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeBytes(Buffer.from(TEXT, 'utf8'))).toEqual({ encoding: 'utf-8', text: TEXT });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]))).toEqual({ encoding: 'utf-8-bom', text: TEXT });
  });

  it('reads UTF-16LE and UTF-16BE with a BOM (Excel "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ encoding: 'utf-16le', text: TEXT });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]);
    expect(decodeBytes(be)).toEqual({ encoding: 'utf-16be', text: TEXT });
  });

  it('reads UTF-16 saved without a byte order mark', () => {
    expect(decodeBytes(Buffer.from(TEXT, 'utf16le'))).toEqual({ encoding: 'utf-16le', text: TEXT });
    expect(decodeBytes(Buffer.from(TEXT, 'utf16le').swap16())).toEqual({ encoding: 'utf-16be', text: TEXT });
    expect(decodeBytes(Buffer.from([0, 1, 2, 3, 255, 254, 0, 7])).encoding).not.toMatch(/utf-16/);
    const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => (i % 3 === 0 ? 0 : (i * 37) % 256)));
    expect(decodeBytes(binary).encoding).not.toMatch(/utf-16/);
  });

  it('tells GB18030/GBK from Windows-1252', () => {
    expect(decodeBytes(iconv.encode(TEXT, 'gbk'))).toEqual({ encoding: 'gb18030', text: TEXT });
    const latin = 'Customer ID,Name\r\nC1,Müller\r\nC2,Café Noël\r\nC3,Größe\r\n';
    expect(decodeBytes(iconv.encode(latin, 'windows-1252'))).toEqual({ encoding: 'windows-1252', text: latin });
  });

  it('writes back in the input encoding where it holds every character, else UTF-8 with BOM', () => {
    expect(outputEncoding('gb18030', false)).toBe('gb18030');
    expect(outputEncoding('utf-16le', false)).toBe('utf-16le');
    expect(outputEncoding('utf-8', false)).toBe('utf-8-bom');
    expect(outputEncoding('windows-1252', false)).toBe('utf-8-bom');
    expect(outputEncoding(null, false)).toBe('utf-8-bom');
    expect(outputEncoding('gb18030', true)).toBe('utf-8');
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as const) {
      const { bom, encode } = encoderFor(encoding);
      expect(decodeBytes(Buffer.concat([bom, encode(TEXT)]))).toEqual({ encoding, text: TEXT });
    }
  });
});

describe('messages and written cells', () => {
  it('clips quoted text to 80 characters and says how long it was', () => {
    expect(clip('short')).toBe('"short"');
    expect(clip('x'.repeat(50_000_000))).toBe(`"${'x'.repeat(80)}…" (50,000,000 characters)`);
    expect(clipList(Array.from({ length: 30 }, (_, i) => String(i)))).toMatch(/"19" and 10 more$/);
  });

  it('neutralises text that a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    for (const risky of ["=cmd|' /C calc'!A0", '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseFormula(risky)).toBe(`'${risky}`);
    for (const safe of ['C-001', 'Ada', '', '1=1']) expect(neutraliseFormula(safe)).toBe(safe);
  });
});
