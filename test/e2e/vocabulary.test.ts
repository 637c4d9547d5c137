import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folio, json } from './run-cli.js';

interface Warning {
  code: string;
  message: string;
}

describe('statuses, outcomes and channels matched by word (e2e)', () => {
  it('cadence on a Russian log: outcomes and channels read inside longer values', async () => {
    // fixtures/activities-ru-vocab.csv, one key client, as-of 2026-11-30: the window is
    // 2026-11-01..2026-11-30. Read by word, the positives are 10-28 (before the window),
    // 11-05, 11-14, 11-18, 11-20: gaps 8, 9, 4, 2 and 10 days to as-of, none over 10.
    // «Отказ» on 11-08 by Иванов is negative; Иванов's personal contacts after it are the
    // call of 11-12 (4 days) and the meeting of 11-20 (12 days), both under 14: two
    // cool-off violations. The letter of 11-18 is not personal; Петров's meeting is
    // another manager's. Matched on the whole value, «Успешный», «Положительный
    // результат» and «Отказ» were neutral and the channels not personal: a false gap
    // 11-01 → 11-14 (13 days) and no cool-off violation at all.
    const r = await folio([
      'cadence',
      'fixtures/activities-ru-vocab.csv',
      '--key-client',
      'ООО Ромашка',
      '--as-of',
      '2026-11-30',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const e = json<{ result: { violations: Record<string, unknown>[] }; warnings: Warning[] }>(r);
    expect(e.result.violations).toEqual([
      {
        client: 'ООО Ромашка',
        rule: 'cooloff',
        date: '2026-11-12',
        negativeDate: '2026-11-08',
        days: 4,
        manager: 'Иванов',
      },
      {
        client: 'ООО Ромашка',
        rule: 'cooloff',
        date: '2026-11-20',
        negativeDate: '2026-11-08',
        days: 12,
        manager: 'Иванов',
      },
    ]);
    const unknown = e.warnings.filter((w) => w.code.startsWith('UNKNOWN_'));
    expect(unknown).toMatchObject([
      {
        code: 'UNKNOWN_OUTCOME',
        message:
          'fixtures/activities-ru-vocab.csv: 1 row(s) whose outcome no list knows, read as neutral: "Перенос встречи" (1); classify one with --positive, --negative or --neutral "VALUE"',
      },
    ]);
    expect(r.stderr).toContain('warning: fixtures/activities-ru-vocab.csv: 1 row(s) whose outcome no list knows');
  });

  it('--neutral silences an unknown outcome; --other-channels makes a channel not personal', async () => {
    const r = await folio([
      'cadence',
      'fixtures/activities-ru-vocab.csv',
      '--key-client',
      'ООО Ромашка',
      '--as-of',
      '2026-11-30',
      '--json',
      '--neutral',
      'перенос',
      '--other-channels',
      'исходящий звонок',
    ]);
    const e = json<{ result: { violations: { date?: string }[] }; warnings: Warning[] }>(r);
    expect(e.warnings.some((w) => w.code === 'UNKNOWN_OUTCOME')).toBe(false);
    // «исходящий звонок» (2 words, the user's) beats «звон» (1 word): the call of 11-12 no longer counts.
    expect(e.result.violations.map((v) => v.date)).toEqual(['2026-11-20']);
  });

  it('share: every spelling of won counts, lost and open do not, and the unknown status is warned', async () => {
    // Won: Alpha 100 + 50, Beta 200, Gamma 300, Delta 400 = 1,050 (by hand). Whole-value
    // matching took only Closed Won, WON and Paid: 750.
    const r = await folio(['share', 'fixtures/deals-status-spellings.csv', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = json<{
      inputs: { rows: number; used: number; excluded: Record<string, number> }[];
      result: { total: number };
      warnings: Warning[];
    }>(r);
    expect(e.result.total).toBe(1050);
    // Closed-Lost, Closed: lost, Signature requested and Negotiation: 4 rows out by status.
    expect(e.inputs[0]).toMatchObject({ rows: 9, used: 5, excluded: { status: 4 } });
    expect(e.warnings.filter((w) => w.code.startsWith('UNKNOWN_'))).toMatchObject([
      {
        code: 'UNKNOWN_STATUS',
        message:
          'fixtures/deals-status-spellings.csv: 1 row(s) whose status no list knows, read as open (not revenue): "Signature requested" (1); classify one with --won, --lost, --open or --refund "VALUE"',
      },
    ]);
  });

  it('--open makes a status known (silent); --won counts it', async () => {
    const open = json<{ result: { total: number }; warnings: Warning[] }>(
      await folio(['share', 'fixtures/deals-status-spellings.csv', '--json', '--open', 'signature']),
    );
    expect(open.result.total).toBe(1050);
    expect(open.warnings.some((w) => w.code === 'UNKNOWN_STATUS')).toBe(false);
    const won = json<{ result: { total: number } }>(
      await folio(['share', 'fixtures/deals-status-spellings.csv', '--json'], {
        env: { FOLIO_WON: 'signature requested' },
      }),
    );
    expect(won.result.total).toBe(1750);
  });

  it('leads and inspect warn about unknown statuses too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-vocab-'));
    const file = join(dir, 'leads.csv');
    writeFileSync(
      file,
      'Lead,Amount,Expected close,Status\nA,100,2026-11-10,В работе\nB,200,2026-12-20,Closed: won\nC,300,2026-11-05,Пауза\n',
    );
    // B is won (not ranked); «В работе» is a known open status; «Пауза» is unknown, read as open.
    const leads = await folio(['leads', file, '--as-of', '2026-11-01', '--json']);
    expect(leads.code, leads.stderr).toBe(0);
    const e = json<{ result: { leads: { lead: string }[] }; warnings: Warning[] }>(leads);
    expect(e.result.leads.map((l) => l.lead).sort()).toEqual(['A', 'C']);
    // The leads input says what each status counted as, too.
    expect(json<{ inputs: { statuses: unknown[] }[] }>(leads).inputs[0]?.statuses).toEqual([
      { value: 'Closed: won', role: 'won', rows: 1 },
      { value: 'В работе', role: 'open', rows: 1 },
      { value: 'Пауза', role: 'unknown', rows: 1 },
    ]);
    expect(e.warnings.filter((w) => w.code === 'UNKNOWN_STATUS').map((w) => w.message)).toEqual([
      `${file}: 1 row(s) whose status no list knows, read as open (not revenue): "Пауза" (1); classify one with --won, --lost, --open or --refund "VALUE"`,
    ]);
    const inspect = await folio(['inspect', 'fixtures/deals-status-spellings.csv', '--json']);
    expect(inspect.code).toBe(0);
    expect(json<{ warnings: Warning[] }>(inspect).warnings.map((w) => w.code)).toEqual(['UNKNOWN_STATUS']);
    // An activity log: «Перенос встречи» is the one outcome no list knows; every channel is known.
    const log = await folio(['inspect', 'fixtures/activities-ru-vocab.csv', '--json']);
    expect(json<{ result: { role: string }; warnings: Warning[] }>(log)).toMatchObject({
      result: { role: 'activities' },
      warnings: [{ code: 'UNKNOWN_OUTCOME' }],
    });
    expect(json<{ warnings: Warning[] }>(log).warnings).toHaveLength(1);
  });

  it('the config file extends the lists: statuses.open, outcomes.neutral, otherChannels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-vocab-'));
    const config = join(dir, 'folio.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        statuses: { open: ['signature'] },
        outcomes: { neutral: ['перенос'] },
        otherChannels: ['исходящий звонок'],
      }),
    );
    const share = json<{ warnings: Warning[] }>(
      await folio(['share', 'fixtures/deals-status-spellings.csv', '--json', '--config', config]),
    );
    expect(share.warnings.some((w) => w.code === 'UNKNOWN_STATUS')).toBe(false);
    const r = await folio([
      'cadence',
      'fixtures/activities-ru-vocab.csv',
      '--key-client',
      'ООО Ромашка',
      '--as-of',
      '2026-11-30',
      '--json',
      '--config',
      config,
    ]);
    const e = json<{ result: { violations: { date?: string }[] }; warnings: Warning[] }>(r);
    expect(e.warnings.some((w) => w.code === 'UNKNOWN_OUTCOME')).toBe(false);
    expect(e.result.violations.map((v) => v.date)).toEqual(['2026-11-20']);
  });

  it('folio config lists every vocabulary list: built-in entries, then the additions with their source', async () => {
    const r = await folio(['config', '--json'], { env: { FOLIO_OPEN: 'Ждём оплату' } });
    const settings = json<{
      result: {
        settings: { path: string; value: string[]; source: string; layers?: { source: string; value: string[] }[] }[];
      };
    }>(r).result.settings;
    const by = Object.fromEntries(settings.map((s) => [s.path, s]));
    for (const path of [
      'statuses.won',
      'statuses.lost',
      'statuses.open',
      'outcomes.positive',
      'outcomes.negative',
      'outcomes.neutral',
      'personalChannels',
      'otherChannels',
    ]) {
      expect(by[path]?.layers?.[0]?.source, path).toBe('default');
    }
    expect(by['statuses.won']?.value).toContain('closed won');
    expect(by['personalChannels']?.value).toContain('звон');
    expect(by['statuses.open']).toMatchObject({
      source: 'env',
      layers: [{ source: 'default' }, { source: 'env', value: ['Ждём оплату'] }],
    });
    expect(by['statuses.open']?.value.at(-1)).toBe('Ждём оплату');
  });
});
