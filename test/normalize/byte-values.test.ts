import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanText } from '../../src/io/byte-text.js';
import { amountFromBytes, dayFromBytes } from '../../src/normalize/byte-values.js';
import { DateRead, dayNumber, newParsedDate, readDate } from '../../src/normalize/dates.js';
import { newParsedAmount, NumberRead, readAmount, type DecimalMark } from '../../src/normalize/numbers.js';

// The byte readers must accept only what the text readers read, with the same value: every
// value they accept is compared with readAmount / readDate on its text, in UTF-8 and in
// Windows-1251 bytes. A value they decline is read from its text, so declining is always safe;
// the counts below make sure they do accept the common shapes.

const cp1251 = spanText('windows-1251').units as Uint16Array;
const to1251 = new Map<number, number>();
for (let b = 0; b < 256; b++) to1251.set(cp1251[b] as number, b);

function encode1251(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = to1251.get(text.charCodeAt(i));
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

const AMOUNT_PIECES = [
  '0',
  '1',
  '2',
  '5',
  '9',
  '12',
  '345',
  '000',
  '-',
  '.',
  ',',
  ' ',
  '\u00a0',
  '\u202f',
  '$',
  'руб',
  '(',
  ')',
  '+',
  "'",
  'e',
];
const amountText = fc.oneof(
  fc.array(fc.constantFrom(...AMOUNT_PIECES), { minLength: 1, maxLength: 9 }).map((p) => p.join('')),
  // The shapes exports write, so that acceptance is exercised often.
  fc
    .tuple(
      fc.boolean(),
      fc.integer({ min: 0, max: 999_999_999 }),
      fc.nat(999_999),
      fc.constantFrom('.', ','),
      fc.constantFrom('', ' ', '\u00a0', '\u202f'),
      fc.integer({ min: 0, max: 7 }),
    )
    .map(([neg, whole, frac, mark, group, decimals]) => {
      const digits = String(whole);
      const grouped = group === '' ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
      const fraction = decimals === 0 ? '' : mark + String(frac).padStart(6, '0').slice(0, decimals);
      return `${neg ? '-' : ''}${grouped}${fraction}`;
    }),
);

describe('amountFromBytes against readAmount', () => {
  it('accepts only values readAmount reads, with the same value and proof, in UTF-8 and Windows-1251', () => {
    let accepted = 0;
    fc.assert(
      fc.property(amountText, fc.constantFrom<DecimalMark | null>(null, '.', ','), (text, mark) => {
        const encodings: [Uint8Array, Uint16Array | null][] = [[Buffer.from(text, 'utf8'), null]];
        const single = encode1251(text);
        if (single) encodings.push([single, cp1251]);
        for (const [bytes, units] of encodings) {
          const fromBytes = newParsedAmount();
          if (!amountFromBytes(bytes, 0, bytes.length, units, mark, fromBytes)) continue;
          accepted++;
          const fromText = newParsedAmount();
          expect(readAmount(text, mark, fromText), text).toBe(NumberRead.Ok);
          expect(
            {
              whole: fromBytes.whole,
              micro: fromBytes.micro,
              proves: fromBytes.proves,
              currency: fromBytes.currency,
              rounded: fromBytes.rounded,
            },
            text,
          ).toEqual({
            whole: fromText.whole,
            micro: fromText.micro,
            proves: fromText.proves,
            currency: fromText.currency,
            rounded: fromText.rounded,
          });
        }
      }),
      { numRuns: 20_000, seed: 1601 },
    );
    expect(accepted).toBeGreaterThan(10_000);
  });

  it('reads the forms of the benchmark and of Russian exports, by hand', () => {
    const read = (
      text: string,
      mark: DecimalMark | null,
      bytes: Uint8Array = Buffer.from(text, 'utf8'),
      units: Uint16Array | null = null,
    ): [number, number, DecimalMark | null] | null => {
      const out = newParsedAmount();
      return amountFromBytes(bytes, 0, bytes.length, units, mark, out) ? [out.whole, out.micro, out.proves] : null;
    };
    expect(read('427232.89', null)).toEqual([427232, 890000, '.']);
    // The micro part is -0, as the text reader gives it (a sum adds it as 0).
    expect(read('-5', '.')).toEqual([-5, -0, null]);
    // 1,234 is a thousand or a fraction: only a settled column reads it.
    expect(read('1,234', null)).toBeNull();
    expect(read('1,234', ',')).toEqual([1, 234000, null]);
    expect(read('427 232,89', null)).toEqual([427232, 890000, ',']);
    expect(read('427\u00a0232,89', ',')).toEqual([427232, 890000, ',']);
    expect(read('427\u00a0232,89', ',', encode1251('427\u00a0232,89') as Uint8Array, cp1251)).toEqual([
      427232,
      890000,
      ',',
    ]);
    expect(read('1\u202f000', null)).toEqual([1000, 0, null]);
    // Currency, brackets and float tails are the text reader's.
    expect(read('$5', null)).toBeNull();
    expect(read('(5)', null)).toBeNull();
    expect(read('22.200000000000003', '.')).toBeNull();
  });
});

const DATE_PIECES = ['2026', '1999', '0000', '-', '.', '/', '01', '12', '13', '29', '31', '02', '2', ' ', 'T', 'a'];
const dateText = fc.oneof(
  fc.array(fc.constantFrom(...DATE_PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
  fc
    .tuple(
      fc.integer({ min: 1, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.boolean(),
    )
    .map(([y, m, d, iso]) => {
      const pad = (n: number, w: number): string => String(n).padStart(w, '0');
      return iso ? `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` : `${pad(d, 2)}.${pad(m, 2)}.${pad(y, 4)}`;
    }),
);

describe('dayFromBytes against readDate', () => {
  it('accepts only dates readDate reads to the same day, proving no order', () => {
    let accepted = 0;
    fc.assert(
      fc.property(dateText, (text) => {
        const bytes = Buffer.from(text, 'utf8');
        const day = dayFromBytes(bytes, 0, bytes.length);
        if (day < 0) return;
        accepted++;
        const out = newParsedDate();
        expect(readDate(text, null, out), text).toBe(DateRead.Ok);
        expect(out.day, text).toBe(day);
        expect(out.proves).toBeNull();
      }),
      { numRuns: 20_000, seed: 1602 },
    );
    expect(accepted).toBeGreaterThan(5_000);
  });

  it('reads ISO and dotted dates and nothing with a time, by hand', () => {
    const day = (text: string): number => dayFromBytes(Buffer.from(text), 0, Buffer.byteLength(text));
    expect(day('2026-04-14')).toBe(dayNumber(2026, 4, 14));
    expect(day('14.04.2026')).toBe(dayNumber(2026, 4, 14));
    expect(day('29.02.2024')).toBe(dayNumber(2024, 2, 29));
    expect(day('29.02.2026')).toBe(-1);
    expect(day('2026-04-14 10:00')).toBe(-1);
    expect(day('04/14/2026')).toBe(-1);
  });
});
