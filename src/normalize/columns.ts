import { says } from '../codes/error-fields.js';
import type { WarningFields } from '../codes/warnings.js';
import { FolioError } from '../folio-error.js';
import { DEAL_ALIASES } from './aliases.js';
import { serialDay } from './column-readers.js';
import { DateRead, newParsedDate, readDate } from './dates.js';
import { newParsedAmount, NumberRead, readAmount } from './numbers.js';
import type { HeaderlessRead } from './headerless.js';
import { editDistance, headerKey } from './text.js';

export interface FieldSpec {
  field: string;
  aliases: readonly string[];
  required: boolean;
  /** What the field is, for error messages ("the amount of each deal"). */
  description: string;
  /**
   * Headers that can stand in for the field when no alias matches (a creation date for a
   * closing date, a customer ID for its name), tried in order; using one is always said.
   */
  fallbacks?: readonly Fallback[];
  /**
   * Aliases matched only by the last part of a path-style header (`order_line/order_id/state`):
   * words that are this field in a system's technical names but something else as a plain
   * header (`State`, a US state in a sales sheet).
   */
  pathAliases?: readonly string[];
  /**
   * The field only names or describes a row (a product, a lead's title): two columns of its
   * name are a warning (the first is taken), not an error, since no figure depends on which.
   */
  label?: boolean;
  /** What the field's values are, for the hint that proposes a column when none matches. */
  kind?: 'amount' | 'date' | 'text';
}

/** Stand-in headers for a field, and what using one means for the figures. */
export interface Fallback {
  aliases: readonly string[];
  /** What the header stands in for: the warning (`CLIENT_BY_ID`, or `DATE_FALLBACK` of this kind) says so. */
  kind: FallbackKind;
}

export type FallbackKind = 'client-id' | 'contact' | WarningFields['DATE_FALLBACK']['kind'];

/** A field mapped by a fallback header, with the warning that says so. */
export interface FallbackUse {
  field: string;
  header: string;
  kind: FallbackKind;
}

/**
 * What an input cannot be read without: its required fields and, when `oneOf` is given,
 * every field of one of those sets (a deal's amount, or its price and quantity).
 */
export interface FieldNeeds {
  specs: readonly FieldSpec[];
  oneOf?: readonly (readonly string[])[];
}

/** A header row's mapping, and the fields it lacks (none when the row can serve as the header). */
export interface HeaderFit {
  mapping: ColumnMapping;
  missing: FieldSpec[];
  /**
   * Two identically named columns that could both be one field (the first is taken). Only
   * an error once the row is taken as the header: a data row may hold two equal values.
   */
  duplicate: FolioError | null;
  /** The same, as the column choice a lenient reading (`inspect`) warns of. */
  duplicateChoice: WarningFields['COLUMN_CHOICE'] | null;
}

/** A path-style header (`order_line/price_subtotal`) matched by its last part (`price_subtotal`). */
export interface PathUse {
  field: string;
  header: string;
  read: string;
}

/** `--map field=Header` or `--map field=3` (1-based position). */
export type ColumnOverrides = Record<string, string>;

export interface ColumnMapping {
  /** Column index per mapped field. */
  index: Record<string, number>;
  /** Header text per mapped field. */
  header: Record<string, string>;
  /** Header names in file order (`column N` when the file has no header row). */
  headers: string[];
  /**
   * Cells of the header row, the empty ones after its last name included (`a,b,c,,,` has 6):
   * columns without a name, whose cells are data no field takes, not fields too many.
   */
  cells: number;
  /** Headers no field took. */
  unmatched: string[];
  /** Choices made between several matching headers, for warnings and `inspect`. */
  choices: WarningFields['COLUMN_CHOICE'][];
  /** Fields mapped by a fallback header. */
  fallbacks: FallbackUse[];
  /** Fields mapped by the last part of a path-style header, and that part. */
  paths: PathUse[];
  /** 1-based line of the header row (0 without one), for errors about columns. */
  line: number;
  /**
   * Lines above the header that were passed over as a title or report parameters: 0 when
   * the header is the table's first line or was named with --header-row.
   */
  preamble: number;
  /** A file without a header row whose columns were told by their content; null otherwise. */
  headerless: HeaderlessRead | null;
}

