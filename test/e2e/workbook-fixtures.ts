import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { parquetWriteFile } from 'hyparquet-writer';

/**
 * Workbooks and Parquet files the tests write for themselves: exceljs and hyparquet-writer
 * (other code than folio's readers) for the ordinary files, a small zip writer for the ones
 * no library would write (a zip bomb, a size that lies, a workbook never calculated).
 */

/** The Russian deals workbook: a title row above the header, typed and text cells, two sheets. */
export async function writeDealsWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Сделки');
  ws.addRow(['Отчёт по сделкам за октябрь 2026']);
  ws.addRow([]);
  ws.addRow(['Клиент', 'Сумма', 'Дата закрытия', 'Стадия', 'Ответственный']);
  const day = (d: number): Date => new Date(Date.UTC(2026, 9, d));
  ws.addRow(['ООО Ромашка', 1234.5, day(5), 'Успешно', 'Иванов']);
  ws.addRow(['Лютик', 0.1 + 0.2, day(6), 'Успешно', 'Петров']);
  ws.addRow(['ООО Ромашка', '1 000,50', '07.10.2026', 'Успешно', 'Иванов']);
  ws.addRow(['Василёк', { formula: 'B4*2', result: 2469 }, day(8), 'Успешно', 'Петров']);
  ws.addRow(['Василёк', 1.234, day(9), 'Успешно', 'Петров']);
  ws.addRow(['Лютик', 5000, day(10), 'Проиграна', 'Петров']);
  ws.addRow(['Итого', 4705.534, null, null, null]);
  ws.getColumn(3).numFmt = 'dd.mm.yyyy';
  const other = wb.addWorksheet('Прочее');
  other.addRow(['client', 'amount', 'date']);
  other.addRow(['Acme', 10, new Date(Date.UTC(2026, 9, 1))]);
  other.addRow(['Globex', 30, new Date(Date.UTC(2026, 9, 2))]);
  await wb.xlsx.writeFile(path);
}

/** A cover sheet with no cells, a notes sheet of one cell, then the deals: what a sheet of data often sits behind. */
export async function writeCoveredWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Cover');
  wb.addWorksheet('Notes').addRow(['Exported from the CRM on 2026-11-01']);
  const data = wb.addWorksheet('Data');
  data.addRow(['client', 'amount', 'date']);
  data.addRow(['Acme', 100.5, new Date(Date.UTC(2026, 9, 1))]);
  data.addRow(['Globex', 1500, new Date(Date.UTC(2026, 9, 2))]);
  await wb.xlsx.writeFile(path);
}

/** A workbook with a bad amount in row 5, column B. */
export async function writeBadWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sales');
  ws.addRow(['Sales report']);
  ws.addRow(['client', 'amount', 'close date']);
  ws.addRow(['Acme', 100, new Date(Date.UTC(2026, 9, 1))]);
  ws.addRow(['Globex', 200, new Date(Date.UTC(2026, 9, 2))]);
  ws.addRow(['Initech', '12,x', new Date(Date.UTC(2026, 9, 3))]);
  ws.getColumn(3).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(path);
}

/** A wide generated deals workbook of `rows` rows (the benchmark's shape: id, client, amount, status, manager, date). */
export async function writeLargeWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('deals');
  ws.addRow(['id', 'client', 'amount', 'status', 'manager', 'close_date']).commit();
  for (let i = 1; i <= rows; i++) {
    ws.addRow([
      i,
      `Client ${i % 97}`,
      (i % 1000) + 0.25,
      'Won',
      `Manager ${i % 5}`,
      new Date(Date.UTC(2026, i % 12, 1 + (i % 28))),
    ]).commit();
  }
  ws.getColumn(6).numFmt = 'yyyy-mm-dd';
  ws.commit();
  await wb.commit();
}

