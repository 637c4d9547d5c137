import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envelopeSchema, shareResultSchema, type InputReport } from '../../src/schema/envelope.js';
import { folio, json } from './run-cli.js';

const shareEnvelope = envelopeSchema('share', shareResultSchema);
type ShareEnvelope = ReturnType<typeof shareEnvelope.parse>;

async function share(args: string[], input?: string | Buffer): Promise<ShareEnvelope> {
  const run = await folio(['share', ...args, '--json'], input === undefined ? {} : { input });
  expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  expect(run.code).toBe(0);
  return shareEnvelope.parse(json(run));
}

const byClient = (e: ShareEnvelope) => Object.fromEntries(e.result.clients.map((c) => [c.client, c]));

describe('folio share (e2e)', () => {
  it('reads a Windows-1251 amoCRM export with ;, NBSP groups, decimal commas and dd.mm.yyyy with no flags', async () => {
    const e = await share(['fixtures/deals-ru-amocrm-1251.csv']);
    expect(e.inputs[0]).toMatchObject({
      encoding: 'windows-1251',
      delimiter: ';',
      rows: 6,
      used: 4,
      excluded: { status: 2, period: 0, currency: 0 },
      folded: 0,
      skipped: 0,
    });
    expect(e.inputs[0]?.columns).toMatchObject({
      client: 'Компания',
      amount: 'Бюджет',
      date: 'Дата закрытия',
      status: 'Этап сделки',
    });
    // Worked by hand: Вектор 3 500 000; «Ромашка» 1 250 000,50 + 250 000 (two spellings, one client); Сидоров 499 999,50.
    expect(e.result.total).toBe(5_500_000);
    const c = byClient(e);
    expect(c['АО Вектор']).toMatchObject({ revenue: 3_500_000, class: 'golden', rank: 1 });
    expect(c['ООО «Ромашка»']).toMatchObject({ revenue: 1_500_000.5, class: 'critical', rank: 2 });
    expect(c['ИП Сидоров']).toMatchObject({ revenue: 499_999.5, class: 'regular', rank: 3 });
    expect(c['АО Вектор']?.share).toBeCloseTo(3_500_000 / 5_500_000, 12);
    expect(e.result.portfolio).toMatchObject({ clients: 3, keyClients: 2, band: 'mono' });
    expect(e.result.portfolio.keyShare).toBeCloseTo(5_000_000.5 / 5_500_000, 12);
    expect(e.warnings.map((w) => w.code)).toContain('COLUMN_CHOICE');
  });

  it('filters a period: September 2026 leaves only «Ромашка»', async () => {
    const e = await share(['fixtures/deals-ru-amocrm-1251.csv', '--period', '2026-09']);
    expect(e.period).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(e.result.clients.map((c) => [c.client, c.revenue, c.class])).toEqual([
      ['ООО «Ромашка»', 1_500_000.5, 'golden'],
    ]);
    expect(e.inputs[0]).toMatchObject({ used: 2, excluded: { status: 2, period: 2 } });
  });

  it('reads a Bitrix24 export: BOM, quotes, trailing ;, product rows, a repeated line', async () => {
    const e = await share(['fixtures/deals-bitrix24-products.csv']);
    expect(e.inputs[0]).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      rows: 7,
      used: 5,
      folded: 1,
      excluded: { status: 1 },
    });
    // By hand: Альфа 500,50×10 + 999,90×10 + 1000×1 = 16 004; Бета 500×15 = 7 500 (its repeated line once);
    // Дельта 2 500,50. Summing the deal column «Сумма» instead would give 15 004 twice for deal 10.
    const c = byClient(e);
    expect(c['ООО Альфа']?.revenue).toBe(16_004);
    expect(c['ООО Бета']?.revenue).toBe(7_500);
    expect(c['ООО "Дельта"']?.revenue).toBe(2_500.5);
    expect(e.result.total).toBe(26_004.5);
    expect(e.result.currency).toBe('RUB');
    expect(e.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['FOLDED_LINES', 'REPEATED_IDS']));
    // Which column counted is said: 5 product rows counted (the repeated line is folded first);
    // «Сумма» differs from price × quantity on deal 10's two rows (15 004 vs 5 005 and 9 999).
    expect(e.warnings.find((w) => w.code === 'PRODUCT_ROW_AMOUNTS')?.message).toContain(
      '5 product row(s) count price × quantity ("Цена" × "Количество"); on 2 of them "Сумма" holds another sum',
    );
  });

  it('reads an English HubSpot export with quoted thousands and a refund', async () => {
    const e = await share(['fixtures/deals-en-hubspot.csv']);
    // By hand: Acme 12 500 + 7 499.75 + 500 = 20 499.75; Initech 1 500.25 + 3 000; Globex 4 000.50 − 500.50; Hooli 2 000.
    expect(e.result.clients.map((c) => [c.client, c.revenue, c.class])).toEqual([
      ['Acme Corp', 20_499.75, 'golden'],
      ['Initech', 4_500.25, 'key'],
      ['Globex', 3_500, 'key'],
      ['Hooli', 2_000, 'regular'],
    ]);
    expect(e.result.total).toBe(30_500);
    // HHI from the shares in percent, squared and summed.
    const hhi = [20_499.75, 4_500.25, 3_500, 2_000].reduce((s, r) => s + ((r / 30_500) * 100) ** 2, 0);
    expect(e.result.portfolio.hhi).toBeCloseTo(hhi, 1);
    expect(e.result.managers[0]).toMatchObject({ manager: 'Olga Petrova', keyClients: 2 });
  });

  it('reads standard input with -', async () => {
    const e = await share(['-'], readFileSync('fixtures/deals-en-hubspot.csv'));
    expect(e.inputs[0]?.file).toBe('<stdin>');
    expect(e.result.total).toBe(30_500);
  });

  it('accounts for every row: used + excluded + folded + skipped = rows', async () => {
    for (const f of ['deals-ru-amocrm-1251.csv', 'deals-bitrix24-products.csv', 'deals-en-hubspot.csv']) {
      for (const extra of [[], ['--period', '2026-Q3']]) {
        const input = (await share([`fixtures/${f}`, ...extra])).inputs[0];
        if (!input) throw new Error('no input');
        const excluded = Object.values(input.excluded).reduce((a, b) => a + b, 0);
        expect(input.used + excluded + input.folded + input.skipped, f).toBe(input.rows);
      }
    }
  });

  it('keeps a client at exactly 10% out of the key class', async () => {
    const c = byClient(await share(['fixtures/deals-exact-ten-percent.csv']));
    expect(c.Ten).toMatchObject({ share: 0.1, class: 'regular' });
  });

  it('prints the same bytes on every run', async () => {
    const a = (await folio(['share', 'fixtures/deals-en-hubspot.csv', '--json'])).stdout;
    const b = (await folio(['share', 'fixtures/deals-en-hubspot.csv', '--json'])).stdout;
    expect(a).toBe(b);
  });
});

