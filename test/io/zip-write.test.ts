import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { crc32, zipArchive } from '../../src/io/zip-write.js';

/** Every entry of an archive, read by yauzl (which folio's writer shares no code with), CRCs checked. */
function readZip(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const out = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const parts: Buffer[] = [];
          stream.on('data', (b: Buffer) => parts.push(b));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(parts).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('crc32', () => {
  it('gives the check value of the standard (CRC-32 of "123456789" is CBF43926) and continues across pieces', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('6789'), crc32(Buffer.from('12345')))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });
});

describe('zipArchive', () => {
  it('writes entries another reader inflates to the same text, Cyrillic and large ones included', async () => {
    const big = Array.from({ length: 30_000 }, (_, i) => `<row r="${i}">строка ${i}</row>`);
    const bytes = Buffer.concat(
      await zipArchive([
        { path: '[Content_Types].xml', chunks: ['<Types/>'] },
        { path: 'xl/worksheets/sheet1.xml', chunks: big },
        { path: 'empty.xml', chunks: [] },
      ]),
    );
    const entries = await readZip(bytes);
    expect([...entries.keys()]).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml', 'empty.xml']);
    expect(entries.get('xl/worksheets/sheet1.xml')).toBe(big.join(''));
    expect(entries.get('empty.xml')).toBe('');
    // Deflated: far smaller than the text.
    expect(bytes.length).toBeLessThan(Buffer.byteLength(big.join('')) / 5);
  });

  it('gives the same bytes for the same entries (no clock in the archive)', async () => {
    const make = async (): Promise<Buffer> =>
      Buffer.concat(await zipArchive([{ path: 'a.xml', chunks: ['<a>1</a>', '<b/>'] }]));
    expect(Buffer.compare(await make(), await make())).toBe(0);
  });
});
