import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folio } from './run-cli.js';

const DEALS = 'fixtures/demo/deals.csv';

describe('the output file name chooses the format', () => {
  it.each([
    ['report.html', (t: string) => t.startsWith('<!doctype html>')],
    ['report.md', (t: string) => t.startsWith('# ')],
    ['report.json', (t: string) => (JSON.parse(t) as { command: string }).command === 'share'],
    ['report.csv', (t: string) => t.startsWith('rank,client,revenue,')],
    ['report.ndjson', (t: string) => (JSON.parse(t.split('\n')[0] ?? '') as { rank: number }).rank === 1],
  ])('-o %s without --format', async (name, looksRight) => {
    const out = join(mkdtempSync(join(tmpdir(), 'folio-fmt-')), name);
    const r = await folio(['share', DEALS, '--period', '2026-Q3', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(looksRight(readFileSync(out, 'utf8'))).toBe(true);
  });

  it('an extension that says no format (.txt) writes the table', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'folio-fmt-')), 'share.txt');
    expect((await folio(['share', DEALS, '--period', '2026-Q3', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^Revenue share by client/);
  });

  it('--format that agrees with the extension is fine, in any case', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'folio-fmt-')), 'REPORT.HTML');
    expect((await folio(['share', DEALS, '--format', 'html', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it.each([
    [['--format', 'json'], 'report.html', '--format json contradicts the output file'],
    [['--json'], 'report.md', '--json contradicts the output file'],
    [['--format', 'markdown'], 'report.csv', '--format markdown contradicts the output file'],
  ])('%j with -o %s is a usage error, and no file is written', async (flags, name, message) => {
    const out = join(mkdtempSync(join(tmpdir(), 'folio-fmt-')), name);
    const r = await folio(['share', DEALS, ...flags, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('hint: drop');
    expect(existsSync(out)).toBe(false);
    // Decided before the input is read: no warning about the deals file was printed.
    expect(r.stderr).not.toContain('warning:');
  });

  it('report writes HTML to -o report.html', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'folio-fmt-')), 'report-2026-10.html');
    const r = await folio(['report', 'fixtures/demo', '--as-of', '2026-11-23', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Content-Security-Policy');
  });
});
