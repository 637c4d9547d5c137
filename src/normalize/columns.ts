import { says } from '../codes/errors.js';
import type { WarningFields } from '../codes/warnings.js';
import { FolioError } from '../errors.js';
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
}

/** Stand-in headers for a field, and what using one means for the figures. */
export interface Fallback {
  aliases: readonly string[];
  /** What the header stands in for: the warning (`CLIENT_BY_ID`, or `DATE_FALLBACK` of this kind) says so. */
  kind: FallbackKind;
}

export type FallbackKind = 'client-id' | WarningFields['DATE_FALLBACK']['kind'];

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

/** Map header names to fields, or throw the located error that names what is missing. */
export function mapColumns(
  file: string,
  headers: string[],
  specs: readonly FieldSpec[],
  overrides: ColumnOverrides = {},
  hasHeader = true,
): ColumnMapping {
  const fit = fitColumns(file, headers, { specs }, overrides, 1);
  if (fit.duplicate) throw fit.duplicate;
  if (fit.missing.length > 0) throw missingError(file, 1, fit, overrides, hasHeader);
  return fit.mapping;
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
  const specs = needs.specs;
  const keys = headers.map(headerKey);
  const index: Record<string, number> = {};
  const header: Record<string, string> = {};
  const taken = new Set<number>();
  const choices: WarningFields['COLUMN_CHOICE'][] = [];
  const fallbacks: FallbackUse[] = [];
  let duplicate: FolioError | null = null;
  let duplicateChoice: WarningFields['COLUMN_CHOICE'] | null = null;

  for (const [field, target] of Object.entries(overrides)) {
    if (!specs.some((s) => s.field === field)) {
      const cased = specs.find((s) => s.field.toLowerCase() === field.toLowerCase());
      throw new FolioError({
        code: 'UNKNOWN_FIELD',
        file,
        message: `--map names an unknown field "${field}"`,
        hint: cased
          ? `field names are written as folio lists them: --map ${cased.field}=${target}`
          : `fields of this input: ${specs.map((s) => s.field).join(', ')}`,
        says: says('UNKNOWN_FIELD', { field, cased: cased?.field ?? null, target, fields: specs.map((s) => s.field) }),
      });
    }
    const at = overrideIndex(headers, keys, target);
    if (at === -1) continue;
    index[field] = at;
    header[field] = headers[at] ?? `column ${at + 1}`;
    taken.add(at);
  }

  for (const spec of specs) {
    if (spec.field in index || spec.field in overrides) continue;
    const groups = [spec.aliases, ...(spec.fallbacks ?? []).map((f) => f.aliases)];
    const found = groups.map((aliases) => matchesOf(headers, keys, taken, aliases));
    const used = found.findIndex((m) => m.length > 0);
    if (used === -1) continue;
    const matches = found[used] as Match[];
    const best = matches[0] as Match;
    const tie = matches.find((m) => m.index !== best.index && m.rank === best.rank);
    if (tie && keys[tie.index] === keys[best.index]) {
      duplicateChoice ??= {
        field: spec.field,
        header: headers[tie.index] ?? '',
        columns: [best.index + 1, tie.index + 1],
      };
      duplicate ??= new FolioError({
        code: 'DUPLICATE_HEADER',
        file,
        line,
        column: tie.index + 1,
        value: headers[tie.index],
        message: `two columns (${best.index + 1} and ${tie.index + 1}) are both named like this, and both could be the ${spec.field}`,
        hint: `say which one with --map ${spec.field}=${best.index + 1} or --map ${spec.field}=${tie.index + 1}`,
        says: says('DUPLICATE_HEADER', { a: best.index + 1, b: tie.index + 1, field: spec.field }),
      });
    }
    const taker = headers[best.index] ?? '';
    index[spec.field] = best.index;
    header[spec.field] = taker;
    taken.add(best.index);
    // Rivals include the fallback headers passed over, so the choice is never hidden.
    const rivals = [
      ...new Set(
        found
          .flat()
          .filter((m) => m.index !== best.index)
          .map((m) => m.index),
      ),
    ];
    if (rivals.length > 0) {
      choices.push({ field: spec.field, took: taker, over: rivals.map((i) => headers[i] ?? '') });
    }
    const fallback = used > 0 ? spec.fallbacks?.[used - 1] : undefined;
    if (fallback) fallbacks.push({ field: spec.field, header: taker, kind: fallback.kind });
  }

  const mapping: ColumnMapping = {
    index,
    header,
    headers,
    cells: headers.length,
    unmatched: headers.filter((h, i) => !taken.has(i) && h.trim() !== ''),
    choices,
    fallbacks,
    line,
    preamble: 0,
    headerless: null,
  };
  return { mapping, missing: missingFields(index, needs, overrides), duplicate, duplicateChoice };
}

