import { says } from '../codes/error-fields.js';
import { FolioError } from '../folio-error.js';
import type { DataColumn, DataTable, MachineRow, ValueType } from './document.js';

/** A file of the workbook's archive, as the text pieces it is made of. */
export interface WorkbookPart {
  path: string;
  chunks: Iterable<string>;
}

export interface WorkbookOptions {
  /** A record's sheet lists name and value down two columns under these headers. */
  recordHeader: [string, string];
  /** Excel's format code for a day: `yyyy-mm-dd`, `dd.mm.yyyy`. */
  dateFormat: string;
}

/** Rows an Excel sheet holds below its header row (1,048,576 rows in all). */
export const SHEET_ROWS = 1_048_575;
/** Characters an Excel cell holds. */
const CELL_CHARS = 32_767;
/** Widths, in characters of the default font: no column narrower or wider. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Row XML is gathered into pieces of about this many characters. */
const PIECE = 1 << 16;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The cell styles of styles.xml, by index: what each type of value is shown as. */
const STYLE = { text: 0, header: 1, integer: 2, decimal: 3, share: 4, date: 5 } as const;

function stylesXml(dateFormat: string): string {
  const xf = (numFmtId: number, fontId = 0): string =>
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId > 0 ? ' applyNumberFormat="1"' : ''}${fontId > 0 ? ' applyFont="1"' : ''}/>`;
  const font = (bold: boolean): string =>
    `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  // 3 and 4 are Excel's built-in `#,##0` and `#,##0.00`; 164 and 165 are folio's.
  return `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="${escapeXml(dateFormat)}"/></numFmts><fonts count="2">${font(false)}${font(true)}</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6">${xf(0)}${xf(0, 1)}${xf(3)}${xf(4)}${xf(164)}${xf(165)}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

/** XML 1.0 forbids most control characters; Excel writes them as `_xHHHH_`, and so reads an `_x…_` of the text unless its underscore is written that way too. */
// eslint-disable-next-line no-control-regex -- the control characters are what is escaped.
const UNWRITABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** What makes a text need any of the escapes below: most cells need none. */
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for.
const NEEDS_ESCAPE = /[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]|_x/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    .replace(UNWRITABLE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(LONE_SURROGATE, '\ufffd');
}

/** `A`, `B`, … `Z`, `AA`: a column's letters from its 0-based index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A day `yyyy-mm-dd` as Excel's serial number (days since 1899-12-30), or null for other text. */
export function excelDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25_569;
}

/** A list's days fall on a few hundred dates: each is read once. */
const serials = new Map<string, number | null>();
function serialOf(iso: string): number | null {
  let serial = serials.get(iso);
  if (serial === undefined) {
    serial = excelDay(iso);
    if (serials.size < 100_000) serials.set(iso, serial);
  }
  return serial;
}

const textCell = (ref: string, text: string, style: number): string => {
  const kept = text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS - 1)}…` : text;
  const space = /^\s|\s$/.test(kept) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style > 0 ? ` s="${style}"` : ''} t="inlineStr"><is><t${space}>${escapeXml(kept)}</t></is></c>`;
};

/**
 * One cell as the column's type says, and the characters it takes on screen (for the width).
 * A value that does not fit the type (text in a number column) is written as text, never lost.
 */
function cell(ref: string, value: string | number | boolean | null, type: ValueType): [string, number] {
  if (value === null) return ['', 0];
  if (typeof value === 'boolean') return [`<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`, 5];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return ['', 0];
    const style = type === 'share' ? STYLE.share : type === 'integer' ? STYLE.integer : STYLE.decimal;
    const digits = String(Math.trunc(Math.abs(value))).length;
    const shown = type === 'share' ? digits + 5 : digits + Math.floor((digits - 1) / 3) + (type === 'integer' ? 1 : 4);
    return [`<c r="${ref}" s="${style}"><v>${value}</v></c>`, shown];
  }
  if (type === 'date') {
    const serial = serialOf(value);
    if (serial !== null) return [`<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`, 10];
  }
  return [textCell(ref, value, STYLE.text), Math.min(value.length, MAX_WIDTH)];
}

/** Pieces of about `PIECE` characters, gathered as the rows are written. */
class Pieces {
  readonly list: string[] = [];
  private current = '';

  add(text: string): void {
    this.current += text;
    if (this.current.length >= PIECE) {
      this.list.push(this.current);
      this.current = '';
    }
  }

  end(): string[] {
    if (this.current !== '') this.list.push(this.current);
    this.current = '';
    return this.list;
  }
}

interface Sheet {
  name: string;
  xml: Iterable<string>;
  /** `$A$1:$G$120`: the header and every row, for the autofilter. */
  range: string;
}

/**
 * A worksheet of `rows` (XML of each row, the header first): the header frozen, an autofilter
 * over every row, the columns as wide as their longest value. The rows come before the sheet
 * is put together, because the widths come first in its XML.
 */
function worksheet(name: string, widths: number[], rows: number, body: string[]): Sheet {
  const lastColumn = columnLetters(Math.max(widths.length - 1, 0));
  const cols = widths
    .map(
      (w, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${Math.min(Math.max(w, MIN_WIDTH), MAX_WIDTH)}" customWidth="1"/>`,
    )
    .join('');
  const head = `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:${lastColumn}${rows}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
  const tail = `</sheetData><autoFilter ref="A1:${lastColumn}${rows}"/></worksheet>`;
  return { name, xml: [head, ...body, tail], range: `$A$1:$${lastColumn}$${rows}` };
}

/** A list: a bold header row of the column names, then a row per item, each cell typed by its column. */
function listSheet(name: string, table: DataTable): Sheet {
  const { columns } = table;
  const letters = columns.map((_, i) => columnLetters(i));
  // The header's width, with room for the filter's button.
  const widths = columns.map((c) => Math.ceil(c.label.length * 1.1) + 3);
  const body = new Pieces();
  body.add(`<row r="1">${columns.map((c, i) => textCell(`${letters[i]}1`, c.label, STYLE.header)).join('')}</row>`);
  let r = 1;
  for (const row of table.rows) {
    r++;
    if (r - 1 > SHEET_ROWS) throw tooLong(table.section, table.rows, r - 1);
    let xml = `<row r="${r}">`;
    columns.forEach((c: DataColumn, i) => {
      const [text, width] = cell(`${letters[i]}${r}`, row[c.key] ?? null, c.type);
      xml += text;
      widths[i] = Math.max(widths[i] as number, width + 2);
    });
    body.add(`${xml}</row>`);
  }
  return worksheet(name, widths, r, body.end());
}

/** Counts the rest of a list past the sheet's limit, for the error. */
function tooLong(section: string, rest: Iterable<MachineRow>, seen: number): FolioError {
  let total = seen;
  for (const _row of rest) total++;
  return new FolioError({
    code: 'USAGE',
    says: says('SHEET_TOO_LONG', { section, rows: total, limit: SHEET_ROWS }),
  });
}

/**
 * A record (one row) as two columns: each field's name, and its value typed by its column
 * (the value column mixes types, each cell its own).
 */
function recordSheet(name: string, table: DataTable, header: [string, string]): Sheet {
  const [row] = table.rows;
  const widths = [header[0].length + 3, header[1].length + 3];
  const body = new Pieces();
  body.add(`<row r="1">${textCell('A1', header[0], STYLE.header)}${textCell('B1', header[1], STYLE.header)}</row>`);
  table.columns.forEach((c, i) => {
    const r = i + 2;
    const [value, width] = cell(`B${r}`, row?.[c.key] ?? null, c.type);
    widths[0] = Math.max(widths[0] as number, c.label.length + 2);
    widths[1] = Math.max(widths[1] as number, width + 2);
    body.add(`<row r="${r}">${textCell(`A${r}`, c.label, STYLE.text)}${value}</row>`);
  });
  return worksheet(name, widths, table.columns.length + 1, body.end());
}

/**
 * A sheet's name as Excel allows it: at most 31 characters, none of `[]:*?/\`, no apostrophe
 * at either end, and unlike every other name of the workbook (case aside).
 */
export function sheetName(title: string, taken: Set<string>): string {
  const clean =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  let name = clean.slice(0, 31).trim();
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${clean.slice(0, 31 - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The parts of an .xlsx workbook (SpreadsheetML) with a sheet per table, in order: the
 * content types, the package and workbook relations, the workbook with its sheets and their
 * filter ranges, the styles, and the sheets. Strings are written inline in their cells.
 */
export function workbookParts(tables: readonly DataTable[], o: WorkbookOptions): WorkbookPart[] {
  const taken = new Set<string>();
  const sheets = tables.map((t) => {
    const name = sheetName(t.title, taken);
    return t.record ? recordSheet(name, t, o.recordHeader) : listSheet(name, t);
  });
  const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'`;
  const workbook = `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets><definedNames>${sheets
    .map(
      (s, i) =>
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${quoted(s.name)}!${s.range}`)}</definedName>`,
    )
    .join('')}</definedNames></workbook>`;
  const rels = `${HEAD}<Relationships xmlns="${PKG_REL}">${sheets
    .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  const types = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('')}</Types>`;
  const root = `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return [
    { path: '[Content_Types].xml', chunks: [types] },
    { path: '_rels/.rels', chunks: [root] },
    { path: 'xl/workbook.xml', chunks: [workbook] },
    { path: 'xl/_rels/workbook.xml.rels', chunks: [rels] },
    { path: 'xl/styles.xml', chunks: [stylesXml(o.dateFormat)] },
    ...sheets.map((s, i) => ({ path: `xl/worksheets/sheet${i + 1}.xml`, chunks: s.xml })),
  ];
}
