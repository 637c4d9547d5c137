import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folio, json } from './run-cli.js';

// fixtures/names/deals.csv: Ромашка under four spellings of ООО (100 + 500 «ООО «Ромашка»»,
// 200 «Ромашка ООО», 300 «ООО "Ромашка"», 400 «ромашка  ооо»), «АО Ромашка» 1000, Acme under
// three spellings of Inc (600 "Acme, Inc.", 700 + 100 "ACME Inc", 800 "Acme Inc."), and
// "Acme Industries" 900. fixtures/names/activities.csv spells them yet otherwise.

interface Warned {
  code: string;
  fields: Record<string, unknown>;
}
interface ShareEnvelope {
  result: { total: number; clients: { client: string; revenue: number; share: number; class: string }[] };
  warnings: Warned[];
}

const share = async (args: string[], env?: Record<string, string>): Promise<ShareEnvelope> => {
  const r = await folio(['share', 'fixtures/names/deals.csv', '--json', ...args], env ? { env } : {});
  expect(r.code, r.stderr).toBe(0);
  return json<ShareEnvelope>(r);
};
const nameCodes = (e: { warnings: Warned[] }): string[] =>
  e.warnings.map((w) => w.code).filter((c) => c.startsWith('CLIENT_'));

describe('one client, many spellings (e2e)', () => {
  it('share merges the spellings of one client under the most frequent, and says which it merged and kept apart', async () => {
    const e = await share([]);
    // By hand: Acme 600 + 700 + 800 + 100 = 2200, Ромашка 100 + 200 + 300 + 400 + 500 = 1500,
    // АО Ромашка 1000, Acme Industries 900; total 5600. Shares: 2200/5600 = 11/28,
    // 1500/5600 = 15/56, 1000/5600 = 5/28, 900/5600 = 9/56.
    expect(e.result.total).toBe(5600);
    expect(e.result.clients.map((c) => [c.client, c.revenue, c.share])).toEqual([
      ['ACME Inc', 2200, 11 / 28],
      ['ООО «Ромашка»', 1500, 15 / 56],
      ['АО Ромашка', 1000, 5 / 28],
      ['Acme Industries', 900, 9 / 56],
    ]);
    // Without merging the top client would hold 1000/5600 (АО Ромашка) and be key, not critical.
    expect(e.result.clients[0]?.class).toBe('critical');
    expect(e.warnings.find((w) => w.code === 'CLIENT_SPELLINGS_MERGED')?.fields).toEqual({
      count: 2,
      // The client of more rows first: Ромашка 5, Acme 4.
      clients: [
        {
          client: 'ООО «Ромашка»',
          spellings: [
            { spelling: 'ООО «Ромашка»', rows: 2 },
            { spelling: 'Ромашка ООО', rows: 1 },
            { spelling: 'ООО "Ромашка"', rows: 1 },
            { spelling: 'ромашка ооо', rows: 1 },
          ],
        },
        {
          client: 'ACME Inc',
          spellings: [
            { spelling: 'ACME Inc', rows: 2 },
            { spelling: 'Acme, Inc.', rows: 1 },
            { spelling: 'Acme Inc.', rows: 1 },
          ],
        },
      ],
    });
    // АО is another legal form: kept apart, and said; "Acme Industries" is another name, not said.
    expect(e.warnings.find((w) => w.code === 'CLIENT_FORMS_DIFFER')?.fields).toEqual({
      count: 1,
      groups: [
        [
          { client: 'ООО «Ромашка»', rows: 5 },
          { client: 'АО Ромашка', rows: 1 },
        ],
      ],
    });
  });

  it('--exact-names, FOLIO_EXACT_NAMES and the config file keep every spelling apart, without those warnings', async () => {
    const e = await share(['--exact-names']);
    expect(e.result.total).toBe(5600);
    // Nine spellings, nine clients; "ACME Inc" 700 + 100 is still one spelling.
    expect(e.result.clients.map((c) => [c.client, c.revenue])).toEqual([
      ['АО Ромашка', 1000],
      ['Acme Industries', 900],
      ['ACME Inc', 800],
      ['Acme Inc.', 800],
      ['Acme, Inc.', 600],
      ['ООО «Ромашка»', 600],
      ['ромашка ооо', 400],
      ['ООО "Ромашка"', 300],
      ['Ромашка ООО', 200],
    ]);
    expect(nameCodes(e)).toEqual([]);
    const fromEnv = await folio(['share', 'fixtures/names/deals.csv', '--json'], { env: { FOLIO_EXACT_NAMES: 'yes' } });
    expect(json<ShareEnvelope>(fromEnv).result).toEqual(e.result);
    const dir = mkdtempSync(join(tmpdir(), 'folio-names-'));
    const config = join(dir, 'folio.config.json');
    writeFileSync(config, JSON.stringify({ exactNames: true }));
    const fromConfig = await folio(['share', 'fixtures/names/deals.csv', '--json', '--config', config]);
    expect(json<ShareEnvelope>(fromConfig).result).toEqual(e.result);
    // The flag wins over the environment, which wins over the config file.
    const merged = await folio(
      ['share', 'fixtures/names/deals.csv', '--json', '--config', config, '--no-exact-names'],
      {
        env: { FOLIO_EXACT_NAMES: '1' },
      },
    );
    expect(json<ShareEnvelope>(merged).result.clients).toHaveLength(4);
    const bad = await folio(['share', 'fixtures/names/deals.csv'], { env: { FOLIO_EXACT_NAMES: 'maybe' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('FOLIO_EXACT_NAMES="maybe" is not 1 or 0 (true or false)');
  });

  it('cadence finds the key clients of the deals in a log that spells them otherwise, and shows them as the deals do', async () => {
    const r = await folio([
      'cadence',
      'fixtures/names/activities.csv',
      '--deals',
      'fixtures/names/deals.csv',
      '--key-period',
      'period',
      '--period',
      '2026-10',
      '--as-of',
      '2026-10-31',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const e = json<{
      inputs: { role: string; used: number; excluded: Record<string, number> }[];
      result: { agenda: { client: string; lastPositive: string | null }[]; keyClients: { names: string[] } };
      warnings: Warned[];
    }>(r);
    // Every share is above 10%: the four clients of the deals are key. Each has a positive
    // contact in the log under another spelling: «Ромашка, ООО» and «ромашка ооо», "ACME INC.",
    // «АО «Ромашка»», "Acme Industries"; none is without activity.
    expect(e.result.keyClients.names).toEqual(['ACME Inc', 'Acme Industries', 'АО Ромашка', 'ООО «Ромашка»']);
    expect(e.result.agenda.map((a) => [a.client, a.lastPositive])).toEqual([
      ['ACME Inc', '2026-10-25'],
      ['АО Ромашка', '2026-10-26'],
      ['Acme Industries', '2026-10-27'],
      ['ООО «Ромашка»', '2026-10-28'],
    ]);
    expect(e.inputs.find((i) => i.role === 'activities')).toMatchObject({ used: 5, excluded: { notKeyClient: 0 } });
    expect(e.warnings.map((w) => w.code)).not.toContain('KEY_CLIENTS_WITHOUT_ACTIVITY');
    // The log's spellings are listed with the deals', their rows added over both inputs.
    const merged = e.warnings.find((w) => w.code === 'CLIENT_SPELLINGS_MERGED')?.fields as {
      clients: { client: string; spellings: { spelling: string; rows: number }[] }[];
    };
    expect(merged.clients.find((c) => c.client === 'ООО «Ромашка»')?.spellings).toEqual([
      { spelling: 'ООО «Ромашка»', rows: 2 },
      { spelling: 'ромашка ооо', rows: 2 },
      { spelling: 'Ромашка ООО', rows: 1 },
      { spelling: 'ООО "Ромашка"', rows: 1 },
      { spelling: 'Ромашка, ООО', rows: 1 },
    ]);
  });

  it('report keys a client alike in the deals, clients file, leads, offers and log, and shows it as the deals do', async () => {
    // fixtures/names also holds clients.csv («Ромашка, ООО» and «ООО «Ромашка»», one client
    // twice; "ACME INC"; "Acme Industries"), leads.csv («ромашка ооо», "acme, inc") and
    // offers.csv ("Acme Inc." sent 2026-10-22, «Ромашка ООО» sent 2026-10-27).
    const r = await folio(['report', 'fixtures/names', '--period', '2026-10', '--as-of', '2026-10-31', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = json<{
      inputs: { role: string; used: number; excluded: Record<string, number> }[];
      result: {
        share: { clients: { client: string }[] };
        matrix: { clients: { client: string; quadrant: string; class: string; revenue: number }[] };
        leads: { leads: { lead: string; client: string }[] };
        offers: { violations: { client: string; offer: string; contact: string | null }[]; due: unknown[] };
        cadence: { agenda: { client: string }[] };
      };
      warnings: Warned[];
    }>(r);
    expect(e.result.share.clients.map((c) => c.client)).toEqual([
      'ACME Inc',
      'ООО «Ромашка»',
      'АО Ромашка',
      'Acme Industries',
    ]);
    // The clients file's two spellings of Ромашка are one client (its first row kept), with
    // the revenue and class of the deals (1500 of 5600, critical).
    expect(e.inputs.find((i) => i.role === 'clients')).toMatchObject({ used: 3, excluded: { duplicate: 1 } });
    expect(e.result.matrix.clients.map((c) => [c.client, c.quadrant, c.class, c.revenue])).toEqual([
      ['ООО «Ромашка»', 'want_can', 'critical', 1500],
      ['Acme Industries', 'want_only', 'key', 900],
      ['ACME Inc', 'can_only', 'critical', 2200],
    ]);
    expect(e.result.leads.leads.map((l) => [l.lead, l.client])).toEqual([
      ['Big order', 'ООО «Ромашка»'],
      ['Renewal', 'ACME Inc'],
    ]);
    // Q-1 (Acme, sent Thursday 22.10) was due on the 23rd; the log's call to "ACME INC." on the
    // 25th is its contact, late. Q-2 (Ромашка, sent 27.10) had the meeting with «ромашка ооо»
    // on the 28th, in time: neither a violation nor due.
    expect(e.result.offers.violations.map((v) => [v.client, v.offer, v.contact])).toEqual([
      ['ACME Inc', 'Q-1', '2026-10-25'],
    ]);
    expect(e.result.offers.due).toEqual([]);
    expect(e.result.cadence.agenda.map((a) => a.client).sort()).toEqual(
      ['ACME Inc', 'Acme Industries', 'АО Ромашка', 'ООО «Ромашка»'].sort(),
    );
    expect(nameCodes(e)).toEqual(['CLIENT_SPELLINGS_MERGED', 'CLIENT_FORMS_DIFFER']);
  });
});
