import { says } from '../codes/error-fields.js';
import { FolioError } from '../folio-error.js';
import {
  columnOfRef,
  decodeEntities,
  NUMBER_CELL,
  numberText,
  TEXT_CELL,
  type CellKinds,
  type MergedRange,
} from './cells.js';
import { BUILTIN_DATE_FORMATS, isDateFormat, SerialDays } from './sheet-dates.js';
import type { RecordHandler } from './csv-scanner.js';
import type { UnpackLimits } from './limits.js';
import { openArchive, UnpackBudget, type Archive } from './unpack.js';

/**
 * An .xlsx or .xlsm workbook, read as a table: one worksheet, row by row, each cell by its
 * type. Shared strings and inline strings are text; a number is a number unless its format
 * is a date format, then it is a calendar day (1900 or 1904 date system, as the workbook
 * says); a formula gives its cached value; an error cell (`#DIV/0!`) is its text, which no
 * reader takes for a value. Only the parts a table needs are opened: the workbook, its
 * relationships, the styles, the string table and the one sheet. Macros, external links and
 * everything else in the archive are never read.
 */

export interface SheetInfo {
  name: string;
  hidden: boolean;
  part: string;
}

export interface WorkbookRead {
  sheet: string;
  sheets: string[];
  /** The sheet's merged ranges, when it was small enough to look through before reading its rows; else undefined. */
  merges?: MergedRange[];
  /** Formula cells with no cached value (the workbook was never calculated): read as empty. */
  uncached: number;
  /** Without `--sheet`: the visible sheets before the one read that hold no header and row of data (a cover, notes). */
  skipped: string[];
}

export interface WorkbookOptions {
  /** `--sheet NAME|N`; the first visible worksheet without it. */
  sheet?: string | undefined;
  limits: UnpackLimits;
  maxRecordLength: number;
}

/** Read one worksheet; `begin` gets the sheet chosen and returns the handler of its rows. */
export async function readWorkbook(
  from: { path: string } | { bytes: Buffer },
  file: string,
  options: WorkbookOptions,
  begin: (sheet: string, sheets: string[], merges: MergedRange[] | undefined) => RecordHandler,
): Promise<WorkbookRead> {
  const budget = new UnpackBudget(file, options.limits);
  const archive = await openArchive(from, file, budget);
  try {
    const book = await workbookOf(archive, file);
    const { sheet, skipped } =
      options.sheet === undefined
        ? await firstSheetWithRows(archive, book.sheets)
        : { sheet: chooseSheet(book.sheets, options.sheet, file), skipped: [] };
    const styles = archive.has(book.styles) ? dateStyles(await archive.text(book.styles)) : [];
    const strings = archive.has(book.strings) ? sharedStrings(await archive.text(book.strings), budget) : [];
    if (!archive.has(sheet.part)) throw notWorkbook(file, `the sheet "${sheet.name}" has no part ${sheet.part}`);
    const merges = await mergedRanges(archive, sheet.part);
    const rows = new SheetRows(
      file,
      sheet.name,
      { strings, dateStyles: styles, date1904: book.date1904, budget, maxRowLength: options.maxRecordLength },
      begin(
        sheet.name,
        book.sheets.map((s) => s.name),
        merges,
      ),
    );
    const decoder = new TextDecoder('utf-8');
    await archive.stream(sheet.part, (bytes) => rows.push(decoder.decode(bytes, { stream: true })));
    rows.push(decoder.decode());
    rows.end();
    return { sheet: sheet.name, sheets: book.sheets.map((s) => s.name), uncached: rows.uncached, merges, skipped };
  } finally {
    archive.close();
  }
}

/** How much of a sheet's XML is looked through for its merged cells, which come after its rows. */
const MERGE_PEEK_BYTES = 16 * 1024 * 1024;

/**
 * The `<mergeCell ref="A4:B5"/>` ranges of a sheet. They follow the rows in the XML, and a
 * report's header needs them before its rows are read: a sheet up to 16 MiB is looked
 * through once first (a report is small; a large data sheet has no use for them).
 */
