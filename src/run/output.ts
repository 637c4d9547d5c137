import { says } from '../codes/errors.js';
import type { Format } from './formats.js';
import { FolioError } from '../errors.js';
import type { Chunks } from '../render/chunks.js';
import type { Doc, MachineRow, Paint } from '../render/document.js';
import type { Envelope } from '../schema/envelope.js';

/** Everything a command produced, in the shapes each format needs. */
export interface CommandOutput {
  envelope: Envelope<unknown>;
  /** Built only for the format asked for: a million-lead queue need not be formatted twice. */
  doc: () => Doc;
  /** Made one at a time as they are written: a million rows are never held as objects. */
  rows: () => Iterable<MachineRow>;
  columns: string[];
  /** 0, or 1 when a requested check failed. */
  exitCode: 0 | 1;
  /** GitHub Actions annotations, for the commands that have them (`check`). */
  github?: () => string;
}

/**
 * The output in the format asked for, as chunks to be written in order. The machine formats
 * (JSON, NDJSON, CSV) are made as they are written; the documents for people are one text.
 * Each format's module is loaded only when asked for (cli-table3 costs start-up time).
 */
export async function render(output: CommandOutput, format: Format, paint: Paint): Promise<Chunks> {
  switch (format) {
    case 'json':
      return (await import('../render/json.js')).jsonChunks(output.envelope);
    case 'ndjson':
      return (await import('../render/ndjson.js')).ndjsonChunks(output.rows());
    case 'csv':
      return (await import('../render/csv.js')).csvChunks(output.rows(), output.columns);
    case 'markdown':
      return [(await import('../render/markdown.js')).renderMarkdown(output.doc())];
    case 'table':
      return [(await import('../render/table.js')).renderTable(output.doc(), paint)];
    case 'html':
      return [(await import('../render/html.js')).renderHtml(output.doc())];
    case 'github':
      if (output.github) return [output.github()];
      throw new FolioError({
        code: 'USAGE',
        message: 'the github format is for folio check',
        hint: 'use --format table, json, ndjson, csv, markdown or html',
        says: says('GITHUB_FOR_CHECK', {}),
      });
  }
}
