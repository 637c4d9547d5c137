import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES } from '../../src/analyses/check.js';
import { SETTINGS } from '../../src/config/settings.js';
import { folio, ROOT } from './run-cli.js';

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  engines: { node: string };
};

describe('the npm package', () => {
  it("is named folio-sales (folio on the registry is someone else's) and installs the folio command", async () => {
    expect(pkg.name).toBe('folio-sales');
    expect(pkg.bin).toEqual({ folio: 'bin/folio.js' });
    expect(pkg.engines.node).toBe('>=20');
    const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')) as {
      name: string;
      packages: Record<string, { name?: string }>;
    };
    expect([lock.name, lock.packages['']?.name]).toEqual(['folio-sales', 'folio-sales']);
    // The version is read from the package.json of that name: a mismatch would print "unknown".
    expect((await folio(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('packs the command, the bundle and the rules page, and nothing of the sources or tests', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [packed] = JSON.parse(r.stdout) as { name: string; files: { path: string }[] }[];
    const files = (packed?.files ?? []).map((f) => f.path);
    expect(packed?.name).toBe('folio-sales');
    for (const file of ['bin/folio.js', 'dist/main.js', 'docs/rules.md', 'package.json', 'README.md'])
      expect(files).toContain(file);
    expect(files.filter((f) => /^(src|test|fixtures|bench)\//.test(f))).toEqual([]);
  });
});

describe('the rules page', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const rules = readFileSync(`${ROOT}docs/rules.md`, 'utf8');

  it('is linked from the README, which points nowhere outside the repository', () => {
    expect(readme).toContain('](docs/rules.md)');
    expect(readme).not.toMatch(/\.\.\/shared|DOMAIN\.md/);
  });

  it('names every check rule, and every threshold by its config key and variable', () => {
    for (const rule of CHECK_RULES) expect(rules).toContain(`| \`${rule}\` |`);
    for (const s of SETTINGS.filter(
      (x) => x.path.startsWith('thresholds.') || x.path === 'check.failOn' || x.path === 'personalChannels',
    )) {
      expect(rules, s.path).toContain(`\`${s.path}`);
      expect(rules, s.env).toContain(s.env);
    }
  });
});
