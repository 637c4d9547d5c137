import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffEncoding } from '../../src/io/encoding.js';
import { sniffDelimiter } from '../../src/io/sniff-delimiter.js';
import { DateRead, dayParts, newParsedDate, readDate, type DayOrder } from '../../src/normalize/dates.js';
import { newParsedAmount, NumberRead, readAmount, type DecimalMark } from '../../src/normalize/numbers.js';

// Property tests: every format folio claims to read round-trips exactly. Seeded, so CI is reproducible.
const params = { seed: 20261123, numRuns: 2000 };

/** A decimal as its parts: sign, integer digits (up to 13), fraction digits (up to 6). */
const decimal = fc.record({
  negative: fc.boolean(),
  whole: fc.bigInt({ min: 0n, max: 9_999_999_999_999n }),
  fraction: fc.stringMatching(/^\d{0,6}$/),
});

function group(whole: bigint, sep: string): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

interface Convention {
  name: string;
  mark: DecimalMark;
  write: (whole: bigint, fraction: string) => string;
}

const CONVENTIONS: Convention[] = [
  { name: '1234.5', mark: '.', write: (w, f) => `${w}${f ? `.${f}` : ''}` },
  { name: '1234,5', mark: ',', write: (w, f) => `${w}${f ? `,${f}` : ''}` },
  { name: '1,234.5', mark: '.', write: (w, f) => `${group(w, ',')}${f ? `.${f}` : ''}` },
  { name: '1.234,5', mark: ',', write: (w, f) => `${group(w, '.')}${f ? `,${f}` : ''}` },
  { name: '1 234,5', mark: ',', write: (w, f) => `${group(w, ' ')}${f ? `,${f}` : ''}` },
  { name: '1\u00a0234,5', mark: ',', write: (w, f) => `${group(w, '\u00a0')}${f ? `,${f}` : ''}` },
  { name: '1\u202f234,5', mark: ',', write: (w, f) => `${group(w, '\u202f')}${f ? `,${f}` : ''}` },
  { name: "1'234.5", mark: '.', write: (w, f) => `${group(w, "'")}${f ? `.${f}` : ''}` },
  { name: '1 234.5', mark: '.', write: (w, f) => `${group(w, ' ')}${f ? `.${f}` : ''}` },
];

const SIGNS = [(s: string) => `-${s}`, (s: string) => `(${s})`, (s: string) => `−${s}`];
const CURRENCIES = [
  (s: string) => s,
  (s: string) => `${s} ₽`,
  (s: string) => `$${s}`,
  (s: string) => `${s} руб.`,
  (s: string) => `EUR ${s}`,
];

describe('every number format round-trips', () => {
  for (const c of CONVENTIONS) {
    it(c.name, () => {
      fc.assert(
        fc.property(decimal, fc.nat(SIGNS.length - 1), fc.nat(CURRENCIES.length - 1), (d, signAt, currencyAt) => {
          const body = c.write(d.whole, d.fraction);
          const signed = d.negative ? (SIGNS[signAt] as (s: string) => string)(body) : body;
          const text = (CURRENCIES[currencyAt] as (s: string) => string)(signed);
          const out = newParsedAmount();
          expect(readAmount(text, c.mark, out)).toBe(NumberRead.Ok);
          const micro = Number(d.fraction.padEnd(6, '0') || '0');
          const zero = d.whole === 0n && micro === 0;
          expect([Math.abs(out.whole), Math.abs(out.micro)]).toEqual([Number(d.whole), micro]);
          if (!zero) expect(out.whole < 0 || out.micro < 0).toBe(d.negative);
        }),
        params,
      );
    });
  }
});

/** Millionths as the exact decimal folio reads, e.g. -1500000 → [-1, -500000]. */
const parts = (micros: bigint): [number, number] => [Number(micros / 1_000_000n), Number(micros % 1_000_000n)];
const read = (text: string): [number, number] | NumberRead => {
  const out = newParsedAmount();
  const r = readAmount(text, null, out);
  return r === NumberRead.Ok ? [out.whole + 0, out.micro + 0] : r;
};

