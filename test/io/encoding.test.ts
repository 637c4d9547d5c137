import { describe, expect, it } from 'vitest';
import { createDecoder, isValidUtf8, sniffEncoding } from '../../src/io/encoding.js';

// "Клиент;Сумма\nПривет;1" in Windows-1251, byte by byte from the code page chart.
const CP1251 = new Uint8Array([
  0xca, 0xeb, 0xe8, 0xe5, 0xed, 0xf2, 0x3b, 0xd1, 0xf3, 0xec, 0xec, 0xe0, 0x0a, 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2,
  0x3b, 0x31, 0x0a,
]);

describe('sniffEncoding', () => {
  it('recognises BOMs', () => {
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), true)).toMatchObject({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), true)).toMatchObject({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(sniffEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]), true)).toMatchObject({
      encoding: 'utf-16be',
      bomLength: 2,
    });
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
    const w1252 = Buffer.from([
      ...Buffer.from('name\nK'),
      0xf6,
      ...Buffer.from('lner Str\nM'),
      0xfc,
      ...Buffer.from('ller\n'),
    ]);
    expect(sniffEncoding(w1252, true).encoding).toBe('windows-1252');
    const cp437 = Buffer.from([
      ...Buffer.from('name\nMart'),
      0xa1,
      ...Buffer.from('n\nCatalu'),
      0xa4,
      ...Buffer.from('a\n'),
    ]);
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

describe('Windows-1252', () => {
  it('decodes 0x80..0x9F as the code page chart does, not as Latin-1 control codes', () => {
    // From the Windows-1252 chart (checked against Python's cp1252 codec); 81, 8D, 8F, 90
    // and 9D are unassigned and stay the control codes of the same number.
    const c1 = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(createDecoder('windows-1252', 'x').decode(c1, true)).toBe('€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ');
    const line = Buffer.from([0x93, ...Buffer.from('Acme'), 0x94, 0x3b, 0x80, 0x32, 0x96, 0x33, 0xe9]);
    expect(createDecoder('windows-1252', 'x').decode(line, true)).toBe('“Acme”;€2–3é');
  });

  it('reads curly quotes and the euro sign as punctuation when it guesses the code page', () => {
    // In code page 437 the same bytes are ô, ö and Ç: letters standing where no letter belongs.
    const text = Buffer.from([
      ...Buffer.from('client;amount\n'),
      0x93,
      ...Buffer.from('M'),
      0xfc,
      ...Buffer.from('ller'),
      0x94,
      ...Buffer.from(';'),
      0x80,
      ...Buffer.from('12\n'),
    ]);
    const guess = sniffEncoding(text, true);
    expect(guess.encoding).toBe('windows-1252');
    expect(createDecoder(guess.encoding, 'x').decode(text, true)).toBe('client;amount\n“Müller”;€12\n');
  });
});

describe('Windows-1251 beside Western names', () => {
  it('keeps a Russian file in 1251 when one client is German (ö is ц there)', () => {
    // Russian words read as Windows-1252 are runs of accented letters ("Óñïåøíî"), which
    // Western text never has; without that rule the two code pages tied on these words and
    // the one German umlaut decided for 1252.
    const russian = Buffer.from(iconvTo1251('ООО Ромашка;Успешно реализовано;Петрова Ольга\n'.repeat(3)));
    const german = Buffer.from([
      ...Buffer.from('K'),
      0xf6,
      ...Buffer.from('lner GmbH;'),
      ...iconvTo1251('Успешно;Ким Анна\n'),
    ]);
    expect(sniffEncoding(Buffer.concat([russian, german]), true).encoding).toBe('windows-1251');
  });
});

/** Text of Cyrillic and ASCII letters in Windows-1251: А..я are C0..FF in alphabet order, Ё/ё A8/B8. */
function iconvTo1251(text: string): number[] {
  return [...text].map((ch) => {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    throw new Error(`no 1251 byte for ${ch}`);
  });
}

describe('sniffEncoding on a long Windows-1252 export', () => {
  it('looks past a first stretch whose only high bytes are no-break spaces (Superstore)', () => {
    const nbspLines = Buffer.concat(
      Array.from({ length: 25_000 }, (_, i) =>
        Buffer.from([...Buffer.from(`${i};Conference`), 0xa0, ...Buffer.from('phone;1\n')]),
      ),
    );
    const umlauts = Buffer.from([...Buffer.from('9;K'), 0xf6, ...Buffer.from('ln Bonn;2\n')]);
    const sample = Buffer.concat([nbspLines, ...Array.from({ length: 50 }, () => umlauts)]);
    expect(sample.length).toBeGreaterThan(512 * 1024);
    expect(sniffEncoding(sample, true).encoding).toBe('windows-1252');
  });
});