/** Headers not yet taken that match one of `aliases`, best first. */
function matchesOf(headers: string[], keys: string[], taken: Set<number>, aliases: readonly string[]): Match[] {
  const aliasKeys = aliases.map(headerKey);
  const matches: Match[] = [];
  keys.forEach((key, i) => {
    if (taken.has(i) || key === '') return;
    headerVariants(headers[i] ?? '').forEach((variant, v) => {
      const rank = aliasKeys.indexOf(headerKey(variant));
      if (rank !== -1) matches.push({ index: i, rank: rank * VARIANTS + v });
    });
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

/** The error for a header that lacks fields: a `--map` naming no column, or the first missing field. */
export function missingError(
  file: string,
  line: number,
  fit: HeaderFit,
  overrides: ColumnOverrides,
  hasHeader: boolean,
): FolioError {
  const headers = fit.mapping.headers;
  const unresolved = fit.missing.find((s) => s.field in overrides);
  if (unresolved) {
    const target = overrides[unresolved.field] as string;
    if (/^\d+$/.test(target)) {
      return new FolioError({
        code: 'BAD_MAP',
        file,
        message: `--map names column ${target}, but the file has ${headers.length} columns`,
        hint: 'columns are numbered from 1',
        says: says('MAP_COLUMN_OUT_OF_RANGE', { target, count: headers.length }),
      });
    }
    return new FolioError({
      code: 'BAD_MAP',
      file,
      message: `--map names a column "${target}" that is not in the file`,
      hint: hasHeader
        ? `columns found: ${headers.map((h) => `"${h}"`).join(', ')}${closestNote(nearest(headers, [target]))}`
        : 'the file was read without a header row: name columns by position, e.g. --map client=2',
      says: says('MAP_COLUMN_NOT_FOUND', {
        target,
        columns: hasHeader ? headers : null,
        closest: hasHeader ? nearest(headers, [target]) : null,
      }),
    });
  }
  const missing = fit.missing;
  const first = missing[0] as FieldSpec;
  return new FolioError({
    code: 'MISSING_COLUMN',
    file,
    line: hasHeader ? line : undefined,
    message: `no column for ${missing.map((m) => `"${m.field}"`).join(' and ')} (${missing.map((m) => m.description).join('; ')})`,
    hint: hasHeader
      ? `columns found: ${headers.map((h) => `"${h}"`).join(', ')}${closestNote(closestHeader(first, headers))}; map one with --map ${first.field}=HEADER`
      : `name the column by position, e.g. --map ${first.field}=1`,
    says: says('MISSING_COLUMN', {
      fields: missing.map((m) => ({ field: m.field, description: m.description })),
      columns: hasHeader ? headers : null,
      closest: hasHeader ? closestHeader(first, headers) : null,
      first: first.field,
    }),
  });
}

/** The header nearest to one of a field's aliases, when one is near enough to suggest. */
export function closestHeader(spec: FieldSpec, headers: string[]): string | null {
  return nearest(headers, spec.aliases.length > 0 ? spec.aliases : [spec.field]);
}

function closestNote(header: string | null): string {
  return header === null ? '' : `; closest: "${header}"`;
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
