import { describe, expect, it } from 'vitest';
import { cellKind, looksLikeHeader } from '../../src/normalize/cell-kind.js';
import { firstRowIsData, inferRoles, personName, type InferOptions } from '../../src/normalize/headerless.js';
import { currencyCode } from '../../src/normalize/numbers.js';
import { phraseWords } from '../../src/normalize/phrase-classifier.js';
import { NO_USER_VOCABULARY, statusClassifier } from '../../src/normalize/vocabulary.js';

const statuses = statusClassifier(NO_USER_VOCABULARY);
const DEAL_FIELDS = ['client', 'amount', 'date', 'status', 'manager', 'id', 'currency'];
const options = (over: Partial<InferOptions> = {}): InferOptions => ({
  fields: DEAL_FIELDS,
  taken: new Set(),
  given: new Set(),
  knownStatus: (v) => statuses.match(phraseWords(v)).kind !== null,
  currencyCode,
  ...over,
});
const rows = (text: string): string[][] =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split(';'));

describe('what a cell reads as', () => {
  it('dates before numbers, numbers with their marks and currencies, text otherwise', () => {
    expect(cellKind('01.02.2026')).toBe('date');
    expect(cellKind('2026-02-01 10:00')).toBe('date');
    expect(cellKind('12 000,00')).toBe('number');
    expect(cellKind('$1,500.25')).toBe('number');
    expect(cellKind('-5')).toBe('number');
    expect(cellKind('   ')).toBe('empty');
    // Not numbers, not dates.
    expect(cellKind('Реализация 1')).toBe('text');
    expect(cellKind('RUB')).toBe('text');
    expect(cellKind('Q3 2026')).toBe('text');
  });

  it('a header row is text in every named cell, trailing empty cells allowed', () => {
    expect(looksLikeHeader(['Client', 'Amount', 'Date', '', '', ''])).toBe(true);
    expect(looksLikeHeader(['Клиент', 'Сумма'])).toBe(true);
    // A hole between names, a number, a date, or one lone cell (a title) is no header.
    expect(looksLikeHeader(['Client', '', 'Date'])).toBe(false);
    expect(looksLikeHeader(['Acme', '1200', 'Won'])).toBe(false);
    expect(looksLikeHeader(['Acme', '01.02.2026'])).toBe(false);
    expect(looksLikeHeader(['Отчёт по сделкам', '', ''])).toBe(false);
  });
});

describe('a first row that is data, not a header', () => {
  it('is data when its cells read as the columns below them, with a date or a number among them', () => {
    expect(firstRowIsData(rows('01.02.2026;ООО Север;12 000,00\n03.02.2026;ООО Север;3 000,00'))).toBe(true);
  });

  it('is no data when it is text over typed columns, all text, or alone', () => {
    // Names over a date and a number column: a header folio does not know.
    expect(firstRowIsData(rows('Дата;Контрагент;Сумма\n03.02.2026;ООО Север;3 000,00'))).toBe(false);
    // A number over a date column.
    expect(firstRowIsData(rows('15;ООО Север;3 000,00\n03.02.2026;ООО Север;3 000,00'))).toBe(false);
    // Only text: nothing says it is data.
    expect(firstRowIsData(rows('Север;Иванов\nЮг;Петров'))).toBe(false);
    expect(firstRowIsData(rows('01.02.2026;ООО Север;12 000,00'))).toBe(false);
    // A title line (one cell) over a table.
    expect(firstRowIsData(rows('Выгрузка\n03.02.2026;ООО Север;3 000,00'))).toBe(false);
    // A year heading a column of sums may be a header: only a date or money says data.
    expect(firstRowIsData(rows('Клиент;2026\nООО Север;3 000,00\nИП Лесной;500,00'))).toBe(false);
    expect(firstRowIsData(rows('ООО Север;1 500,00\nООО Север;3 000,00\nИП Лесной;500,00'))).toBe(true);
  });
});

describe("a person's name", () => {
  it('is one to three capitalised words or initials', () => {
    for (const name of ['Иванов', 'Иванов И.И.', 'Anna Kim', 'Petrova-Vodkina Olga', "O'Brien", 'Иванов Иван Иванович'])
      expect(personName(name), name).toBe(true);
  });

  it('is not a company, a phrase, a code or a lower-case word', () => {
    for (const value of ['ООО Север', 'ИП Лесной', 'Acme Corp', 'Reed Clapper Group', 'Реализация 1', 'won', 'A1'])
      expect(personName(value), value).toBe(false);
    expect(personName('Один Два Три Четыре')).toBe(false);
  });
});

