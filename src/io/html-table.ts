import { says } from '../codes/error-fields.js';
import { FolioError } from '../folio-error.js';
import { decodeEntities, type MergedRange } from './cells.js';
import type { RecordHandler } from './csv-scanner.js';
import { ENCODINGS, type Encoding } from './encoding.js';

/**
 * An HTML table saved as ".xls": Bitrix24's "Export to Excel" writes one, and Excel opens
 * it. Each `<tr>` is a record, numbered from 1; its `<th>` and `<td>` cells are the fields,
 * their tags taken off, entities decoded and white space collapsed as a browser shows it.
 * The header is found among the rows like any other (usually the first, of `<th>`).
 */

/** Whether the first bytes are HTML markup rather than CSV text. */
export function looksLikeHtml(head: string): boolean {
  const start = head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 2048)
    .toLowerCase();
  return start.startsWith('<') && /<(html|table|!doctype html|meta|head|body)\b/.test(start);
}

/** The encoding a `<meta charset>` or `<meta http-equiv content="...; charset=">` names, or null. */
export function metaCharset(head: string): Encoding | null {
  const m = /<meta\b[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(head);
  if (!m) return null;
  const name = (m[1] as string).toLowerCase();
  const known: Record<string, Encoding> = {
    utf8: 'utf-8',
    cp1251: 'windows-1251',
    'x-cp1251': 'windows-1251',
    'iso-8859-1': 'windows-1252',
    latin1: 'windows-1252',
    koi8r: 'koi8-r',
    cp866: 'ibm866',
  };
  return (ENCODINGS as readonly string[]).includes(name) ? (name as Encoding) : (known[name] ?? null);
}

const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi;
const CELL = /<t([dh])\b([^>]*)>([\s\S]*?)<\/t[dh]\s*>/gi;

/** Rows of the table, scanned as decoded text arrives. */
export class HtmlRows {
  private rest = '';
  private line = 0;
  private readonly fields: string[] = [];

  constructor(
    private readonly file: string,
    private readonly maxRowLength: number,
    private readonly onRow: RecordHandler,
    /** Cells spanning columns (`colspan`), as merged ranges, known before the rows under them. */
    private readonly merges: MergedRange[] = [],
  ) {}

  push(text: string): void {
    const buf = this.rest.length > 0 ? this.rest + text : text;
    ROW.lastIndex = 0;
    let end = 0;
    for (let m = ROW.exec(buf); m !== null; m = ROW.exec(buf)) {
      this.row(m[1] ?? '');
      end = ROW.lastIndex;
    }
    const open = buf.slice(end).search(/<tr\b/i);
    this.rest = open === -1 ? buf.slice(Math.max(end, buf.length - 8)) : buf.slice(end + open);
    if (this.rest.length > this.maxRowLength) {
      throw new FolioError({
        code: 'RECORD_TOO_LONG',
        file: this.file,
        line: this.line + 1,
        says: says('HTML_ROW_TOO_LONG', { limit: this.maxRowLength }),
      });
    }
  }

  end(): void {
    this.rest = '';
  }

  private row(body: string): void {
    this.line++;
    const fields = this.fields;
    fields.length = 0;
    CELL.lastIndex = 0;
    for (let m = CELL.exec(body); m !== null; m = CELL.exec(body)) {
      fields.push(cellText(m[3] ?? ''));
      const span = /\bcolspan\s*=\s*["']?(\d+)/i.exec(m[2] ?? '');
      const width = span ? Math.min(Number(span[1]), 1000) : 1;
      if (width > 1 && this.merges.length < 10_000)
        this.merges.push({
          top: this.line,
          bottom: this.line,
          left: fields.length - 1,
          right: fields.length + width - 2,
        });
      for (let i = 1; i < width; i++) fields.push('');
    }
    this.onRow(fields, this.line);
  }
}

/** A cell as a browser shows it: line breaks as spaces, tags gone, runs of white space as one. */
function cellText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t\r\n]+/g, ' ');
  return decodeEntities(text).trim();
}
