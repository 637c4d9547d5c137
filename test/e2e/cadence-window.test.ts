import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { folio, json } from './run-cli.js';

interface Violation {
  client: string;
  rule: string;
  date: string;
  from?: string;
  to?: string;
  days: number;
}
interface Envelope {
  period: { from: string | null; to: string | null } | null;
  result: {
    window?: { from: string; to: string };
    cadence?: { violations: Violation[] };
    violations?: Violation[];
    findings?: { rule: string; client?: string }[];
  };
}

// Three clients around the end of October, maximum gap 10 days, cool-off 14, as-of 5 November:
// - Aster: positive 30 Sep, 10 Oct, 20 Oct, 4 Nov. 20 Oct + 10 = 30 Oct is allowed; the gap
//   breaks on 31 Oct (15 days in all).
// - Birch: positive 30 Sep, 10 Oct, 18 Oct, 21 Oct, 4 Nov. 21 Oct + 11 = 1 Nov: breaks in November.
// - Cedar: positive every 10 days (30 Sep … 30 Oct); negative by Mara on 25 Oct and Mara's call
//   on 1 Nov, 7 days later: a cool-off breach dated 1 November.
const LOG = `Date,Client,Outcome,Owner,Type
2026-09-30,Aster,positive,Lev,call
2026-10-10,Aster,positive,Lev,call
2026-10-20,Aster,positive,Lev,call
2026-11-04,Aster,positive,Lev,call
2026-09-30,Birch,positive,Lev,call
2026-10-10,Birch,positive,Lev,call
2026-10-18,Birch,positive,Lev,call
2026-10-21,Birch,positive,Lev,call
2026-11-04,Birch,positive,Lev,call
2026-09-30,Cedar,positive,Nina,email
2026-10-10,Cedar,positive,Nina,email
2026-10-20,Cedar,positive,Nina,email
2026-10-25,Cedar,negative,Mara,meeting
2026-10-30,Cedar,positive,Nina,email
2026-11-01,Cedar,neutral,Mara,call
`;

let log = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-window-'));
  log = join(dir, 'activities.csv');
  writeFileSync(log, LOG);
});

const brief = (vs: Violation[]): string[] => vs.map((v) => `${v.client} ${v.rule} ${v.date}`);

