import { says } from '../codes/error-fields.js';
import { extname } from 'node:path';
import { FolioError } from '../folio-error.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'markdown', 'html', 'xlsx', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(text: string): Format {
  const f = text.trim().toLowerCase();
  const alias: Record<string, Format> = { md: 'markdown', jsonl: 'ndjson', text: 'table' };
  const found = (FORMATS as readonly string[]).includes(f) ? (f as Format) : alias[f];
  if (!found) {
    throw new FolioError({
      code: 'USAGE',
      says: says('UNKNOWN_FORMAT', { text, formats: [...FORMATS] }),
    });
  }
  return found;
}

/** The output file extensions that say their format; any other (`.txt`, none) says nothing. */
const BY_EXTENSION: Record<string, Format> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
  '.xlsx': 'xlsx',
};

/** The format an output file's name says, or null. */
export function formatOfFile(file: string): Format | null {
  return BY_EXTENSION[extname(file).toLowerCase()] ?? null;
}

/**
 * The output format: the one asked for (`--format`, `--json`), else the one the output
 * file's name says (`-o report.html`), else the table. Asking for one format and naming the
 * file for another is an error: a `report.html` holding JSON would be opened as a page.
 */
export function chooseFormat(asked: string | undefined, json: boolean, output: string | undefined): Format {
  const flag = json ? 'json' : asked === undefined ? null : parseFormat(asked);
  const named = output === undefined ? null : formatOfFile(output);
  if (flag !== null && named !== null && flag !== named) {
    const given = json ? '--json' : `--format ${asked ?? flag}`;
    throw new FolioError({
      code: 'FORMAT_CONFLICT',
      says: says('FORMAT_CONFLICT', { given, output: output ?? '', named, json, flag, extension: extensionOf(flag) }),
    });
  }
  return flag ?? named ?? 'table';
}

function extensionOf(format: Format): string {
  const ext = Object.entries(BY_EXTENSION).find(([, f]) => f === format)?.[0];
  return ext === undefined ? 'an extension such as .txt' : `e.g. report${ext}`;
}