interface Match {
  index: number;
  rank: number;
  /** The last part of a path-style header that matched, when the whole header did not. */
  path: string | null;
}

/**
 * Rank of a match: alias order first, and only then the reading of the header (as written,
 * without a unit, without a prefix), so that `Выручка, руб.` still beats a vaguer `Стоимость`.
 */
const VARIANTS = 3;

/** Alternative readings of a header: without a bracketed or comma-separated unit, without a `Deal - ` prefix. */
function headerVariants(header: string): string[] {
  const variants = [header];
  const noUnit = header.replace(/\s*[([].*?[)\]]\s*$/, '').replace(/\s*,[^,]*$/, '');
  if (noUnit !== header && noUnit.trim() !== '') variants.push(noUnit);
  const dash = header.lastIndexOf(' - ');
  if (dash > 0) variants.push(header.slice(dash + 3));
  return variants;
}

/** Any whole-header reading ranks before any path reading. */
const PATH_RANK = 1_000_000;
/** Last parts that name the related record rather than a field of it: the part before them is read. */
const RECORD_NAME = /^(display[ _]?name|name)$/i;
/** A related record's database or external ID: no name of anything folio reads. */
const RECORD_ID = /^\.?id$/i;

/**
 * How a path-style header of a related-field export (Odoo: `order_line/order_id/date_order`,
 * `order_line/order_partner_id/display_name`) reads by its last part: `date_order`, and
 * `order_partner` (a relation `…_id` followed by its name is that record). Null for a header
 * that is not a path (no `/`, an empty part, or spaces around a `/`, as in `Сумма / руб`).
 */
export function pathReading(header: string): string | null {
  if (!header.includes('/')) return null;
  const parts = header.split('/');
  if (parts.length < 2 || parts.some((p) => p === '' || p.trim() !== p)) return null;
  let last = parts[parts.length - 1] as string;
  if (RECORD_ID.test(last)) return null;
  if (RECORD_NAME.test(last)) last = parts[parts.length - 2] as string;
  // A many-to-one relation (`partner_id`) exports the related record's name.
  return last.replace(/[ _]id$/i, '');
}

/**
 * Map header names to fields. Each field takes the header that matches its most specific
 * alias; a header serves one field only; `overrides` win over everything. A field whose
 * column is not there (an override included) is listed as missing rather than thrown, so
 * that a row can be tried as the header and `inspect` can show a half-mapped file.
 * `line` is where the header row sits, for errors.
 */
export function fitColumns(
  file: string,
  headers: string[],
  needs: FieldNeeds,
  overrides: ColumnOverrides,
  line: number,
): HeaderFit {
  const keys = headers.map(headerKey);
  const f: Fitting = {
    file,
    line,
    headers,
    keys,
    readings: headers.map((h) => {
      const read = pathReading(h);
      return read === null ? null : { read, key: headerKey(read) };
    }),
    index: {},
    header: {},
    taken: new Set<number>(),
    choices: [],
    fallbacks: [],
    paths: [],
    duplicate: null,
    duplicateChoice: null,
  };
  applyOverrides(f, needs.specs, overrides);
  for (const spec of needs.specs) if (!(spec.field in f.index || spec.field in overrides)) fitField(f, spec);
  const mapping: ColumnMapping = {
    index: f.index,
    header: f.header,
    headers,
    cells: headers.length,
    unmatched: headers.filter((h, i) => !f.taken.has(i) && h.trim() !== ''),
    choices: f.choices,
    fallbacks: f.fallbacks,
    paths: f.paths,
    line,
    preamble: 0,
    headerless: null,
  };
  return {
    mapping,
    missing: missingFields(f.index, needs, overrides),
    duplicate: f.duplicate,
    duplicateChoice: f.duplicateChoice,
  };
}

/** A header row being fitted: the row, and what its columns were taken for so far. */
interface Fitting {
  file: string;
  line: number;
  headers: string[];
  keys: string[];
  /** Each header read as a path (`order_line/order_partner_id/display_name`), or null. */
  readings: ({ read: string; key: string } | null)[];
  index: Record<string, number>;
  header: Record<string, string>;
  taken: Set<number>;
  choices: WarningFields['COLUMN_CHOICE'][];
  fallbacks: FallbackUse[];
  paths: PathUse[];
  duplicate: FolioError | null;
  duplicateChoice: WarningFields['COLUMN_CHOICE'] | null;
}

