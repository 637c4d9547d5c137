import { describe, expect, it } from 'vitest';
import { createDecoder, isValidUtf8, sniffEncoding } from '../../src/io/encoding.js';

// "Клиент;Сумма\nПривет;1" in Windows-1251, byte by byte from the code page chart.
const CP1251 = new Uint8Array([
  0xca, 0xeb, 0xe8, 0xe5, 0xed, 0xf2, 0x3b, 0xd1, 0xf3, 0xec, 0xec, 0xe0, 0x0a, 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x3b, 0x31, 0x0a,
]);

describe('sniffEncoding', () => {
  it('recognises BOMs', () => {
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), true)).toMatchObject({ encoding: 'utf-8', bomLength: 3 });
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), true)).toMatchObject({ encoding: 'utf-16le', bomLength: 2 });
    expect(sniffEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]), true)).toMatchObject({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    const le = Buffer.from('client,amount\nA,1\n', 'utf16le');
    expect(sniffEncoding(le, true).encoding).toBe('utf-16le');
  });

  it('takes valid UTF-8 as UTF-8', () => {
    expect(sniffEncoding(Buffer.from('Клиент;Сумма\nПривет;1\n'), true).encoding).toBe('utf-8');
  });

  it('recognises Windows-1251 Russian text', () => {
    const guess = sniffEncoding(CP1251, true);
    expect(guess.encoding).toBe('windows-1251');
    expect(createDecoder(guess.encoding, 'x').decode(CP1251, true)).toBe('Клиент;Сумма\nПривет;1\n');
  });

  it('tells Windows-1252 from code page 437 by letters inside words', () => {
    // "Kölner" in Windows-1252 (ö = F6) and "Martín" in code page 437 (í = A1).
    const w1252 = Buffer.from([...Buffer.from('name\nK'), 0xf6, ...Buffer.from('lner Str\nM'), 0xfc, ...Buffer.from('ller\n')]);
    expect(sniffEncoding(w1252, true).encoding).toBe('windows-1252');
    const cp437 = Buffer.from([...Buffer.from('name\nMart'), 0xa1, ...Buffer.from('n\nCatalu'), 0xa4, ...Buffer.from('a\n')]);
    const guess = sniffEncoding(cp437, true);
    expect(guess.encoding).toBe('cp437');
    expect(createDecoder('cp437', 'x').decode(cp437, true)).toBe('name\nMartín\nCataluña\n');
  });

  it('allows a UTF-8 sequence cut by the end of a sample that continues', () => {
    const bytes = Buffer.from('abc Я');
    expect(isValidUtf8(bytes.subarray(0, bytes.length - 1), false)).toBe(true);
    expect(isValidUtf8(bytes.subarray(0, bytes.length - 1), true)).toBe(false);
  });

  it('reports the line of invalid UTF-8 found after the sample', () => {
    const decoder = createDecoder('utf-8', 'f.csv');
    decoder.decode(Buffer.from('a\nb\n'), false);
    expect(() => decoder.decode(Buffer.from([0x63, 0x0a, 0xff, 0x0a]), false)).toThrow(
      expect.objectContaining({ code: 'INVALID_UTF8', line: 4 }),
    );
  });
});

describe('sniffEncoding on a long Windows-1252 export', () => {
  it('looks past a first stretch whose only high bytes are no-break spaces (Superstore)', () => {
    const nbspLines = Buffer.concat(Array.from({ length: 25_000 }, (_, i) => Buffer.from([...Buffer.from(`${i};Conference`), 0xa0, ...Buffer.from('phone;1\n')])));
    const umlauts = Buffer.from([...Buffer.from('9;K'), 0xf6, ...Buffer.from('ln Bonn;2\n')]);
    const sample = Buffer.concat([nbspLines, ...Array.from({ length: 50 }, () => umlauts)]);
    expect(sample.length).toBeGreaterThan(512 * 1024);
    expect(sniffEncoding(sample, true).encoding).toBe('windows-1252');
  });
});
