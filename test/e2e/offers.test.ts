import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/schema/results.js';
import { folio, json } from './run-cli.js';

const offers = async (args: string[]) => {
  const r = await folio(['offers', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return OUTPUT_SCHEMAS.offers.parse(json(r));
};
const codes = (e: { warnings: { code: string }[] }) => e.warnings.map((w) => w.code);

describe('folio offers (e2e)', () => {
  // The Russian fixture is a 1C-style journal: UTF-8 with BOM, `;`, dd.mm.yyyy, CRLF, a totals
  // row. As-of Monday 23.11.2026; November 2026 by hand: Thu 5, Fri 6, Mon 9, Tue 10, Fri 20.
  it('checks a Russian 1C journal against a Russian call log', async () => {
    expect([...readFileSync('fixtures/offers-ru-1c.csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const e = await offers([
      'fixtures/offers-ru-1c.csv',
      '--activities',
      'fixtures/offers-ru-calls.csv',
      '--as-of',
      '23.11.2026',
      '--holidays',
      'ru',
    ]);
    const r = e.result;
    // 4 November (a Wednesday) is Russia's only holiday of the month; no offer is sent before it,
    // so the figures are those of Monday to Friday. The decree's days for 2026 are not known.
    expect(r.holidays).toEqual({ country: 'ru', files: [], fileYears: [], yearsWithoutFile: [2026] });
    // КП-101 (Thu 5) called Fri 6: in time. КП-102 (Thu 5) due Fri 6, first call Mon 9: late.
    // КП-103 (Fri 6) visited Mon 9: in time. КП-104 (Mon 9) due Tue 10: only a letter, no call.
    expect(r.violations).toEqual([
      {
        client: 'АО Вектор',
        offer: 'КП-102',
        sent: '2026-11-05',
        due: '2026-11-06',
        contact: '2026-11-09',
        manager: 'Петрова',
        amount: 80000,
      },
      {
        client: 'ООО Север',
        offer: 'КП-104',
        sent: '2026-11-09',
        due: '2026-11-10',
        contact: null,
        manager: 'Иванов',
        amount: 300000,
      },
    ]);
    // КП-107 (Fri 20) is due today, КП-108 (Mon 23) tomorrow.
    expect(r.due.map((d) => [d.offer, d.due, d.daysLeft])).toEqual([
      ['КП-107', '2026-11-23', 0],
      ['КП-108', '2026-11-24', 1],
    ]);
    // 26.11 is 3 days ahead; 30.11 is the 7-day edge; 04.12 is past it.
    expect(r.expiring.map((x) => [x.offer, x.expires, x.daysLeft, x.amount])).toEqual([
      ['КП-102', '2026-11-26', 3, 80000],
      ['КП-103', '2026-11-30', 7, 45500.5],
    ]);
    // The declined КП-106 expires on 25.11 and the accepted КП-105 on 01.12: neither is listed.
    expect(r.expired.map((x) => [x.offer, x.expires, x.daysAgo, x.amount])).toEqual([
      ['КП-104', '2026-11-20', 3, 300000],
      ['КП-101', '2026-11-19', 4, 120000],
    ]);
    expect(r.expiredAmount).toBe(420000);
    expect(r.counts).toEqual({
      offers: 8,
      accepted: 1,
      declined: 1,
      undecided: 6,
      noExpiry: 0,
      beforeLog: 0,
      judged: 6,
    });
    expect(r.managers).toEqual([
      { manager: 'Иванов', sent: 4, followedUp: 1, late: 1, expired: 2, expiredAmount: 420000 },
      { manager: 'Петрова', sent: 4, followedUp: 1, late: 1, expired: 0, expiredAmount: 0 },
    ]);
    // Offers: 10 rows = 8 used + 1 without a sending date + the totals row. Log: 8 rows = 5
    // personal contacts of offer clients + 1 letter + 1 other client + 1 planned after as-of.
    expect(e.inputs).toMatchObject([
      {
        role: 'offers',
        encoding: 'utf-8',
        delimiter: ';',
        columns: { number: 'Номер', sent: 'Дата КП', expires: 'Действует до' },
        rows: 10,
        used: 8,
        excluded: { notSent: 1, sentAfterAsOf: 0 },
        totals: 1,
        skipped: 0,
      },
      { role: 'activities', rows: 8, used: 5, excluded: { notOfferClient: 1, notPersonal: 1, afterAsOf: 1 } },
    ]);
    // «ООО Ромашка» and «ООО «Ромашка»» are one client: said, with their rows (1 + 1 offers, 2 calls).
    expect(codes(e)).toEqual(['TOTALS_ROWS', 'OFFERS_NOT_SENT', 'HOLIDAYS_NOT_COVERED', 'CLIENT_SPELLINGS_MERGED']);
  });

  it('checks English quotes with US dates against a log without an outcome column', async () => {
    const e = await offers([
      'fixtures/offers-en-quotes.csv',
      '--activities',
      'fixtures/offers-en-activities.csv',
      '--as-of',
      '2026-11-23',
    ]);
    const r = e.result;
    // Q-2002 sent Fri 13 Nov, due Mon 16: an e-mail that day, the call on Tue 17.
    expect(r.violations).toEqual([
      {
        client: 'Globex',
        offer: 'Q-2002',
        sent: '2026-11-13',
        due: '2026-11-16',
        contact: '2026-11-17',
        manager: 'Olga Petrova',
        amount: 8500,
      },
    ]);
    expect(r.due.map((d) => [d.offer, d.due, d.daysLeft])).toEqual([['Q-2005', '2026-11-23', 0]]);
    expect(r.expiring.map((x) => [x.offer, x.daysLeft])).toEqual([
      ['Q-2004', 0],
      ['Q-2001', 4],
    ]);
    expect(r.expired.map((x) => [x.offer, x.daysAgo, x.amount])).toEqual([['Q-2002', 1, 8500]]);
    expect(r.counts).toMatchObject({ offers: 6, accepted: 1, declined: 1, undecided: 4, noExpiry: 1 });
    expect(e.inputs[1]).toMatchObject({ role: 'activities', rows: 5, used: 4, excluded: { notPersonal: 1 } });
    // No --holidays: Monday to Friday, said.
    expect(r.holidays).toBeNull();
    expect(codes(e)).toEqual(['HOLIDAYS_NOT_KNOWN', 'OFFERS_WITHOUT_EXPIRY']);
  });

  it('without a log checks expiry only, and says so', async () => {
    const e = await offers(['fixtures/offers-en-quotes.csv', '--as-of', '2026-11-23']);
    expect(e.result.followUpChecked).toBe(false);
    expect(e.result.violations).toEqual([]);
    expect(e.result.expired.map((x) => x.offer)).toEqual(['Q-2002']);
    expect(codes(e)).toContain('FOLLOW_UP_NEEDS_LOG');
  });

  it('honours --follow-up-days and --expiring-days', async () => {
    // Two business days: Q-2002 (Fri 13) is due Tue 17, the day of the call.
    const e = await offers([
      'fixtures/offers-en-quotes.csv',
      '--activities',
      'fixtures/offers-en-activities.csv',
      '--as-of',
      '2026-11-23',
      '--follow-up-days',
      '2',
      '--expiring-days',
      '3',
    ]);
    expect(e.result.violations).toEqual([]);
    expect(e.result.expiring.map((x) => x.offer)).toEqual(['Q-2004']);
    const env = await folio(['offers', 'fixtures/offers-en-quotes.csv', '--as-of', '2026-11-23', '--json'], {
      env: { FOLIO_EXPIRING_DAYS: '3' },
    });
    expect(OUTPUT_SCHEMAS.offers.parse(json(env)).result.thresholds).toEqual({ followUpDays: 1, expiringDays: 3 });
  });

  it('prints a Russian table and a CSV of the four lists', async () => {
    const table = await folio([
      'offers',
      'fixtures/offers-ru-1c.csv',
      '--activities',
      'fixtures/offers-ru-calls.csv',
      '--as-of',
      '2026-11-23',
      '--lang',
      'ru',
    ]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/Без звонка в срок/);
    expect(table.stdout).toMatch(/Упущено\s+420 000/);
    const csv = await folio([
      'offers',
      'fixtures/offers-en-quotes.csv',
      '--activities',
      'fixtures/offers-en-activities.csv',
      '--as-of',
      '2026-11-23',
      '--format',
      'csv',
    ]);
    expect(csv.stdout.split('\n')[0]).toBe('list,client,offer,sent,due,contact,expires,daysLeft,amount,manager');
    expect(csv.stdout).toContain('violation,Globex,Q-2002,2026-11-13,2026-11-16,2026-11-17,,,8500,Olga Petrova');
  });

  it('reads a deals export as offers: rows without a sending date or before the proposal stage are counted out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-offers-'));
    const file = join(dir, 'pipeline.csv');
    writeFileSync(
      file,
      'Deal Name,Company,Amount,Stage,Quote Sent,Quote Expiration Date\n' +
        'A,Aster,100,Proposal,2026-11-02,2026-11-10\n' +
        'B,Birch,200,Closed Won,2026-11-02,2026-11-10\n' +
        'C,Cedar,300,Qualification,,\n' +
        'D,Dune,400,Closed Lost,2026-11-03,2026-11-09\n' +
        'E,Elm,500,Quote on hold (client thinking),2026-11-04,2026-11-12\n' +
        'F,Fir,600,Qualification,2026-11-05,2026-11-20\n',
    );
    const e = await offers([file, '--as-of', '2026-11-23', '--map', 'number=Deal Name']);
    // Aster and Elm are undecided and expired; Birch (won) and Dune (lost) are decided.
    expect(e.result.expired.map((x) => x.offer)).toEqual(['E', 'A']);
    expect(e.result.counts).toMatchObject({ offers: 4, accepted: 1, declined: 1, undecided: 2 });
    // Cedar has no sending date; Fir is dated but still in qualification: no offer yet.
    expect(e.inputs[0]).toMatchObject({ rows: 6, used: 4, excluded: { notSent: 1, preparing: 1 } });
    expect(codes(e)).toContain('OFFERS_NOT_SENT');
  });

  it('refuses an offer that expires before it was sent, with the line and the column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-offers-'));
    const file = join(dir, 'quotes.csv');
    writeFileSync(file, 'Client,Sent,Valid until\nAster,2026-11-10,2026-11-01\n');
    const r = await folio(['offers', file, '--as-of', '2026-11-23']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/quotes\.csv:2:3: .*expires before it was sent/);
  });

  it('redacts client and manager names', async () => {
    const r = await folio([
      'offers',
      'fixtures/offers-en-quotes.csv',
      '--activities',
      'fixtures/offers-en-activities.csv',
      '--as-of',
      '2026-11-23',
      '--redact',
    ]);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ['Globex', 'Hooli', 'Olga Petrova', 'Anna Kim']) expect(r.stdout).not.toContain(name);
    expect(r.stdout).toMatch(/client-[0-9a-f]{8}/);
  });

  it('in a report without key clients, still reads the log for the follow-up, once', async () => {
    const r = await folio([
      'report',
      '--offers',
      'fixtures/offers-en-quotes.csv',
      '--activities',
      'fixtures/offers-en-activities.csv',
      '--as-of',
      '2026-11-23',
      '--period',
      '2026-11',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.report.parse(json(r));
    expect(e.result.cadence).toBeNull();
    expect(e.result.offers?.violations.map((v) => v.offer)).toEqual(['Q-2002']);
    expect(e.inputs.map((i) => [i.role, i.used])).toEqual([
      ['offers', 6],
      ['activities', 4],
    ]);
    expect(codes(e)).toEqual(['CADENCE_SKIPPED', 'HOLIDAYS_NOT_KNOWN', 'OFFERS_WITHOUT_EXPIRY']);
  });

  it('finds the offers of a folder by name only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-offers-'));
    writeFileSync(join(dir, 'Коммерческие предложения.csv'), readFileSync('fixtures/offers-ru-1c.csv'));
    // Client, date and amount fit offers (a date is a fallback sending date) as well as deals:
    // unnamed, it is taken for deals.
    writeFileSync(join(dir, 'export.csv'), 'Client,Date,Amount,Status\nAster,2026-11-02,100,won\n');
    const r = await folio(['report', dir, '--period', '2026-11', '--as-of', '2026-11-23', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.report.parse(json(r));
    expect(e.inputs.map((i) => [i.role, i.file.replace(dir, '')])).toEqual([
      ['deals', '/export.csv'],
      ['offers', '/Коммерческие предложения.csv'],
    ]);
    expect(e.result.offers?.counts.offers).toBe(8);
  });

  it('inspect reads a file as offers', async () => {
    const r = await folio(['inspect', 'fixtures/offers-ru-1c.csv', '--as', 'offers']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Дата КП\s+sent/);
    expect(r.stdout).toMatch(/ЗАО Луч\s+КП-105\s+2026-11-10\s+2026-12-01\s+60000\s+Иванов\s+accepted/);
  });

  it('prints its JSON Schema', async () => {
    const r = await folio(['schema', 'offers']);
    expect(r.code).toBe(0);
    expect(
      (JSON.parse(r.stdout) as { properties: { result: { required: string[] } } }).properties.result.required,
    ).toEqual(expect.arrayContaining(['violations', 'due', 'expiring', 'expired', 'managers']));
  });
});