/** The columns `--map` names win over every alias; a field the input does not have is an error. */
function applyOverrides(f: Fitting, specs: readonly FieldSpec[], overrides: ColumnOverrides): void {
  for (const [field, target] of Object.entries(overrides)) {
    if (!specs.some((s) => s.field === field)) {
      const cased = specs.find((s) => s.field.toLowerCase() === field.toLowerCase());
      throw new FolioError({
        code: 'UNKNOWN_FIELD',
        file: f.file,
        says: says('UNKNOWN_FIELD', { field, cased: cased?.field ?? null, target, fields: specs.map((s) => s.field) }),
      });
    }
    const at = overrideIndex(f.headers, f.keys, target);
    if (at === -1) continue;
    f.index[field] = at;
    f.header[field] = f.headers[at] ?? `column ${at + 1}`;
    f.taken.add(at);
  }
}

/**
 * The column of one field: its most specific alias among the headers not taken, else a
 * fallback's; a tie of two columns of one name is a choice (a label) or a duplicate (an
 * error if the field is needed), and the headers passed over are said.
 */
function fitField(f: Fitting, spec: FieldSpec): void {
  const { headers, keys } = f;
  const groups = [spec.aliases, ...(spec.fallbacks ?? []).map((x) => x.aliases)];
  const found = groups.map((aliases, g) =>
    matchesOf(
      headers,
      keys,
      f.readings,
      f.taken,
      g === 0 ? [...aliases, ...(spec.pathAliases ?? [])] : aliases,
      aliases.length,
    ),
  );
  const used = found.findIndex((m) => m.length > 0);
  if (used === -1) return;
  const matches = found[used] as Match[];
  const best = matches[0] as Match;
  const tie = matches.find((m) => m.index !== best.index && m.rank === best.rank);
  if (tie && keys[tie.index] === keys[best.index] && spec.label) {
    f.choices.push({ field: spec.field, header: headers[tie.index] ?? '', columns: [best.index + 1, tie.index + 1] });
  } else if (tie && keys[tie.index] === keys[best.index]) {
    f.duplicateChoice ??= {
      field: spec.field,
      header: headers[tie.index] ?? '',
      columns: [best.index + 1, tie.index + 1],
    };
    f.duplicate ??= new FolioError({
      code: 'DUPLICATE_HEADER',
      file: f.file,
      line: f.line,
      column: tie.index + 1,
      value: headers[tie.index],
      says: says('DUPLICATE_HEADER', { a: best.index + 1, b: tie.index + 1, field: spec.field }),
    });
  }
  const taker = headers[best.index] ?? '';
  f.index[spec.field] = best.index;
  f.header[spec.field] = taker;
  f.taken.add(best.index);
  // Rivals include the fallback headers passed over, so the choice is never hidden.
  const rivals = [
    ...new Set(
      found
        .flat()
        // A second column of the same name is said by its own warning above.
        .filter((m) => m.index !== best.index && keys[m.index] !== keys[best.index])
        .map((m) => m.index),
    ),
  ];
  if (rivals.length > 0) {
    f.choices.push({ field: spec.field, took: taker, over: rivals.map((i) => headers[i] ?? '') });
  }
  const fallback = used > 0 ? spec.fallbacks?.[used - 1] : undefined;
  if (fallback) f.fallbacks.push({ field: spec.field, header: taker, kind: fallback.kind });
  if (best.path !== null) f.paths.push({ field: spec.field, header: taker, read: best.path });
}

/**
 * Headers not yet taken that match one of `aliases`, best first: as written (the first
 * `whole` aliases only), then by the last part of a path-style header (every alias).
 */
