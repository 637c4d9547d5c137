import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES } from '../../src/analyses/check.js';
import { LANGS } from '../../src/present/i18n.js';
import { CHECK_WORDS, FINDINGS, RULE_GAP } from '../../src/present/messages/check.js';
import { WARNINGS } from '../../src/present/messages/warnings.js';
import { CELL_HINTS, CELLS, ERRORS } from '../../src/present/messages/error-words.js';

const SRC = resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = sources(SRC).map((f) => ({ path: f, text: readFileSync(f, 'utf8') }));
const text = files.map((f) => f.text).join('\n');

/** The argument text of each `new FolioError(…)` call in a source, up to its closing parenthesis. */
function errorCalls(source: string): string[] {
  return source
    .split('new FolioError(')
    .slice(1)
    .map((rest) => {
      let depth = 1;
      let i = 0;
      for (; i < rest.length && depth > 0; i++) depth += rest[i] === '(' ? 1 : rest[i] === ')' ? -1 : 0;
      return rest.slice(0, i);
    });
}

/** Constructions of a FolioError that carry neither `says` (an id of the catalog) nor `cells`, as `file: count`. */
function unworded(list: { path: string; text: string }[]): string[] {
  return list.flatMap((f) => {
    // `new FolioError({ ...error.init, sheet })` copies an error that has its own (folio-error.ts, placing it in a sheet).
    const n = errorCalls(f.text).filter(
      (call) => !/\b(says|cells):/.test(call) && !/\.\.\.\w+\.init\b/.test(call),
    ).length;
    return n > 0 ? [`${f.path.slice(SRC.length + 1)}: ${n}`] : [];
  });
}

/**
 * `message:` and `hint:` properties whose value is an English sentence (two words or more
 * outside `${…}`), as `file:line`: words belong to the catalog.
 */
function inlineWords(list: { path: string; text: string }[]): string[] {
  return list.flatMap((f) =>
    [...f.text.matchAll(/\b(?:message|hint)\s*:\s*(?:'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`|"((?:[^"\\]|\\.)*)")/g)]
      .filter((m) => /[A-Za-z]+[ ,;:]+[A-Za-z]+/.test((m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, '')))
      .map((m) => `${f.path.slice(SRC.length + 1)}:${f.text.slice(0, m.index).split('\n').length}`),
  );
}

/** The languages an entry lacks (a text function per language is required). */
function missingLanguages(catalog: Record<string, Partial<Record<string, { text?: unknown }>>>): string[] {
  return Object.entries(catalog).flatMap(([code, entry]) =>
    LANGS.filter((l) => typeof entry[l]?.text !== 'function').map((l) => `${code}.${l}`),
  );
}

describe('message catalogs', () => {
  it('every warning code raised in src has an entry', () => {
    // `warning('CODE', …)` is how a warning is raised; unknown-values.ts maps columns to its codes.
    const columns = readFileSync(join(SRC, 'load/unknown-values.ts'), 'utf8');
    const raised = new Set(
      [...text.matchAll(/warning\('([A-Z_]+)'/g), ...columns.matchAll(/'(UNKNOWN_[A-Z]+)'/g)].map(
        (m) => m[1] as string,
      ),
    );
    expect(raised.size).toBeGreaterThan(30);
    expect([...raised].filter((code) => !(code in WARNINGS))).toEqual([]);
  });

  it('no warning is pushed the old way, as a code with English prose', () => {
    expect(text.match(/warnings\.push\(\{\s*code:/g) ?? []).toEqual([]);
  });

  it('every entry speaks every language', () => {
    expect(missingLanguages(WARNINGS)).toEqual([]);
    expect(missingLanguages(FINDINGS)).toEqual([]);
    expect(missingLanguages({ RULE_GAP })).toEqual([]);
    expect(Object.keys(FINDINGS).sort()).toEqual([...CHECK_RULES].sort());
    for (const lang of LANGS) expect(Object.keys(CHECK_WORDS[lang]).sort()).toEqual(Object.keys(CHECK_WORDS.en).sort());
  });

  it('every FolioError raised in src says its message as an id of the error catalog, which has it', () => {
    expect(unworded(files)).toEqual([]);
    const ids = new Set([...text.matchAll(/\b(?:says|errorSays)\('([A-Z_0-9]+)'/g)].map((m) => m[1] as string));
    expect(ids.size).toBeGreaterThan(40);
    expect([...ids].filter((id) => !(id in ERRORS))).toEqual([]);
    const cells = new Set([...text.matchAll(/\bcell\('([A-Z_]+)'/g)].map((m) => m[1] as string));
    expect(cells.size).toBeGreaterThan(20);
    expect([...cells].filter((id) => !(id in CELLS))).toEqual([]);
  });

  it('no message or hint is written in words outside the catalog (src/present) and the codes', () => {
    const outside = files.filter((f) => !/\/src\/(present|codes)\//.test(f.path));
    expect(outside.length).toBeGreaterThan(100);
    expect(inlineWords(outside)).toEqual([]);
    // The check can fail: an English hint beside an id, and a message of words, are found.
    const made = [
      { path: `${SRC}/x.ts`, text: "new FolioError({\n  code: 'USAGE',\n  hint: 'check the path',\n  says });" },
      { path: `${SRC}/y.ts`, text: 'const e = { message: `no column for ${f}` };' },
    ];
    expect(inlineWords(made)).toEqual(['x.ts:3', 'y.ts:1']);
  });

  it('catches a FolioError without its id (the check can fail)', () => {
    expect(
      unworded([
        { path: `${SRC}/x.ts`, text: "throw new FolioError({ code: 'USAGE', message: `a (b)`, hint: 'c' });" },
      ]),
    ).toEqual(['x.ts: 1']);
    expect(
      unworded([{ path: `${SRC}/x.ts`, text: "new FolioError({ code: 'X', message: f('a'), says: says('X', {}) })" }]),
    ).toEqual([]);
  });

  it('every error and cell entry speaks every language, and every hint', () => {
    expect(missingLanguages(ERRORS)).toEqual([]);
    expect(missingLanguages(CELLS)).toEqual([]);
    for (const [id, entry] of Object.entries(ERRORS))
      for (const lang of LANGS) expect(typeof entry[lang].hint, `${id}.${lang}`).toBe(typeof entry.en.hint);
    for (const [id, hint] of Object.entries(CELL_HINTS))
      for (const lang of LANGS) expect(hint[lang], `${id}.${lang}`).toMatch(lang === 'ru' ? /[а-я]/ : /[a-z]/);
  });

  it('catches an entry without its Russian side (the check can fail)', () => {
    expect(missingLanguages({ X: { en: { text: () => 'x' } } })).toEqual(['X.ru']);
  });

  it('the Russian text is Russian: each warning without fields reads differently from its English', () => {
    for (const code of ['FOLLOW_UP_NEEDS_LOG', 'CADENCE_SKIPPED', 'LEADS_LOAD_UNCHECKED'] as const) {
      const entry = WARNINGS[code];
      expect(entry.ru.text({})).toMatch(/[а-я]/);
      expect(entry.ru.text({})).not.toBe(entry.en.text({}));
    }
  });
});
