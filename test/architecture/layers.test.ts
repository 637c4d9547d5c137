import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The data walks one way: load (io, normalize, load) → compute (analyses) → present → render,
 * with cli on top. Each folder may import only the folders listed for it; `folio-error.ts` at the
 * root of src is shared by all. A folder missing here fails the test, so a new one is placed
 * on purpose. `codes` holds the codes folio reports and the fields of each (data, no words):
 * every layer may use it.
 */
const ALLOWED: Record<string, string[]> = {
  codes: [],
  io: [],
  normalize: ['io'],
  analyses: ['normalize'],
  schema: ['analyses', 'normalize'],
  load: ['io', 'normalize', 'analyses', 'schema'],
  render: ['schema'],
  present: ['analyses', 'normalize', 'render', 'schema'],
  config: ['analyses', 'normalize', 'load', 'schema'],
  run: ['io', 'normalize', 'analyses', 'schema', 'load', 'present', 'render', 'config'],
  cli: ['io', 'normalize', 'analyses', 'schema', 'load', 'present', 'render', 'config', 'run'],
};
/** Packages only the command layer may load. */
const CLI_ONLY = ['commander'];

const SRC = resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const folderOf = (file: string): string => relative(SRC, file).split('/')[0] ?? '';

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2] ?? '');
}

/** Every import that crosses the layers the wrong way, as `from → to`. */
function violations(): string[] {
  const out: string[] = [];
  for (const file of sources(SRC)) {
    const from = folderOf(file);
    if (from.endsWith('.ts')) continue;
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = relative(SRC, resolve(dirname(file), spec));
        const to = target.split('/')[0] ?? '';
        if (to === from || to === 'codes' || to.startsWith('folio-error.')) continue;
        if (!(ALLOWED[from] ?? []).includes(to)) out.push(`${relative(SRC, file)} → ${target}`);
      } else if (CLI_ONLY.includes(spec) && from !== 'cli') out.push(`${relative(SRC, file)} → ${spec}`);
    }
  }
  return out;
}

describe('layers', () => {
  it('every folder of src has a place in the layering', () => {
    const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory());
    expect(folders.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('no import runs from a lower layer to a higher one, and only cli loads commander', () => {
    expect(violations()).toEqual([]);
  });

  it('catches an upward import (the check itself can fail)', () => {
    // A render module reading the runners would be reported: the same rule on a made-up edge.
    expect(ALLOWED.render).not.toContain('run');
    expect(ALLOWED.analyses).not.toContain('present');
    // Words are chosen from results, never from the loaders: present reads no load module.
    expect(ALLOWED.present).not.toContain('load');
    expect(importsOf(join(SRC, 'run', 'share.ts')).some((s) => s.includes('../present/'))).toBe(true);
  });
});