function matchesOf(
  headers: string[],
  keys: string[],
  readings: ({ read: string; key: string } | null)[],
  taken: Set<number>,
  aliases: readonly string[],
  whole: number,
): Match[] {
  const aliasKeys = aliases.map(headerKey);
  const matches: Match[] = [];
  keys.forEach((key, i) => {
    if (taken.has(i) || key === '') return;
    let matched = false;
    headerVariants(headers[i] ?? '').forEach((variant, v) => {
      const rank = aliasKeys.indexOf(headerKey(variant));
      if (rank !== -1 && rank < whole) {
        matches.push({ index: i, rank: rank * VARIANTS + v, path: null });
        matched = true;
      }
    });
    const reading = readings[i];
    if (matched || !reading) return;
    const rank = aliasKeys.indexOf(reading.key);
    if (rank !== -1) matches.push({ index: i, rank: PATH_RANK + rank, path: reading.read });
  });
  return matches.sort((a, b) => a.rank - b.rank || a.index - b.index);
}

/**
 * Required fields not mapped, then the unmapped fields of the `oneOf` set closest to
 * complete, then any field a `--map` names a column for that the row does not have.
 */
function missingFields(index: Record<string, number>, needs: FieldNeeds, overrides: ColumnOverrides): FieldSpec[] {
  const lacking = (fields: readonly string[]): string[] => fields.filter((f) => !(f in index));
  const names = lacking(needs.specs.filter((s) => s.required).map((s) => s.field));
  const sets = (needs.oneOf ?? []).map(lacking).sort((a, b) => a.length - b.length);
  for (const f of [...(sets[0] ?? []), ...lacking(Object.keys(overrides))]) if (!names.includes(f)) names.push(f);
  return names.map(
    (f) => needs.specs.find((s) => s.field === f) ?? { field: f, aliases: [], required: true, description: f },
  );
}

/** Column index an override names (a 1-based position or a header), or -1 when the row has none such. */
function overrideIndex(headers: string[], keys: string[], target: string): number {
  if (/^\d+$/.test(target)) {
    const position = Number(target);
    return position >= 1 && position <= headers.length ? position - 1 : -1;
  }
  const exact = headers.indexOf(target);
  return exact !== -1 ? exact : keys.indexOf(headerKey(target));
}

/**
 * The error for a header that lacks fields: a `--map` naming no column, or the first missing
 * field, with the column to propose for it (told by the `sample` rows below the header when
 * there are some).
 */
export function missingError(
  file: string,
  line: number,
  fit: HeaderFit,
  overrides: ColumnOverrides,
  hasHeader: boolean,
  sample: readonly (readonly string[])[] = [],
): FolioError {
  const headers = fit.mapping.headers;
  const unresolved = fit.missing.find((s) => s.field in overrides);
  if (unresolved) {
    const target = overrides[unresolved.field] as string;
    if (/^\d+$/.test(target)) {
      return new FolioError({
        code: 'BAD_MAP',
        file,
        says: says('MAP_COLUMN_OUT_OF_RANGE', { target, count: headers.length }),
      });
    }
    return new FolioError({
      code: 'BAD_MAP',
      file,
      says: says('MAP_COLUMN_NOT_FOUND', {
        target,
        columns: hasHeader ? headers : null,
        closest: hasHeader ? nearest(headers, [target]) : null,
      }),
    });
  }
  const missing = fit.missing;
  const first = missing[0] as FieldSpec;
  const closest = hasHeader ? closestHeader(first, headers, sample, new Set(Object.values(fit.mapping.index))) : null;
  return new FolioError({
    code: 'MISSING_COLUMN',
    file,
    line: hasHeader ? line : undefined,
    says: says('MISSING_COLUMN', {
      fields: missing.map((m) => ({ field: m.field, description: m.description })),
      columns: hasHeader ? headers : null,
      closest,
      first: first.field,
    }),
  });
}

/**
 * The header to propose for a field no header matched. For an amount or a date, and given
 * rows below the header: the column whose values read as numbers (as dates), the one whose
 * name is most like the field's aliases first; never a column another field took, nor one
 * of IDs, codes, years or percentages, nor dates (Excel day numbers included) for an amount.
 * Otherwise, the header nearest to an alias when it is near enough to be a misspelling.
 */
