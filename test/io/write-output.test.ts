import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeChunks, writeFileAtomic } from '../../src/io/write-output.js';

/** A reader slower than the writer: each chunk is taken a tick later, the buffer holds 100 characters. */
function slowSink(): { sink: Writable; received: string[]; peak: () => number } {
  const received: string[] = [];
  let peak = 0;
  const sink = new Writable({
    highWaterMark: 100,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      received.push(chunk);
      setImmediate(callback);
    },
  });
  const write = sink.write.bind(sink);
  sink.write = ((chunk: string) => {
    // What the stream holds, not yet taken by the reader, when one more chunk is handed to it.
    peak = Math.max(peak, sink.writableLength);
    return write(chunk);
  }) as Writable['write'];
  return { sink, received, peak: () => peak };
}

describe('writeChunks', () => {
  it('waits for the reader whenever the stream is full: it never holds more than its buffer and one chunk', async () => {
    const { sink, received, peak } = slowSink();
    const chunks = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(3, '0')}${'x'.repeat(47)}`);
    let made = 0;
    function* counted(): Generator<string> {
      for (const c of chunks) {
        made++;
        yield c;
      }
    }
    const writing = writeChunks(sink, counted());
    // The first write fills nothing, the second and third fill the 100-character buffer: then it waits.
    expect(made).toBe(2);
    await writing;
    expect(received.join('')).toBe(chunks.join(''));
    // Written without waiting, all 200 chunks (10,000 characters) would have piled up.
    expect(peak()).toBeLessThan(100);
  });

  it('ends the wait with the error of a stream that fails while full', async () => {
    const sink = new Writable({
      highWaterMark: 10,
      write(_chunk, _encoding, callback) {
        setImmediate(() => callback(new Error('disk full')));
      },
    });
    await expect(writeChunks(sink, ['a'.repeat(20), 'b'.repeat(20)])).rejects.toThrow('disk full');
  });
});

describe('writeFileAtomic', () => {
  it('writes the chunks in order, then puts the file in place of the old one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-write-'));
    const path = join(dir, 'out.json');
    writeFileSync(path, 'old');
    const chunks = Array.from({ length: 2000 }, (_, i) => `${i} Ромашка "${i}" 😀\n`);
    await writeFileAtomic(path, chunks);
    expect(readFileSync(path, 'utf8')).toBe(chunks.join(''));
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('leaves the old file and no temp file when the chunks cannot be made to the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-write-'));
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'old');
    function* failing(): Generator<string> {
      yield 'x'.repeat(1 << 17);
      throw new Error('interrupted');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toMatchObject({ code: 'CANNOT_WRITE' });
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('says it cannot write into a folder that does not exist, and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-write-'));
    await expect(writeFileAtomic(join(dir, 'no', 'out.json'), ['{}\n'])).rejects.toMatchObject({
      code: 'CANNOT_WRITE',
      file: join(dir, 'no', 'out.json'),
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
