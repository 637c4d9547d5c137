import { cellKind, looksLikeHeader, type CellKind } from './cell-kind.js';
import { newParsedAmount, NumberRead, readAmount } from './numbers.js';
import { nameKey } from './text.js';

/**
 * A table without a header row (a database dump, a 1C feed) read by what its columns hold.
 * Pure: the rows are the first ones of the file, the answer is column numbers.
 */

/** A field and the 0-based column told for it. */
export interface RoleColumn {
  field: string;
  column: number;
}

/** What the content tells of the columns' roles. */
export interface RoleGuess {
  /** Fields told, each with its one column. */
  roles: RoleColumn[];
  /** Fields that more than one column could be (0-based columns). */
  ambiguous: { field: string; columns: number[] }[];
  /** Whether a status column was told: without one every row of a deals file counts as won. */
  status: boolean;
}

/** How a table without a header row was read: what `inspect`, the warning and the error say. Columns are 1-based, as `--map` numbers them. */
export interface HeaderlessRead {
  /** folio found that the file has no header row (false: `--no-header` said so). */
  detected: boolean;
  /** Line of the first row, data rather than column names. */
  line: number;
  /** Fields told by the columns' content. */
  roles: RoleColumn[];
  /** Fields more than one column could be: a command stops on them, `inspect` lists them. */
  ambiguous: { field: string; columns: number[] }[];
  /** A status column maps (told or given): without one every row of a deals file counts as won. */
  status: boolean;
  /** Rows the roles were told from. */
  rows: number;
}

/** Rows a headerless table's roles are told from (fewer when the file is shorter). */
export const INFER_ROWS = 200;

interface Profile {
  column: number;
  kind: Exclude<CellKind, 'empty'> | 'empty';
  values: string[];
  /** Distinct values, keyed as client names are (case, quotes and runs of spaces folded). */
  distinct: number;
}

/** The most common field count of the rows (the larger on a tie). */
function tableWidth(rows: readonly (readonly string[])[]): number {
  const tally = new Map<number, number>();
  for (const r of rows) tally.set(r.length, (tally.get(r.length) ?? 0) + 1);
  let width = 0;
  let seen = 0;
  for (const [w, n] of tally)
    if (n > seen || (n === seen && w > width)) {
      width = w;
      seen = n;
    }
  return width;
}

/** What each column holds: dates, numbers or text in every non-empty cell, and how many distinct values. */
function profiles(rows: readonly (readonly string[])[], width: number): Profile[] {
  const out: Profile[] = [];
  for (let j = 0; j < width; j++) {
    const values = rows.map((r) => (r[j] ?? '').trim()).filter((v) => v !== '');
    const kinds = new Set(values.map(cellKind));
    const kind = kinds.size === 0 ? 'empty' : kinds.size === 1 ? ([...kinds][0] as Profile['kind']) : 'text';
    out.push({ column: j, kind, values, distinct: new Set(values.map(nameKey)).size });
  }
  return out;
}

/**
 * Whether the first row is data, not a header: it is not text in every named cell, each of
 * its cells reads as the data of the column below it (a date over dates, a number over
 * numbers; anything over text), and one of them can be no column's name: a date, or a number
 * written as money (`12 000,00`; a bare `2026` may head a column of a year's sums). Needs a
 * row below it.
 */
export function firstRowIsData(rows: readonly (readonly string[])[]): boolean {
  const [first, ...below] = rows;
  if (first === undefined || below.length === 0 || looksLikeHeader(first)) return false;
  const width = tableWidth(below);
  if (width < 2) return false;
  let unmistakable = 0;
  for (const p of profiles(below, width)) {
    const cell = first[p.column] ?? '';
    const kind = cellKind(cell);
    if (p.kind === 'date' || p.kind === 'number') {
      if (kind !== 'empty' && kind !== p.kind) return false;
      if (kind === 'date' || (kind === 'number' && moneyLike(cell))) unmistakable++;
    }
  }
  // Cells past the table's width are data only when empty (trailing delimiters).
  for (let j = width; j < first.length; j++) if ((first[j] ?? '').trim() !== '') return false;
  return unmistakable > 0;
}

/** Known currency codes and signs (`RUB`, `₽`, `$`), or three upper-case Latin letters. */
function currencyLike(value: string, code: (text: string) => string): boolean {
  return /^[A-Z]{3}$/.test(value) || /^[A-Z]{3}$/.test(code(value));
}

const amount = newParsedAmount();

