import { describe, expect, it } from 'vitest';
import { clientKey, exactKey, nameParts } from '../../src/normalize/client-key.js';

/** Every spelling of a list has one key. */
function oneKey(spellings: string[]): void {
  const keys = new Set(spellings.map(clientKey));
  expect([...keys], spellings.join(' | ')).toHaveLength(1);
}

/** No two names of a list share a key. */
function allApart(names: string[]): void {
  const keys = names.map(clientKey);
  expect(new Set(keys).size, `${names.join(' | ')} → ${keys.join(' | ')}`).toBe(names.length);
}

describe('clientKey: spellings of one client', () => {
  it('merges quotes, case, spaces and the place of a Russian legal form (the issue’s spellings)', () => {
    oneKey(['ООО «Ромашка»', 'Ромашка ООО', 'ООО "Ромашка"', 'ромашка  ооо', ' ООО  “Ромашка” ', 'Ромашка, ООО']);
  });

  it('merges punctuation and case around a Latin legal form at the end', () => {
    oneKey(['Acme, Inc.', 'ACME Inc', 'Acme Inc.', 'Acme Inc', 'acme,inc']);
    oneKey(['Foods SA', 'Foods S.A.', 'FOODS, S.A.']);
    oneKey(['Beta LLC', 'Beta, L.L.C.', 'Beta Limited Liability Company']);
  });

  it('takes a legal form’s full name for its short one, in Russian, Bulgarian, English and German', () => {
    oneKey(['Общество с ограниченной ответственностью «Ромашка»', 'ООО Ромашка']);
    oneKey(['Акционерное общество Вектор', 'АО «Вектор»']);
    oneKey(['Индивидуальный предприниматель Иванов И.И.', 'ИП Иванов И. И.', 'Иванов ИИ ИП']);
    oneKey(['Еднолично дружество с ограничена отговорност Слънце', 'Слънце ЕООД']);
    oneKey(['Acme Limited', 'Acme Ltd.']);
    oneKey(['Acme Corporation', 'ACME Corp.']);
    oneKey(['Müller Gesellschaft mit beschränkter Haftung', 'Müller GmbH']);
  });

  it('reads ё as е, NFKC forms as their plain letters, and a Latin OOO as ООО', () => {
    oneKey(['Ёлка ООО', 'елка ооо']);
    oneKey(['ＡＣＭＥ Inc', 'Acme Inc']);
    expect(nameParts('OOO Romashka')).toEqual({ core: 'romashka', form: 'ооо' });
  });

  it('takes initials with or without dots and spaces as one word, and drops an apostrophe inside a word', () => {
    oneKey(['Петров А.О.', 'Петров А. О.', 'Петров А О']);
    oneKey(["McDonald's Corp", 'McDonalds Corp.']);
    oneKey(['A.B.C. Ltd', 'ABC Ltd', 'A B C Ltd']);
  });

  it('splits a name into its words and its form', () => {
    expect(nameParts('ООО «Ромашка»')).toEqual({ core: 'ромашка', form: 'ооо' });
    expect(nameParts('Ромашка-Плюс ЗАО')).toEqual({ core: 'ромашка плюс', form: 'зао' });
    expect(nameParts('Acme, Inc.')).toEqual({ core: 'acme', form: 'inc' });
    expect(nameParts('Acme Industries')).toEqual({ core: 'acme industries', form: '' });
  });
});

describe('clientKey: names that must NOT be one client', () => {
  it('keeps different legal forms apart, and a name with a form apart from the same name without one', () => {
    allApart(['ООО Ромашка', 'АО Ромашка', 'ЗАО Ромашка', 'ПАО Ромашка', 'Ромашка', 'ИП Ромашка']);
    allApart(['Acme Inc', 'Acme LLC', 'Acme Ltd', 'Acme Co', 'Acme']);
    allApart(['Слънце ЕООД', 'Слънце ООД', 'Слънце АД', 'ЕТ Слънце']);
  });

  it('does not read a legal-form word inside another word, or a Latin form as the first word', () => {
    // «Агрокомплекс» is one word; «АО Грокомплекс» is the form АО and the name Грокомплекс.
    allApart(['Агрокомплекс', 'АО Грокомплекс']);
    // "Co" leads no English name as a form: "Co Smo" is a name of two words, "Cosmo" of one.
    allApart(['Cosmo', 'Co Smo']);
    expect(nameParts('Co Smo')).toEqual({ core: 'co smo', form: '' });
    // "SA Foods" is a name (South African Foods), not the form SA of "Foods": it stays apart
    // from "Foods" and from "Foods SA"; the latter two are one name in two forms.
    allApart(['SA Foods', 'Foods', 'Foods SA']);
    expect(nameParts('SA Foods')).toEqual({ core: 'sa foods', form: '' });
    expect(nameParts('Foods SA')).toEqual({ core: 'foods', form: 'sa' });
  });

  it('reads a person’s dotted initials as initials, not as a Cyrillic form', () => {
    // «Петров А.О.» is a person; «Петров АО» is a company of the form АО.
    expect(nameParts('Петров А.О.')).toEqual({ core: 'петров ао', form: '' });
    expect(nameParts('Петров АО')).toEqual({ core: 'петров', form: 'ао' });
    expect(nameParts('Сидоров И.П.')).toEqual({ core: 'сидоров ип', form: '' });
    allApart(['Петров А.О.', 'АО Петров', 'Петров А.Д.']);
  });

  it('keeps apart names that differ by a letter, a digit or a word', () => {
    allApart(['Ромашка', 'Ромашки', 'Ромашка 2', 'Ромашка Плюс']);
    allApart(['Acme Inc', 'Acme Industries', 'Acme International Inc', 'Acne Inc']);
    allApart(['Ромашка', 'Рома шка']);
  });

  it('keeps a name of a form alone, and names of no letter or digit, as written', () => {
    expect(clientKey('ООО')).toBe('ооо');
    allApart(['ООО', 'ООО ООО', 'АО']);
    expect(clientKey('—')).toBe('—');
    expect(clientKey('***')).toBe('***');
    allApart(['—', '***', '', '?']);
  });
});

describe('exactKey (--exact-names)', () => {
  it('keeps every visible difference: case, quotes, punctuation, the place of the form', () => {
    const names = ['ООО «Ромашка»', 'Ромашка ООО', 'ООО "Ромашка"', 'ооо «ромашка»', 'Acme, Inc.', 'Acme Inc'];
    expect(new Set(names.map(exactKey)).size).toBe(names.length);
  });

  it('ignores only the spaces nobody sees: outer ones and runs', () => {
    expect(exactKey('  ООО  «Ромашка» ')).toBe(exactKey('ООО «Ромашка»'));
    expect(exactKey('ООО\u00a0«Ромашка»')).toBe('ООО «Ромашка»');
  });
});
