import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/schema/results.js';
import { folio, json } from './run-cli.js';

const offers = (args: string[]) => {
  const r = folio(['offers', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return OUTPUT_SCHEMAS.offers.parse(json(r));
};
const codes = (e: { warnings: { code: string }[] }) => e.warnings.map((w) => w.code);

describe('folio offers (e2e)', () => {
  // The Russian fixture is a 1C-style journal: UTF-8 with BOM, `;`, dd.mm.yyyy, CRLF, a totals
  // row. As-of Monday 23.11.2026; November 2026 by hand: Thu 5, Fri 6, Mon 9, Tue 10, Fri 20.
  it('checks a Russian 1C journal against a Russian call log', () => {
    expect([...readFileSync('fixtures/offers-ru-1c.csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const e = offers([
      'fixtures/offers-ru-1c.csv',
      '--activities',
      'fixtures/offers-ru-calls.csv',
      '--as-of',
      '23.11.2026',
    ]);
    const r = e.result;
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
    expect(r.counts).toEqual({ offers: 8, accepted: 1, declined: 1, undecided: 6, noExpiry: 0, beforeLog: 0 });
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
    expect(codes(e)).toEqual(['TOTALS_ROWS', 'OFFERS_NOT_SENT', 'CLIENT_SPELLINGS_MERGED']);
  });

  it('checks English quotes with US dates against a log without an outcome column', () => {
    const e = offers([
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
    expect(codes(e)).toEqual(['OFFERS_WITHOUT_EXPIRY']);
  });

  it('without a log checks expiry only, and says so', () => {
    const e = offers(['fixtures/offers-en-quotes.csv', '--as-of', '2026-11-23']);
    expect(e.result.followUpChecked).toBe(false);
    expect(e.result.violations).toEqual([]);
    expect(e.result.expired.map((x) => x.offer)).toEqual(['Q-2002']);
    expect(codes(e)).toContain('FOLLOW_UP_NEEDS_LOG');
  });

  it('honours --follow-up-days and --expiring-days', () => {
    // Two business days: Q-2002 (Fri 13) is due Tue 17, the day of the call.
    const e = offers([
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
    const env = folio(['offers', 'fixtures/offers-en-quotes.csv', '--as-of', '2026-11-23', '--json'], {
      env: { FOLIO_EXPIRING_DAYS: '3' },
    });
    expect(OUTPUT_SCHEMAS.offers.parse(json(env)).result.thresholds).toEqual({ followUpDays: 1, expiringDays: 3 });
  });

  it('prints a Russian table and a CSV of the four lists', () => {
    const table = folio([
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
    const csv = folio([
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

  it('reads a deals export as offers: rows without a sending date or before the proposal stage are counted out', () => {
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
    const e = offers([file, '--as-of', '2026-11-23', '--map', 'number=Deal Name']);
    // Aster and Elm are undecided and expired; Birch (won) and Dune (lost) are decided.
    expect(e.result.expired.map((x) => x.offer)).toEqual(['E', 'A']);
    expect(e.result.counts).toMatchObject({ offers: 4, accepted: 1, declined: 1, undecided: 2 });
    // Cedar has no sending date; Fir is dated but still in qualification: no offer yet.
    expect(e.inputs[0]).toMatchObject({ rows: 6, used: 4, excluded: { notSent: 1, preparing: 1 } });
    expect(codes(e)).toContain('OFFERS_NOT_SENT');
  });

  it('refuses an offer that expires before it was sent, with the line and the column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-offers-'));
    const file = join(dir, 'quotes.csv');
    writeFileSync(file, 'Client,Sent,Valid until\nAster,2026-11-10,2026-11-01\n');
    const r = folio(['offers', file, '--as-of', '2026-11-23']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/quotes\.csv:2:3: .*expires before it was sent/);
  });

  it('redacts client and manager names', () => {
    const r = folio([
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

  it('in a report without key clients, still reads the log for the follow-up, once', () => {
    const r = folio([
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
    expect(codes(e)).toEqual(['CADENCE_SKIPPED', 'OFFERS_WITHOUT_EXPIRY']);
  });

  it('finds the offers of a folder by name only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-offers-'));
    writeFileSync(join(dir, 'Коммерческие предложения.csv'), readFileSync('fixtures/offers-ru-1c.csv'));
    // Client, date and amount fit offers (a date is a fallback sending date) as well as deals:
    // unnamed, it is taken for deals.
    writeFileSync(join(dir, 'export.csv'), 'Client,Date,Amount,Status\nAster,2026-11-02,100,won\n');
    const r = folio(['report', dir, '--period', '2026-11', '--as-of', '2026-11-23', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.report.parse(json(r));
    expect(e.inputs.map((i) => [i.role, i.file.replace(dir, '')])).toEqual([
      ['deals', '/export.csv'],
      ['offers', '/Коммерческие предложения.csv'],
    ]);
    expect(e.result.offers?.counts.offers).toBe(8);
  });

  it('inspect reads a file as offers', () => {
    const r = folio(['inspect', 'fixtures/offers-ru-1c.csv', '--as', 'offers']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Дата КП\s+sent/);
    expect(r.stdout).toMatch(/ЗАО Луч\s+КП-105\s+2026-11-10\s+2026-12-01\s+60000\s+Иванов\s+accepted/);
  });

  it('prints its JSON Schema', () => {
    const r = folio(['schema', 'offers']);
    expect(r.code).toBe(0);
    expect(
      (JSON.parse(r.stdout) as { properties: { result: { required: string[] } } }).properties.result.required,
    ).toEqual(expect.arrayContaining(['violations', 'due', 'expiring', 'expired', 'managers']));
  });
});

describe('check rules followup and expired (e2e)', () => {
  const demo = ['check', 'fixtures/demo', '--as-of', '2026-11-23', '--json'];

  it('fails on followup (exit 1) with a finding per offer not followed up in October', () => {
    const r = folio([...demo, '--fail-on', 'followup']);
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
  });

  it('is not in the default policy', () => {
    const e = OUTPUT_SCHEMAS.check.parse(json(folio(demo)));
    expect(e.result.policy).not.toContain('followup');
    expect(e.result.summary.find((s) => s.rule === 'followup')).toMatchObject({ count: 2, failing: false });
  });

  it('refuses followup without an activity log (a gate that checked nothing fails), passes expired on clean offers', () => {
    const r = folio([
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
    const expired = (asOf: string) =>
      folio([
        'check',
        '--offers',
        'fixtures/demo/offers.csv',
        '--as-of',
        asOf,
        '--period',
        '2026-10',
        '--fail-on',
        'expired',
      ]).code;
    expect(expired('2026-10-20')).toBe(0);
    expect(expired('2026-10-21')).toBe(1);
  });
});