export function closestHeader(
  spec: FieldSpec,
  headers: string[],
  sample: readonly (readonly string[])[] = [],
  taken: ReadonlySet<number> = new Set(),
): string | null {
  const aliases = spec.aliases.length > 0 ? spec.aliases : [spec.field];
  if (spec.kind === undefined || sample.length === 0) return nearest(headers, aliases);
  const valuesOf = (i: number): string[] => sample.map((row) => (row[i] ?? '').trim()).filter((v) => v !== '');
  if (spec.kind === 'text') {
    // A name: only a column of text, and only one named nearly like the field.
    return nearest(
      headers.filter((_, i) => !taken.has(i) && readsAsText(valuesOf(i))),
      aliases,
    );
  }
  const fits = spec.kind === 'amount' ? readsAsAmounts : readsAsDates;
  // Likeness also to what other inputs call an amount or a date (`Grand Total` for a lead's amount).
  const names = [...aliases, ...(spec.kind === 'amount' ? DEAL_ALIASES.amount : DEAL_ALIASES.date)];
  let best: string | null = null;
  let bestLikeness = Infinity;
  headers.forEach((header, i) => {
    if (taken.has(i) || headerKey(header) === '') return;
    if (!fits(header, valuesOf(i))) return;
    const likeness = unlikeness(header, names);
    if (likeness < bestLikeness) {
      bestLikeness = likeness;
      best = header;
    }
  });
  return best;
}

/** How far a header's name is from the nearest alias, 0 for the same. */
function unlikeness(header: string, aliases: readonly string[]): number {
  const hk = headerKey(header);
  let best = Infinity;
  for (const alias of aliases) {
    const ak = headerKey(alias);
    best = Math.min(best, editDistance(hk, ak) / Math.max(ak.length, hk.length, 1));
  }
  return best;
}

/** Share of a column's sampled values that must read as its kind for it to be proposed. */
const KIND_SHARE = 0.8;
/** Headers of numbers that are not amounts: IDs, numbers, codes, phones, years, ages, days, percentages. */
const NOT_AN_AMOUNT =
  /(^|[^\p{L}])(id|no|№|number|num|ref|reference|sku|code|phone|zip|postal|year|age|days|percent|probability|rate|discount|cost|profit|margin|price|qty|quantity|duration|seconds|minutes|инн|код|номер|телефон|год|дней|процент|вероятность|скидка|себестоимость|прибыль|цена|количество|длительность)([^\p{L}]|$)|%|ids?$/iu;
/** Headers that say date or time: their numbers are Excel day numbers, never an amount. */
const SAYS_DATE = /date|time|дата|время|day|день/iu;

function mostly(values: readonly string[], test: (v: string) => boolean): boolean {
  if (values.length === 0) return false;
  let yes = 0;
  for (const v of values) if (test(v)) yes++;
  return yes >= values.length * KIND_SHARE;
}

function readsAsAmounts(header: string, values: readonly string[]): boolean {
  if (NOT_AN_AMOUNT.test(header) || SAYS_DATE.test(header)) return false;
  const out = newParsedAmount();
  const date = newParsedDate();
  return mostly(values, (v) => {
    if (readDate(v, null, date) !== DateRead.Invalid) return false;
    const r = readAmount(v, null, out);
    return r === NumberRead.Ok || r === NumberRead.Ambiguous;
  });
}

function readsAsText(values: readonly string[]): boolean {
  const out = newParsedAmount();
  const date = newParsedDate();
  return mostly(values, (v) => {
    const d = readDate(v, null, date);
    return d !== DateRead.Ok && d !== DateRead.Ambiguous && readAmount(v, null, out) === NumberRead.Invalid;
  });
}

function readsAsDates(header: string, values: readonly string[]): boolean {
  const date = newParsedDate();
  const serials = SAYS_DATE.test(header);
  return mostly(values, (v) => {
    const r = readDate(v, null, date);
    return r === DateRead.Ok || r === DateRead.Ambiguous || (serials && serialDay(v) >= 0);
  });
}

/** The header nearest to one of the aliases, when it is near enough to be a misspelling. */
function nearest(headers: string[], aliases: readonly string[]): string | null {
  let best = '';
  let bestDistance = Infinity;
  for (const h of headers) {
    const hk = headerKey(h);
    if (hk === '') continue;
    for (const alias of aliases) {
      const ak = headerKey(alias);
      const d = editDistance(hk, ak) / Math.max(ak.length, 1);
      if (d < bestDistance) {
        bestDistance = d;
        best = h;
      }
    }
  }
  return bestDistance <= 0.34 ? best : null;
}