describe('binary floats printed in full', () => {
  // Sums of amounts with at most 6 decimals, done in binary floats as pandas or a macro does,
  // printed by String(): the error is far below half a millionth, so the value reads back as
  // the exact sum of the millionths (worked out with integers).
  const micros = fc.bigInt({ min: -999_999_999_999n, max: 999_999_999_999n });
  it('a float sum of 6-decimal amounts reads back as the exact sum', () => {
    fc.assert(
      fc.property(micros, micros, (a, b) => {
        const x = Number(a) / 1e6 + Number(b) / 1e6;
        const text = String(x);
        fc.pre(!text.includes('e'));
        expect(read(text)).toEqual(parts(a + b));
      }),
      params,
    );
  });

  // Any text of 7 to 17 decimals within 17 significant digits is rounded half-even; the
  // expectation is computed with BigInt division, not with folio's digit-string rule.
  it('7 to 17 decimals within 17 significant digits round half-even to 6', () => {
    const text = fc
      .tuple(fc.integer({ min: 7, max: 17 }), fc.bigInt({ min: 0n, max: 99_999_999_999_999_999n }), fc.boolean())
      .filter(([decimals, digits]) => digits.toString().length <= 17 && digits.toString().length - decimals <= 15);
    fc.assert(
      fc.property(text, ([decimals, digits, negative]) => {
        const s = digits.toString().padStart(decimals + 1, '0');
        const written = `${negative ? '-' : ''}${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
        const unit = 10n ** BigInt(decimals - 6);
        let q = digits / unit;
        const r = digits % unit;
        if (r * 2n > unit || (r * 2n === unit && q % 2n === 1n)) q++;
        const [w, m] = parts(negative ? -q : q);
        expect(read(written)).toEqual([w + 0, m + 0]);
      }),
      params,
    );
  });
});

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_RU = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const p2 = (n: number): string => String(n).padStart(2, '0');

type DateFormat = [string, DayOrder | null, (y: number, m: number, d: number) => string];
const DATE_FORMATS: DateFormat[] = [
  ['yyyy-mm-dd', null, (y, m, d) => `${y}-${p2(m)}-${p2(d)}`],
  ['yyyy-mm-ddThh:mm:ssZ', null, (y, m, d) => `${y}-${p2(m)}-${p2(d)}T23:59:59Z`],
  ['yyyy-mm-dd hh:mm', null, (y, m, d) => `${y}-${p2(m)}-${p2(d)} 7:05`],
  ['dd.mm.yyyy', null, (y, m, d) => `${p2(d)}.${p2(m)}.${y}`],
  ['d.m.yyyy h:mm', null, (y, m, d) => `${d}.${m}.${y} 9:30`],
  ['dd.mm.yy', null, (y, m, d) => `${p2(d)}.${p2(m)}.${String(y).slice(2)}`],
  ['dd/mm/yyyy', 'dmy', (y, m, d) => `${p2(d)}/${p2(m)}/${y}`],
  ['mm/dd/yyyy', 'mdy', (y, m, d) => `${p2(m)}/${p2(d)}/${y}`],
  ['m/d/yy', 'mdy', (y, m, d) => `${m}/${d}/${String(y).slice(2)}`],
  ['dd-mm-yyyy hh:mm', 'dmy', (y, m, d) => `${p2(d)}-${p2(m)}-${y} 01:09`],
  ['d Mon, yyyy', null, (y, m, d) => `${d} ${MONTHS_EN[m - 1]}, ${y} 00:02:00`],
  ['Mon d, yyyy', null, (y, m, d) => `${MONTHS_EN[m - 1]} ${d}, ${y}`],
  ['d месяца yyyy', null, (y, m, d) => `${d} ${MONTHS_RU[m - 1]} ${y}`],
];

describe('every date format round-trips', () => {
  // Two-digit years are read as Excel does (1930–2029), so the range stays inside it.
  const day = fc.integer({ min: -14_610, max: 21_914 });
  for (const [name, order, write] of DATE_FORMATS) {
    it(name, () => {
      fc.assert(
        fc.property(day, (n) => {
          const { year, month, day: d } = dayParts(n);
          const out = newParsedDate();
          expect(readDate(write(year, month, d), order, out)).toBe(DateRead.Ok);
          expect(out.day).toBe(n);
        }),
        params,
      );
    });
  }
});

describe('the sniffers never throw', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), (bytes, atEnd) => {
        const guess = sniffEncoding(bytes, atEnd);
        expect(guess.bomLength).toBeLessThanOrEqual(3);
      }),
      params,
    );
  });
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 2000, unit: fc.constantFrom('a', 'b', ',', ';', '\t', '|', '"', '\n', '\r', ' ', 'я') }),
        fc.boolean(),
        (text, complete) => {
          expect([',', ';', '\t', '|']).toContain(sniffDelimiter(text, complete));
        },
      ),
      params,
    );
  });
});