/** An amount as money is written: a fraction, digit groups, a sign or a currency. */
function moneyLike(value: string): boolean {
  if (readAmount(value, null, amount) === NumberRead.Ambiguous) return true;
  return /[.,]\d|\s\d{3}|^[-(−]|[^\d\s.,()−-]/u.test(value.trim()) || amount.currency !== '';
}

/** Whole numbers that rise row by row: an ID or a row number, not an amount. */
function risingWholeNumbers(values: readonly string[]): boolean {
  if (values.length < 3) return false;
  let previous = -Infinity;
  for (const v of values) {
    if (!/^\d+$/.test(v)) return false;
    const n = Number(v);
    if (n <= previous) return false;
    previous = n;
  }
  return true;
}

/** Legal forms and words of company names: a value holding one is no person's name. */
const COMPANY_WORDS = new Set([
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'ип',
  'нко',
  'гуп',
  'муп',
  'фгуп',
  'тоо',
  'чп',
  'кх',
  'llc',
  'inc',
  'ltd',
  'gmbh',
  'corp',
  'co',
  'llp',
  'plc',
  'sa',
  'ag',
  'bv',
  'srl',
  'sarl',
  'spa',
  'kg',
  'lp',
  'company',
  'group',
  'bank',
  'банк',
  'компания',
  'группа',
  'завод',
  'фирма',
]);

const NAME_WORD = /^\p{Lu}\p{Ll}*(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
const INITIALS = /^(?:\p{Lu}\.){1,2}$/u;

/**
 * A person's name as CRMs write managers: one to three capitalised words or initials
 * (`Иванов`, `Иванов И.И.`, `Anna Kim`), no digits, quotes or legal forms.
 */
export function personName(value: string): boolean {
  const words = value.trim().split(/\s+/);
  if (words.length > 3) return false;
  return words.every(
    (w) =>
      !COMPANY_WORDS.has(w.toLowerCase().replace(/[.,]$/, '')) &&
      ((w.length > 1 && NAME_WORD.test(w)) || INITIALS.test(w)),
  );
}

/** Most status spellings a column of statuses holds: a short list. */
const MAX_STATUSES = 12;

export interface InferOptions {
  /** Fields the input has (a deals file: client, amount, date, status, manager, currency...). */
  fields: readonly string[];
  /** Columns already given by `--map` (0-based): not looked at. */
  taken: ReadonlySet<number>;
  /** Fields already given by `--map`: not told again. */
  given: ReadonlySet<string>;
  /** Whether the status vocabulary knows a value. */
  knownStatus: (value: string) => boolean;
  /** A currency column's value as a code (`₽` → `RUB`), '' when it is none. */
  currencyCode: (text: string) => string;
}

/**
 * Tell the roles of a headerless table's columns from its first rows:
 * - date: the one column of dates;
 * - amount: the one column of numbers written as money (a fraction, digit groups, a sign, a
 *   currency), else the one column of numbers; whole numbers rising row by row are an ID;
 * - currency: the one column of currency codes or signs;
 * - status: the one text column of at most 12 spellings, each known to the status vocabulary;
 * - client: the one other text column whose names repeat (of several, the one without digits),
 *   or the only other text column;
 * - manager: the one text column of person names that repeat, besides the client.
 * A field two columns could be is ambiguous; a field no column fits is left out.
 */
export function inferRoles(rows: readonly (readonly string[])[], options: InferOptions): RoleGuess {
  const width = tableWidth(rows);
  const free = profiles(rows, width).filter((p) => !options.taken.has(p.column) && p.kind !== 'empty');
  const roles: RoleColumn[] = [];
  const ambiguous: RoleGuess['ambiguous'] = [];
  const used = new Set<number>();
  const wanted = (field: string): boolean => options.fields.includes(field) && !options.given.has(field);
  const decide = (field: string, columns: Profile[]): void => {
    if (!wanted(field) || columns.length === 0) return;
    if (columns.length > 1) {
      ambiguous.push({ field, columns: columns.map((p) => p.column) });
      for (const p of columns) used.add(p.column);
      return;
    }
    const p = columns[0] as Profile;
    roles.push({ field, column: p.column });
    used.add(p.column);
  };
  const open = (): Profile[] => free.filter((p) => !used.has(p.column));

  decide(
    'date',
    free.filter((p) => p.kind === 'date'),
  );
  const numbers = free.filter((p) => p.kind === 'number' && !risingWholeNumbers(p.values));
  const money = numbers.filter((p) => p.values.some(moneyLike));
  decide('amount', money.length > 0 ? money : numbers);
  const text = (): Profile[] => open().filter((p) => p.kind === 'text');
  decide(
    'currency',
    text().filter((p) => p.values.every((v) => currencyLike(v, options.currencyCode))),
  );
  decide(
    'status',
    text().filter((p) => p.distinct <= MAX_STATUSES && p.values.every(options.knownStatus)),
  );
  const names = text();
  const people = names.filter((p) => p.values.every(personName));
  const others = names.filter((p) => !people.includes(p));
  const repeating = (list: Profile[]): Profile[] => list.filter((p) => p.distinct < p.values.length);
  let clients = repeating(others);
  if (clients.length > 1) {
    const plain = clients.filter((p) => p.values.every((v) => !/\d/.test(v)));
    if (plain.length === 1) clients = plain;
  }
  if (clients.length === 0 && others.length === 1) clients = others;
  if (clients.length === 0 && others.length === 0) clients = people.length === 1 ? people : repeating(people);
  decide('client', clients);
  decide(
    'manager',
    repeating(people).filter((p) => !used.has(p.column)),
  );
  return { roles, ambiguous, status: options.given.has('status') || roles.some((r) => r.field === 'status') };
}
