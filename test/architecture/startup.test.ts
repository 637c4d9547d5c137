import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '../../dist');

/**
 * What loading `entries` loads: the chunks and packages of their static imports, followed to
 * the end. A dynamic `import()` is not followed, which is the point: what is behind one loads
 * only when it is used.
 */
function staticClosure(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    // esbuild writes each static import on its own lines: `import {…} from "x";` or `import "x";`.
    for (const m of code.matchAll(/^import\s(?:[^;]*?\sfrom\s)?"([^"]+)";/gms)) {
      const spec = m[1] as string;
      if (spec.startsWith('./')) queue.push(spec.slice(2));
      else packages.add(spec);
    }
  }
  return { files, packages };
}

/** The chunk esbuild made for the module a dynamic `import()` loads (`share-X7Q2….js` for run/share.ts). */
function dynamicChunk(source: string): string {
  const found = readdirSync(DIST).filter((f) => new RegExp(`^${source}-[A-Z0-9]+\\.js$`).test(f));
  expect(found, source).toHaveLength(1);
  return found[0] as string;
}

/** `folio share FILE` and `--json`: the CLI, the runner, the output switch and the one renderer. */
function sharePath(renderer: 'table' | 'json'): { files: Set<string>; packages: Set<string> } {
  return staticClosure(['main.js', dynamicChunk('share'), dynamicChunk('output'), dynamicChunk(renderer)]);
}

describe('start-up', () => {
  it('loads zod only for the commands that validate against a schema', () => {
    expect(existsSync(join(DIST, 'main.js'))).toBe(true);
    const { packages } = staticClosure(['main.js']);
    // The walk did find the packages every run needs: a regex that matched nothing would pass vacuously.
    expect(packages.has('commander')).toBe(true);
    expect(packages.has('node:fs')).toBe(true);
    expect(packages.has('zod')).toBe(false);
  });

  it('loads on the path of share only commander and Node itself: no chalk without colour, no cli-table3, no crypto', () => {
    for (const renderer of ['table', 'json'] as const) {
      const { files, packages } = sharePath(renderer);
      expect(files.size, renderer).toBeGreaterThan(5);
      expect(
        [...packages].filter((p) => p !== 'commander' && !p.startsWith('node:')),
        renderer,
      ).toEqual([]);
      // node:crypto hashes names for --redact only.
      expect(packages.has('node:crypto'), renderer).toBe(false);
    }
  });

  it('keeps cli-table3 behind the cells that need its Unicode widths, and Intl.NumberFormat off the share path', () => {
    const { files } = sharePath('table');
    const code = [...files].map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    // The table renderer is on the path (the walk reached it) and asks for cli-table3 only through require, at the call.
    expect(code).toContain('function renderTable(');
    expect(code).not.toMatch(/from "cli-table3"/);
    // The first Intl.NumberFormat loads ICU's locale data (about 11 ms); present/format.ts writes numbers itself.
    expect(code).toContain('function money(');
    expect(code).not.toContain('Intl.');
  });
});
