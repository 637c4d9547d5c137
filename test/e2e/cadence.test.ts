import { describe, expect, it } from 'vitest';
import { folio, json } from './run-cli.js';

interface CadenceJson {
  asOf: string;
  window: { from: string; to: string };
  logFrom: string | null;
  agenda: {
    client: string;
    status: string;
    lastPositive: string | null;
    nextDue: string | null;
    personalAllowed: boolean;
    allowedFrom: string | null;
    manager: string | null;
  }[];
  violations: Record<string, unknown>[];
  dossier: { client: string; status: string }[];
}
interface Envelope {
  inputs: {
    role: string;
    rows: number;
    used: number;
    excluded: Record<string, number>;
    skipped: number;
    folded: number;
  }[];
  result: CadenceJson;
  warnings: { code: string; message: string }[];
}

async function cadence(args: string[]): Promise<Envelope> {
  const r = await folio(['cadence', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return json<Envelope>(r);
}

describe('folio cadence (e2e)', () => {
  it('checks a Salesforce-style log with key clients named on the command line', async () => {
    const e = await cadence([
      'fixtures/activities-en-salesforce.csv',
      '--as-of',
      '2026-11-23',
      '--key-client',
      'Acme Corp',
      '--key-client',
      'Globex',
      '--key-client',
      'initech',
      '--key-client',
      'Umbrella',
    ]);
    expect(e.result.window).toEqual({ from: '2026-10-25', to: '2026-11-23' });
    // The log's first row is 20 Oct: Initech (no positive contact before 20 Nov) and Umbrella
    // (no activity at all) are counted from that day, not from the window's start.
    expect(e.result.logFrom).toBe('2026-10-20');
    expect(e.result.agenda.map((a) => [a.client, a.status])).toEqual([
      ['Umbrella', 'overdue'],
      ['Initech', 'cooling_off'],
      ['Globex', 'due_soon'],
      ['Acme Corp', 'ok'],
    ]);
    expect(e.result.violations).toEqual([
      {
        client: 'Acme Corp',
        rule: 'gap',
        date: '2026-11-20',
        from: '2026-11-09',
        to: '2026-11-20',
        days: 11,
        open: false,
        fromLogStart: false,
      },
      {
        client: 'Globex',
        rule: 'gap',
        date: '2026-11-04',
        from: '2026-10-24',
        to: '2026-11-06',
        days: 13,
        open: false,
        fromLogStart: false,
      },
      {
        client: 'Globex',
        rule: 'cooloff',
        date: '2026-11-14',
        negativeDate: '2026-11-01',
        days: 13,
        manager: 'Olga Petrova',
      },
      // 20 Oct → 20 Nov: 11 days left of October + 20 = 31 days; it broke on 20 Oct + 11 = 31 Oct.
      {
        client: 'Initech',
        rule: 'gap',
        date: '2026-10-31',
        from: '2026-10-20',
        to: '2026-11-20',
        days: 31,
        open: false,
        fromLogStart: true,
      },
      // 20 Oct → as-of 23 Nov: 31 + 3 = 34 days, still open.
      {
        client: 'Umbrella',
        rule: 'gap',
        date: '2026-10-31',
        from: '2026-10-20',
        to: '2026-11-23',
        days: 34,
        open: true,
        fromLogStart: true,
      },
    ]);
    // The log begins 5 days before the window, less than the 10-day gap: said.
    expect(e.warnings.map((w) => w.code)).toContain('CADENCE_BEFORE_LOG');
    expect(e.inputs[0]).toMatchObject({ role: 'activities', rows: 14, used: 13, excluded: { notKeyClient: 1 } });
    expect(e.warnings.map((w) => w.code)).toContain('KEY_CLIENTS_WITHOUT_ACTIVITY');
  });

  it('takes key clients from revenue shares of a deals export (12 months up to as-of)', async () => {
    const e = await cadence([
      'fixtures/activities-en-salesforce.csv',
      '--as-of',
      '2026-11-23',
      '--deals',
      'fixtures/deals-en-hubspot.csv',
    ]);
    expect(e.result.agenda.map((a) => a.client).sort()).toEqual(['Acme Corp', 'Globex', 'Initech']);
    expect(e.inputs.map((i) => i.role)).toEqual(['activities', 'deals']);
  });

  it('checks an amoCRM-style Russian log with a clients file: key column, managers, dossiers', async () => {
    const e = await cadence([
      'fixtures/activities-ru-amocrm.csv',
      '--clients',
      'fixtures/clients-ru-key.csv',
      '--as-of',
      '23.11.2026',
    ]);
    expect(e.result.agenda.map((a) => [a.client, a.status, a.allowedFrom, a.manager])).toEqual([
      ['ООО Север', 'overdue', null, 'Иванов'],
      ['ООО Ромашка', 'cooling_off', '2026-11-28', 'Иванов'],
      ['АО Вектор', 'due_soon', null, 'Петрова'],
    ]);
    // АО Вектор's gap 10 Oct → 15 Nov broke on 21 Oct, before the window (25 Oct – 23 Nov), and
    // was in breach until 15 Nov: a finding of this window too (21 + 15 = 36 days).
    // ООО Север has no activity: its gap runs from the log's first day, 10 Oct, to as-of 23 Nov
    // (21 + 23 = 44 days), broken on 21 Oct.
    expect(e.result.violations).toEqual([
      {
        client: 'АО Вектор',
        rule: 'gap',
        date: '2026-10-21',
        from: '2026-10-10',
        to: '2026-11-15',
        days: 36,
        open: false,
        fromLogStart: false,
      },
      // ООО Ромашка's first positive contact is on 25 Oct, the window's first day, 15 days after
      // the log's: in breach from 21 Oct to that contact, which came 4 days late, inside the window.
      {
        client: 'ООО Ромашка',
        rule: 'gap',
        date: '2026-10-21',
        from: '2026-10-10',
        to: '2026-10-25',
        days: 15,
        open: false,
        fromLogStart: true,
      },
      {
        client: 'ООО Ромашка',
        rule: 'gap',
        date: '2026-11-15',
        from: '2026-11-04',
        to: '2026-11-17',
        days: 13,
        open: false,
        fromLogStart: false,
      },
      {
        client: 'ООО Ромашка',
        rule: 'cooloff',
        date: '2026-11-20',
        negativeDate: '2026-11-14',
        days: 6,
        manager: 'Иванов',
      },
      {
        client: 'ООО Север',
        rule: 'gap',
        date: '2026-10-21',
        from: '2026-10-10',
        to: '2026-11-23',
        days: 44,
        open: true,
        fromLogStart: true,
      },
    ]);
    expect(e.result.dossier.map((d) => [d.client, d.status])).toEqual([
      ['ООО Север', 'missing'],
      ['АО Вектор', 'stale'],
    ]);
  });

  it('shows the agenda first, violations under it, in Russian', async () => {
    const r = await folio([
      'cadence',
      'fixtures/activities-ru-amocrm.csv',
      '--clients',
      'fixtures/clients-ru-key.csv',
      '--as-of',
      '2026-11-23',
      '--lang',
      'ru',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.indexOf('План на сегодня')).toBeLessThan(r.stdout.indexOf('Нарушения'));
    // Russian output writes dates as dd.mm.yyyy (issue #13); JSON keeps ISO.
    expect(r.stdout).toMatch(/ООО Ромашка\s+пауза\s+20\.11\.2026\s+30\.11\.2026 \(\+7\)\s+с 28\.11\.2026 \(Иванов\)/);
  });

  it('warns when the log has no manager or channel column and applies the rule to every contact', async () => {
    const input = 'Date,Client,Outcome\n2026-11-01,Acme,negative\n2026-11-05,Acme,positive\n';
    const r = await folio(['cadence', '-', '--key-client', 'Acme', '--as-of', '2026-11-23', '--json'], { input });
    const e = json<Envelope>(r);
    expect(e.warnings.map((w) => w.code)).toContain('COOLOFF_SIMPLIFIED');
    expect(e.result.violations.filter((v) => v.rule === 'cooloff')).toHaveLength(1);
  });

  it('asks which clients are key when nothing says', async () => {
    const r = await folio(['cadence', 'fixtures/activities-en-salesforce.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/which clients are key[\s\S]*--all-clients/);
  });

  it('applies the rules to every client with --all-clients', async () => {
    const e = await cadence(['fixtures/activities-en-salesforce.csv', '--as-of', '2026-11-23', '--all-clients']);
    expect(e.result.agenda.map((a) => a.client).sort()).toEqual(['Acme Corp', 'Globex', 'Hooli', 'Initech']);
  });
});
