import { describe, expect, it } from 'vitest';
import { folio, json } from './run-cli.js';

interface Inspect {
  result: {
    role: string;
    encoding: string;
    delimiter: string;
    rows: number;
    columns: { position: number; header: string; field: string | null }[];
    conventions: Record<string, string>;
    sample: Record<string, string>[];
    problemCount: number;
    problems: string[];
  };
}

const inspect = async (args: string[]) => {
  const r = await folio(['inspect', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return json<Inspect>(r).result;
};

describe('folio inspect (e2e)', () => {
  it('reads a file named for offers as offers, as folder discovery does (its columns would also pass for deals)', async () => {
    expect((await inspect(['fixtures/demo/offers.csv'])).role).toBe('offers');
    expect((await inspect(['fixtures/demo/offers.csv', '--as', 'deals'])).role).toBe('deals');
  });

  it('words its facts in Russian: conventions, encoding reason, fields, dates and status codes of the sample', async () => {
    const r = await folio(['inspect', 'fixtures/export-ru/сделки.csv', '--lang', 'ru']);
    expect(r.stdout).toMatch(/Кодировка\s+windows-1251 \(по частоте букв\)/);
    expect(r.stdout).toMatch(/Разделитель\s+точка с запятой \(;\)/);
    expect(r.stdout).toMatch(/сумма\s+десятичная запятая \(со строки 2\)/);
    // Line 2 of the export: ООО «Ромашка», won, closed 15.09.2026.
    expect(r.stdout).toMatch(/2 {2}ООО «Ромашка» +1250000,5 {2}RUB +15\.09\.2026 {2}выиграна/);
  });
  it('shows how a Windows-1251 amoCRM export is read', async () => {
    const r = await inspect(['fixtures/deals-ru-amocrm-1251.csv']);
    expect(r).toMatchObject({ role: 'deals', encoding: 'windows-1251', delimiter: ';', rows: 6, problemCount: 0 });
    expect(r.columns.filter((c) => c.field !== null).map((c) => [c.header, c.field])).toEqual([
      ['ID', 'id'],
      ['Компания', 'client'],
      ['Бюджет', 'amount'],
      ['Этап сделки', 'status'],
      ['Ответственный', 'manager'],
      ['Дата закрытия', 'date'],
    ]);
    expect(r.conventions.amount).toBe('decimal comma (from line 2)');
    expect(r.sample[0]).toMatchObject({
      line: '2',
      client: 'ООО «Ромашка»',
      amount: '1250000.5',
      currency: 'RUB',
      day: '2026-09-15',
      status: 'won',
    });
  });

  it('tells an activity log and a clients file by their columns, or takes --as', async () => {
    expect((await inspect(['fixtures/activities-ru-amocrm.csv'])).role).toBe('activities');
    expect((await inspect(['fixtures/clients-en.csv'])).role).toBe('clients');
    const leads = await inspect(['fixtures/leads-ru-amocrm.csv', '--as', 'leads']);
    expect(leads.role).toBe('leads');
    expect(leads.sample[0]).toMatchObject({ lead: 'Поставка труб', amount: '1200000', expectedClose: '2026-11-11' });
  });

  it('lists problems without stopping', async () => {
    const r = await inspect(['fixtures/broken/bad-amount.csv']);
    expect(r.problemCount).toBe(2);
    expect(r.problems[0]).toMatch(/bad-amount\.csv:3:2: Amount "12x": not a number/);
  });
});
