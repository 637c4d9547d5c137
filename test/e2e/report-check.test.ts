import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/schema/results.js';
import { folio, json } from './run-cli.js';

const demo = ['fixtures/demo', '--as-of', '2026-11-23'];

describe('folio report (e2e)', () => {
  it('shows every section on the demo export, for the last full month before as-of', async () => {
    const r = await folio(['report', ...demo]);
    expect(r.code, r.stderr).toBe(0);
    for (const heading of [
      '== Portfolio and revenue classes ==',
      '== Want/can matrix ==',
      '== Lead queue ==',
      '== Contact cadence ==',
      '== Commercial offers ==',
      '== Sales funnel ==',
      '== Warnings ==',
    ]) {
      expect(r.stdout).toContain(heading);
    }
    expect(r.stdout).toMatch(/Monthly portfolio report · 2026-10-01 — 2026-10-31/);
    expect(r.stdout).toMatch(/Previous period\s+2026-09-01 — 2026-09-30/);
  });

  it('gives one JSON envelope with a section per analysis, valid against its schema', async () => {
    const e = OUTPUT_SCHEMAS.report.parse(json(await folio(['report', ...demo, '--json'])));
    expect(e.result.share?.clients.length).toBeGreaterThan(0);
    expect(e.result.matrix?.counts).toBeDefined();
    expect(e.result.leads?.leads.length).toBe(9);
    expect(e.result.cadence?.agenda.length).toBeGreaterThan(0);
    expect(e.inputs.map((i) => i.role).sort()).toEqual(['activities', 'clients', 'deals', 'leads', 'offers']);
    // The demo's October calls, by hand: Anna Kim 18 clients, 2 met (A. Datum, Adventure Works),
    // none won by as-of (Adventure Works' deal is dated 24 Nov); Olga Petrova 10, 5 met, Contoso
    // won 17 Nov; Ivan Sidorov 8, 4 met, Tailspin won 18 Oct, the day of its visit. Team 36, 11, 2:
    // Anna's 2 of 18 has a 90% upper bound of 0.2864, below the team's 11/36 = 0.3056.
    const f = e.result.funnel;
    expect(f?.managers.map((m) => [m.manager, m.counts, m.weakest?.to ?? null])).toEqual([
      ['Anna Kim', [18, 2, 0], 'met'],
      ['Olga Petrova', [10, 5, 1], null],
      ['Ivan Sidorov', [8, 4, 1], null],
    ]);
    expect(f?.managers[0]?.weakest?.upper).toBeCloseTo(0.28637556296629624, 12);
  });

  it('adds the offers of the demo, October as the window, with the activity log read once', async () => {
    // By hand over fixtures/demo/offers.csv and activities.csv (October 2026: Tue 6, Wed 7, Thu 8, Fri 9):
    // Q-304 sent Tue 6, due Wed 7, only an e-mail that day, a visit on the 14th; Q-302 sent
    // Thu 8, due Fri 9, the first personal contact Saturday 10. Both expired in October:
    // 22,500 + 12,400 = 34,900 left on the table. Q-307 (due 16 Nov) is outside the window.
    const e = OUTPUT_SCHEMAS.report.parse(json(await folio(['report', ...demo, '--json'])));
    const o = e.result.offers;
    expect(o?.window).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(o?.violations.map((v) => [v.offer, v.due, v.contact])).toEqual([
      ['Q-304', '2026-10-07', '2026-10-14'],
      ['Q-302', '2026-10-09', '2026-10-10'],
    ]);
    expect(o?.expiredAmount).toBe(34900);
    expect(o?.due.map((d) => [d.offer, d.daysLeft])).toEqual([['Q-306', 0]]);
    expect(o?.expiring.map((x) => [x.offer, x.daysLeft])).toEqual([
      ['Q-307', 1],
      ['Q-303', 4],
    ]);
    expect(e.inputs.filter((i) => i.role === 'activities')).toHaveLength(1);
    const table = await folio(['report', ...demo, '--offers', 'fixtures/offers-en-quotes.csv']);
    expect(table.stdout).toMatch(/offers: fixtures\/offers-en-quotes\.csv \(named\)/);
  });

  it('compares with the previous period (worked by hand on the English fixture: Q3 against Q2)', async () => {
    const e = OUTPUT_SCHEMAS.report.parse(
      json(
        await folio([
          'report',
          '--deals',
          'fixtures/deals-en-hubspot.csv',
          '--period',
          '2026-Q4',
          '--as-of',
          '2026-12-31',
          '--json',
        ]),
      ),
    );
    // Q4 holds only Initech's 3 000; Q3 held Acme, Globex, Initech and Hooli.
    expect(e.result.previousPeriod).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(e.result.comparison?.newClients).toEqual([]);
    expect(e.result.comparison?.lostClients).toEqual(['Acme Corp', 'Globex', 'Hooli']);
    expect(e.result.comparison?.classChanges).toEqual([
      { client: 'Initech', from: 'regular', to: 'golden' },
      { client: 'Acme Corp', from: 'golden', to: null },
      { client: 'Globex', from: 'key', to: null },
    ]);
    // Q3 key share (20 499.75 + 3 500) / 27 500; Q4 is Initech alone, 100 %.
    expect(e.result.comparison?.keyShare.previous).toBeCloseTo(23_999.75 / 27_500, 12);
    expect(e.result.comparison?.keyShare.current).toBe(1);
  });

  it('recognises files in a folder by their Russian names or by their columns, and says so', async () => {
    const e = OUTPUT_SCHEMAS.report.parse(
      json(await folio(['report', 'fixtures/export-ru', '--period', '2026-09', '--as-of', '2026-11-23', '--json'])),
    );
    expect(e.result.files).toEqual([
      'activities: fixtures/export-ru/активности.csv (recognised by its name and columns)',
      'leads: fixtures/export-ru/выгрузка-1.csv (recognised by its columns)',
      'clients: fixtures/export-ru/клиенты.csv (recognised by its name and columns)',
      'deals: fixtures/export-ru/сделки.csv (recognised by its name and columns)',
    ]);
  });

  it('takes every candidate for one role, and a copy of a file folds away whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-'));
    const deals = readFileSync('fixtures/deals-en-hubspot.csv');
    writeFileSync(join(dir, 'deals-2025.csv'), deals);
    writeFileSync(join(dir, 'sales-2026.csv'), deals);
    // Named like sales, but without a client or an amount: not a candidate (Maven's sales_teams.csv).
    writeFileSync(join(dir, 'sales_teams.csv'), 'sales_agent,manager,regional_office\nAnna,Dustin,Central\n');
    const r = await folio(['report', dir, '--period', '2026', '--as-of', '2026-12-31', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.report.parse(json(r));
    expect(e.result.files.filter((f) => f.startsWith('deals: '))).toEqual([
      `deals: ${join(dir, 'deals-2025.csv')} (recognised by its name and columns)`,
      `deals: ${join(dir, 'sales-2026.csv')} (recognised by its name and columns)`,
    ]);
    // The second file is the first again: its 8 won lines fold, and the total is the one file's
    // (30,500, as `folio share fixtures/deals-en-hubspot.csv` gives).
    expect(e.inputs.map((i) => [i.used, i.folded, i.excluded.status])).toEqual([
      [8, 0, 2],
      [0, 8, 2],
    ]);
    expect(e.result.share?.total).toBe(30500);
  });

  it('writes markdown, and html atomically with --output', async () => {
    const md = await folio(['report', ...demo, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^# Monthly portfolio report/);
    expect(md.stdout).toMatch(/\n## Lead queue\n/);
    const dir = mkdtempSync(join(tmpdir(), 'folio-'));
    const out = join(dir, 'report.html');
    expect((await folio(['report', ...demo, '--format', 'html', '-o', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(readdirSync(dir)).toEqual(['report.html']);
    expect(html).toMatch(/^<!doctype html>/);
    // Pareto, matrix, leads, timeline; the client base's ABC×XYZ grid and the key clients' sparklines;
    // the funnels of the team and of its three managers.
    expect(html.match(/<svg class="chart /g)?.length).toBe(10);
    expect(html).not.toMatch(/<script|<link|@import|https?:\/\/(?!json-schema)/);
  });

  it('redacts client and person names in every format with --redact', async () => {
    for (const format of ['table', 'json', 'markdown', 'html', 'csv']) {
      const r = await folio(['report', ...demo, '--redact', '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      for (const name of ['Contoso', 'Northwind', 'Olga Petrova', 'Litware', 'Ivan Sidorov']) {
        expect(r.stdout, format).not.toContain(name);
        expect(r.stderr, format).not.toContain(name);
      }
      expect(r.stdout, format).toMatch(/client-[0-9a-f]{8}/);
    }
  });

  it('escapes every value from the data in HTML', async () => {
    const r = await folio([
      'report',
      'fixtures/hostile',
      '--period',
      '2026-10',
      '--as-of',
      '2026-10-31',
      '--format',
      'html',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<script>window.__pwned');
    expect(r.stdout).not.toContain('<img src=x');
    expect(r.stdout).not.toContain('<b>Eve</b>');
    expect(r.stdout).toContain('&#60;script&#62;window.__pwned=1&#60;/script&#62;');
    expect(r.stdout).toContain('Tom &#38; &#34;Jerry&#34; &#60;Ltd&#62;');
  });
});

describe('folio check (e2e)', () => {
  const run = async (args: string[]) => await folio(['check', ...demo, ...args]);

  it('fails (exit 1) on the default policy and summarises per rule', async () => {
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Policy: fail on invalid, cadence, cooloff/);
    expect(r.stdout).toMatch(/cadence\s+\d+\s+FAIL/);
    expect(r.stdout).toMatch(/golden\s+0\s+ok/);
  });

  it.each([
    ['none', 0],
    ['golden', 0],
    ['critical', 1],
    ['mono', 1],
    ['cadence', 1],
    ['cooloff', 1],
    ['dossier', 1],
    ['overload', 0],
    ['invalid', 0],
    ['funnel', 1],
  ])('--fail-on %s exits %i', async (rule, code) => {
    const r = await run(['--fail-on', rule, '--json']);
    expect(r.code, r.stderr).toBe(code);
    const e = OUTPUT_SCHEMAS.check.parse(json(r));
    expect(e.result.passed).toBe(code === 0);
  });

  it('fails on overload with --max-leads, and on invalid rows, listing all of them', async () => {
    expect((await run(['--fail-on', 'overload', '--max-leads', '2'])).code).toBe(1);
    const e = OUTPUT_SCHEMAS.check.parse(
      json(
        await folio([
          'check',
          '--deals',
          'fixtures/broken/bad-amount.csv',
          '--period',
          '2026-01',
          '--fail-on',
          'invalid',
          '--json',
        ]),
      ),
    );
    expect(e.result.passed).toBe(false);
    expect(e.result.findings.filter((f) => f.rule === 'invalid').map((f) => [f.line, f.column])).toEqual([
      [3, 2],
      [5, 2],
    ]);
  });

  it('exits 2 when an input cannot be read', async () => {
    // --fail-on invalid: the policy's rules are fed, so the exit 2 is the input's, not a missing log's.
    const r = await folio(['check', '--deals', 'fixtures/broken/unterminated-quote.csv', '--fail-on', 'invalid']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^folio: fixtures\/broken\/unterminated-quote\.csv:/);
  });

  it('prints GitHub Actions annotations', async () => {
    const r = await run(['--format', 'github']);
    expect(r.stdout).toMatch(/^::error title=folio cadence::Contoso Ltd: \d+ days without a positive contact/m);
    expect(r.stdout).toMatch(/^::warning title=folio critical::/m);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^folio check failed: cadence \(\d+\), cooloff \(\d+\)$/);
  });

  it('redacts client and person names in every format, stably', async () => {
    for (const format of ['table', 'json', 'github', 'csv']) {
      const r = await run(['--redact', '--fail-on', 'none', '--format', format]);
      expect(r.code).toBe(0);
      for (const name of ['Contoso', 'Northwind', 'Olga Petrova', 'Litware']) {
        expect(r.stdout, format).not.toContain(name);
        expect(r.stderr, format).not.toContain(name);
      }
      expect(r.stdout).toMatch(/client-[0-9a-f]{8}/);
    }
    expect((await run(['--redact', '--json'])).stdout).toBe((await run(['--redact', '--json'])).stdout);
  });
});

describe('configuration (e2e)', () => {
  it('takes defaults < config file < FOLIO_* < flags, and folio config says where each came from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-'));
    const config = join(dir, 'folio.config.json');
    writeFileSync(config, JSON.stringify({ thresholds: { key: 15, maxGap: 7 } }));
    const e = json<{ result: { settings: { path: string; value: unknown; source: string }[] } }>(
      await folio(['config', '--config', config, '--json'], { env: { FOLIO_MAX_GAP: '5' } }),
    );
    const by = Object.fromEntries(e.result.settings.map((s) => [s.path, [s.value, s.source]]));
    expect(by['thresholds.key']).toEqual([15, 'config']);
    expect(by['thresholds.maxGap']).toEqual([5, 'env']);
    expect(by['thresholds.critical']).toEqual([20, 'default']);
    // key 15% from the config: Globex (11.5%) is no longer key; a flag wins over it.
    const share = async (args: string[]) =>
      json<{ result: { clients: { client: string; class: string }[] } }>(
        await folio(['share', 'fixtures/deals-en-hubspot.csv', '--config', config, '--json', ...args]),
      );
    expect((await share([])).result.clients.find((c) => c.client === 'Globex')?.class).toBe('regular');
    expect((await share(['--key', '10'])).result.clients.find((c) => c.client === 'Globex')?.class).toBe('key');
    // The config's won statuses add "Negotiation": Umbrella's open deal becomes won, and its
    // blank amount is no revenue: left out, counted and warned of.
    writeFileSync(config, JSON.stringify({ statuses: { won: ['Negotiation'] } }));
    const r = await folio(['share', 'fixtures/deals-en-hubspot.csv', '--config', config, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json<{ inputs: { excluded: Record<string, number> }[] }>(r).inputs[0]?.excluded).toMatchObject({
      status: 1,
      blankAmount: 1,
    });
    expect(r.stderr).toContain('1 won row(s) have a blank amount and were left out as no revenue (first on line 7)');
  });

  it('names a wrong key or value and what is allowed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-'));
    writeFileSync(join(dir, 'folio.config.json'), JSON.stringify({ thresholds: { key: 150 } }));
    const r = await folio(['config', '--config', join(dir, 'folio.config.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/thresholds\.key: 150 is not allowed/);
    writeFileSync(join(dir, 'folio.config.json'), JSON.stringify({ treshold: {} }));
    expect((await folio(['config', '--config', join(dir, 'folio.config.json')])).stderr).toMatch(
      /treshold: unknown key/,
    );
  });

  it('prints JSON Schemas generated from the zod schemas', async () => {
    const r = await folio(['schema', 'check']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: { result: { properties: { findings: unknown } } } };
    expect(schema.properties.result.properties.findings).toBeDefined();
    expect(JSON.parse((await folio(['schema', 'config'])).stdout)).toMatchObject({
      type: 'object',
      additionalProperties: false,
    });
  });
});
