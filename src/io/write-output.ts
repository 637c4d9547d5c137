import { says } from '../codes/errors.js';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FolioError } from '../errors.js';

/** Temp files being written, removed if the run is interrupted. */
export const pendingTempFiles = new Set<string>();

/**
 * Write a whole output file or nothing: the text goes to a temp file beside the target,
 * which is then renamed over it. A reader never sees half a report, and on error or
 * Ctrl-C the old file stays as it was.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.folio-tmp`);
  pendingTempFiles.add(temp);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new FolioError({
      code: 'CANNOT_WRITE',
      file: path,
      message: `cannot write the output file (${code})`,
      hint: 'check that the folder exists and is writable',
      says: says('CANNOT_WRITE', { reason: String(code) }),
    });
  } finally {
    pendingTempFiles.delete(temp);
  }
}
