import { describe, expect, it } from 'vitest';
import { folio, json } from './run-cli.js';

interface Envelope<R> {
  command: string;
  inputs: { rows: number; used: number; excluded: Record<string, number>; skipped: number; folded: number }[];
  result: R;
  warnings: { code: string; message: string }[];
}
interface MatrixJson {
  clients: {
    client: string;
    want: boolean | null;
    can: boolean | null;
    quadrant: string;
    task: string;
    class?: string;
    revenue?: number;
    reason?: string;
  }[];
  counts: Record<string, number>;
  revenue: Record<string, number> | null;
  atRisk: string[];
}
interface LeadsJson {
  asOf: string;
  thresholds: { big: number; fastDays: number };
  leads: {
    lead: string;
    group: string;
    priority: number | null;
    overdue: boolean;
    daysToClose: number | null;
    expectedClose: string | null;
  }[];
  managers: { manager: string; leads: number; overloaded: boolean }[];
}

async function run<R>(args: string[]): Promise<Envelope<R>> {
  const r = await folio([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return json<Envelope<R>>(r);
}

describe('folio matrix (e2e)', () => {
  it('classifies an English clients file and, with deals, flags a key client at risk', async () => {
    const e = await run<MatrixJson>(['matrix', 'fixtures/clients-en.csv', '--deals', 'fixtures/deals-en-hubspot.csv']);
    expect(e.result.clients.map((c) => [c.client, c.quadrant, c.class])).toEqual([
      ['Initech', 'want_can', 'key'],
      ['Acme Corp', 'want_only', 'golden'],
      ['Hooli', 'want_only', 'regular'],
      ['Globex', 'can_only', 'key'],
      ['Umbrella', 'neither', 'regular'],
      ['Stark Industries', 'unclassified', 'regular'],
      ['Wayne Enterprises', 'unclassified', 'regular'],
    ]);
    expect(e.result.clients.find((c) => c.client === 'Wayne Enterprises')?.reason).toBe(
      'want: cannot read "maybe" as yes/no',
    );
    expect(e.result.atRisk).toEqual(['Globex']);
    // Revenue per cell from the deals fixture, by hand: Acme 20 499.75 + Hooli 2 000.
    expect(e.result.revenue).toEqual({
      want_can: 4500.25,
      want_only: 22_499.75,
      can_only: 3500,
      neither: 0,
      unclassified: 0,
    });
    expect(e.inputs.map((i) => i.rows)).toEqual([7, 10]);
    expect(e.warnings.map((w) => w.code)).toContain('KEY_CLIENTS_AT_RISK');
  });

  it('reads Russian flags (да/нет, +/-, ✓, есть) from a Bitrix24 file; tasks in Russian for people, as codes in JSON', async () => {
    const r = await folio(['matrix', 'fixtures/clients-ru-bitrix24.csv', '--lang', 'ru']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Хочет\s+хочет и может: 2\s+хочет, не может: 1/);
    const e = await run<MatrixJson>(['matrix', 'fixtures/clients-ru-bitrix24.csv', '--lang', 'ru']);
    expect(e.result.counts).toEqual({ want_can: 2, want_only: 1, can_only: 0, neither: 1, unclassified: 0 });
    expect(e.result.clients[0]?.task).toBe('keep-and-grow');
    expect(r.stdout).toMatch(/Сохранять и развивать/);
  });

  it('needs a threshold for scores, and uses it: at or above is yes', async () => {
    const bad = await folio(['matrix', 'fixtures/clients-scores.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/clients-scores\.csv:2:2: Interest "8": holds scores[\s\S]*--want-min/);
    const e = await run<MatrixJson>(['matrix', 'fixtures/clients-scores.csv', '--want-min', '7', '--can-min', '5']);
    expect(Object.fromEntries(e.result.clients.map((c) => [c.client, c.quadrant]))).toEqual({
      A: 'want_can',
      B: 'want_only',
      C: 'can_only',
      D: 'neither',
      E: 'want_can',
    });
  });

  it('writes every format', async () => {
    for (const format of ['table', 'csv', 'ndjson', 'markdown']) {
      const r = await folio(['matrix', 'fixtures/clients-en.csv', '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Initech/);
    }
  });
});

describe('folio leads (e2e)', () => {
  it('ranks an English export: 30 days is fast, 31 slow, median of an even count, closed leads out', async () => {
    const e = await run<LeadsJson>(['leads', 'fixtures/leads-en-hubspot.csv', '--as-of', '2026-11-01']);
    expect(e.result.asOf).toBe('2026-11-01');
    // Six leads with amount and date: 1 000, 5 000, 20 000, 30 000, 50 000, 900 000 → median (20 000 + 30 000) / 2.
    expect(e.result.thresholds).toMatchObject({ big: 25_000, fastDays: 30 });
    expect(e.result.leads.map((l) => [l.lead, l.group, l.priority])).toEqual([
      ['Big fast', 'fast-big', 1],
      ['Exactly 30 days', 'fast-small', 2],
      ['Overdue', 'fast-small', 2],
      ['Tender', 'slow-big', 3],
      ['31 days', 'slow-big', 3],
      ['Small slow', 'slow-small', 4],
      ['No date', 'unclassified', null],
      ['No amount', 'unclassified', null],
    ]);
    expect(e.result.leads.find((l) => l.lead === 'Overdue')).toMatchObject({ overdue: true, daysToClose: -17 });
    expect(e.inputs[0]).toMatchObject({ rows: 10, used: 8, excluded: { status: 2 } });
  });

  it('maps a camelCase field by --map, and names the spelling when the case is off', async () => {
    // Mapping the expected close date by hand must give the same queue as the alias does.
    const byAlias = await folio(['leads', 'fixtures/leads-en-hubspot.csv', '--as-of', '2026-11-01', '--json']);
    const byMap = await folio([
      'leads',
      'fixtures/leads-en-hubspot.csv',
      '--as-of',
      '2026-11-01',
      '--map',
      'expectedClose=Expected Close Date',
      '--json',
    ]);
    expect(byMap.code, byMap.stderr).toBe(0);
    expect(json<{ result: unknown }>(byMap).result).toEqual(json<{ result: unknown }>(byAlias).result);
    const off = await folio([
      'leads',
      'fixtures/leads-en-hubspot.csv',
      '--as-of',
      '2026-11-01',
      '--map',
      'expectedclose=Expected Close Date',
    ]);
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('--map expectedClose=Expected Close Date');
  });

  it('warns about managers over --max-leads', async () => {
    const e = await run<LeadsJson>([
      'leads',
      'fixtures/leads-en-hubspot.csv',
      '--as-of',
      '2026-11-01',
      '--max-leads',
      '2',
    ]);
    expect(e.result.managers.filter((m) => m.overloaded).map((m) => m.manager)).toEqual(['Anna Kim', 'Olga Petrova']);
    expect(e.warnings.filter((w) => w.code === 'LEAD_OVERLOAD')).toHaveLength(2);
  });

  it('reads a Russian amoCRM export with days to close counted from the creation date', async () => {
    const e = await run<LeadsJson>(['leads', 'fixtures/leads-ru-amocrm.csv', '--as-of', '2026-11-01']);
    // By hand: 01.10.2026 + 270 days = 2027-06-28, 239 days after as-of; median (80 000 + 1 200 000) / 2.
    expect(e.result.thresholds.big).toBe(640_000);
    expect(e.result.leads.map((l) => [l.lead, l.group, l.expectedClose, l.daysToClose])).toEqual([
      ['Поставка труб', 'fast-big', '2026-11-11', 10],
      ['Мелкий заказ', 'fast-small', '2026-10-30', -2],
      ['Тендер', 'slow-big', '2027-06-28', 239],
      ['Госзаказ', 'slow-small', '2027-03-01', 120],
    ]);
  });

  it('takes --big and echoes it', async () => {
    const e = await run<LeadsJson>([
      'leads',
      'fixtures/leads-ru-amocrm.csv',
      '--as-of',
      '2026-11-01',
      '--big',
      '50 000',
    ]);
    expect(e.result.thresholds.big).toBe(50_000);
    expect(e.result.leads[1]?.group).toBe('fast-big');
  });

  it('writes every format', async () => {
    for (const format of ['table', 'csv', 'ndjson', 'markdown']) {
      const r = await folio(['leads', 'fixtures/leads-ru-amocrm.csv', '--as-of', '2026-11-01', '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Поставка труб/);
    }
  });
});