async function mergedRanges(archive: Archive, part: string): Promise<MergedRange[] | undefined> {
  const out: MergedRange[] = [];
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  const found = await archive.peek(part, MERGE_PEEK_BYTES, (bytes) => {
    const text = rest + decoder.decode(bytes, { stream: true });
    if (!text.includes('mergeCell')) {
      rest = text.slice(-256);
      return;
    }
    let end = 0;
    for (const m of text.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)"/g)) {
      const left = columnOfRef(m[1] as string) - 1;
      const right = columnOfRef(m[3] as string) - 1;
      const top = Number(m[2]);
      const bottom = Number(m[4]);
      if (left >= 0 && right >= left && bottom >= top) out.push({ top, bottom, left, right });
      end = (m.index ?? 0) + m[0].length;
    }
    // A tag cut by the chunk's end is looked at again with the next chunk.
    rest = text.slice(Math.max(end, text.length - 256));
  });
  return found ? out : undefined;
}

interface Book {
  sheets: SheetInfo[];
  date1904: boolean;
  styles: string;
  strings: string;
}

const REL_WORKSHEET = /\/worksheet$/;
const REL_STYLES = /\/styles$/;
const REL_STRINGS = /\/sharedStrings$/;

async function workbookOf(archive: Archive, file: string): Promise<Book> {
  const main = archive.has('_rels/.rels')
    ? relationships(await archive.text('_rels/.rels'), '').find((r) => /\/officeDocument$/.test(r.type))?.target
    : undefined;
  const part = main ?? 'xl/workbook.xml';
  if (!archive.has(part)) {
    throw notWorkbook(
      file,
      archive.has('word/document.xml')
        ? 'it is a Word document'
        : archive.has('content.xml')
          ? 'it is an OpenDocument file'
          : 'it holds no workbook',
    );
  }
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  const relsPart = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const rels = archive.has(relsPart) ? relationships(await archive.text(relsPart), dir) : [];
  const xml = await archive.text(part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    const id = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
    const rel = id === undefined ? undefined : byId.get(id);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !REL_WORKSHEET.test(rel.type)) continue;
    sheets.push({
      name: decodeEntities(a.name ?? ''),
      hidden: a.state === 'hidden' || a.state === 'veryHidden',
      part: rel.target,
    });
  }
  if (sheets.length === 0) throw notWorkbook(file, 'the workbook lists no worksheet');
  const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(xml);
  const date1904 = pr ? /^(1|true)$/.test(attributes(pr[1] ?? '').date1904 ?? '') : false;
  return {
    sheets,
    date1904,
    styles: rels.find((r) => REL_STYLES.test(r.type))?.target ?? `${dir}styles.xml`,
    strings: rels.find((r) => REL_STRINGS.test(r.type))?.target ?? `${dir}sharedStrings.xml`,
  };
}

/** How much of a sheet is looked through to tell whether it holds a header and a row of data. */
const ROWS_PEEK_BYTES = 256 * 1024;

/**
 * Without `--sheet`: the first visible sheet that holds at least two rows with a value (a
 * header and a row of data); the visible sheets before it that do not (a cover, a notes
 * sheet) are skipped, and the caller says so. When none does, the first visible sheet, as
 * before, and its own error says what it lacks.
 */
async function firstSheetWithRows(
  archive: Archive,
  sheets: SheetInfo[],
): Promise<{ sheet: SheetInfo; skipped: string[] }> {
  const visible = sheets.filter((s) => !s.hidden);
  const skipped: string[] = [];
  for (const sheet of visible) {
    if (await holdsRows(archive, sheet.part)) return { sheet, skipped };
    skipped.push(sheet.name);
  }
  // workbookOf refuses a workbook without a worksheet.
  return { sheet: visible[0] ?? (sheets[0] as SheetInfo), skipped: [] };
}

