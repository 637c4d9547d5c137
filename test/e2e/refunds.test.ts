import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envelopeSchema, shareResultSchema } from '../../src/schema/envelope.js';
import { OUTPUT_SCHEMAS } from '../../src/schema/results.js';
import { folio, json } from './run-cli.js';

const FIXTURE = 'fixtures/deals-refund-net-negative.csv';
const shareEnvelope = envelopeSchema('share', shareResultSchema);

/** A folder with the refund fixture as deals.csv, and the files given. */
function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-refunds-'));
  copyFileSync(FIXTURE, join(dir, 'deals.csv'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('net refunds (e2e)', () => {
  it('takes shares of the clients with positive revenue and lists the others last, without share or class', async () => {
    const r = await folio(['share', FIXTURE, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = shareEnvelope.parse(json(r));
    // Worked by hand: Acme 1000 − 1500 = −500, Umbrella 200 − 200 = 0, Globex 600, Initech 300,
    // Hooli 100. Net total 500; share base 600 + 300 + 100 = 1000. Of the net total Globex
    // would hold 120%; of the base 60% (golden), Initech 30% (critical), Hooli exactly 10% (regular).
    expect(e.result.total).toBe(500);
    expect(e.result.portfolio).toEqual({
      clients: 5,
      shareBase: 1000,
      keyClients: 2,
      keyShare: 0.9,
      band: 'mono',
      top1: 0.6,
      top5: 1,
      hhi: 4600,
    });
    expect(e.result.clients.map((c) => [c.rank, c.client, c.revenue, c.share, c.cumulativeShare, c.class])).toEqual([
      [1, 'Globex', 600, 0.6, 0.6, 'golden'],
      [2, 'Initech', 300, 0.3, 0.9, 'critical'],
      [3, 'Hooli', 100, 0.1, 1, 'regular'],
      [4, 'Umbrella', 0, null, null, null],
      [5, 'Acme', -500, null, null, null],
    ]);
    for (const c of e.result.clients) expect(c.share ?? 0).toBeLessThanOrEqual(1);
    expect(e.warnings).toContainEqual(
      expect.objectContaining({
        code: 'NON_POSITIVE_CLIENTS',
        message:
          '2 client(s) with zero or negative net revenue (refunds) get no share or class and are listed last; shares are of the 1000 the other clients bring: Umbrella (0), Acme (-500)',
      }),
    );
    expect(e.inputs[0]).toMatchObject({ rows: 7, used: 7, totals: 0, skipped: 0 });
  });

  it('stops with NON_POSITIVE_TOTAL when no client has positive net revenue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-refunds-'));
    const file = join(dir, 'deals.csv');
    // Acme 100 − 300 = −200, Globex 0: nothing to take shares of.
    writeFileSync(file, 'Client,Amount\nAcme,100\nAcme,-300\nGlobex,0\n');
    const r = await folio(['share', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'no client has a positive net revenue (the net total is -200), so shares have no meaning',
    );
  });

  it('prints a dash for no share, the share base beside the total, and empty CSV cells', async () => {
    const table = await folio(['share', FIXTURE]);
    expect(table.stdout).toMatch(/5 {2}Acme +-500 +— +— +no share \(net ≤ 0\) +Ann/);
    expect(table.stdout).toMatch(/Total revenue +500\n +Share base \(clients with positive revenue\) +1,000/);
    const csv = await folio(['share', FIXTURE, '--format', 'csv']);
    expect(csv.stdout.trim().split('\n').at(-1)).toBe('5,Acme,-500,,,,Ann');
  });

  it('report (json and html), check, matrix and cadence cope with a client without share or class', async () => {
    const dir = folder({
      'clients.csv': 'Client,Want,Can\nAcme,yes,no\nGlobex,no,yes\n',
      'activities.csv': 'Date,Client,Outcome\n2026-10-20,Globex,positive\n2026-10-21,Acme,positive\n',
    });
    const report = await folio(['report', dir, '--period', '2026-10', '--as-of', '2026-11-01', '--json']);
    expect(report.code, report.stderr).toBe(0);
    const r = OUTPUT_SCHEMAS.report.parse(json(report)).result;
    expect(r.share?.portfolio.shareBase).toBe(1000);
    expect(r.matrix?.clients.find((c) => c.client === 'Acme')).toMatchObject({ class: null, revenue: -500 });
    // Key clients from the deals: Globex and Initech; Acme, a net refund, is not one.
    expect(r.cadence?.agenda.map((a) => a.client).sort()).toEqual(['Globex', 'Initech']);

    const html = await folio(['report', dir, '--period', '2026-10', '--as-of', '2026-11-01', '--format', 'html']);
    expect(html.code, html.stderr).toBe(0);
    // The Pareto chart draws a bar for each client with a share: Globex, Initech, Hooli.
    expect(html.stdout.match(/<rect class="bar"/g)).toHaveLength(3);
    expect(html.stdout).not.toContain('NaN');

    const check = await folio([
      'check',
      dir,
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-01',
      '--fail-on',
      'golden',
      '--json',
    ]);
    expect(check.code).toBe(1);
    const findings = OUTPUT_SCHEMAS.check.parse(json(check)).result.findings.filter((f) => f.rule === 'golden');
    expect(findings).toMatchObject([{ rule: 'golden', client: 'Globex', details: 'share 60.0% is above 50%' }]);
  });
});