describe('roles told by content', () => {
  it('a 1C feed: date, client (names repeat), amount; a description column of distinct values is no client', () => {
    const guess = inferRoles(
      rows(`01.02.2026;ООО Север;Реализация 1;12 000,00
03.02.2026;ООО Север;Реализация 2;3 000,00
05.02.2026;ИП Лесной;Реализация 3;5 000,50
07.02.2026;ООО Север;Возврат;-1 000,00`),
      options(),
    );
    expect(guess.roles.sort((a, b) => a.column - b.column)).toEqual([
      { field: 'date', column: 0 },
      { field: 'client', column: 1 },
      { field: 'amount', column: 3 },
    ]);
    expect(guess.ambiguous).toEqual([]);
    expect(guess.status).toBe(false);
  });

  it('a dump: a rising ID is no amount, currency codes, statuses the vocabulary knows, a manager of person names', () => {
    const guess = inferRoles(
      rows(`1;04.05.2026;ООО Ромашка;12 500,00;RUB;Оплачен;Иванов И.И.
2;05.05.2026;АО Вектор;3 000,00;RUB;Отменён;Петров П.П.
3;06.05.2026;ООО Ромашка;2 000,50;RUB;Оплачен;Иванов И.И.
4;12.05.2026;ИП Сидоров;750,00;RUB;В работе;Петров П.П.`),
      options(),
    );
    expect(Object.fromEntries(guess.roles.map((r) => [r.field, r.column]))).toEqual({
      date: 1,
      client: 2,
      amount: 3,
      currency: 4,
      status: 5,
      manager: 6,
    });
    expect(guess.status).toBe(true);
  });

  it('two date columns, two money columns: ambiguous, each with its columns', () => {
    const guess = inferRoles(
      rows(`01.04.2026;04.05.2026;ООО Ромашка;12 500,00;1 000,00
02.04.2026;05.05.2026;АО Вектор;3 000,00;300,00
03.04.2026;06.05.2026;ООО Ромашка;2 000,50;200,00`),
      options(),
    );
    expect(guess.ambiguous).toEqual([
      { field: 'date', columns: [0, 1] },
      { field: 'amount', columns: [3, 4] },
    ]);
    expect(guess.roles).toEqual([{ field: 'client', column: 2 }]);
  });

  it('a status column needs every value known: one unknown word makes it no status', () => {
    const table = `ООО Ромашка;100,00;Оплачен
АО Вектор;200,00;Синяя папка
ООО Ромашка;300,00;Оплачен`;
    const guess = inferRoles(rows(table), options());
    expect(guess.roles.find((r) => r.field === 'status')).toBeUndefined();
    // Two text columns repeat now (clients, and the unknown words): which is the client is not
    // clear, so the run stops rather than count every row as won.
    expect(guess.ambiguous).toEqual([{ field: 'client', columns: [0, 2] }]);
    // The user's word makes it a status column.
    const known = new Set(['оплачен', 'синяя папка']);
    const withWords = inferRoles(rows(table), options({ knownStatus: (v) => known.has(v.toLowerCase()) }));
    expect(withWords.roles.find((r) => r.field === 'status')).toEqual({ field: 'status', column: 2 });
  });

  it('columns --map gives are not told again', () => {
    const guess = inferRoles(
      rows(`01.02.2026;ООО Север;12 000,00;3 000,00
03.02.2026;ООО Север;3 000,00;1 000,00`),
      options({ taken: new Set([2]), given: new Set(['amount']) }),
    );
    expect(guess.roles.find((r) => r.field === 'amount')).toBeUndefined();
    expect(guess.ambiguous).toEqual([]);
  });

  it('two columns of person names and no other text: which is the client is not clear', () => {
    const guess = inferRoles(
      rows(`Иванов;Смирнов;100,00
Петров;Смирнов;200,00
Иванов;Кузнецов;300,00`),
      options(),
    );
    expect(guess.ambiguous).toEqual([{ field: 'client', columns: [0, 1] }]);
  });
});
