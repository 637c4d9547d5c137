import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/schema/results.js';
import { folio, json } from './run-cli.js';

// A folder whose deals file has three bad amounts (lines 3, 4 and 6), with an activity log
// and a clients file (want/can and key columns), so that the report needs the deals for the
// period, the previous period and the 12 months of key clients, and the clients file for
// the matrix and the cadence: each must still be read once.
const DEALS = `Company,Amount,Close Date,Stage,Owner
Aster,1000,2026-10-03,won,Lev
Birch,12x,2026-10-04,won,Lev
Cedar,??,2026-10-05,won,Nina
Aster,500,2026-09-10,won,Lev
Birch,1.2.3,2026-06-01,won,Lev
Cedar,700,2026-10-20,won,Nina
`;
const ACTIVITIES = `Date,Client,Outcome,Owner,Type
2026-10-01,Aster,positive,Lev,call
2026-10-30,Cedar,positive,Nina,call
`;
const CLIENTS = `Client,Wants,Can buy,Key,Manager
Aster,yes,yes,yes,Lev
Cedar,no,yes,no,Nina
`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-once-'));
  writeFileSync(join(dir, 'deals.csv'), DEALS);
  writeFileSync(join(dir, 'activities.csv'), ACTIVITIES);
  writeFileSync(join(dir, 'clients.csv'), CLIENTS);
});

describe('read once, count once (e2e)', () => {
  it('check: three bad cells are invalid 3, each file is one input, each warning printed once', async () => {
    const r = await folio(['check', dir, '--period', '2026-10', '--as-of', '2026-11-05', '--json']);
    expect(r.code).toBe(1);
    const e = OUTPUT_SCHEMAS.check.parse(json(r));
    expect(e.result.summary.find((s) => s.rule === 'invalid')?.count).toBe(3);
    expect(e.result.findings.filter((f) => f.rule === 'invalid').map((f) => f.line)).toEqual([3, 4, 6]);
    expect(e.inputs.map((i) => i.role).sort()).toEqual(['activities', 'clients', 'deals']);
    // rows 6 = used 2 (Aster 3 Oct, Cedar 20 Oct) + 1 outside October (Aster 10 Sep) + 3 skipped.
    expect(e.inputs.find((i) => i.role === 'deals')).toMatchObject({ rows: 6, used: 2, skipped: 3 });
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.filter((l) => l.includes('skipped 3 invalid rows'))).toHaveLength(1);
    expect(e.warnings.map((w) => w.message)).toEqual(lines.map((l) => l.replace(/^warning: /, '')));
  });

  it('report with --skip-invalid: the same, and the findings of each rule once', async () => {
    const r = await folio(['report', dir, '--period', '2026-10', '--as-of', '2026-11-05', '--skip-invalid', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.filter((l) => l.includes('skipped 3 invalid rows'))).toHaveLength(1);
    const e = OUTPUT_SCHEMAS.report.parse(json(r));
    expect(e.inputs.map((i) => i.role).sort()).toEqual(['activities', 'clients', 'deals']);
    for (const i of e.inputs) {
      const excluded = Object.values(i.excluded).reduce((a, b) => a + b, 0);
      expect(i.used + excluded + i.folded + i.totals + i.skipped, i.role).toBe(i.rows);
    }
    // Clients: both rows used. Activities: both rows are of key clients; over the 12 months
    // the valid won deals are Aster 1,000 + 500 and Cedar 700 (68% and 32%: both above 10%).
    expect(e.inputs.find((i) => i.role === 'clients')).toMatchObject({ rows: 2, used: 2 });
    expect(e.inputs.find((i) => i.role === 'activities')).toMatchObject({ rows: 2, used: 2 });
    expect(e.result.cadence?.keyClients).toEqual({
      from: ['12m', 'clients-file'],
      classesOver: { from: '2025-11-06', to: '2026-11-05' },
      names: ['Aster', 'Cedar'],
    });
  });
});