describe('public holidays in the follow-up (e2e)', () => {
  // May 2026 by hand: Thu 30 Apr, Fri 1 May (a holiday in Russia and Bulgaria), Mon 4, Wed 6
  // (Bulgaria's St George), Fri 8, Sat 9 (Russia's Victory Day → Mon 11 off), Tue 12.
  // Q-1 sent Fri 8 May, called Tue 12; Q-2 sent Thu 30 Apr, called Mon 4 May.
  const dir = mkdtempSync(join(tmpdir(), 'folio-holidays-'));
  const quotes = join(dir, 'quotes.csv');
  const calls = join(dir, 'calls.csv');
  writeFileSync(
    quotes,
    'Quote Number,Client,Sent,Valid until,Status,Amount,Owner\nQ-1,Acme,2026-05-08,2026-06-30,Sent,100,Anna\nQ-2,Globex,2026-04-30,2026-06-30,Sent,200,Anna\n',
  );
  writeFileSync(
    calls,
    'Date,Client,Type,Owner\n2026-04-01,Other,Call,Anna\n2026-05-12,Acme,Call,Anna\n2026-05-04,Globex,Call,Anna\n',
  );
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const r = await folio(['offers', quotes, '--activities', calls, '--as-of', '2026-05-20', '--json', ...args], {
      env,
    });
    expect(r.code, r.stderr).toBe(0);
    return OUTPUT_SCHEMAS.offers.parse(json(r));
  };
  const late = (e: Awaited<ReturnType<typeof run>>) => e.result.violations.map((v) => `${v.offer} due ${v.due}`);

  it('without a calendar counts Monday to Friday, and says holidays are not known', async () => {
    const e = await run([]);
    // Q-1 due Mon 11 (called 12: late); Q-2 due Fri 1 May (called 4: late).
    expect(late(e)).toEqual(['Q-2 due 2026-05-01', 'Q-1 due 2026-05-11']);
    expect(e.result.holidays).toBeNull();
    expect(codes(e)).toContain('HOLIDAYS_NOT_KNOWN');
  });

  it('--holidays ru: both were called in time; Bulgaria by FOLIO_HOLIDAYS: Q-1 was late', async () => {
    const ru = await run(['--holidays', 'ru']);
    // Russia: Q-1 due Tue 12 (9 May moved to Mon 11), Q-2 due Mon 4 May.
    expect(late(ru)).toEqual([]);
    expect(ru.result.holidays).toMatchObject({ country: 'ru', yearsWithoutFile: [2026] });
    expect(codes(ru)).toContain('HOLIDAYS_NOT_COVERED');
    expect(codes(ru)).not.toContain('HOLIDAYS_NOT_KNOWN');
    // Bulgaria: 9 May is no holiday, Q-1 due Mon 11; Q-2 due Mon 4 (1 May).
    const bg = await run([], { FOLIO_HOLIDAYS: 'bg' });
    expect(late(bg)).toEqual(['Q-1 due 2026-05-11']);
    expect(bg.result.holidays?.country).toBe('bg');
  });

  it("takes a file from the config file's folder, and stops on a bad line with its place", async () => {
    // The 2026 decree's days (9 Jan, 31 Dec) beside Russia's law: the year is covered, no warning.
    writeFileSync(join(dir, 'ru-2026.txt'), '# decree\n2026-01-09\n2026-12-31\n');
    writeFileSync(join(dir, 'folio.config.json'), JSON.stringify({ holidays: ['ru', 'ru-2026.txt'] }));
    const e = await run(['--config', join(dir, 'folio.config.json')]);
    expect(e.result.holidays).toEqual({
      country: 'ru',
      files: [join(dir, 'ru-2026.txt')],
      fileYears: [2026],
      yearsWithoutFile: [],
    });
    expect(codes(e).filter((c) => c.startsWith('HOLIDAYS'))).toEqual([]);
    writeFileSync(join(dir, 'bad.txt'), '2026-01-09\n31.12.2026\n');
    const bad = await folio(['offers', quotes, '--activities', calls, '--holidays', join(dir, 'bad.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(dir, 'bad.txt')}:2: "31.12.2026": not an ISO date (YYYY-MM-DD)`);
  });
});

describe('check rules followup and expired (e2e)', () => {
  const demo = ['check', 'fixtures/demo', '--as-of', '2026-11-23', '--json'];

  it('fails on followup (exit 1) with a finding per offer not followed up in October', async () => {
    const r = await folio([...demo, '--fail-on', 'followup']);
    expect(r.code).toBe(1);
    const e = OUTPUT_SCHEMAS.check.parse(json(r));
    // Worked out in report-check.test.ts.
    expect(e.result.findings.filter((f) => f.rule === 'followup').map((f) => [f.client, f.manager])).toEqual([
      ['Adventure Works', 'Anna Kim'],
      ['Contoso Ltd', 'Olga Petrova'],
    ]);
    expect(e.result.summary.find((s) => s.rule === 'expired')).toEqual({
      rule: 'expired',
      count: 2,
      failing: false,
      skipped: false,
    });
    // The follow-up's business days were Monday to Friday: said in the JSON and as a warning.
    expect(e.result.holidays).toBeNull();
    expect(codes(e)).toContain('HOLIDAYS_NOT_KNOWN');
  });

  it('is not in the default policy', async () => {
    const e = OUTPUT_SCHEMAS.check.parse(json(await folio(demo)));
    expect(e.result.policy).not.toContain('followup');
    expect(e.result.summary.find((s) => s.rule === 'followup')).toMatchObject({ count: 2, failing: false });
  });

  it('refuses followup without an activity log (a gate that checked nothing fails), passes expired on clean offers', async () => {
    const r = await folio([
      'check',
      '--offers',
      'fixtures/demo/offers.csv',
      '--as-of',
      '2026-11-23',
      '--fail-on',
      'followup',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rule followup needs an activity log/);
    // Q-304 is valid until 20 October: on that day it is still expiring, on the 21st expired.
    const expired = async (asOf: string) =>
      (
        await folio([
          'check',
          '--offers',
          'fixtures/demo/offers.csv',
          '--as-of',
          asOf,
          '--period',
          '2026-10',
          '--fail-on',
          'expired',
        ])
      ).code;
    expect(await expired('2026-10-20')).toBe(0);
    expect(await expired('2026-10-21')).toBe(1);
  });

  it('does not pass followup when every offer of the window was sent before the log: not checked, never "0, ok"', async () => {
    // October's two offers were sent on 5 and 8 Oct; the log begins on 20 Oct.
    const dir = mkdtempSync(join(tmpdir(), 'folio-before-log-'));
    writeFileSync(
      join(dir, 'offers.csv'),
      'Quote Number,Client,Sent,Valid until,Status,Amount\nQ-1,Acme,2026-10-05,2026-12-31,Sent,1000\nQ-2,Globex,2026-10-08,2026-12-31,Sent,2000\n',
    );
    writeFileSync(join(dir, 'calls.csv'), 'Date,Client,Type\n2026-10-20,Acme,Call\n2026-10-21,Globex,Call\n');
    const args = ['check', '--offers', join(dir, 'offers.csv'), '--activities', join(dir, 'calls.csv')];
    const window = ['--period', '2026-10', '--as-of', '2026-11-05'];
    const gate = await folio([...args, ...window, '--fail-on', 'followup']);
    expect(gate.code).toBe(2);
    expect(gate.stderr).toMatch(
      /rule followup checked nothing: the 2 undecided offer\(s\) of the window were all sent before the activity log begins \(2026-10-20\)/,
    );
    const skipped = await folio([...args, ...window, '--fail-on', 'followup', '--allow-missing']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/followup\s+—\s+SKIPPED \(offers before the log\)/);
    // Outside the policy it reads "not checked", with the reason as data in the JSON.
    const e = OUTPUT_SCHEMAS.check.parse(json(await folio([...args, ...window, '--fail-on', 'expired', '--json'])));
    expect(e.result.summary.find((x) => x.rule === 'followup')).toEqual({
      rule: 'followup',
      count: 0,
      failing: false,
      skipped: true,
      gap: { rule: 'followup', lack: 'offers-before-log', count: 2, logFrom: '2026-10-20' },
    });
  });
});
