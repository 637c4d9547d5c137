import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '../../dist');

/**
 * The packages the bundle loads before any command runs: the static imports of dist/main.js
 * and of every chunk it imports statically, followed to the end. A dynamic `import()` is
 * not followed, which is the point: what is behind one loads only when it is used.
 */
function staticPackages(): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = ['main.js'];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    // esbuild writes each static import on its own lines: `import {…} from "x";` or `import "x";`.
    for (const m of code.matchAll(/^import\s(?:[^;]*?\sfrom\s)?"([^"]+)";/gms)) {
      const spec = m[1] as string;
      if (spec.startsWith('./')) queue.push(spec.slice(2));
      else packages.add(spec);
    }
  }
  return packages;
}

describe('start-up', () => {
  it('loads zod only for the commands that validate against a schema', () => {
    expect(existsSync(join(DIST, 'main.js'))).toBe(true);
    const packages = staticPackages();
    // The walk did find the packages every run needs: a regex that matched nothing would pass vacuously.
    expect(packages.has('commander')).toBe(true);
    expect(packages.has('node:fs')).toBe(true);
    expect(packages.has('zod')).toBe(false);
  });
});
