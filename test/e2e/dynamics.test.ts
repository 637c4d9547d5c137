import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/schema/results.js';
import { expectAccounted, folio, json } from './run-cli.js';

const FILE = 'fixtures/deals-dynamics-year.csv';
const AS_OF = ['--as-of', '2026-12-01'];

/**
 * fixtures/deals-dynamics-year.csv, as of 1 Dec 2026: the window is Dec 2025 – Nov 2026.
 * Worked by hand from the rows:
 * - Alpha Ltd (Olga): 100 on the 10th of every window month, and 100 on 10 Jun 2025 before
 *   it: revenue 1200, CV 0 (X), 13 orders; intervals 183 then 28–31, median 31; 21 days
 *   since 10 Nov; key (57.1%), orders in 12 months, first order 18 months back: partner.
 *   Its 999 on 3 Dec 2026 is after as-of (excluded by period).
 * - Beta LLC (Ivan): 100 on the 5th of Jan–Jun 2026: 600; six months of 100 and six of 0,
 *   mean 50, SD 50, CV 100% (Z); intervals 31, 28, 31, 30, 31, median 31; 179 days since
 *   5 Jun > max(62, 60): dormant; 6 of 12 months: regular (first order not 12 months back).
 *   Its lost deal of 5000 counts nowhere (excluded by status).
 * - Delta Co (Ivan): 200 on 15 Mar, a refund of −50 on 15 Apr: 150, one order (the
 *   refund is none): one-off, 261 days since: dormant.
 * - Gamma Inc (Olga): 150 on 20 Oct 2026, its first order 42 days back: new.
 * Total 2100. Rank: Alpha 1200 (cumulative 57.1%: A), Beta 600 (85.7%: B), then the tie at
 * 150 by name: Delta (92.9%: B), Gamma (100%: C). At risk: Beta + Delta = 750.
 * Managers: Olga carries Alpha and Gamma, 1350 of 2100 = 64.3% (over 40%); Ivan 750, 35.7%.
 */
