import { describe, expect, it } from 'vitest';
import { looksBinary } from '../../src/io/read-table.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');

describe('binary or text with a few NUL bytes', () => {
  it('a NUL outside quotes in the first block is binary', () => {
    expect(looksBinary(bytes('client,amount\n\0\0\0\0\n'))).toBe(true);
    // A PNG's first bytes: NULs outside any quote.
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe(true);
  });

  it('a few NULs inside quoted fields are text', () => {
    expect(looksBinary(bytes('client,amount\n"Ac\0me",1\n"Glo\0\0bex",2\n'))).toBe(false);
  });

  it('more than 1 control byte in 1,000 is binary, quoted or not; a small file counts as a 4 KiB block', () => {
    // 5 control bytes in a small file: over 4 in 4,096.
    expect(looksBinary(bytes(`a,b\n"${'\x01'.repeat(5)}",1\n`))).toBe(true);
    expect(looksBinary(bytes(`a,b\n"${'\x01'.repeat(4)}",1\n`))).toBe(false);
    // In 100,000 bytes: 100 control bytes are text, 101 binary.
    const body = (controls: number): Uint8Array =>
      bytes(`a,b\n"${'\x02'.repeat(controls)}${'x'.repeat(100_000 - controls - 9)}",1\n`);
    expect(body(100).length).toBe(100_000);
    expect(looksBinary(body(100))).toBe(false);
    expect(looksBinary(body(101))).toBe(true);
  });

  it('tabs, line ends and the text of any code page are no control bytes', () => {
    expect(looksBinary(Buffer.concat([bytes('a\tb\r\n'), Buffer.from([0xc0, 0xe1, 0xff, 0x80]), bytes('\r\n')]))).toBe(
      false,
    );
  });
});
