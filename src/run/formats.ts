import { FolioError } from '../errors.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'markdown', 'html', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(text: string): Format {
  const f = text.trim().toLowerCase();
  const alias: Record<string, Format> = { md: 'markdown', jsonl: 'ndjson', text: 'table' };
  const found = (FORMATS as readonly string[]).includes(f) ? (f as Format) : alias[f];
  if (!found) {
    throw new FolioError({ code: 'USAGE', message: `unknown format "${text}"`, hint: `use one of: ${FORMATS.join(', ')}` });
  }
  return found;
}
