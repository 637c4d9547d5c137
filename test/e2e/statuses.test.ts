import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envelopeSchema, shareResultSchema } from '../../src/schema/envelope.js';
import { expectAccounted, folio, json } from './run-cli.js';

// Issue 26 §1, §2, §5 and issue 27 §2, §18, as a user meets them: what each status counted
// as, said by every run (inputs[].statuses), refunds netted in, and the defaults that speak.

const shareEnvelope = envelopeSchema('share', shareResultSchema);

interface Warning {
  code: string;
  message: string;
  fields: Record<string, unknown>;
}
interface Run {
  inputs: { rows: number; used: number; excluded: Record<string, number>; statuses?: unknown[] }[];
  result: { total: number; clients: { client: string; revenue: number; share: number | null; class: string | null }[] };
  warnings: Warning[];
}

const dir = mkdtempSync(join(tmpdir(), 'folio-statuses-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('a 1C order feed: «Закрыт» beside «К выполнению / В резерве» (fixtures/deals-1c-orders.csv)', () => {
  // Windows-1251, `;`, CRLF. Nine orders: «Закрыт» 120 000 (Ромашка), 80 000 (Вектор),
  // 25 000 (Петров), 50 000 (Луч) = 275 000; the other five are «К выполнению / В резерве»
  // (45 000, 200 000), «К выполнению» (15 500,50), «На согласовании» (60 000) and
  // «К выполнению / К отгрузке» (10 000): none of them is revenue.
  const FEED = 'fixtures/deals-1c-orders.csv';

  it('with --won Закрыт only «Закрыт» is revenue, and the run lists what each status counted as', async () => {
    const r = await folio(['share', FEED, '--won', 'Закрыт', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = shareEnvelope.parse(json(r));
    expect(e.result.total).toBe(275_000);
    // 120/275 = 43.6% critical, 80/275 = 29.1% critical, 50/275 = 18.2% key, 25/275 = 9.1% regular.
    expect(e.result.clients.map((c) => [c.client, c.revenue, c.class])).toEqual([
      ['ООО Ромашка', 120_000, 'critical'],
      ['АО Вектор', 80_000, 'critical'],
      ['ООО Луч', 50_000, 'key'],
      ['ИП Петров', 25_000, 'regular'],
    ]);
    expect(e.inputs[0]?.statuses).toEqual([
      { value: 'Закрыт', role: 'won', rows: 4 },
      { value: 'К выполнению / В резерве', role: 'open', rows: 2 },
      { value: 'К выполнению', role: 'open', rows: 1 },
      { value: 'К выполнению / К отгрузке', role: 'open', rows: 1 },
      { value: 'На согласовании', role: 'open', rows: 1 },
    ]);
    expect(e.inputs[0]).toMatchObject({ rows: 9, used: 4, excluded: { status: 5 } });
    expect(e.warnings).toEqual([]);
  });

  it('with no flag «Закрыт» is unknown and warned, naming --won and --lost; no order is revenue', async () => {
    const r = await folio(['share', FEED]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'folio: fixtures/deals-1c-orders.csv: no won deal: of 9 rows, 9 by status excluded, 0 skipped\n' +
        '  hint: no list knows the statuses "Закрыт" (4): if one of them is a sale, pass --won "Закрыт"; `folio inspect` lists every status as read\n',
    );
    const inspect = await folio(['inspect', FEED, '--json']);
    const i = json<{ result: { statuses: unknown[] }; warnings: Warning[] }>(inspect);
    expect(i.result.statuses[0]).toEqual({ value: 'Закрыт', role: 'unknown', rows: 4 });
    expect(i.warnings.map((w) => w.message)).toEqual([
      'fixtures/deals-1c-orders.csv: 4 row(s) whose status says only closed, which is a done order in some systems (1C) and a lost deal in others: "Закрыт" (4); read as open (not revenue): if closed means sold, pass --won "Закрыт"; if it means lost, --lost "Закрыт"',
    ]);
    // In Russian, in the table `inspect` prints.
    const table = await folio(['inspect', FEED, '--lang', 'ru']);
    expect(table.stdout).toMatch(
      /Статусы, как они прочитаны\n +Статус +Учтён как +Строк\n +Закрыт +неизвестен \(как открыта\) +4\n/,
    );
  });
});

describe('refunds netted in (fixtures/deals-refund-statuses.csv)', () => {
  // Worked by hand for October 2026. Acme: 4500 Paid − 500 «Возврат» (positive, so taken
  // as −500) = 4000; its 1000 of 2026-09-10 is outside. Globex: 3300 Won − 300 Credit note
  // (already negative) = 3000. Initech: 2000 Shipped; its Refund of 2026-11-02 is outside.
  // Hooli: 1000 Partially paid (won, warned); «Refund pending» is open. Umbrella: «Paid -
  // refunded» ties won and refund (unknown, not revenue); Chargeback 600 → −600.
  // Net total 9400; share base 10 000: Acme 40% critical, Globex 30% critical, Initech 20%
  // key (not above 20), Hooli 10% regular (not above 10), Umbrella no share.
  const REFUNDS = 'fixtures/deals-refund-statuses.csv';

  it('share: the totals, the classes, the counts and the warnings', async () => {
    const r = await folio(['share', REFUNDS, '--period', '2026-10', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = shareEnvelope.parse(json(r));
    expect(e.result.total).toBe(9400);
    expect(e.result.portfolio.shareBase).toBe(10_000);
    expect(e.result.clients.map((c) => [c.client, c.revenue, c.share, c.class])).toEqual([
      ['Acme', 4000, 0.4, 'critical'],
      ['Globex', 3000, 0.3, 'critical'],
      ['Initech', 2000, 0.2, 'key'],
      ['Hooli', 1000, 0.1, 'regular'],
      ['Umbrella', -600, null, null],
    ]);
    const input = e.inputs[0];
    expect(input).toMatchObject({ rows: 11, used: 7, excluded: { status: 2, period: 2, currency: 0 } });
    expectAccounted(input as NonNullable<typeof input>);
    // Most rows first, then by spelling.
    expect(input?.statuses).toEqual([
      { value: 'Paid', role: 'won', rows: 2 },
      { value: 'Chargeback', role: 'refund', rows: 1 },
      { value: 'Credit note', role: 'refund', rows: 1 },
      { value: 'Paid - refunded', role: 'unknown', rows: 1 },
      { value: 'Partially paid', role: 'won', rows: 1 },
      { value: 'Refund', role: 'refund', rows: 1 },
      { value: 'Refund pending', role: 'open', rows: 1 },
      { value: 'Shipped', role: 'won', rows: 1 },
      { value: 'Won', role: 'won', rows: 1 },
      { value: 'Возврат', role: 'refund', rows: 1 },
    ]);
    const byCode = Object.fromEntries(e.warnings.map((w) => [w.code, w]));
    // Three positive amounts under a refund status, in or out of the period: 500, 200, 600.
    expect(byCode.REFUNDS_NEGATED?.fields).toEqual({ file: REFUNDS, count: 3 });
    expect(byCode.PARTIAL_STATUS?.fields).toMatchObject({ rows: 1, values: [{ value: 'Partially paid', rows: 1 }] });
    expect(byCode.UNKNOWN_STATUS?.fields).toMatchObject({
      rows: 1,
      values: [{ value: 'Paid - refunded', tied: ['won', 'refund'] }],
    });
  });

  it('report nets the refunds in as share does: the same October figures', async () => {
    const r = await folio(['report', '--deals', REFUNDS, '--as-of', '2026-11-05', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const share = json<{ result: { share: { total: number; clients: { client: string; revenue: number }[] } } }>(r)
      .result.share;
    expect(share.total).toBe(9400);
    expect(share.clients.map((c) => [c.client, c.revenue])).toEqual([
      ['Acme', 4000],
      ['Globex', 3000],
      ['Initech', 2000],
      ['Hooli', 1000],
      ['Umbrella', -600],
    ]);
  });

  it('dynamics dates a refund by its own day and never calls it an order; check sees the same classes', async () => {
    const d = json<{
      result: { clients: { client: string; revenue: number; monthly: number[]; orders: number }[] };
    }>(await folio(['dynamics', REFUNDS, '--as-of', '2026-12-01', '--json']));
    const by = Object.fromEntries(d.result.clients.map((c) => [c.client, c]));
    // Window 2025-12 … 2026-11: Acme 1000 (Sep) + 4500 − 500 (Oct) = 5000 in two orders;
    // Initech 2000 in October, −200 in November.
    expect(by.Acme).toMatchObject({ revenue: 5000, orders: 2 });
    expect(by.Acme?.monthly.slice(-3)).toEqual([1000, 4000, 0]);
    expect(by.Initech).toMatchObject({ revenue: 1800, orders: 1 });
    expect(by.Initech?.monthly.slice(-2)).toEqual([2000, -200]);
    expect(by.Umbrella?.revenue).toBe(-600);
    const c = await folio(['check', '--deals', REFUNDS, '--as-of', '2026-11-05', '--fail-on', 'mono', '--json']);
    expect(c.code).toBe(1);
    const summary = json<{ result: { summary: { rule: string; count: number; failing: boolean }[] } }>(c).result
      .summary;
    // Acme and Globex critical; key share 90% is above 75%.
    expect(summary.find((s) => s.rule === 'critical')).toMatchObject({ count: 2 });
    expect(summary.find((s) => s.rule === 'mono')).toMatchObject({ count: 1, failing: true });
  });
});

describe('where the status comes from', () => {
  it('no status column: every row counts, and a warning says so', async () => {
    const path = file('no-status.csv', 'Client,Amount\nAcme,100\nGlobex,50\nAcme,25\n');
    const e = json<Run>(await folio(['share', path, '--json']));
    expect(e.result.total).toBe(175);
    expect(e.inputs[0]?.statuses).toBeUndefined();
    expect(e.warnings).toMatchObject([
      {
        code: 'NO_STATUS_COLUMN',
        fields: { file: path, rows: 3 },
        message: `${path}: no status column, so every row (3) was counted as won; if the file holds lost or open deals, map their column with --map status=HEADER`,
      },
    ]);
  });

  it('a yes/no won column is the status when the file has no status words', async () => {
    // Won: Acme 1000 (true) + 250 (TRUE), Initech 300 (1) = 1550; Globex false, Hooli empty.
    const path = file(
      'iswon.csv',
      'Account Name,Amount,Close Date,IsWon\nAcme,1000,2026-10-01,true\nGlobex,500,2026-10-02,false\nAcme,250,2026-10-03,TRUE\nInitech,300,2026-10-04,1\nHooli,90,2026-10-05,\n',
    );
    const e = json<Run>(await folio(['share', path, '--json']));
    expect(e.result.total).toBe(1550);
    expect(e.inputs[0]?.statuses).toEqual([
      { value: '', role: 'unknown', rows: 1 },
      { value: '1', role: 'won', rows: 1 },
      { value: 'TRUE', role: 'won', rows: 1 },
      { value: 'false', role: 'lost', rows: 1 },
      { value: 'true', role: 'won', rows: 1 },
    ]);
    expect(e.warnings.map((w) => w.code)).toEqual(['STATUS_FROM_WON_COLUMN', 'UNKNOWN_STATUS']);
  });

  it('status words and a won column that disagree: the words count, the rows are named, --map status= takes the column', async () => {
    // By Stage: Acme 1000 + Globex 500 = 1500. By IsWon: Acme 1000 + Initech 300 = 1300.
    const path = file(
      'both.csv',
      'Account Name,Amount,Close Date,Stage,IsWon\nAcme,1000,2026-10-01,Closed Won,true\nGlobex,500,2026-10-02,Closed Won,false\nInitech,300,2026-10-04,Negotiation,true\nHooli,200,2026-10-05,Closed Lost,false\n',
    );
    const e = json<Run>(await folio(['share', path, '--json']));
    expect(e.result.total).toBe(1500);
    expect(e.warnings).toMatchObject([
      {
        code: 'WON_COLUMN_DISAGREES',
        fields: { status: 'Stage', flag: 'IsWon', statusOnly: 1, flagOnly: 1 },
        message: `${path}: "Stage" and "IsWon" disagree on 2 row(s) (won by "Stage" only: 1; by "IsWon" only: 1); the status words were taken; to count by the yes/no column, pass --map status="IsWon"`,
      },
    ]);
    const flag = json<Run>(await folio(['share', path, '--json', '--map', 'status=IsWon']));
    expect(flag.result.total).toBe(1300);
    expect(flag.warnings).toEqual([]);
  });

  it('a lifecycle stage carries the won status, and the values taken as won are named', async () => {
    // Customer 700 + Churned Customer 200 = 900; Lead and Opportunity are open.
    const path = file(
      'lifecycle.csv',
      'Company,Amount,Date,Lifecycle Stage\nAcme,700,2026-10-01,Customer\nGlobex,400,2026-10-02,Lead\nInitech,200,2026-10-03,Churned Customer\nHooli,100,2026-10-04,Opportunity\n',
    );
    const e = json<Run>(await folio(['share', path, '--json']));
    expect(e.result.total).toBe(900);
    expect(e.warnings.find((w) => w.code === 'STAGE_AS_WON')?.message).toBe(
      `${path}: 2 row(s) were counted as won from a lifecycle or payment stage: "Churned Customer" (1), "Customer" (1); if such a value is not a sale, pass --open or --lost "VALUE"`,
    );
  });
});