describe('folio dynamics on a year of deals', () => {
  it('JSON: the figures worked by hand', async () => {
    const run = await folio(['dynamics', FILE, ...AS_OF, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.dynamics.parse(json(run));
    const r = e.result;
    expect(e.period).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(r.window).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(r.total).toBe(2100);
    expect(
      r.clients.map((c) => [
        c.client,
        c.revenue,
        c.abc,
        c.xyz,
        c.orders,
        c.medianIntervalDays,
        c.daysSinceLast,
        c.dormant,
        c.stage,
        c.manager,
      ]),
    ).toEqual([
      ['Alpha Ltd', 1200, 'A', 'X', 13, 31, 21, false, 'partner', 'Olga Petrova'],
      ['Beta LLC', 600, 'B', 'Z', 6, 31, 179, true, 'regular', 'Ivan Sidorov'],
      ['Delta Co', 150, 'B', 'Z', 1, null, 261, true, 'one-off', 'Ivan Sidorov'],
      ['Gamma Inc', 150, 'C', 'Z', 1, null, 42, false, 'new', 'Olga Petrova'],
    ]);
    expect(r.clients[0]?.firstOrder).toBe('2025-06-10');
    expect(r.clients[1]?.cv).toBe(1);
    expect(r.atRisk).toBe(750);
    expect(r.grid.filter((g) => g.clients > 0)).toEqual([
      { abc: 'A', xyz: 'X', clients: 1, revenue: 1200 },
      { abc: 'B', xyz: 'Z', clients: 2, revenue: 750 },
      { abc: 'C', xyz: 'Z', clients: 1, revenue: 150 },
    ]);
    expect(r.managers.map((m) => [m.manager, m.revenue, m.clients, m.keyClients, m.overLimit])).toEqual([
      ['Olga Petrova', 1350, 2, 1, true],
      ['Ivan Sidorov', 750, 2, 1, false],
    ]);
    const input = e.inputs[0];
    expect(input?.excluded).toEqual({ status: 1, period: 1, currency: 0, undated: 0 });
    if (input) expectAccounted(input);
    expect(e.warnings.map((w) => w.code)).toEqual(['MANAGER_SHARE']);
  });

  it('table: the grid, the clients with their stage, the managers, what to do', async () => {
    const run = await folio(['dynamics', FILE, ...AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Client-base dynamics · 2025-12-01 — 2026-11-30/);
    expect(run.stdout).toMatch(/Revenue at risk \(dormant clients\)\s+750/);
    expect(run.stdout).toMatch(/A\s+1 · 1,200\s+0 · 0\s+0 · 0/);
    expect(run.stdout).toMatch(
      /1\s+Alpha Ltd\s+1,200\s+57\.1%\s+AX\s+0\.0%\s+13\s+2026-11-10\s+21\s+31\s+partner\s+Olga Petrova/,
    );
    expect(run.stdout).toMatch(/Beta LLC \(dormant\)/);
    expect(run.stdout).toMatch(/Olga Petrova\s+1,350\s+64\.3% \(over 40%\)/);
    expect(run.stdout).toMatch(/CZ: Tail/);
    expect(run.stderr).toMatch(/Olga Petrova carries 64\.3% of the window's revenue/);
  });

  it('thresholds from flags, FOLIO_* and the config file; --lang ru', async () => {
    // --max-manager-share 70: Olga's 64.3% is within it. --abc 50,90: Alpha stays A (the first client always is), Beta 85.7% B, Delta 92.9% C.
    const flagged = json<{ result: { clients: { abc: string }[]; managers: { overLimit: boolean }[] } }>(
      await folio(['dynamics', FILE, ...AS_OF, '--json', '--max-manager-share', '70', '--abc', '50,90']),
    );
    expect(flagged.result.managers.map((m) => m.overLimit)).toEqual([false, false]);
    expect(flagged.result.clients.map((c) => c.abc)).toEqual(['A', 'B', 'C', 'C']);
    const env = json<{ result: { clients: { dormant: boolean }[] } }>(
      await folio(['dynamics', FILE, ...AS_OF, '--json'], { env: { FOLIO_DORMANT_DAYS: '300' } }),
    );
    // A 300-day floor: no one is dormant (Delta's 261 days included).
    expect(env.result.clients.map((c) => c.dormant)).toEqual([false, false, false, false]);
    const bad = await folio(['dynamics', FILE, ...AS_OF, '--xyz', '25,10']);
    expect(bad.code).toBe(2);
    const ru = await folio(['dynamics', FILE, ...AS_OF, '--lang', 'ru']);
    expect(ru.stdout).toMatch(/^Динамика клиентской базы · 01\.12\.2025 — 30\.11\.2026/);
    expect(ru.stdout).toMatch(/партнёр/);
  });

  it('no window revenue is an error, and a period flag is refused', async () => {
    const none = await folio(['dynamics', FILE, '--as-of', '2030-01-01']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no won deal in the window 2029-01-01 — 2029-12-31/);
    // The file's won deals (by hand: the first on 2025-06-10, the last on 2026-12-03) and the
    // --as-of that reaches them, the day after the last.
    expect(none.stderr).toContain(
      'hint: the won deals run from 2025-06-10 to 2026-12-03: give --as-of 2026-12-04 for the full months before it',
    );
    expect((await folio(['dynamics', FILE, '--period', '2026-10'])).code).toBe(2);
  });
});

describe('a client several managers sold to', () => {
  it('is counted whole under the manager who brought most of it, and the run says how many and how much', async () => {
    // By hand: Acme bought 100 from Ann and 300 from Bob in the window, Globex 200 from Ann.
    // Acme goes whole to Bob (300 > 100): Bob 400, Ann 200; one shared client of 400 = 2/3 of 600.
    const dir = mkdtempSync(join(tmpdir(), 'folio-dyn-shared-'));
    const file = join(dir, 'deals.csv');
    writeFileSync(
      file,
      'client,amount,status,manager,date\nAcme,100,Won,Ann,2026-01-10\nAcme,300,Won,Bob,2026-02-10\nGlobex,200,Won,Ann,2026-03-10\n',
    );
    const e = OUTPUT_SCHEMAS.dynamics.parse(json(await folio(['dynamics', file, '--as-of', '2026-12-01', '--json'])));
    expect(e.result.managers.map((m) => [m.manager, m.revenue, m.clients])).toEqual([
      ['Bob', 400, 1],
      ['Ann', 200, 1],
    ]);
    expect(e.result.sharedClients).toEqual({ count: 1, revenue: 400 });
    const w = e.warnings.find((x) => x.code === 'CLIENTS_SHARED_BY_MANAGERS');
    expect(w?.fields).toMatchObject({ count: 1, revenue: 400 });
    expect(w?.fields.share).toBeCloseTo(2 / 3, 12);
  });
});

describe('dynamics in the report and the gate', () => {
  it('report: the client base as of as-of, and the stages one period earlier', async () => {
    // Report period November 2026, previous October: the stages as of 1 Nov (1 Dec − 30 days).
    // Then Alpha already had 11 window months of orders and a first order in June 2025
    // (partner), Beta 6 months (regular), Gamma its first order on 20 Oct (new), Delta one (one-off).
    const e = OUTPUT_SCHEMAS.report.parse(json(await folio(['report', '--deals', FILE, ...AS_OF, '--json'])));
    expect(e.result.dynamics?.clients.map((c) => c.stage)).toEqual(['partner', 'regular', 'one-off', 'new']);
    expect(e.result.previousStages).toEqual({
      new: 1,
      'one-off': 1,
      'price-driven': 0,
      occasional: 0,
      regular: 1,
      partner: 1,
    });
    const html = (await folio(['report', '--deals', FILE, ...AS_OF, '--format', 'html'])).stdout;
    expect(html).toMatch(/Client base/);
    // One sparkline per key client: Alpha (golden) and Beta (critical).
    expect(html.match(/class="spark"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<script/);
  });

  it('check: dormant-key and manager-share fail only when asked for', async () => {
    // Beta LLC is key (28.6% > 10%) and dormant; Olga carries 64.3% > 40%.
    const gated = await folio(['check', '--deals', FILE, ...AS_OF, '--fail-on', 'dormant-key,manager-share', '--json']);
    expect(gated.code).toBe(1);
    const r = OUTPUT_SCHEMAS.check.parse(json(gated)).result;
    expect(
      r.findings
        .filter((f) => f.rule === 'dormant-key' || f.rule === 'manager-share')
        .map((f) => [f.rule, f.client ?? f.manager]),
    ).toEqual([
      ['dormant-key', 'Beta LLC'],
      ['manager-share', 'Olga Petrova'],
    ]);
    // The same findings under a policy without the two rules: reported, not failing.
    const reported = await folio(['check', '--deals', FILE, ...AS_OF, '--fail-on', 'invalid', '--json']);
    expect(reported.code).toBe(0);
    expect(OUTPUT_SCHEMAS.check.parse(json(reported)).result.summary.filter((s) => s.rule === 'manager-share')).toEqual(
      [{ rule: 'manager-share', count: 1, failing: false, skipped: false }],
    );
  });
});