/** Whether a sheet's first bytes hold two rows with a value; a sheet longer than the look is taken to hold them. */
async function holdsRows(archive: Archive, part: string): Promise<boolean> {
  if (!archive.has(part)) return false;
  const decoder = new TextDecoder('utf-8');
  let text = '';
  const whole = await archive.peek(part, ROWS_PEEK_BYTES, (bytes) => {
    text += decoder.decode(bytes, { stream: true });
  });
  if (!whole) return true;
  let rows = 0;
  for (const m of text.matchAll(/<(?:[\w.-]+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g)) {
    // A value (<v>x</v>) or an inline string (<is><t>x</t></is>) that is not empty.
    if (/<(?:[\w.-]+:)?(?:v|t)(?:\s[^>]*)?>[^<]/.test(m[1] ?? '') && ++rows >= 2) return true;
  }
  return false;
}

/** `--sheet` by name (exact, then ignoring case) or by 1-based position. */
function chooseSheet(sheets: SheetInfo[], wanted: string, file: string): SheetInfo {
  const exact =
    sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.trim().toLowerCase());
  if (exact) return exact;
  if (/^\d+$/.test(wanted.trim())) {
    const n = Number(wanted.trim());
    const at = sheets[n - 1];
    if (at) return at;
  }
  throw new FolioError({
    code: 'NO_SUCH_SHEET',
    file,
    says: says('NO_SUCH_SHEET', { wanted: String(wanted), sheets: sheets.map((s) => s.name) }),
  });
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The internal relationships of a part; external targets (links to other files, URLs) are dropped, never followed. */
function relationships(xml: string, dir: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    if (a.TargetMode === 'External' || a.Target === undefined) continue;
    out.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolvePart(dir, decodeEntities(a.Target)) });
  }
  return out;
}

function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1] as string] = m[2] ?? m[3] ?? '';
  return out;
}

/** Per cell style (the `s` of a cell): whether its number format shows a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    custom.set(Number(a.numFmtId), decodeEntities(a.formatCode ?? ''));
  }
  const section = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of section.matchAll(/<(?:[\w.-]+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attributes(m[1] ?? '').numFmtId ?? 0);
    const code = custom.get(id);
    out.push(code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code));
  }
  return out;
}

/** The string table: each `<si>` as its text, rich runs joined, phonetic hints (`<rPh>`) left out. */
function sharedStrings(xml: string, budget: UnpackBudget): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?si>([\s\S]*?)<\/(?:[\w.-]+:)?si>|<(?:[\w.-]+:)?si\/>/g))
    out.push(richText(m[1] ?? ''));
  budget.addCells(out.length);
  return out;
}

function richText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '') : xml;
  let text = '';
  for (const m of body.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>/g)) text += m[1] ?? '';
  return unescapeOoxml(decodeEntities(text));
}

/** OOXML writes control characters as `_x000D_`. */
function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  budget: UnpackBudget;
  maxRowLength: number;
}

/**
 * The rows of a sheet's XML, scanned as text arrives. A row is handed on when its closing
 * tag has arrived; a row missing from the XML (nothing in it) is not a record. Rows are
 * padded with empty cells to the widest row so far: a sheet leaves out empty trailing cells,
 * where a CSV line would still carry their delimiters.
 */
