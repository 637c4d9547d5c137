import { FolioError } from '../errors.js';
import { renderCsv } from '../render/csv.js';
import type { Doc, MachineRow } from '../render/document.js';
import { renderJson, type Envelope } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderNdjson } from '../render/ndjson.js';
import { renderTable, type Paint } from '../render/table.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'markdown'] as const;
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

/** Everything a command produced, in the shapes each format needs. */
export interface CommandOutput {
  envelope: Envelope<unknown>;
  doc: Doc;
  rows: MachineRow[];
  columns: string[];
  /** 0, or 1 when a requested check failed. */
  exitCode: 0 | 1;
}

export function render(output: CommandOutput, format: Format, paint: Paint): string {
  switch (format) {
    case 'json':
      return renderJson(output.envelope);
    case 'ndjson':
      return renderNdjson(output.rows);
    case 'csv':
      return renderCsv(output.rows, output.columns);
    case 'markdown':
      return renderMarkdown(output.doc);
    case 'table':
      return renderTable(output.doc, paint);
  }
}