describe('one window rule for cadence (e2e)', () => {
  it('an October report lists the gap that broke on 31 October, not the one that broke on 1 November, nor the 1 November cool-off', async () => {
    const r = await folio([
      'report',
      '--activities',
      log,
      '--all-clients',
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-05',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const v = json<Envelope>(r).result.cadence?.violations ?? [];
    expect(brief(v)).toEqual(['Aster gap 2026-10-31']);
    expect(v[0]).toMatchObject({ from: '2026-10-20', to: '2026-11-04', days: 15 });
  });

  it('the table shows the date that places each violation', async () => {
    const r = await folio(['cadence', log, '--all-clients', '--last', '30', '--as-of', '2026-11-05']);
    expect(r.stdout).toMatch(/Aster\s+gap\s+2026-10-31\s+2026-10-20 → 2026-11-04\s+15/);
    expect(r.stdout).toMatch(
      /Cedar\s+personal contact during cool-off\s+2026-11-01\s+2026-10-25 → 2026-11-01\s+7\s+Mara/,
    );
  });

  it('cadence over October agrees with the report', async () => {
    const r = await folio(['cadence', log, '--all-clients', '--period', '2026-10', '--as-of', '2026-11-05', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(brief(json<Envelope>(r).result.violations ?? [])).toEqual(['Aster gap 2026-10-31']);
  });

  it('--last 30 at as-of 5 November (7 October – 5 November) lists all three', async () => {
    const r = await folio(['cadence', log, '--all-clients', '--last', '30', '--as-of', '2026-11-05', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = json<Envelope>(r);
    expect(e.result.window).toEqual({ from: '2026-10-07', to: '2026-11-05' });
    expect(brief(e.result.violations ?? [])).toEqual([
      'Aster gap 2026-10-31',
      'Birch gap 2026-11-01',
      'Cedar cooloff 2026-11-01',
    ]);
  });

  it('check over October fails on the one gap; over the last 30 days on both rules', async () => {
    const october = await folio([
      'check',
      '--activities',
      log,
      '--all-clients',
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-05',
      '--json',
    ]);
    expect(october.code).toBe(1);
    expect(json<Envelope>(october).result.findings?.map((f) => `${f.rule} ${f.client}`)).toEqual(['cadence Aster']);
    const last = await folio([
      'check',
      '--activities',
      log,
      '--all-clients',
      '--last',
      '30',
      '--as-of',
      '2026-11-05',
      '--json',
    ]);
    expect(last.code).toBe(1);
    const e = json<Envelope>(last);
    expect(e.period).toEqual({ from: '2026-10-07', to: '2026-11-05' });
    expect(e.result.findings?.map((f) => `${f.rule} ${f.client}`)).toEqual([
      'cadence Aster',
      'cadence Birch',
      'cooloff Cedar',
    ]);
  });

  it('check over October fails a key client silent since 1 September, though its gap broke in September', async () => {
    // Dalia: positive on 22 Aug and 1 Sep, nothing since. 1 Sep → as-of 5 Nov: 29 + 31 + 5 = 65 days.
    const dir = mkdtempSync(join(tmpdir(), 'folio-silent-'));
    const silent = join(dir, 'activities.csv');
    writeFileSync(silent, `${LOG}2026-08-22,Dalia,positive,Lev,call\n2026-09-01,Dalia,positive,Lev,call\n`);
    const r = await folio([
      'check',
      '--activities',
      silent,
      '--all-clients',
      '--period',
      '2026-10',
      '--as-of',
      '2026-11-05',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/cadence\s+Aster\s+15 days without a positive contact \(2026-10-20 → 2026-11-04\)/);
    expect(r.stdout).toMatch(/cadence\s+Dalia\s+no positive contact since 2026-09-01: 65 days by 2026-11-05/);
  });

  it('counts no gap from before the log: a log from 15 October passes October, says so, and checks nothing of September', async () => {
    // Elm: positive 15, 25 Oct and 4 Nov, 10 days apart; the log's first row is 15 Oct. From the
    // window's start, 1 → 15 Oct would be a 14-day gap.
    const dir = mkdtempSync(join(tmpdir(), 'folio-late-log-'));
    const late = join(dir, 'activities.csv');
    writeFileSync(
      late,
      'Date,Client,Outcome,Owner,Type\n2026-10-15,Elm,positive,Lev,call\n2026-10-25,Elm,positive,Lev,call\n2026-11-04,Elm,positive,Lev,call\n',
    );
    const check = async (period: string, more: string[] = []) =>
      await folio([
        'check',
        '--activities',
        late,
        '--all-clients',
        '--period',
        period,
        '--as-of',
        '2026-11-05',
        ...more,
      ]);
    const october = await check('2026-10', ['--json']);
    expect(october.code, october.stderr).toBe(0);
    const w = json<{ warnings: { code: string; message: string }[] }>(october).warnings;
    expect(w.find((x) => x.code === 'CADENCE_BEFORE_LOG')?.message).toBe(
      `${late}: the activity log begins on 2026-10-15: the 14 day(s) of the window before it (from 2026-10-01) are not checked, and no gap is counted from before that day`,
    );
    const september = await check('2026-09');
    expect(september.code).toBe(2);
    expect(september.stderr).toMatch(
      /rule cadence checked nothing: the activity log begins on 2026-10-15, after the window \(2026-09-01 to 2026-09-30\)/,
    );
  });

  it('--last on share counts the N days up to and including as-of', async () => {
    // fixtures/redact/deals.csv: won deals on 3, 10 and 15 Oct and 12 Sep; the 7 days up to
    // 15 Oct (9–15 Oct) hold 8,000 + 5,000.
    const r = await folio(['share', 'fixtures/redact/deals.csv', '--last', '7', '--as-of', '2026-10-15', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = json<{ period: unknown; result: { total: number } }>(r);
    expect(e.period).toEqual({ from: '2026-10-09', to: '2026-10-15' });
    expect(e.result.total).toBe(13000);
  });

  it.each([
    ['share', 'fixtures/redact/deals.csv', '--period', '2026-10'],
    ['cadence', 'fixtures/redact/activities.csv', '--all-clients', '--from', '2026-10-01'],
    ['report', 'fixtures/redact', '--to', '2026-10-31'],
    ['check', 'fixtures/redact', '--period', '2026-10'],
  ])('--last with --period/--from/--to is a usage error (%s)', async (...args) => {
    const r = await folio([...args, '--last', '30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--last cannot be combined with --period or --from\/--to/);
  });
});
