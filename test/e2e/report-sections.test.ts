import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/schema/results.js';
import { folio, json } from './run-cli.js';

/*
 * fixtures/past-month, worked out by hand:
 * - deals: October 2026 won Alpha 600 (Ann), Beta 299.75 (Bob), Gamma 100.25 (Ann); Delta lost.
 *   Total 1000: shares 0.6 (golden: > 50%), 0.29975 (critical: > 20%), 0.10025 (key: > 10%);
 *   HHI 60² + 29.975² + 10.025² = 4599.00125 → 4599. Nothing in September.
 * - leads, as of 2026-11-01 with --big 1000: F1..F12 amounts 1001..1012 closing 2026-11-15
 *   (14 days: fast, big; 12 leads, 12,078); S1 10 on 2027-03-01 (120 days: slow, small);
 *   U1, U2 no amount, U3 no close date (unclassified: 3, amount 5).
 */
const DIR = 'fixtures/past-month';
const ARGS = ['report', DIR, '--period', '2026-10', '--big', '1000'];

/** RFC 4180 fields of one CSV line (the test's own reader, not folio's). */
function csvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

describe('a past period moves as-of, and there is no comparison with nothing', async () => {
  const run = await folio([...ARGS, '--json']);
  const e = OUTPUT_SCHEMAS.report.parse(json(run));

  it('reports October 2026 as of 1 November, the day after it, and says so', () => {
    expect(run.code).toBe(0);
    expect(e.schemaVersion).toBe(2);
    expect(e.result.asOf).toBe('2026-11-01');
    expect(e.result.asOfSource).toBe('period');
    // The leads are ranked as of that day: 2026-11-15 is 14 days ahead, not overdue.
    const f12 = e.result.leads?.leads.find((l) => l.lead === 'F12');
    expect([f12?.daysToClose, f12?.overdue, f12?.group]).toEqual([14, false, 'fast-big']);
    expect(e.result.dynamics?.asOf).toBe('2026-11-01');
  });

  it('has no comparison when September has no won deal, and says why', async () => {
    expect(e.result.comparison).toBeNull();
    expect(e.result.noComparison).toEqual({ reason: 'no-won-deals', firstOrder: '2026-10-05' });
    const table = await folio(ARGS);
    expect(table.stdout).toContain(
      '  As of            2026-11-01 (the day after the period; --as-of sets another day)\n',
    );
    expect(table.stdout).toContain(
      'no previous period to compare with: no won deal is dated in 2026-09-01 — 2026-09-30 (the won deals begin on 2026-10-05)',
    );
    expect(table.stdout).not.toContain('HHI (0–10,000)        0 →');
  });

  it('keeps --as-of when given', async () => {
    const given = OUTPUT_SCHEMAS.report.parse(json(await folio([...ARGS, '--as-of', '2026-12-01', '--json'])));
    expect([given.result.asOf, given.result.asOfSource]).toEqual(['2026-12-01', 'given']);
    // As of 1 December the same lead closed 16 days before: overdue.
    const f12 = given.result.leads?.leads.find((l) => l.lead === 'F12');
    expect([f12?.daysToClose, f12?.overdue]).toEqual([-16, true]);
  });
});

describe('a new client is new, not up from zero', () => {
  it('gives a client absent before no previous share and no change; the others compare', async () => {
    // September: A 100, B 100 (0.5 each). October: A 300 (0.75), C 100 (0.25): C is new, B lost.
    const dir = mkdtempSync(join(tmpdir(), 'folio-new-client-'));
    writeFileSync(
      join(dir, 'deals.csv'),
      'Client,Amount,Close Date,Status\nA,100,2026-09-10,Won\nB,100,2026-09-12,Won\nA,300,2026-10-10,Won\nC,100,2026-10-11,Won\n',
    );
    const e = OUTPUT_SCHEMAS.report.parse(json(await folio(['report', dir, '--period', '2026-10', '--json'])));
    expect(e.result.noComparison).toBeNull();
    expect(e.result.comparison?.topClients).toEqual([
      { client: 'A', share: 0.75, previousShare: 0.5, change: 0.25 },
      { client: 'C', share: 0.25, previousShare: null, change: null },
    ]);
    expect([e.result.comparison?.newClients, e.result.comparison?.lostClients]).toEqual([['C'], ['B']]);
    const table = (await folio(['report', dir, '--period', '2026-10'])).stdout;
    expect(table).toMatch(/\n {2}A +50\.0% +75\.0% +\+25\.0 pp\n {2}C +— +25\.0% +new\n/);
  });
});

