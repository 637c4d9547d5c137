import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/schema/results.js';
import type { InputReport } from '../../src/schema/envelope.js';
import { expectAccounted, folio, json } from './run-cli.js';

/**
 * Two overlapping exports of one CRM: January–February and February–March, the February
 * lines (D-104 Acme 2000 won, D-105 Hooli 700 won, D-106 Globex 400 open) repeated whole in
 * both. Worked by hand from the files:
 *   distinct won deals: D-101 Acme 1000, D-102 Globex 500, D-104 Acme 2000, D-105 Hooli 700,
 *   D-107 Initech 1200, D-108 Acme 800, D-109 Umbrella 250;
 *   Acme 3800, Initech 1200, Hooli 700, Globex 500, Umbrella 250; total 6450.
 */
const A = 'fixtures/multi/deals-2026-01-02.csv';
const B = 'fixtures/multi/deals-2026-02-03.csv';

type Input = InputReport;

function addsUp(inputs: Input[]): void {
  for (const i of inputs) expectAccounted(i);
}

const share = async (args: string[]) => {
  const r = await folio(['share', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return { run: r, e: OUTPUT_SCHEMAS.share.parse(json(r)) };
};

const revenue = (e: { result: { clients: { client: string; revenue: number; class: string | null }[] } }) =>
  Object.fromEntries(e.result.clients.map((c) => [c.client, [c.revenue, c.class]]));

describe('several files of one role are one table', () => {
  it('folds the February lines the two exports share', async () => {
    const { run, e } = await share([A, B]);
    expect(e.result.total).toBe(6450);
    // Acme 3800 / 6450 = 58.9% golden; Initech 18.6% and Hooli 10.85% key; Globex 7.8%, Umbrella 3.9%.
    expect(revenue(e)).toEqual({
      'Acme Corp': [3800, 'golden'],
      Initech: [1200, 'key'],
      Hooli: [700, 'key'],
      Globex: [500, 'regular'],
      Umbrella: [250, 'regular'],
    });
    // A: 4 won used, D-103 lost and D-106 open out by status. B: D-104 and D-105 folded,
    // D-106 (open) out by status as in one file, D-107..D-109 used.
    expect(e.inputs.map((i) => [i.file, i.rows, i.used, i.excluded.status, i.folded])).toEqual([
      [A, 6, 4, 2, 0],
      [B, 6, 3, 1, 2],
    ]);
    addsUp(e.inputs);
    expect(e.warnings).toContainEqual({
      code: 'FOLDED_LINES',
      message: `${B}: 2 line(s) repeated whole (same ID, same values) were counted once; 2 of them repeat lines of an earlier file`,
      fields: { file: B, count: 2, across: 2 },
    });
    expect(run.stderr).toContain('2 of them repeat lines of an earlier file');
  });

  it('counts the shared month once in a period: February is 2700, not 5400', async () => {
    const { e } = await share([A, B, '--period', '2026-02']);
    // D-104 Acme 2000 and D-105 Hooli 700: Acme 2000 / 2700 = 74.1% golden, Hooli 25.9% critical.
    expect(e.result.total).toBe(2700);
    expect(revenue(e)).toEqual({ 'Acme Corp': [2000, 'golden'], Hooli: [700, 'critical'] });
    // A: D-101, D-102 outside February. B: the two February lines folded, D-107..D-109 outside.
    expect(e.inputs.map((i) => [i.used, i.excluded.status, i.excluded.period, i.folded])).toEqual([
      [2, 2, 2, 0],
      [0, 1, 3, 2],
    ]);
    addsUp(e.inputs);
  });

  it('with --no-fold counts February twice, and says nothing is folded', async () => {
    const { e } = await share([A, B, '--no-fold']);
    // 6450 + the repeated 2000 + 700.
    expect(e.result.total).toBe(9150);
    expect(e.inputs.map((i) => i.folded)).toEqual([0, 0]);
    addsUp(e.inputs);
  });

  it("checks a later export's totals row against all its won lines, the folded ones included", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-multi-'));
    const b = join(dir, 'b.csv');
    // B's own won lines: 2000 + 700 (both also in A) + 1200 + 800 + 250 = 4950.
    writeFileSync(b, `${readFileSync(B, 'utf8')}Total,,4950.00,,,\n`);
    const { e } = await share([A, b]);
    expect(e.result.total).toBe(6450);
    expect(e.inputs[1]).toMatchObject({ used: 3, folded: 2, totals: 1 });
    expect(e.warnings.find((w) => w.code === 'TOTALS_ROWS')?.message).toContain(
      'their amounts agree with the won rows above them',
    );
    addsUp(e.inputs);
  });

  it('folds in whichever file is read second', async () => {
    const { e } = await share([B, A]);
    expect(e.result.total).toBe(6450);
    expect(e.inputs.map((i) => [i.file, i.used, i.folded])).toEqual([
      [B, 5, 0],
      [A, 2, 2],
    ]);
    addsUp(e.inputs);
  });

  it("takes each file's encoding and delimiter on its own, and folds a repeat across them", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-multi-'));
    const header = 'Deal ID,Company,Amount,Close Date,Stage';
    writeFileSync(
      join(dir, 'a.csv'),
      `${header}\n1,ООО Ромашка,100.50,2026-02-01,Closed Won\n2,Acme,50,2026-02-02,Closed Won\n`,
    );
    // The same first line again, in Windows-1251 with semicolons, and one new deal.
    const b = `${header.replaceAll(',', ';')}\n1;ООО Ромашка;100.50;2026-02-01;Closed Won\n3;АО Вектор;25;2026-03-01;Closed Won\n`;
    writeFileSync(join(dir, 'b.csv'), cp1251(b));
    const { e } = await share([join(dir, 'a.csv'), join(dir, 'b.csv')]);
    expect(e.inputs.map((i) => [i.encoding, i.delimiter, i.used, i.folded])).toEqual([
      ['utf-8', ',', 2, 0],
      ['windows-1251', ';', 1, 1],
    ]);
    // 100.50 + 50 + 25, the repeated 100.50 once.
    expect(e.result.total).toBe(175.5);
  });

  it('folds a line repeated under the same headers in another column order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-multi-'));
    writeFileSync(join(dir, 'a.csv'), 'Deal ID,Company,Amount\nD1,Acme,100\nD2,Globex,40\n');
    writeFileSync(join(dir, 'b.csv'), 'amount,company,deal_id\n100,Acme,D1\n60,Hooli,D3\n');
    const { e } = await share([join(dir, 'a.csv'), join(dir, 'b.csv')]);
    // Acme 100 once, Globex 40, Hooli 60.
    expect(e.result.total).toBe(200);
    expect(e.inputs.map((i) => i.folded)).toEqual([0, 1]);
  });

  it('allows headers spelled otherwise when they give the same fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-multi-'));
    writeFileSync(join(dir, 'en.csv'), 'Client,Amount,Close Date\nAcme,100,2026-01-05\n');
    writeFileSync(join(dir, 'ru.csv'), 'Клиент;Сумма;Дата закрытия\nООО Север;1 000,50;05.02.2026\n');
    const { e } = await share([join(dir, 'en.csv'), join(dir, 'ru.csv')]);
    // 100 + 1000.50, each file's numbers and dates read under its own conventions.
    expect(e.result.total).toBe(1100.5);
  });

  it('refuses a file whose columns give other fields, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-multi-'));
    writeFileSync(join(dir, 'deals-a.csv'), 'Client,Amount,Date,Stage\nAcme,100,2026-01-10,Won\n');
    writeFileSync(join(dir, 'deals-b.csv'), 'Client,Amount,Date\nGlobex,50,2026-01-11\n');
    const r = await folio(['share', join(dir, 'deals-a.csv'), join(dir, 'deals-b.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'deals-b.csv')}:1: this file has no column for status, which ${join(dir, 'deals-a.csv')} has`,
    );
    expect(r.stderr).toContain('hint: export the files with the same columns');
    // In a folder, the same file is named the same way.
    const folder = await folio(['report', dir, '--period', '2026-01', '--as-of', '2026-02-01']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`${join(dir, 'deals-b.csv')}:1: this file has no column for status`);
  });

  it('stops at a deal whose amount changed between the exports, naming both places', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-multi-'));
    const b = join(dir, 'b.csv');
    writeFileSync(b, readFileSync(B, 'utf8').replace('D-104,Acme Corp,2000.00', 'D-104,Acme Corp,2100.00'));
    const r = await folio(['share', A, b]);
    expect(r.code).toBe(2);
    // D-104 is line 5 of A and line 2 of the changed copy of B.
    expect(r.stderr).toContain(
      `${b}:2:3: Amount "2100.00": deal D-104 appears again with a different amount (first on line 5 of ${A})`,
    );
  });

  it('reads standard input once at most, and each file once', async () => {
    const twice = await folio(['share', '-', '-'], { input: 'client,amount\nAcme,1\n' });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('- (standard input) is named more than once');
    const same = await folio(['share', A, `./${A}`]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain(`./${A} is named twice`);
    // B on standard input, then A: the total is the two files' 6450, the repeats folded in A.
    const mixed = await folio(['share', '-', A, '--json'], { input: readFileSync(B) });
    expect(mixed.code, mixed.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.share.parse(json(mixed));
    expect(e.inputs.map((i) => [i.file, i.folded])).toEqual([
      ['<stdin>', 0],
      [A, 2],
    ]);
    expect(e.result.total).toBe(6450);
  });
});

