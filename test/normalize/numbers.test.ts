import { describe, expect, it } from 'vitest';
import { newParsedAmount, NumberRead, readAmount, type DecimalMark } from '../../src/normalize/numbers.js';

/** Read a value and give it back as a decimal string, so expectations are exact text. */
function read(raw: string, mark: DecimalMark | null = null): string | NumberRead {
  const out = newParsedAmount();
  const r = readAmount(raw, mark, out);
  if (r !== NumberRead.Ok) return r;
  const neg = out.whole < 0 || out.micro < 0 || Object.is(out.whole, -0);
  const frac = String(Math.abs(out.micro)).padStart(6, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${Math.abs(out.whole)}${frac ? `.${frac}` : ''}`;
}

describe('readAmount', () => {
  it.each([
    ['1234.5', '1234.5'],
    ['1,234.5', '1234.5'],
    ['1 234,5', '1234.5'],
    ['1\u00a0234\u00a0567,89', '1234567.89'],
    ['1\u202f234,5', '1234.5'],
    ['1.234,5', '1234.5'],
    ["1'234.50", '1234.5'],
    ['-42', '-42'],
    ['(1 500,00)', '-1500'],
    ['−7,5', '-7.5'],
    ['$22,700.00', '22700'],
    ['1 250 000,50 руб.', '1250000.5'],
    ['₽ 99', '99'],
    ['100 USD', '100'],
    ['€1.234,56', '1234.56'],
    ['0,123', '0.123'],
    ['1,234,567', '1234567'],
    ['1.234.567', '1234567'],
    ['0.000001', '0.000001'],
  ])('reads %s as %s', (raw, expected) => {
    expect(read(raw)).toBe(expected);
  });

  it('reports which decimal mark a value proves', () => {
    const out = newParsedAmount();
    readAmount('1234,5', null, out);
    expect(out.proves).toBe(',');
    readAmount('1,234.5', null, out);
    expect(out.proves).toBe('.');
    readAmount('1234', null, out);
    expect(out.proves).toBe(null);
  });

  it('leaves 1,234 and 1.234 ambiguous until the column says', () => {
    expect(read('1,234')).toBe(NumberRead.Ambiguous);
    expect(read('1.234')).toBe(NumberRead.Ambiguous);
    expect(read('1,234', '.')).toBe('1234');
    expect(read('1,234', ',')).toBe('1.234');
    expect(read('1.234', ',')).toBe('1234');
    expect(read('1.234', '.')).toBe('1.234');
  });

  it('refuses a value that contradicts the column', () => {
    expect(read('1,5', '.')).toBe(NumberRead.Invalid);
    expect(read('1,234.50', ',')).toBe(NumberRead.Invalid);
  });

  // Expected by hand: the 6-decimal prefix, then half-even on the digits cut off.
  it.each([
    ['22.200000000000003', '22.2'],
    ['1919.1399999999999', '1919.14'],
    ['0.30000000000000004', '0.3'],
    ['-10.199999999999999', '-10.2'],
    ['0.9999999999999999', '1'],
    ['1,919.1399999999999', '1919.14'],
    ['1919,1399999999999', '1919.14'],
    ['$ 22.200000000000003', '22.2'],
    ['2.0000005', '2'],
    ['2.0000015', '2.000002'],
    ['2.00000050001', '2.000001'],
    ['12.3456789', '12.345679'],
  ])('reads the printed float %s as %s, and says it was rounded', (raw, expected) => {
    expect(read(raw)).toBe(expected);
    const out = newParsedAmount();
    readAmount(raw, null, out);
    expect(out.rounded).toBe(true);
  });

  it('does not flag values with at most 6 decimals as rounded, on either path', () => {
    const out = newParsedAmount();
    readAmount('22.2000000000000', null, out);
    expect(out.rounded).toBe(false);
    readAmount('22.200000000000003', null, out);
    readAmount('1919.14', null, out);
    expect(out.rounded).toBe(false);
  });

  it('refuses more than 6 decimals in more than 17 significant digits: no float prints that', () => {
    expect(read('1919.13999999999999')).toBe(NumberRead.Invalid);
    expect(read('0.123456789012345678')).toBe(NumberRead.Invalid);
    expect(read('0.00000000000000000001')).toBe('0');
  });

  it.each(['abc', '12x', '1,23,4.5', '--5', '1 23', '1.2.3,4,5', '12.3.4567890'])('refuses %s', (raw) => {
    expect(read(raw)).toBe(NumberRead.Invalid);
  });

  it('treats blank as empty', () => {
    expect(read('')).toBe(NumberRead.Empty);
    expect(read('  \u00a0')).toBe(NumberRead.Empty);
  });

  it('keeps large sums exact (no binary float anywhere)', () => {
    expect(read('123456789012345.67')).toBe('123456789012345.67');
    expect(read('1234567890123456')).toBe(NumberRead.Invalid);
  });
});
