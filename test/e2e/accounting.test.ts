import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, folio, json } from './run-cli.js';

interface Input {
  file: string;
  rows: number;
  used: number;
  excluded: Record<string, number>;
  folded: number;
  totals: number;
  skipped: number;
}

/**
 * Wait until a child has started and is blocked (waiting for more stdin): its CPU time stops
 * moving. A fixed sleep raced the start-up on a loaded machine, and an interrupt that lands
 * before folio has installed its handler ends the process by the signal, not with 130.
 * Where /proc is missing, a fixed pause is the best there is.
 */
async function settled(pid: number | undefined): Promise<void> {
  const stat = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(stat)) return new Promise((r) => setTimeout(r, 700));
  const cpu = (): number => {
    const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  };
  let last = -1;
  let still = 0;
  for (let waited = 0; waited < 15_000 && still < 3; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    const now = cpu();
    still = now === last && now > 0 ? still + 1 : 0;
    last = now;
  }
}

/** Every fixture through the command that reads it, with and without --skip-invalid. */
const RUNS: string[][] = [
  ['share', 'fixtures/deals-en-hubspot.csv'],
  ['share', 'fixtures/deals-ru-amocrm-1251.csv', '--period', '2026-09'],
  ['share', 'fixtures/deals-bitrix24-products.csv'],
  ['share', 'fixtures/deals-excel-utf16le.txt'],
  ['share', 'fixtures/deals-exact-ten-percent.csv'],
  ['share', 'fixtures/deals-ru-1c-totals.csv'],
  ['share', 'fixtures/deals-refund-net-negative.csv'],
  ['share', 'fixtures/deals-bitrix24-no-products.csv'],
  ['share', 'fixtures/deals-bitrix24-no-products.csv', '--no-fold'],
  [
    'share',
    'fixtures/deals-1c-noheader-1251.csv',
    '--no-header',
    '--map',
    'date=1',
    '--map',
    'client=2',
    '--map',
    'amount=4',
  ],
  ['share', 'fixtures/broken/bad-amount.csv', '--skip-invalid'],
  ['share', 'fixtures/broken/conflicting-duplicate-id.csv', '--skip-invalid'],
  ['share', 'fixtures/demo/deals.csv', '--period', '2026-Q3'],
  ['share', 'fixtures/deals-pandas-floats.csv'],
  ['share', 'fixtures/deals-customer-id.csv'],
  ['share', 'fixtures/deals-1c-revenue-1251.csv'],
  ['share', 'fixtures/deals-created-only.csv', '--period', '2026-10'],
  ['share', 'fixtures/titled/deals-ru-1c-report.csv'],
  ['share', 'fixtures/titled/deals-excel-sep.csv'],
  ['share', 'fixtures/titled/deals-two-headers.csv', '--header-row', '3'],
  ['share', 'fixtures/titled/deals-blank-lines.csv'],
  ['share', 'fixtures/bitrix24/deals-bitrix24-html.xls'],
  ['share', 'fixtures/broken/short-row.csv', '--skip-invalid'],
  ['matrix', 'fixtures/clients-en.csv', '--deals', 'fixtures/deals-en-hubspot.csv'],
  ['matrix', 'fixtures/clients-ru-bitrix24.csv'],
  ['matrix', 'fixtures/demo/clients.csv'],
  ['leads', 'fixtures/leads-en-hubspot.csv', '--as-of', '2026-11-01'],
  ['leads', 'fixtures/leads-ru-amocrm.csv', '--as-of', '2026-11-01'],
  ['leads', 'fixtures/demo/leads.csv', '--as-of', '2026-11-23'],
  ['cadence', 'fixtures/titled/activities-ru-titled.csv', '--as-of', '2026-11-23', '--key-client', 'ООО Ромашка'],
  ['cadence', 'fixtures/activities-en-salesforce.csv', '--as-of', '2026-11-23', '--key-client', 'Acme Corp'],
  ['cadence', 'fixtures/activities-ru-amocrm.csv', '--clients', 'fixtures/clients-ru-key.csv', '--as-of', '2026-11-23'],
  ['cadence', 'fixtures/demo/activities.csv', '--deals', 'fixtures/demo/deals.csv', '--as-of', '2026-11-23'],
  ['offers', 'fixtures/offers-ru-1c.csv', '--activities', 'fixtures/offers-ru-calls.csv', '--as-of', '2026-11-23'],
  [
    'offers',
    'fixtures/offers-en-quotes.csv',
    '--activities',
    'fixtures/offers-en-activities.csv',
    '--as-of',
    '2026-11-10',
  ],
  ['share', 'fixtures/multi/deals-2026-01-02.csv', 'fixtures/multi/deals-2026-02-03.csv'],
  ['share', 'fixtures/multi/deals-2026-01-02.csv', 'fixtures/multi/deals-2026-02-03.csv', '--period', '2026-02'],
  [
    'cadence',
    'fixtures/multi/activities-2026-02.csv',
    'fixtures/multi/activities-2026-03.csv',
    '--deals',
    'fixtures/multi/deals-2026-01-02.csv',
    '--deals',
    'fixtures/multi/deals-2026-02-03.csv',
    '--as-of',
    '2026-03-31',
  ],
  ['report', 'fixtures/multi', '--period', '2026-03', '--as-of', '2026-03-31'],
  ['report', 'fixtures/demo', '--as-of', '2026-11-23'],
  ['report', 'fixtures/export-ru', '--period', '2026-09', '--as-of', '2026-11-23'],
];

describe('every input row is accounted for', () => {
  it.each(RUNS.map((r) => [r.join(' '), r]))('%s', async (_name, args) => {
    const r = await folio([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const inputs = json<{ inputs: Input[] }>(r).inputs;
    expect(inputs.length).toBeGreaterThan(0);
    for (const i of inputs) {
      const excluded = Object.values(i.excluded).reduce((a, b) => a + b, 0);
      expect(i.used + excluded + i.folded + i.totals + i.skipped, i.file).toBe(i.rows);
    }
  });

  it('gives byte-identical output on a second run (report, every format)', async () => {
    for (const format of ['json', 'markdown', 'html', 'csv']) {
      const a = (await folio(['report', 'fixtures/demo', '--as-of', '2026-11-23', '--format', format])).stdout;
      expect(
        (await folio(['report', 'fixtures/demo', '--as-of', '2026-11-23', '--format', format])).stdout,
        format,
      ).toBe(a);
    }
  });
});

describe('interruption and hostile cells', () => {
  it('ends with 130 on Ctrl-C and leaves no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-int-'));
    const child = spawn(process.execPath, [BIN, 'share', '-', '--json', '-o', join(dir, 'out.json')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.write('client,amount\nAcme,1\n');
    await settled(child.pid);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('neutralises formula cells in CSV output', async () => {
    const r = await folio(['share', 'fixtures/hostile/deals.csv', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    // 300 of 1 100 is 27.27…%: critical; the cell that would run HYPERLINK starts with a quote.
    expect(lines[2]).toBe(`2,"'=HYPERLINK(""http://x"")",300,${300 / 1100},${800 / 1100},critical,'@Mallory`);
    expect(r.stdout).toContain(",'+Plus,");
    expect(r.stdout).toContain("'-Bob");
    expect(r.stdout).not.toMatch(/(^|,)[=+@]/m);
  });
});