describe('key clients chosen in the open (e2e)', () => {
  const demo = ['report', 'fixtures/demo', '--period', '2026-10', '--as-of', '2026-11-23', '--json'];
  const cadence = async (args: string[]) => {
    const r = await folio([...demo, ...args]);
    expect(r.code, r.stderr).toBe(0);
    const c = OUTPUT_SCHEMAS.report.parse(json(r)).result.cadence;
    if (!c) throw new Error('no cadence section');
    return c;
  };

  it('by default: the classes of the 12 months up to as-of, and Tailspin Toys is not key', async () => {
    const c = await cadence([]);
    expect(c.keyClients.from).toEqual(['12m']);
    expect(c.keyClients.classesOver).toEqual({ from: '2025-11-24', to: '2026-11-23' });
    expect(c.keyClients.names).not.toContain('Tailspin Toys');
    expect(c.agenda.map((a) => a.client)).not.toContain('Tailspin Toys');
  });

  it("with --key-period period: October's classes, and Tailspin Toys (critical in October) is on the agenda", async () => {
    // By hand (python over fixtures/demo/deals.csv, Closed Won in October): total 61,757.61;
    // Tailspin Toys 21,162.24 (34.3%), Contoso Ltd 13,442.36 (21.8%), Litware 8,415.88 (13.6%),
    // Fabrikam 7,047.71 (11.4%); the next, Lucerne Publishing, has 8.3%.
    const c = await cadence(['--key-period', 'period']);
    expect(c.keyClients).toEqual({
      from: ['period'],
      classesOver: { from: '2026-10-01', to: '2026-10-31' },
      names: ['Contoso Ltd', 'Fabrikam', 'Litware', 'Tailspin Toys'],
    });
    expect(c.agenda.map((a) => a.client).sort()).toEqual(['Contoso Ltd', 'Fabrikam', 'Litware', 'Tailspin Toys']);
    // Tailspin Toys: positive on 29 Sep and 10 Oct, 11 days apart: broke on 10 Oct, in October.
    expect(c.violations.filter((v) => v.client === 'Tailspin Toys')).toEqual([
      {
        client: 'Tailspin Toys',
        rule: 'gap',
        date: '2026-10-10',
        from: '2026-09-29',
        to: '2026-10-10',
        days: 11,
        open: false,
        fromLogStart: false,
      },
    ]);
  });

  it('with --key-client only the named clients; with --all-clients every client in the log', async () => {
    const named = await cadence(['--key-client', 'tailspin toys']);
    expect(named.keyClients).toEqual({ from: ['named'], classesOver: null, names: ['Tailspin Toys'] });
    const both = await folio([...demo, '--key-client', 'Fabrikam', '--key-period', 'period']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--key-period chooses key clients by revenue classes/);
    const all = await cadence(['--all-clients']);
    expect(all.keyClients.from).toEqual(['all']);
    expect(all.keyClients.names).toContain('Proseware');
  });

  it('says how the key clients were chosen in the table, and check takes the same flags', async () => {
    const r = await folio([
      'report',
      'fixtures/demo',
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-23',
      '--key-period',
      'period',
    ]);
    expect(r.stdout).toMatch(/Key clients\s+revenue classes of 2026-10-01 — 2026-10-31/);
    const check = await folio([
      'check',
      'fixtures/demo',
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-23',
      '--key-client',
      'Tailspin Toys',
      '--fail-on',
      'none',
      '--json',
    ]);
    expect(check.code, check.stderr).toBe(0);
    const clients = new Set(
      OUTPUT_SCHEMAS.check
        .parse(json(check))
        .result.findings.filter((f) => f.rule === 'cadence')
        .map((f) => f.client),
    );
    expect([...clients]).toEqual(['Tailspin Toys']);
  });

  it('the cadence command refuses --key-period without deals to classify', async () => {
    const r = await folio([
      'cadence',
      'fixtures/demo/activities.csv',
      '--all-clients',
      '--key-period',
      'period',
      '--as-of',
      '2026-11-23',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no --deals file gives them/);
  });

  it('the cadence command says it too: --key-period period uses the window', async () => {
    const r = await folio([
      'cadence',
      'fixtures/demo/activities.csv',
      '--deals',
      'fixtures/demo/deals.csv',
      '--key-period',
      'period',
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-23',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(OUTPUT_SCHEMAS.cadence.parse(json(r)).result.keyClients).toEqual({
      from: ['period'],
      classesOver: { from: '2026-10-01', to: '2026-10-31' },
      names: ['Contoso Ltd', 'Fabrikam', 'Litware', 'Tailspin Toys'],
    });
  });
});