/** Revenue per client and month, as a warehouse writes it: a string, a DATE and a DOUBLE column. */
export function writeRevenueParquet(path: string): void {
  const month = (m: number): Date => new Date(Date.UTC(2026, m - 1, 1));
  parquetWriteFile({
    filename: path,
    columnData: [
      { name: 'client', data: ['ООО Ромашка', 'ООО Ромашка', 'Лютик', 'Василёк', 'Лютик'] },
      { name: 'month', data: [month(9), month(10), month(10), month(10), month(11)] },
      { name: 'revenue', data: [1000.25, 0.1 + 0.2, 2500, 499.7, 100] },
    ],
    schema: [
      { name: 'root', num_children: 3 },
      { name: 'client', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'month', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
      { name: 'revenue', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
    ],
  });
}

/** The same kind of aggregate with INT64 amounts and TIMESTAMP periods (Spark's defaults for counts and times). */
export function writeIntegerParquet(path: string): void {
  parquetWriteFile({
    filename: path,
    columnData: [
      { name: 'customer', data: ['Acme', 'Globex', 'Acme'], type: 'STRING' },
      {
        name: 'period',
        data: [new Date(Date.UTC(2026, 9, 1, 23, 30)), new Date(Date.UTC(2026, 9, 1)), new Date(Date.UTC(2026, 10, 1))],
        type: 'TIMESTAMP',
      },
      { name: 'amount', data: [9_007_199_254_740n, 3n, 5n], type: 'INT64' },
    ],
  });
}

export interface ZipEntry {
  name: string;
  data: string | Buffer;
  /** A size to declare instead of the true one (what a hostile archive does). */
  declaredSize?: number;
}

/** A zip archive, every entry deflated: enough of the format for the workbooks below. */
export function writeZip(path: string, entries: ZipEntry[]): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const packed = deflateRawSync(raw);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, directory, end]));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A minimal workbook by hand: one sheet `Data` whose sheetData is `rows` (XML), the `x:`
 * prefix that .NET writers use when `prefixed`, style 1 a date (built-in format 14).
 */
export function handWorkbook(
  path: string,
  rows: string,
  options: {
    date1904?: boolean;
    prefixed?: boolean;
    strings?: string[];
    sheetSize?: number;
    padding?: number;
    externalLink?: boolean;
  } = {},
): void {
  const p = options.prefixed ? 'x:' : '';
  const ns = options.prefixed ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const pad = ' '.repeat(options.padding ?? 0);
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}><${p}sheetData>${pad}${rows}</${p}sheetData></${p}worksheet>`;
  const strings = options.strings ?? [];
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><${p}workbook ${ns} xmlns:r="${REL}"><${p}workbookPr${options.date1904 ? ' date1904="1"' : ''}/><${p}sheets><${p}sheet name="Data" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${options.externalLink ? `<Relationship Id="rId4" Type="${REL}/externalLink" Target="file:///etc/passwd" TargetMode="External"/>` : ''}</Relationships>`,
    },
    // The sheet comes before the string table, as Excel writes them.
    {
      name: 'xl/worksheets/sheet1.xml',
      data: sheet,
      ...(options.sheetSize !== undefined ? { declaredSize: options.sheetSize } : {}),
    },
    {
      name: 'xl/styles.xml',
      data: `<?xml version="1.0"?><${p}styleSheet ${ns}><${p}cellXfs count="2"><${p}xf numFmtId="0"/><${p}xf numFmtId="14" applyNumberFormat="1"/></${p}cellXfs></${p}styleSheet>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0"?><${p}sst ${ns} count="${strings.length}">${strings.map((s) => `<${p}si><${p}t>${s}</${p}t></${p}si>`).join('')}</${p}sst>`,
    },
  ];
  writeZip(path, entries);
}

/** Text in Windows-1251, as a Russian Bitrix24 portal on an old setting writes its exports. */
export function windows1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  return Buffer.from([...text].map((ch) => byChar.get(ch) ?? 63));
}

/**
 * A 1C-like sales report: a title block that prints the period, a header over two lines
 * (`Менеджер` and `Контрагент` merged down both, `Продажи` merged over `Количество` and
 * `Сумма`), a subtotal row per manager (the manager's cell filled, the client's empty) above
 * its clients (the manager's cell empty), `Итого`, and a footer line. No date column.
 */
export const SALES_REPORT_ROWS: (string | number | null)[][] = [
  ['Продажи за период с 01.10.24 по 30.11.24'],
  ['Отбор: Организация Равно "ООО Торговый дом"'],
  [],
  ['Менеджер', 'Контрагент', 'Продажи', null],
  [null, null, 'Количество', 'Сумма'],
  ['Иванов', null, 12, 30000],
  [null, 'ООО Ромашка', 5, 20000],
  [null, 'ООО Лютик', 7, 10000],
  ['Петров', null, 9, 17500],
  [null, 'ООО Василёк', 4, 12500],
  [null, 'ИП Одуванчик', 5, 5000],
  ['Итого', null, 21, 47500],
  [],
  ['Сформирован: 01.12.2024 10:15'],
];
/** The merged ranges of the report, 1-based rows and columns as Excel names them: A1:D1, A4:A5, B4:B5, C4:D4. */
export const SALES_REPORT_MERGES = ['A1:D1', 'A4:A5', 'B4:B5', 'C4:D4'];

export async function writeSalesReportWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Продажи');
  SALES_REPORT_ROWS.forEach((row, i) => {
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(i + 1, c + 1).value = v;
    });
  });
  for (const range of SALES_REPORT_MERGES) ws.mergeCells(range);
  await wb.xlsx.writeFile(path);
}