class SheetRows {
  uncached = 0;
  private rest = '';
  private prefix: string | null = null;
  private rowOpen = '';
  private rowClose = '';
  private cell: RegExp = /$^/;
  private value: RegExp = /$^/;
  private inline: RegExp = /$^/;
  private formula: RegExp = /$^/;
  private nextRow = 1;
  private width = 0;
  private fields: string[] = [];
  private kinds: CellKinds = new Uint8Array(16);
  private readonly days: SerialDays;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly ctx: SheetContext,
    private readonly onRow: RecordHandler,
  ) {
    this.days = new SerialDays(ctx.date1904);
  }

  push(text: string): void {
    let buf = this.rest.length > 0 ? this.rest + text : text;
    if (this.prefix === null) {
      const m = /<([\w.-]+:)?sheetData\b/.exec(buf);
      if (!m) {
        this.rest = buf.length > 4096 ? buf.slice(-4096) : buf;
        return;
      }
      this.setPrefix(m[1] ?? '');
      buf = buf.slice(m.index);
    }
    let pos = 0;
    for (;;) {
      const start = buf.indexOf(this.rowOpen, pos);
      if (start === -1) {
        pos = Math.max(pos, buf.length - this.rowOpen.length);
        break;
      }
      const tagEnd = buf.indexOf('>', start);
      if (tagEnd === -1) {
        pos = start;
        break;
      }
      const after = buf.charCodeAt(start + this.rowOpen.length);
      // `<rowBreaks>` and the like share the prefix.
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        pos = start + 1;
        continue;
      }
      const attrs = buf.slice(start + this.rowOpen.length, tagEnd);
      if (buf.charCodeAt(tagEnd - 1) === 47) {
        this.row(attrs.slice(0, -1), '');
        pos = tagEnd + 1;
        continue;
      }
      const close = buf.indexOf(this.rowClose, tagEnd);
      if (close === -1) {
        pos = start;
        break;
      }
      this.row(attrs, buf.slice(tagEnd + 1, close));
      pos = close + this.rowClose.length;
    }
    this.rest = pos < buf.length ? buf.slice(pos) : '';
    if (this.rest.length > this.ctx.maxRowLength) {
      throw new FolioError({
        code: 'RECORD_TOO_LONG',
        file: this.file,
        sheet: this.sheet,
        line: this.nextRow,
        says: says('SHEET_ROW_TOO_LONG', { limit: this.ctx.maxRowLength }),
      });
    }
  }

  end(): void {
    this.rest = '';
  }

  private setPrefix(p: string): void {
    this.prefix = p;
    this.rowOpen = `<${p}row`;
    this.rowClose = `</${p}row>`;
    const q = p.replace('.', '\\.');
    this.cell = new RegExp(`<${q}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${q}c>)`, 'g');
    this.value = new RegExp(`<${q}v(?:\\s[^>]*)?>([^<]*)</${q}v>`);
    this.inline = new RegExp(`<${q}is>([\\s\\S]*?)</${q}is>`);
    this.formula = new RegExp(`<${q}f\\b`);
  }

  private row(attrs: string, body: string): void {
    const r = /\br="(\d+)"/.exec(attrs);
    const line = r ? Number(r[1]) : this.nextRow;
    this.nextRow = line + 1;
    const fields = this.fields;
    fields.length = 0;
    let kinds = this.kinds;
    kinds.fill(TEXT_CELL);
    let cells = 0;
    this.cell.lastIndex = 0;
    for (let m = this.cell.exec(body); m !== null; m = this.cell.exec(body)) {
      cells++;
      const a = m[1] ?? '';
      const ref = /\br="([A-Za-z]+)\d*"/.exec(a);
      const column = ref ? columnOfRef(ref[1] as string) : fields.length + 1;
      if (column < 1 || column > 16_384) continue;
      while (fields.length < column - 1) fields.push('');
      if (column > kinds.length) {
        const grown = new Uint8Array(Math.max(column, kinds.length * 2));
        grown.set(kinds);
        kinds = this.kinds = grown;
      }
      const type = /\bt="(\w+)"/.exec(a)?.[1] ?? 'n';
      const inner = m[2] ?? '';
      const raw = this.value.exec(inner)?.[1];
      let text = '';
      if (type === 'inlineStr') {
        const is = this.inline.exec(inner);
        text = is ? richText(is[1] ?? '') : '';
      } else if (raw === undefined) {
        if (this.formula.test(inner)) this.uncached++;
      } else if (type === 's') {
        text = this.ctx.strings[Number(raw)] ?? '';
      } else if (type === 'str' || type === 'e') {
        text = unescapeOoxml(decodeEntities(raw));
      } else if (type === 'b') {
        text = raw === '1' ? 'true' : 'false';
      } else if (type === 'd') {
        text = raw.slice(0, 10);
      } else {
        const n = Number(raw);
        const style = /\bs="(\d+)"/.exec(a);
        if (!Number.isFinite(n) || raw.trim() === '') text = raw;
        else if (style && this.ctx.dateStyles[Number(style[1])] === true) text = this.days.day(n);
        else {
          text = numberText(n);
          kinds[column - 1] = NUMBER_CELL;
        }
      }
      if (fields.length === column - 1) fields.push(text);
      else fields[column - 1] = text;
    }
    this.ctx.budget.addCells(cells);
    // Trailing cells with nothing in them (a format only) are not part of the row.
    while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
    if (fields.length === 0) {
      this.onRow(fields, line, kinds);
      return;
    }
    if (fields.length > this.width) this.width = fields.length;
    while (fields.length < this.width) fields.push('');
    this.onRow(fields, line, kinds);
  }
}

function notWorkbook(file: string, why: string): FolioError {
  return new FolioError({
    code: 'NOT_A_WORKBOOK',
    file,
    says: says('NOT_A_WORKBOOK', { why }),
  });
}