describe('the leads of a report are a summary', () => {
  it('lists the first ten of each group, counts the rest, and puts the unclassified in one line', async () => {
    const out = (await folio(ARGS)).stdout;
    expect(out).toContain('Lead queue: the first 10 of each group\n');
    // F12 … F3 (largest first), then S1; F2 and F1 are counted, not listed.
    expect(out).toMatch(/ {3}1 {2}fast, big {4}F12 /);
    expect(out).toMatch(/ {2}10 {2}fast, big {4}F3 /);
    expect(out).toMatch(/ {2}11 {2}slow, small {2}S1 /);
    expect(out).not.toMatch(/ F2 | F1 | U1 | U3 /);
    expect(out).toContain('  …and 2 more in fast, big\n');
    expect(out).toContain(
      '  Unclassified leads: 3, not in the queue (no amount: 2 · no expected close date: 1)\n  --all-leads lists every lead\n',
    );
    // Per manager, count · amount: Ann F1..F12 and U3 (5); Bob S1 (10), U1, U2.
    expect(out).toMatch(/\n {2}Ann +13 +12 · 12,078 +0 · 0 +0 · 0 +0 · 0 +1 · 5\n/);
    expect(out).toMatch(/\n {2}Bob +3 +0 · 0 +0 · 0 +0 · 0 +1 · 10 +2 · 0\n/);
  });

  it('lists every lead with --all-leads, and folio leads always does', async () => {
    // In work order: F12 … F1, S1, then the unclassified by amount: U3 (5), U1, U2 (none).
    const all = (await folio([...ARGS, '--all-leads'])).stdout;
    expect(all).toMatch(/ {2}12 {2}fast, big +F1 /);
    expect(all).toMatch(/ {2}14 {2}unclassified: no expected close date +U3 /);
    expect(all).toMatch(/ {2}16 {2}unclassified: no amount +U2 /);
    expect(all).not.toContain('--all-leads lists every lead');
    const leads = (await folio(['leads', join(DIR, 'leads.csv'), '--as-of', '2026-11-01', '--big', '1000'])).stdout;
    expect(leads).toMatch(/ {2}16 {2}unclassified: no amount +U2 /);
  });
});

describe('every format carries every section', async () => {
  const e = OUTPUT_SCHEMAS.report.parse(json(await folio([...ARGS, '--json'])));

  it('NDJSON: one record per row of every section, each with its section', async () => {
    const run = await folio([...ARGS, '--format', 'ndjson']);
    const records = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const count = (section: string): number => records.filter((r) => r.section === section).length;
    // Sections with the rows the JSON holds, counted from the JSON (an independent source).
    expect(count('report')).toBe(1);
    expect(count('share')).toBe(e.result.share?.clients.length);
    expect(count('leads')).toBe(16);
    expect(count('leadGroups')).toBe(5);
    expect(count('abcXyz')).toBe(9);
    expect(records.filter((r) => r.section === 'warnings').map((r) => r.code)).toEqual(e.warnings.map((w) => w.code));
    expect(records[0]).toEqual({
      section: 'report',
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      previousFrom: '2026-09-01',
      previousTo: '2026-09-30',
      asOf: '2026-11-01',
      asOfSource: 'period',
      comparison: 'no-won-deals',
    });
    expect(records.find((r) => r.section === 'share' && r.client === 'Beta')).toEqual({
      section: 'share',
      rank: 2,
      client: 'Beta',
      revenue: 299.75,
      share: 0.29975,
      cumulativeShare: 0.89975,
      class: 'critical',
      manager: 'Bob',
    });
    expect(records.find((r) => r.section === 'portfolio')).toMatchObject({ keyShare: 1, band: 'mono', hhi: 4599 });
    expect(records.find((r) => r.section === 'leadGroups' && r.group === 'fast-big')).toEqual({
      section: 'leadGroups',
      group: 'fast-big',
      count: 12,
      amount: 12078,
    });
    // Every section of the document is there: the report's head, each analysis, the warnings and inputs.
    expect([...new Set(records.map((r) => r.section))]).toEqual([
      'report',
      'share',
      'portfolio',
      'shareManagers',
      'dynamics',
      'dynamicsSummary',
      'abcXyz',
      'stages',
      'dynamicsManagers',
      'leads',
      'leadGroups',
      'leadManagers',
      'warnings',
      'files',
    ]);
  });

  it('CSV: one header, section first; each row under its own columns', async () => {
    const lines = (await folio([...ARGS, '--format', 'csv'])).stdout.trimEnd().split('\n');
    const header = csvLine(lines[0] as string);
    expect(header.slice(0, 9)).toEqual([
      'section',
      'periodFrom',
      'periodTo',
      'previousFrom',
      'previousTo',
      'asOf',
      'asOfSource',
      'comparison',
      'rank',
    ]);
    const rows = lines
      .slice(1)
      .map((l): Record<string, string> => Object.fromEntries(csvLine(l).map((v, i) => [header[i] ?? '', v])));
    // The rows of every section: 50 of the analyses (counted in the NDJSON test), the warnings and 2 inputs.
    expect(rows).toHaveLength(50 + e.warnings.length + 2);
    const gamma = rows.find((r) => r.section === 'share' && r.client === 'Gamma');
    expect(gamma).toMatchObject({ rank: '3', revenue: '100.25', share: '0.10025', cumulativeShare: '1', class: 'key' });
    // A column of another section is empty in a share row.
    expect(gamma?.lead).toBe('');
    expect(rows.find((r) => r.section === 'shareManagers' && r.manager === 'Ann')?.clientNames).toBe('Alpha, Gamma');
    expect(rows.filter((r) => r.section === 'leads')).toHaveLength(16);
  });
});
