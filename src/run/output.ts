import { says } from '../codes/error-fields.js';
import type { Format } from './formats.js';
import { FolioError } from '../folio-error.js';
import type { Chunks } from '../render/chunks.js';
import type { DataTable, Doc, Paint } from '../render/document.js';
import type { Lang } from '../present/i18n.js';
import type { Envelope } from '../schema/envelope.js';

/** Everything a command produced, in the shapes each format needs. */
export interface CommandOutput {
  envelope: Envelope<unknown>;
  /** Built only for the format asked for: a million-lead queue need not be formatted twice. */
  doc: () => Doc;
  /**
   * The command's data as tables: for programs (`null`: codes and English, the same under
   * every locale) or for people in a language (a workbook's sheet and column names, and the
   * words of its cells). Each table's rows are made one at a time as they are written.
   */
  tables: (lang: Lang | null) => DataTable[];
  /**
   * NDJSON and CSV carry every table, each row with its `section` (the report); otherwise
   * only the first, the command's list, as it always was. A workbook has a sheet per table.
   */
  sectioned: boolean;
  /**
   * The document lists the warnings (the report): on a terminal they are then read there, and
   * not printed to stderr a second time.
   */
  docShowsWarnings?: boolean;
  /** 0, or 1 when a requested check failed. */
  exitCode: 0 | 1;
  /** GitHub Actions annotations, for the commands that have them (`check`). */
  github?: () => string;
}

/**
 * The output in the format asked for, as chunks to be written in order. The machine formats
 * (JSON, NDJSON, CSV) are made as they are written; the documents for people are one text.
 * Each format's module is loaded only when asked for (cli-table3 costs start-up time). A
 * workbook is made whole in memory (its sheets are compressed as they are made) and then written.
 */
export async function render(output: CommandOutput, format: Format, paint: Paint, lang: Lang): Promise<Chunks> {
  switch (format) {
    case 'json':
      return (await import('../render/json.js')).jsonChunks(output.envelope);
    case 'ndjson':
      return (await import('../render/ndjson.js')).ndjsonChunks(output.tables(null), output.sectioned);
    case 'csv':
      return (await import('../render/csv.js')).csvChunks(output.tables(null), output.sectioned);
    case 'markdown':
      return [(await import('../render/markdown.js')).renderMarkdown(output.doc())];
    case 'table':
      return [(await import('../render/table.js')).renderTable(output.doc(), paint)];
    case 'html':
      return [(await import('../render/html.js')).renderHtml(output.doc())];
    case 'xlsx': {
      const { workbookParts } = await import('../render/xlsx.js');
      const { RECORD_HEADER } = await import('../present/messages/data.js');
      const { zipArchive } = await import('../io/zip-write.js');
      const parts = workbookParts(output.tables(lang), {
        recordHeader: RECORD_HEADER[lang],
        dateFormat: lang === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd',
      });
      return await zipArchive(parts);
    }
    case 'github':
      if (output.github) return [output.github()];
      throw new FolioError({
        code: 'USAGE',
        says: says('GITHUB_FOR_CHECK', {}),
      });
  }
}