describe('folio share on more export styles (e2e)', () => {
  it('reads an Excel "Unicode text" export: UTF-16 LE with BOM, tab-delimited', async () => {
    const e = await share(['fixtures/deals-excel-utf16le.txt']);
    expect(e.inputs[0]).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', rows: 3 });
    // Alpha 1200.50 − 200.50 = 1000; Beta 800.
    expect(e.result.clients.map((c) => [c.client, c.revenue])).toEqual([
      ['Alpha', 1000],
      ['Beta', 800],
    ]);
  });

  it('reads a 1C feed with no header row, mapped by position, padded names folded into one client', async () => {
    const e = await share([
      'fixtures/deals-1c-noheader-1251.csv',
      '--no-header',
      '--map',
      'date=1',
      '--map',
      'client=2',
      '--map',
      'amount=4',
    ]);
    expect(e.inputs[0]).toMatchObject({ encoding: 'windows-1251', delimiter: ';', rows: 4, used: 4 });
    // Север 12 000 + 3 000 − 1 000 = 14 000 (three spellings); Лесной 5 000,50.
    expect(e.result.clients.map((c) => [c.client, c.revenue])).toEqual([
      ['ООО Север', 14_000],
      ['ИП Лесной', 5_000.5],
    ]);
  });

  it('reads a Windows-1252 export whose first 64 KiB hold only no-break spaces and curly quotes (Superstore)', async () => {
    // Such a head reads better as code page 437 (no-break space = á, ” = ö); the umlauts
    // further down decide, so the code page is guessed from the first MiB.
    const head = Array.from({ length: 3_000 }, (_, i) =>
      Buffer.from([
        ...Buffer.from(`${i};Acme`),
        0xa0,
        ...Buffer.from('Office;Paper 8 1/2 x 11'),
        0x94,
        ...Buffer.from(';1,50\n'),
      ]),
    );
    const umlauts = Array.from({ length: 40 }, (_, i) =>
      Buffer.from([
        ...Buffer.from(`${3_000 + i};M`),
        0xfc,
        ...Buffer.from('ller K'),
        0xf6,
        ...Buffer.from('ln;Paper;2,00\n'),
      ]),
    );
    const file = Buffer.concat([Buffer.from('Row ID;Customer Name;Product Name;Sales\n'), ...head, ...umlauts]);
    expect(file.length).toBeGreaterThan(64 * 1024);
    const e = json<{ inputs: InputReport[]; result: { clients: { client: string; revenue: number }[] } }>(
      await folio(['share', '-', '--format', 'json'], { input: file }),
    );
    expect(e.inputs[0]).toMatchObject({ encoding: 'windows-1252', rows: 3_040 });
    // By hand: Acme Office 3,000 × 1.50 = 4,500 (the no-break space read as a space); Müller Köln 40 × 2.00 = 80.
    expect(e.result.clients.map((c) => [c.client, c.revenue])).toEqual([
      ['Acme Office', 4_500],
      ['Müller Köln', 80],
    ]);
  });

  it('with --no-header alone, tells the columns by their content and says which it took', async () => {
    const run = await folio(['share', 'fixtures/deals-1c-noheader-1251.csv', '--no-header', '--json']);
    expect(run.code, run.stderr).toBe(0);
    // The same figures as mapped by hand above: Север 14 000, Лесной 5 000,50.
    expect(json<{ result: { total: number } }>(run).result.total).toBe(19_000.5);
    expect(run.stderr).toContain(
      'read without a header row; columns told by their content: date = column 1, client = column 2, amount = column 4; no status column, so every row counts as won (pin them with --no-header --map date=1 --map client=2 --map amount=4)',
    );
  });
});

describe('--no-fold (e2e)', () => {
  it('counts a line repeated whole twice when folding is off', async () => {
    const e = await share(['fixtures/deals-bitrix24-products.csv', '--no-fold']);
    // By hand: Бета's line appears twice: 2 × 7 500.
    expect(e.inputs[0]).toMatchObject({ rows: 7, used: 6, folded: 0 });
    expect(e.result.clients.find((c) => c.client === 'ООО Бета')?.revenue).toBe(15_000);
  });
});
