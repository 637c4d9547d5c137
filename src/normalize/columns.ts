import { FolioError } from '../errors.js';
import { editDistance, headerKey } from './text.js';

export interface FieldSpec {
  field: string;
  aliases: readonly string[];
  required: boolean;
  /** What the field is, for error messages ("the amount of each deal"). */
  description: string;
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
}

interface Match {
  index: number;
  rank: number;
}

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
    const aliasKeys = spec.aliases.map(headerKey);
    const matches: Match[] = [];
    keys.forEach((key, i) => {
      if (taken.has(i) || key === '') return;
      const variants = headerVariants(headers[i] ?? '').map(headerKey);
      variants.forEach((variant, v) => {
        const rank = aliasKeys.indexOf(variant);
        if (rank !== -1) matches.push({ index: i, rank: rank + v * 1000 });
      });
    });
    if (matches.length === 0) continue;
    matches.sort((a, b) => a.rank - b.rank || a.index - b.index);
    const best = matches[0] as Match;
    const rivals = [...new Set(matches.filter((m) => m.index !== best.index).map((m) => m.index))];
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
    index[spec.field] = best.index;
    header[spec.field] = headers[best.index] ?? '';
    taken.add(best.index);
    if (rivals.length > 0) {
      choices.push(
        `${spec.field}: took "${headers[best.index]}" over ${rivals.map((i) => `"${headers[i]}"`).join(', ')} (override with --map ${spec.field}=HEADER)`,
      );
    }
  }

  const missing = specs.filter((s) => s.required && !(s.field in index));
  if (missing.length > 0) throw missingFields(file, headers, missing, hasHeader);

  return {
    index,
    header,
    headers,
    unmatched: headers.filter((h, i) => !taken.has(i) && h.trim() !== ''),
    choices,
  };
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
