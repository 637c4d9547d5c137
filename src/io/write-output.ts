import { says } from '../codes/error-fields.js';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { basename, dirname, join } from 'node:path';
import { FolioError } from '../folio-error.js';

/** Temp files being written, removed if the run is interrupted. */
export const pendingTempFiles = new Set<string>();

/** What the writer needs of a stream: stdout, a file, or a test's stand-in. */
export type Sink = Pick<NodeJS.WritableStream, 'write' | 'once' | 'removeListener'>;

/**
 * Write chunks (text, or the bytes of a workbook) in order, waiting whenever the stream says its buffer is full (`write` returns
 * false) until it drains: a slow reader (`| less`, a full disk) holds the chunks back in the
 * generator that makes them instead of in memory. A stream that fails or closes while we
 * wait ends the wait with its error.
 */
export async function writeChunks(sink: Sink, chunks: Iterable<string | Uint8Array>): Promise<void> {
  for (const chunk of chunks) {
    if (sink.write(chunk)) continue;
    await drained(sink);
  }
}

function drained(sink: Sink): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error): void => {
      sink.removeListener('drain', onDrain);
      sink.removeListener('error', onError);
      sink.removeListener('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => done();
    const onError = (error: Error): void => done(error);
    const onClose = (): void => done(new Error('the output closed before the end was written'));
    sink.once('drain', onDrain);
    sink.once('error', onError);
    sink.once('close', onClose);
  });
}

/**
 * Write a whole output file or nothing: the chunks go to a temp file beside the target,
 * which is then renamed over it. A reader never sees half a report, and on error or
 * Ctrl-C the old file stays as it was.
 */
export async function writeFileAtomic(path: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.folio-tmp`);
  pendingTempFiles.add(temp);
  const file = createWriteStream(temp, { encoding: 'utf8' });
  // An open that fails (no such folder) is the stream's first error, maybe before any wait.
  const failed = new Promise<never>((_, reject) => file.once('error', reject));
  try {
    await Promise.race([writeChunks(file, chunks), failed]);
    file.end();
    await finished(file);
    await rename(temp, path);
  } catch (error) {
    // Closed before the temp file is removed: an open still under way would create it again.
    file.destroy();
    await finished(file).catch(() => undefined);
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new FolioError({
      code: 'CANNOT_WRITE',
      file: path,
      says: says('CANNOT_WRITE', { reason: String(code) }),
    });
  } finally {
    pendingTempFiles.delete(temp);
  }
}
