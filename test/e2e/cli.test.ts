import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, folio, ROOT } from './run-cli.js';

const ESC = '\u001b[';

describe('folio CLI conventions (e2e)', () => {
  it('prints its version and help with exit 0', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await folio(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await folio(['share', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
  });

  it('exits 2 on usage errors and suggests the nearest command', async () => {
    const typo = await folio(['shar', 'x.csv']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/share/);
    expect((await folio(['share'])).code).toBe(2);
    expect((await folio(['share', 'fixtures/deals-en-hubspot.csv', '--bogus'])).code).toBe(2);
    const badPeriod = await folio(['share', 'fixtures/deals-en-hubspot.csv', '--period', '2026-13']);
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.stderr).toMatch(/not a period/);
  });

  it('writes tables without colour when not a terminal, and with FORCE_COLOR', async () => {
    const plain = await folio(['share', 'fixtures/deals-en-hubspot.csv']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout).toMatch(/Acme Corp\s+20,499\.75/);
    const forced = await folio(['share', 'fixtures/deals-en-hubspot.csv'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(ESC);
    const vetoed = await folio(['share', 'fixtures/deals-en-hubspot.csv', '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(vetoed.stdout).not.toContain(ESC);
    const noColor = await folio(['share', 'fixtures/deals-en-hubspot.csv'], {
      env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(noColor.stdout).not.toContain(ESC); // NO_COLOR wins over FORCE_COLOR
  });

  it('keeps data on stdout and warnings on stderr', async () => {
    const run = await folio(['share', 'fixtures/deals-en-hubspot.csv', '--format', 'csv']);
    expect(run.stdout.split('\n')[0]).toBe('rank,client,revenue,share,cumulativeShare,class,manager');
    expect(run.stdout).toMatch(/^1,Acme Corp,20499\.75,/m);
    expect(run.stderr).toMatch(/warning: .*took "Close Date"/);
  });

  it('writes ndjson and markdown', async () => {
    const nd = (await folio(['share', 'fixtures/deals-en-hubspot.csv', '--format', 'ndjson'])).stdout
      .trim()
      .split('\n');
    expect(nd).toHaveLength(4);
    expect(JSON.parse(nd[0] ?? '')).toMatchObject({ rank: 1, client: 'Acme Corp', class: 'golden' });
    const md = (await folio(['share', 'fixtures/deals-ru-amocrm-1251.csv', '--format', 'markdown', '--lang', 'ru']))
      .stdout;
    expect(md).toMatch(/^# Доля выручки по клиентам/);
    expect(md).toMatch(/\| 1 \| \*\*АО Вектор\*\* \| 3 500 000 \|/);
  });

  it('writes --output atomically and leaves the old file on error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-'));
    const out = join(dir, 'share.json');
    expect((await folio(['share', 'fixtures/deals-en-hubspot.csv', '--json', '-o', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ command: 'share' });
    writeFileSync(out, 'previous');
    const failed = await folio(['share', 'fixtures/broken/bad-amount.csv', '--json', '-o', out]);
    expect(failed.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['share.json']);
  });

  it('ends quietly with 0 when the reader closes the pipe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-'));
    const big = join(dir, 'big.csv');
    const lines = ['client,amount'];
    for (let i = 0; i < 20_000; i++) lines.push(`Client ${i},${(i % 97) + 1}`);
    writeFileSync(big, `${lines.join('\n')}\n`);
    const run = spawnSync(
      'bash',
      ['-c', `node "${BIN}" share "${big}" --format csv | head -n 2; echo "status=\${PIPESTATUS[0]}"`],
      { encoding: 'utf8' },
    );
    expect(run.stdout).toMatch(/status=0/);
    expect(run.stderr).toBe('');
  });
});

describe('progress and verbose output (e2e)', () => {
  it('prints no progress line when stderr is not a terminal, and a row summary with --verbose', async () => {
    const r = await folio(['share', 'fixtures/deals-bitrix24-products.csv', '--verbose', '--format', 'csv']);
    expect(r.stderr).not.toContain('MB/s');
    expect(r.stderr).toMatch(
      /deals-bitrix24-products\.csv \(deals, utf-8, ";", header on line 1\): 7 rows = 5 used \+ 1 status excluded \+ 1 folded \+ 0 totals \+ 0 skipped; 0 blank ignored/,
    );
  });
});
