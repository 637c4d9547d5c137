import { FolioError } from '../errors.js';
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
  /** Stable warning code, e.g. `DATE_FALLBACK`. */
  code: string;
  /** The warning, given the header taken. */
  says: (header: string) => string;
}

/** A field mapped by a fallback, with the warning that says so. */
export interface FallbackUse {
  field: string;
  header: string;
  code: string;
  message: string;
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
  /** Headers no field took. */
  unmatched: string[];
  /** Choices made between several matching headers, for warnings and `inspect`. */
  choices: string[];
  /** Fields mapped by a fallback header. */
  fallbacks: FallbackUse[];
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

/**
 * Map header names to fields. Each field takes the header that matches its most specific
 * alias; a header serves one field only; `overrides` win over everything.
 */
export function mapColumns(
  file: string,
  headers: string[],
  specs: readonly FieldSpec[],
  overrides: ColumnOverrides = {},
  hasHeader = true,
): ColumnMapping {
  const keys = headers.map(headerKey);
  const index: Record<string, number> = {};
  const header: Record<string, string> = {};
  const taken = new Set<number>();
  const choices: string[] = [];
  const fallbacks: FallbackUse[] = [];

  for (const [field, target] of Object.entries(overrides)) {
    if (!specs.some((s) => s.field === field)) {
      throw new FolioError({
        code: 'UNKNOWN_FIELD',
        file,
        message: `--map names an unknown field "${field}"`,
        hint: `fields of this input: ${specs.map((s) => s.field).join(', ')}`,
      });
    }
    const at = resolveOverride(file, headers, keys, target, hasHeader);
    index[field] = at;
    header[field] = headers[at] ?? `column ${at + 1}`;
    taken.add(at);
  }

  for (const spec of specs) {
    if (spec.field in index) continue;
    const groups = [spec.aliases, ...(spec.fallbacks ?? []).map((f) => f.aliases)];
    const found = groups.map((aliases) => matchesOf(headers, keys, taken, aliases));
    const used = found.findIndex((m) => m.length > 0);
    if (used === -1) continue;
    const matches = found[used] as Match[];
    const best = matches[0] as Match;
    const tie = matches.find((m) => m.index !== best.index && m.rank === best.rank);
    if (tie && keys[tie.index] === keys[best.index]) {
      throw new FolioError({
        code: 'DUPLICATE_HEADER',
        file,
        line: 1,
        column: tie.index + 1,
        value: headers[tie.index],
        message: `two columns (${best.index + 1} and ${tie.index + 1}) are both named like this, and both could be the ${spec.field}`,
        hint: `say which one with --map ${spec.field}=${best.index + 1} or --map ${spec.field}=${tie.index + 1}`,
      });
    }
    const taker = headers[best.index] ?? '';
    index[spec.field] = best.index;
    header[spec.field] = taker;
    taken.add(best.index);
    // Rivals include the fallback headers passed over, so the choice is never hidden.
    const rivals = [...new Set(found.flat().filter((m) => m.index !== best.index).map((m) => m.index))];
    if (rivals.length > 0) {
      choices.push(`${spec.field}: took "${taker}" over ${rivals.map((i) => `"${headers[i]}"`).join(', ')} (override with --map ${spec.field}=HEADER)`);
    }
    const fallback = used > 0 ? spec.fallbacks?.[used - 1] : undefined;
    if (fallback) fallbacks.push({ field: spec.field, header: taker, code: fallback.code, message: fallback.says(taker) });
  }

  const missing = specs.filter((s) => s.required && !(s.field in index));
  if (missing.length > 0) throw missingFields(file, headers, missing, hasHeader);

  return {
    index,
    header,
    headers,
    unmatched: headers.filter((h, i) => !taken.has(i) && h.trim() !== ''),
    choices,
    fallbacks,
  };
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

function resolveOverride(file: string, headers: string[], keys: string[], target: string, hasHeader: boolean): number {
  if (/^\d+$/.test(target)) {
    const position = Number(target);
    if (position >= 1 && position <= headers.length) return position - 1;
    throw new FolioError({
      code: 'BAD_MAP',
      file,
      message: `--map names column ${position}, but the file has ${headers.length} columns`,
      hint: 'columns are numbered from 1',
    });
  }
  const exact = headers.indexOf(target);
  if (exact !== -1) return exact;
  const byKey = keys.indexOf(headerKey(target));
  if (byKey !== -1) return byKey;
  throw new FolioError({
    code: 'BAD_MAP',
    file,
    message: `--map names a column "${target}" that is not in the file`,
    hint: hasHeader
      ? `columns found: ${headers.map((h) => `"${h}"`).join(', ')}${closest(target, headers)}`
      : 'the file was read without a header row: name columns by position, e.g. --map client=2',
  });
}

function missingFields(file: string, headers: string[], missing: FieldSpec[], hasHeader: boolean): FolioError {
  const names = missing.map((s) => s.field);
  const first = missing[0] as FieldSpec;
  const suggestion = hasHeader ? closest(first.aliases[0] ?? first.field, headers, first.aliases) : '';
  return new FolioError({
    code: 'MISSING_COLUMN',
    file,
    line: hasHeader ? 1 : undefined,
    message: `no column for ${names.map((n) => `"${n}"`).join(' and ')} (${missing.map((m) => m.description).join('; ')})`,
    hint: hasHeader
      ? `columns found: ${headers.map((h) => `"${h}"`).join(', ')}${suggestion}; map one with --map ${first.field}=HEADER`
      : `name the column by position, e.g. --map ${first.field}=1`,
  });
}

/** `; closest: "Sum"` when some header is near an alias, else ''. */
function closest(target: string, headers: string[], aliases: readonly string[] = [target]): string {
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
  return bestDistance <= 0.34 ? `; closest: "${best}"` : '';
}
