import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES } from '../../src/analyses/check.js';
import { LANGS } from '../../src/present/i18n.js';
import { CHECK_WORDS, FINDINGS, RULE_GAP } from '../../src/present/messages/check.js';
import { WARNINGS } from '../../src/present/messages/warnings.js';

const SRC = resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const text = sources(SRC).map((f) => readFileSync(f, 'utf8')).join('\n');

/** The languages an entry lacks (a text function per language is required). */
function missingLanguages(catalog: Record<string, Partial<Record<string, { text?: unknown }>>>): string[] {
  return Object.entries(catalog).flatMap(([code, entry]) => LANGS.filter((l) => typeof entry[l]?.text !== 'function').map((l) => `${code}.${l}`));
}

describe('message catalogs', () => {
  it('every warning code raised in src has an entry', () => {
    // `warning('CODE', …)` is how a warning is raised; unknown-values.ts maps columns to its codes.
    const columns = readFileSync(join(SRC, 'load/unknown-values.ts'), 'utf8');
    const raised = new Set([...text.matchAll(/warning\('([A-Z_]+)'/g), ...columns.matchAll(/'(UNKNOWN_[A-Z]+)'/g)].map((m) => m[1] as string));
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
