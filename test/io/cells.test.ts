import { describe, expect, it } from 'vitest';
import { columnOfRef, decodeEntities, numberText } from '../../src/io/cells.js';
import { columnLetters, formatLocation } from '../../src/folio-error.js';
import { isDateFormat } from '../../src/io/sheet-dates.js';
import { looksLikeHtml, metaCharset } from '../../src/io/html-table.js';
import { tableKind } from '../../src/io/read-table.js';

describe('numberText: a stored double as the decimal it was typed as', () => {
  it.each([
    // 0.1 + 0.2 is 0.30000000000000004 in binary; Excel shows and means 0.3.
    [0.1 + 0.2, '0.3'],
    [1234.5, '1234.5'],
    [-17.25, '-17.25'],
    [1919.1399999999999, '1919.14'],
    [42, '42'],
    [0, '0'],
    [-0, '0'],
    // 15 significant digits kept: what is over 6 decimals is left to the amount reader's rounding.
    [1 / 3, '0.333333333333333'],
    [1.5e-7, '0.00000015'],
    [1e21, '1000000000000000000000'],
    [123456789012345.6, '123456789012346'],
  ])('%s → %s', (value, text) => {
    expect(numberText(value)).toBe(text);
  });

  it('cuts a single-precision float at 7 digits', () => {
    // Math.fround(0.1) is 0.10000000149011612 as a double.
    expect(numberText(Math.fround(0.1), 7)).toBe('0.1');
  });
});

describe('isDateFormat', () => {
  it.each([
    ['dd.mm.yyyy', true],
    ['yyyy-mm-dd hh:mm', true],
    ['[$-419]d mmmm yyyy', true],
    ['mmm-yy', true],
    ['#,##0.00" ₽"', false],
    ['0.00%', false],
    ['h:mm:ss', false],
    ['"day "0', false],
    ['[Red]#,##0;[Blue]-#,##0', false],
    ['General', false],
  ])('%s → %s', (code, date) => {
    expect(isDateFormat(code)).toBe(date);
  });
});

describe('cell references and locations', () => {
  it('names columns as Excel does, both ways', () => {
    // Z is 26, AA 27, XFD the last column (16 384).
    expect([1, 26, 27, 28, 16_384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'XFD']);
    expect(['A1', 'z9', 'AA3', 'XFD1048576'].map(columnOfRef)).toEqual([1, 26, 27, 16_384]);
  });

  it('locates a problem in a sheet by row and column letter', () => {
    expect(formatLocation({ file: 'deals.xlsx', sheet: 'Сделки', line: 12, column: 3 })).toBe(
      'deals.xlsx [Сделки] row 12, column C',
    );
    expect(formatLocation({ file: 'deals.csv', line: 12, column: 3 })).toBe('deals.csv:12:3');
  });
});

describe('entities and HTML detection', () => {
  it('decodes named and numeric references, and leaves unknown ones', () => {
    expect(decodeEntities('ООО &quot;Ромашка&quot; &amp; Ко&nbsp;&#1057;&#x421; &bogus;')).toBe(
      'ООО "Ромашка" & Ко\u00a0СС &bogus;',
    );
  });

  it('tells HTML from CSV and finds the meta charset', () => {
    expect(
      looksLikeHtml('\uFEFF  <meta http-equiv="Content-type" content="text/html;charset=windows-1251" />\n<table>'),
    ).toBe(true);
    expect(looksLikeHtml('client,amount\n<b>Acme</b>,1\n')).toBe(false);
    expect(metaCharset('<meta http-equiv="Content-type" content="text/html;charset=windows-1251" />')).toBe(
      'windows-1251',
    );
    expect(metaCharset('<meta charset="UTF-8">')).toBe('utf-8');
    expect(metaCharset('<table>')).toBeNull();
  });

  it('tells the kind of a file by its first bytes', () => {
    const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
    expect(tableKind(bytes(0x50, 0x4b, 0x03, 0x04, 0))).toBe('xlsx');
    expect(tableKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe('xls');
    expect(tableKind(new TextEncoder().encode('PAR1xxxx'))).toBe('parquet');
    expect(tableKind(new TextEncoder().encode('<table><tr><td>1</td></tr></table>'))).toBe('html');
    expect(tableKind(new TextEncoder().encode('client;amount\n'))).toBe('csv');
  });
});
