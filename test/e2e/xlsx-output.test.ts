import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { folio } from './run-cli.js';

/*
 * The workbook folio writes, read back by exceljs (a reader folio's writer shares no code
 * with) cell by cell: sheet names, values, types, number formats, the frozen header and the
 * filter; and, where LibreOffice is installed, opened by it and saved as CSV as shown on
 * screen. The figures are fixtures/past-month's, worked out by hand in report-sections.test.ts.
 */
const dir = mkdtempSync(join(tmpdir(), 'folio-xlsx-'));
const ARGS = ['report', 'fixtures/past-month', '--period', '2026-10', '--big', '1000'];
const { Number: NUMBER, String: STRING, Date: DATE, Boolean: BOOLEAN, Null: NULL } = ExcelJS.ValueType;

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A cell as [value, type, number format]: a day as its ISO text. */
function cell(ws: ExcelJS.Worksheet, ref: string): [unknown, ExcelJS.ValueType, string | undefined] {
  const c = ws.getCell(ref);
  const value = c.value instanceof Date ? c.value.toISOString().slice(0, 10) : c.value;
  return [value, c.type, c.numFmt];
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

describe('report -o report.xlsx', () => {
  it('writes a workbook with a Russian sheet per section, every cell typed and formatted', async () => {
    const file = join(dir, 'report-ru.xlsx');
    const run = await folio([...ARGS, '-o', file, '--lang', 'ru']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Отчёт',
      'Доли выручки',
      'Портфель',
      'Ключевые по менеджерам',
      'Клиенты за 12 месяцев',
      'Клиентская база',
      'ABC × XYZ',
      'Клиенты по стадиям',
      'Выручка по менеджерам',
      'Заявки',
      'Группы заявок',
      'Заявки по менеджерам',
      'Предупреждения',
      'Входные файлы',
    ]);

    // A record: names down column A, each value typed by its field.
    const head = sheet(wb, 'Отчёт');
    expect(cell(head, 'A1')).toEqual(['Показатель', STRING, undefined]);
    expect(cell(head, 'B1')).toEqual(['Значение', STRING, undefined]);
    expect(cell(head, 'A2')).toEqual(['Период с', STRING, undefined]);
    expect(cell(head, 'B2')).toEqual(['2026-10-01', DATE, 'dd.mm.yyyy']);
    expect(cell(head, 'A6')).toEqual(['На дату', STRING, undefined]);
    expect(cell(head, 'B6')).toEqual(['2026-11-01', DATE, 'dd.mm.yyyy']);
    expect(cell(head, 'B7')).toEqual(['день после периода; другой день задаёт --as-of', STRING, undefined]);

    // A list: the header bold and frozen, a filter over every row, numbers, percentages, Russian classes.
    const share = sheet(wb, 'Доли выручки');
    expect(share.getRow(1).values).toEqual([
      undefined,
      '№',
      'Клиент',
      'Выручка',
      'Доля',
      'Накопленная доля',
      'Класс',
      'Менеджер',
    ]);
    expect(share.getCell('A1').font?.bold).toBe(true);
    expect(share.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(share.autoFilter).toBe('A1:G4');
    expect(['A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2'].map((r) => cell(share, r))).toEqual([
      [1, NUMBER, '#,##0'],
      ['Alpha', STRING, undefined],
      [600, NUMBER, '#,##0.00'],
      [0.6, NUMBER, '0.0%'],
      [0.6, NUMBER, '0.0%'],
      ['золотой', STRING, undefined],
      ['Ann', STRING, undefined],
    ]);
    expect(['C3', 'D3', 'E3', 'F3'].map((r) => cell(share, r)[0])).toEqual([299.75, 0.29975, 0.89975, 'критический']);
    expect(['C4', 'D4', 'F4'].map((r) => cell(share, r)[0])).toEqual([100.25, 0.10025, 'ключевой']);
    // Wide enough for the header and every value, and never past 60.
    const width = (col: string): number => share.getColumn(col).width ?? 0;
    expect(width('E')).toBeGreaterThanOrEqual('Накопленная доля'.length);
    expect(width('B')).toBeGreaterThanOrEqual('Клиент'.length);
    for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) expect(width(col)).toBeLessThanOrEqual(60);

    // Every lead, typed: a day as a date, yes/no as a boolean, no reason as an empty cell.
    const leads = sheet(wb, 'Заявки');
    expect(leads.rowCount).toBe(17);
    expect(['A2', 'B2', 'C2', 'E2', 'F2', 'G2', 'H2', 'I2', 'J2'].map((r) => cell(leads, r))).toEqual([
      [1, NUMBER, '#,##0'],
      ['быстро, много', STRING, undefined],
      ['F12', STRING, undefined],
      [1012, NUMBER, '#,##0.00'],
      ['2026-11-15', DATE, 'dd.mm.yyyy'],
      [14, NUMBER, '#,##0'],
      [false, BOOLEAN, undefined],
      ['Ann', STRING, undefined],
      [null, NULL, undefined],
    ]);
    // Row 15: U3 (after F12…F1 and S1), the unclassified lead with an amount and no date.
    expect(['C15', 'E15', 'F15', 'J15'].map((r) => cell(leads, r)[0])).toEqual(['U3', 5, null, 'нет ожидаемой даты']);
    const groups = sheet(wb, 'Группы заявок');
    expect(['A2', 'B2', 'C2'].map((r) => cell(groups, r))).toEqual([
      ['быстро, много', STRING, undefined],
      [12, NUMBER, '#,##0'],
      [12078, NUMBER, '#,##0.00'],
    ]);
  });

  it('--format xlsx to a pipe writes the same bytes as -o (test/cli/terminal.test.ts: refused to a terminal)', async () => {
    const file = join(dir, 'report-en.xlsx');
    expect((await folio([...ARGS, '-o', file])).code).toBe(0);
    const piped = spawnSync(process.execPath, ['bin/folio.js', ...ARGS, '--format', 'xlsx'], {
      env: { ...process.env, LANG: 'C' },
    });
    expect(piped.status).toBe(0);
    expect(Buffer.compare(piped.stdout, readFileSync(file))).toBe(0);
    // A name and a format that disagree are a usage error, as for the other formats.
    const conflict = await folio([...ARGS, '--format', 'csv', '-o', join(dir, 'x.xlsx')]);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain('whose name says xlsx');
  });

  it('the other commands write workbooks too: share, check', async () => {
    const share = join(dir, 'share.xlsx');
    expect((await folio(['share', 'fixtures/past-month/deals.csv', '--period', '2026-10', '-o', share])).code).toBe(0);
    const wb = await workbook(share);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Revenue share', 'Portfolio', 'Key clients per manager']);
    expect(cell(sheet(wb, 'Portfolio'), 'B7')).toEqual([1, NUMBER, '0.0%']);
    const check = join(dir, 'check.xlsx');
    const run = await folio([
      'check',
      'fixtures/past-month',
      '--period',
      '2026-10',
      '--fail-on',
      'golden',
      '-o',
      check,
    ]);
    expect(run.code).toBe(1);
    const c = await workbook(check);
    expect(c.worksheets.map((w) => w.name)).toEqual(['Findings', 'Check summary', 'Check']);
    expect(cell(sheet(c, 'Findings'), 'B2')).toEqual(['Alpha', STRING, undefined]);
    expect(cell(sheet(c, 'Check'), 'B2')).toEqual(['2026-10-01', DATE, 'yyyy-mm-dd']);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
if (!soffice)
  console.warn('SKIPPED: opening the workbook in LibreOffice needs soffice (apt-get install libreoffice-calc)');

describe('the workbook in LibreOffice', () => {
  it.skipIf(!soffice)(
    `opens, and each sheet saved as CSV shows the values as formatted${soffice ? '' : ' (SKIPPED: no soffice)'}`,
    async () => {
      const file = join(dir, 'lo.xlsx');
      expect((await folio([...ARGS, '-o', file])).code).toBe(0);
      const out = join(dir, 'lo');
      // Every sheet (the last token, -1), UTF-8 (76), cells as shown (the ninth, true).
      const r = spawnSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
          '--outdir',
          out,
          file,
        ],
        { encoding: 'utf8', timeout: 110_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const read = (name: string): string => readFileSync(join(out, `lo-${name}.csv`), 'utf8');
      expect(readdirSync(out)).toHaveLength(14);
      expect(read('Revenue share')).toBe(
        '#,Client,Revenue,Share,Cumulative share,Class,Manager\n' +
          '1,Alpha,600.00,60.0%,60.0%,golden,Ann\n' +
          '2,Beta,299.75,30.0%,90.0%,critical,Bob\n' +
          '3,Gamma,100.25,10.0%,100.0%,key,Ann\n',
      );
      expect(read('Report').split('\n').slice(0, 7)).toEqual([
        'Figure,Value',
        'Period from,2026-10-01',
        'Period to,2026-10-31',
        'Previous period from,2026-09-01',
        'Previous period to,2026-09-30',
        'As of,2026-11-01',
        'As of: taken from,the day after the period; --as-of sets another day',
      ]);
      expect(read('Lead groups')).toBe(
        'Group,Count,Amount\n"fast, big",12,"12,078.00"\n"fast, small",0,0.00\n"slow, big",0,0.00\n"slow, small",1,10.00\nunclassified,3,5.00\n',
      );
    },
    120_000,
  );
});
