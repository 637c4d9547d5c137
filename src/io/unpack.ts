import { says } from '../codes/error-fields.js';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { FolioError } from '../folio-error.js';
import type { UnpackLimits } from './limits.js';

/** Counts what a workbook unpacks to and stops past the limits. */
export class UnpackBudget {
  private bytes = 0;
  private cells = 0;

  constructor(
    private readonly file: string,
    readonly limits: UnpackLimits,
  ) {}

  addBytes(n: number): void {
    this.bytes += n;
    if (this.bytes > this.limits.maxBytes)
      throw this.tooLarge(
        `unpacks to more than ${formatBytes(this.limits.maxBytes)}`,
        `--max-unpacked ${formatBytes(this.limits.maxBytes * 4).replace(' ', '')}`,
      );
  }

  addCells(n: number): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells)
      throw this.tooLarge(
        `holds more than ${this.limits.maxCells.toLocaleString('en-US')} cells`,
        `--max-cells ${this.limits.maxCells * 4}`,
      );
  }

  private tooLarge(what: string, flag: string): FolioError {
    return new FolioError({
      code: 'WORKBOOK_TOO_LARGE',
      file: this.file,
      says: says('WORKBOOK_TOO_LARGE', { what, flag }),
    });
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GiB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MiB`;
  return `${n} bytes`;
}

const PEEK_DONE = new Error('peeked far enough');

/** The parts of an opened archive, read one at a time. */
export interface Archive {
  names: string[];
  has(name: string): boolean;
  /** Stream a part's inflated bytes to `onChunk`, counting them against the budget. */
  stream(name: string, onChunk: (bytes: Buffer) => void): Promise<void>;
  /** A part as UTF-8 text (its bytes counted like any other). */
  text(name: string): Promise<string>;
  /**
   * Look through a part once more than it is read: not counted against the budget, and
   * stopped (false) once `limit` inflated bytes have passed, whatever size it declares.
   */
  peek(name: string, limit: number, onChunk: (bytes: Buffer) => void): Promise<boolean>;
  close(): void;
}

/** Open a zip archive from a path or from bytes already read (standard input). */
export async function openArchive(
  from: { path: string } | { bytes: Buffer },
  file: string,
  budget: UnpackBudget,
): Promise<Archive> {
  const zip = await openZip(from, file);
  const entries = await entriesOf(zip, file);

  const stream = async (
    name: string,
    onChunk: (bytes: Buffer) => void,
    peekLimit: number | null = null,
  ): Promise<void> => {
    const entry = entries.get(name);
    if (!entry) throw damaged(file, new Error(`no part ${name}`));
    // A declared size over the limit is refused before anything is inflated.
    if (peekLimit === null && entry.uncompressedSize > budget.limits.maxBytes) budget.addBytes(entry.uncompressedSize);
    let seen = 0;
    const input = await new Promise<Readable>((resolve, reject) => {
      zip.openReadStream(entry, (error, s) => (error || !s ? reject(damaged(file, error)) : resolve(s)));
    });
    // What the reader of the part throws (a bad row, enough rows) passes through as it is;
    // only a failure to inflate is the archive's.
    let stopped: { error: unknown } | null = null;
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        try {
          if (peekLimit === null) budget.addBytes(chunk.length);
          else if ((seen += chunk.length) > peekLimit) throw PEEK_DONE;
          onChunk(chunk);
        } catch (error) {
          stopped = { error };
          break;
        }
      }
    } catch (error) {
      throw damaged(file, error as Error);
    } finally {
      input.destroy();
    }
    if (stopped) throw stopped.error;
  };
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    stream,
    async text(name) {
      const parts: Buffer[] = [];
      await stream(name, (b) => parts.push(b));
      return Buffer.concat(parts).toString('utf8');
    },
    async peek(name, limit, onChunk) {
      try {
        await stream(name, onChunk, limit);
        return true;
      } catch (error) {
        if (error === PEEK_DONE) return false;
        throw error;
      }
    },
    close: () => zip.close(),
  };
}

/** The zip's central directory read, its entries not yet. */
function openZip(from: { path: string } | { bytes: Buffer }, file: string): Promise<yauzl.ZipFile> {
  const options: yauzl.Options = {
    lazyEntries: true,
    autoClose: false,
    validateEntrySizes: true,
    strictFileNames: false,
  };
  return new Promise<yauzl.ZipFile>((resolve, reject) => {
    const done = (error: Error | null, z?: yauzl.ZipFile): void =>
      error || !z ? reject(damaged(file, error)) : resolve(z);
    if ('path' in from) yauzl.open(from.path, options, done);
    else yauzl.fromBuffer(from.bytes, options, done);
  });
}

/** Every entry of the zip by its name (a leading `/` dropped). */
function entriesOf(zip: yauzl.ZipFile, file: string): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName.replace(/^\/+/, ''), entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(damaged(file, error)));
    zip.readEntry();
  });
}

function damaged(file: string, error: Error | null | undefined): FolioError {
  return new FolioError({
    code: 'DAMAGED_WORKBOOK',
    file,
    says: says('DAMAGED_WORKBOOK', { reason: error?.message ?? 'unknown error' }),
  });
}