describe('report and check over several files per role', () => {
  const args = ['fixtures/multi', '--period', '2026-03', '--as-of', '2026-03-31'];

  it("combines the folder's files per role and lists them", async () => {
    const r = await folio(['report', ...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.report.parse(json(r));
    expect(e.result.files).toEqual([
      'activities: fixtures/multi/activities-2026-02.csv (recognised by its name and columns)',
      'activities: fixtures/multi/activities-2026-03.csv (recognised by its name and columns)',
      'deals: fixtures/multi/deals-2026-01-02.csv (recognised by its name and columns)',
      'deals: fixtures/multi/deals-2026-02-03.csv (recognised by its name and columns)',
    ]);
    // March: D-107 Initech 1200, D-108 Acme 800, D-109 Umbrella 250.
    expect(e.result.share?.total).toBe(2250);
    // Key clients over the 12 months (6450): Acme, Initech, Hooli. The log is one: Hooli's last
    // positive contact is in the February file, Acme's and Initech's in the March one.
    expect(e.result.cadence?.agenda.map((a) => [a.client, a.lastPositive, a.status])).toEqual([
      ['Hooli', '2026-02-20', 'overdue'],
      ['Acme Corp', '2026-03-25', 'ok'],
      ['Initech', '2026-03-26', 'ok'],
    ]);
    expect(e.inputs.map((i) => [i.file, i.role, i.used, i.folded])).toEqual([
      ['fixtures/multi/deals-2026-01-02.csv', 'deals', 0, 0],
      ['fixtures/multi/deals-2026-02-03.csv', 'deals', 3, 2],
      ['fixtures/multi/activities-2026-02.csv', 'activities', 2, 0],
      ['fixtures/multi/activities-2026-03.csv', 'activities', 2, 0],
    ]);
    addsUp(e.inputs);
  });

  it("lists the files it took in the table's Inputs section, in English and Russian", async () => {
    const en = await folio(['report', ...args]);
    expect(en.stdout).toMatch(
      /Inputs\n {2}activities: fixtures\/multi\/activities-2026-02\.csv[^\n]*\n {2}activities: fixtures\/multi\/activities-2026-03\.csv[^\n]*\n {2}deals: fixtures\/multi\/deals-2026-01-02\.csv[^\n]*\n {2}deals: fixtures\/multi\/deals-2026-02-03\.csv/,
    );
    const ru = await folio(['report', ...args, '--lang', 'ru']);
    expect(ru.stdout).toMatch(
      /Исходные файлы\n {2}активности: fixtures\/multi\/activities-2026-02\.csv \(узнан по имени и колонкам\)\n(?: {2}[^\n]*\n){2} {2}сделки: fixtures\/multi\/deals-2026-02-03\.csv/,
    );
  });

  it('takes --deals and --activities more than once', async () => {
    const r = await folio([
      'check',
      '--deals',
      A,
      '--deals',
      B,
      '--activities',
      'fixtures/multi/activities-2026-02.csv',
      '--activities',
      'fixtures/multi/activities-2026-03.csv',
      '--period',
      '2026-Q1',
      '--as-of',
      '2026-03-31',
      '--fail-on',
      'golden',
      '--json',
    ]);
    // Acme 3800 of 6450 in the quarter: golden, so the gate fails.
    expect(r.code, r.stderr).toBe(1);
    const e = OUTPUT_SCHEMAS.check.parse(json(r));
    expect(e.inputs.map((i) => i.file)).toEqual([
      A,
      B,
      'fixtures/multi/activities-2026-02.csv',
      'fixtures/multi/activities-2026-03.csv',
    ]);
    expect(e.result.summary.find((s) => s.rule === 'golden')?.count).toBe(1);
    addsUp(e.inputs);
  });

  it('says how to name several files when a glob after --deals spills into the folder argument', async () => {
    // The shell turns `--deals deals-2026-0*.csv` into `--deals A B`: B lands where the folder goes.
    const r = await folio(['report', '--deals', A, B, '--period', '2026-02', '--as-of', '2026-03-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`folio: ${B}: is not a folder`);
    expect(r.stderr).toContain(
      'once per file: --deals a.csv --deals b.csv; a glob after --deals names only its first file',
    );
  });

  it('a named role takes no file of the folder', async () => {
    const r = await folio([
      'report',
      'fixtures/multi',
      '--deals',
      A,
      '--period',
      '2026-02',
      '--as-of',
      '2026-03-31',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.report.parse(json(r));
    expect(e.inputs.filter((i) => i.role === 'deals').map((i) => i.file)).toEqual([A]);
  });
});

describe('other commands over several files', () => {
  it('leads: two halves of an export rank as the whole', async () => {
    const [header, ...rows] = readFileSync('fixtures/leads-en-hubspot.csv', 'utf8').trimEnd().split('\n');
    const dir = mkdtempSync(join(tmpdir(), 'folio-multi-'));
    const half = Math.ceil(rows.length / 2);
    writeFileSync(join(dir, 'a.csv'), [header, ...rows.slice(0, half)].join('\n') + '\n');
    writeFileSync(join(dir, 'b.csv'), [header, ...rows.slice(half)].join('\n') + '\n');
    const whole = json<{ result: unknown }>(
      await folio(['leads', 'fixtures/leads-en-hubspot.csv', '--as-of', '2026-11-01', '--json']),
    );
    const split = await folio(['leads', join(dir, 'a.csv'), join(dir, 'b.csv'), '--as-of', '2026-11-01', '--json']);
    expect(split.code, split.stderr).toBe(0);
    const e = json<{ result: unknown; inputs: Input[] }>(split);
    expect(e.result).toEqual(whole.result);
    expect(e.inputs).toHaveLength(2);
    addsUp(e.inputs);
  });

  it('matrix: two clients files are one list, a client repeated across them keeps its first row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-multi-'));
    writeFileSync(join(dir, 'a.csv'), 'Client,Want,Can\nAcme,yes,yes\nGlobex,no,yes\n');
    writeFileSync(join(dir, 'b.csv'), 'Client,Want,Can\nAcme,no,no\nHooli,yes,no\n');
    const r = await folio(['matrix', join(dir, 'a.csv'), join(dir, 'b.csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = json<{ result: { clients: { client: string; quadrant: string }[] }; inputs: Input[] }>(r);
    expect(e.result.clients.map((c) => [c.client, c.quadrant])).toEqual([
      ['Acme', 'want_can'],
      ['Hooli', 'want_only'],
      ['Globex', 'can_only'],
    ]);
    expect(e.inputs.map((i) => [i.used, i.excluded.duplicate])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    addsUp(e.inputs);
  });

  it('cadence: two logs are one log', async () => {
    const r = await folio([
      'cadence',
      'fixtures/multi/activities-2026-02.csv',
      'fixtures/multi/activities-2026-03.csv',
      '--deals',
      A,
      '--deals',
      B,
      '--as-of',
      '2026-03-31',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.cadence.parse(json(r));
    expect(e.result.agenda.map((a) => [a.client, a.lastPositive])).toEqual([
      ['Hooli', '2026-02-20'],
      ['Acme Corp', '2026-03-25'],
      ['Initech', '2026-03-26'],
    ]);
    expect(e.inputs).toHaveLength(4);
    addsUp(e.inputs);
  });

  it('inspect reads each of the overlapping exports', async () => {
    for (const [file, role] of [
      [A, 'deals'],
      [B, 'deals'],
      ['fixtures/multi/activities-2026-03.csv', 'activities'],
    ] as const) {
      const r = await folio(['inspect', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const e = json<{ result: { role: string; rows: number; missing: unknown[] } }>(r);
      expect(e.result.role).toBe(role);
      expect(e.result.missing).toEqual([]);
    }
  });
});

/** Windows-1251 bytes of a text of ASCII and Russian letters (the test's own encoder). */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x401) return 0xa8;
      if (c === 0x451) return 0xb8;
      throw new Error(`no Windows-1251 byte for ${ch}`);
    }),
  );
}
