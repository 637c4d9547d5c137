import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/schema/results.js';
import { expectAccounted, folio, json } from './run-cli.js';

const F = 'fixtures/funnel';
const STAGES = 'Первичный контакт,Переговоры,КП,Договор,Успешно реализовано';

const tempFile = (name: string, text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'folio-funnel-')), name);
  writeFileSync(path, text);
  return path;
};

describe('folio funnel on a Russian log (UTF-8 BOM, ;, dd.mm.yyyy)', () => {
  // By hand over fixtures/funnel/activities-ru.csv and deals-ru.csv, October 2026 as of 23.11.2026:
  // Иванова: 12 clients called; the first 8 met five days after the call (ООО «Радуга»'s meeting
  // on 10.10 came before its call on 16.10: not met); won after the meeting: Берёзка, Смирнов,
  // Вектор (on as-of day) = 3; not won: Сириус (lost after its meeting), Гранит (won 05.10,
  // before its meeting 12.10), Кузнецова (won 25.11, after as-of).
  // Петров: 20 called, 2 met (Альфа, Бета), 1 won (Альфа). ООО «Омега» (a meeting, no call),
  // «Видеозвонок», «Пропущенный звонок» and the unknown «Консультация» are in no step.
  // Team: 32 → 10 (31.25%) → 4 (40%). Петров's 2 of 20: Wilson upper 0.2617 < 0.3125, flagged;
  // Иванова's 3 of 8 won (37.5% against 40%) is within chance.
  const args = [`${F}/activities-ru.csv`, '--deals', `${F}/deals-ru.csv`, '--as-of', '23.11.2026'];

  it('counts each step per manager, flags Петров at consulted → met, and says what it counted', async () => {
    const r = await folio(['funnel', ...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.funnel.parse(json(r));
    const f = e.result;
    expect(f.steps).toEqual(['consulted', 'met', 'won']);
    expect(f.window).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(f.team.counts).toEqual([32, 10, 4]);
    expect(f.team.rates).toEqual([10 / 32, 0.4]);
    expect(f.managers.map((m) => [m.manager, m.counts])).toEqual([
      ['Петров Иван', [20, 2, 1]],
      ['Иванова Мария', [12, 8, 3]],
    ]);
    expect(f.managers[0]?.weakest).toMatchObject({ from: 'consulted', to: 'met', rate: 0.1, teamRate: 0.3125 });
    expect(f.managers[0]?.weakest?.upper).toBeCloseTo(0.2616630463268667, 12);
    expect(f.managers[1]?.weakest).toBeNull();
    expect(f.channels?.phone).toEqual([
      { value: 'Звонок', rows: 19 },
      { value: 'Консультация по телефону', rows: 7 },
      { value: 'Исходящий звонок', rows: 6 },
    ]);
    expect(e.warnings.map((w) => w.code)).toEqual(['UNKNOWN_CONTACT_CHANNEL']);
    expect(e.warnings[0]?.fields).toMatchObject({ rows: 1, values: [{ value: 'Консультация', rows: 1 }] });
    // 32 calls and 12 meetings in their spans; the video call, the missed call and «Консультация» in none.
    const log = e.inputs[0];
    expect(log).toMatchObject({ role: 'activities', rows: 47, used: 44, excluded: { notCallOrMeeting: 3 } });
    for (const input of e.inputs) expectAccounted(input);
  });

  it('speaks Russian under --lang ru, and draws an accessible funnel per manager in HTML', async () => {
    const table = await folio(['funnel', ...args, '--lang', 'ru']);
    expect(table.stdout).toMatch(
      /Петров Иван\s+20\s+2\s+1\s+10,0 %\s+50,0 %\s+консультация → встреча: 10,0 % против 31,3 % у команды/,
    );
    expect(table.stdout).toMatch(/Команда\s+32\s+10\s+4/);
    const html = (await folio(['funnel', ...args, '--format', 'html', '--lang', 'ru'])).stdout;
    // The team's funnel and each manager's, each an image with its name said twice.
    expect(html.match(/<svg class="chart funnel"[^>]* role="img" aria-label="[^"]+"><title>/g)).toHaveLength(3);
    expect(html).toContain(
      'aria-label="Петров Иван: консультация 20 → встреча 2 (10,0 %) → сделка 1 (50,0 %); слабый шаг',
    );
  });
});

describe('folio funnel on an English log', () => {
  // By hand over fixtures/funnel/activities-en.csv and deals-en.csv (October 2026, as of 23 Nov):
  // Jane: Acme, Globex, Initech, Hooli called; Globex met (a demo); its deal is dated 1 Dec,
  // after as-of: 4 → 1 → 0. Tom: Umbrella, Stark, Wayne, Cyberdyne, Soylent, Tyrell called; met
  // Umbrella, Stark (a viewing), Wayne, Cyberdyne (a visit after a video call, which is no
  // meeting); won Umbrella and Stark; Wayne lost after its meeting, Cyberdyne won before its
  // visit: 6 → 4 → 2. Massive Dynamic's call names no manager; Oscorp's is in November.
  // Team 11 → 5 → 2. Jane's 1 of 4 (25% against 45.5%) has an upper bound of 0.64: not flagged.
  const args = [`${F}/activities-en.csv`, '--deals', `${F}/deals-en.csv`, '--as-of', '2026-11-23'];

  it('does not flag 1 of 4, keeps a call without a manager in the team only, and says so', async () => {
    const r = await folio(['funnel', ...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const f = OUTPUT_SCHEMAS.funnel.parse(json(r)).result;
    expect(f.managers.map((m) => [m.manager, m.counts, m.weakest])).toEqual([
      ['Tom Lee', [6, 4, 2], null],
      ['Jane Doe', [4, 1, 0], null],
    ]);
    expect(f.unassigned.counts).toEqual([1, 0, 0]);
    expect(f.team.counts).toEqual([11, 5, 2]);
    expect(r.stderr).toContain("1 client(s) whose first call names no manager count in the team's funnel only");
  });

  it('writes a row per manager and step in CSV, and a tidy Markdown table', async () => {
    const csv = (await folio(['funnel', ...args, '--format', 'csv'])).stdout.split('\n');
    expect(csv[0]).toBe('scope,manager,step,count,rate,teamRate,upper,weakest');
    expect(csv[1]).toBe('team,,consulted,11,,,,false');
    // Jane's 1 of 4: the Wilson upper bound 0.6438 (see test/analyses/funnel.test.ts).
    expect(csv.find((l) => l.startsWith('manager,Jane Doe,met,'))).toMatch(
      /^manager,Jane Doe,met,1,0\.25,0\.4545454545454545\d,0\.643831991401493\d,false$/,
    );
    expect(csv).toContain('unassigned,,consulted,1,,,,false');
    const md = (await folio(['funnel', ...args, '--format', 'markdown'])).stdout;
    expect(md).toContain('| Manager | consulted | met | won | → met | → won | Weakest step |');
    expect(md).toContain('| Jane Doe | 4 | 1 | 0 | 25.0% | 0.0% | — |');
  });

  it('2 of 20 flagged at 90% is within chance at --confidence 0.95 (upper 0.3010 ≥ 0.30), also from FOLIO_CONFIDENCE', async () => {
    // A made-up log: Ann calls 20 clients and meets 2; Bob calls 20 and meets 10: team 12 of 40 = 30%.
    const rows = ['Date,Client,Channel,Manager'];
    for (let i = 0; i < 20; i++) {
      rows.push(`2026-10-0${1 + (i % 9)},Ann client ${i},Call,Ann`, `2026-10-0${1 + (i % 9)},Bob client ${i},Call,Bob`);
      if (i < 2) rows.push(`2026-10-20,Ann client ${i},Meeting,Ann`);
      if (i < 10) rows.push(`2026-10-20,Bob client ${i},Meeting,Bob`);
    }
    const log = tempFile('log.csv', `${rows.join('\n')}\n`);
    const weakest = async (extra: string[], env?: Record<string, string>) =>
      OUTPUT_SCHEMAS.funnel
        .parse(json(await folio(['funnel', log, '--as-of', '2026-11-23', '--json', ...extra], env ? { env } : {})))
        .result.managers.map((m) => [m.manager, m.weakest?.upper ?? null]);
    const at90 = await weakest([]);
    expect(at90.map((m) => m[0])).toEqual(['Ann', 'Bob']);
    expect(at90[0]?.[1]).toBeCloseTo(0.2616630463268667, 12);
    expect(at90[1]?.[1]).toBeNull();
    expect(await weakest(['--confidence', '0.95'])).toEqual([
      ['Ann', null],
      ['Bob', null],
    ]);
    expect(await weakest([], { FOLIO_CONFIDENCE: '0.95' })).toEqual([
      ['Ann', null],
      ['Bob', null],
    ]);
  });
});

describe('folio funnel --stages', () => {
  // By hand over fixtures/funnel/pipeline-ru.csv and stage-log-ru.csv, as of 23.11.2026:
  // Анна: 1 won (all 5 steps); 2 at «Договор» (its move to won is dated 01.12, after as-of);
  // 3 lost, its log reaching «КП»; 4 lost, no log: the first step only → 4, 3, 3, 2, 1.
  // Борис: 5 at «Переговоры», its log reaching «КП» before; 6 at the first stage (two product
  // rows, one deal); 7 won; 8 at «Квалификация», no step and no log: the first only → 4, 2, 2, 1, 1.
  // Deal 99 of the log is in no deals file.
  it('counts each deal at every stage up to the furthest of its stage, its log and its status', async () => {
    const r = await folio([
      'funnel',
      `${F}/pipeline-ru.csv`,
      '--stages',
      STAGES,
      '--history',
      `${F}/stage-log-ru.csv`,
      '--as-of',
      '2026-11-23',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.funnel.parse(json(r));
    expect(e.result.steps).toEqual(STAGES.split(','));
    expect(e.result.window).toBeNull();
    expect(e.result.managers.map((m) => [m.manager, m.counts])).toEqual([
      ['Анна Белова', [4, 3, 3, 2, 1]],
      ['Борис Орлов', [4, 2, 2, 1, 1]],
    ]);
    expect(e.result.team.counts).toEqual([8, 5, 5, 3, 2]);
    expect(e.warnings.map((w) => [w.code, w.fields])).toEqual([
      ['FUNNEL_LOST_AT_FIRST', { file: `${F}/pipeline-ru.csv`, count: 1 }],
      [
        'FUNNEL_UNKNOWN_STAGES',
        {
          file: `${F}/pipeline-ru.csv`,
          rows: 1,
          values: [{ value: 'Квалификация', rows: 1, tied: [] }],
          more: 0,
          unkept: 0,
        },
      ],
      ['FUNNEL_LOG_UNMATCHED', { file: `${F}/stage-log-ru.csv`, count: 1 }],
      [
        'FUNNEL_LOG_OTHER_STAGES',
        expect.objectContaining({
          rows: 2,
          values: expect.arrayContaining([expect.objectContaining({ value: 'Квалификация' })]),
        }),
      ],
    ]);
    expect(e.inputs.map((i) => [i.role, i.used, i.excluded])).toEqual([
      ['deals', 8, { outsideWindow: 0, repeated: 1 }],
      ['history', 18, { notAStep: 2, afterAsOf: 1, incomplete: 0 }],
    ]);
    for (const input of e.inputs) expectAccounted(input);
  });

  it('without the stage log, lost deals count at the first step only, and the run says how many', async () => {
    const r = await folio(['funnel', `${F}/pipeline-ru.csv`, '--stages', STAGES, '--as-of', '2026-11-23', '--json']);
    const e = OUTPUT_SCHEMAS.funnel.parse(json(r));
    // Deal 3 loses its log: Анна 4, 2, 2, 2, 1; deal 5 stays at «Переговоры»: Борис 4, 2, 1, 1, 1.
    expect(e.result.managers.map((m) => m.counts)).toEqual([
      [4, 2, 2, 2, 1],
      [4, 2, 1, 1, 1],
    ]);
    expect(e.warnings.find((w) => w.code === 'FUNNEL_LOST_AT_FIRST')?.fields).toEqual({
      file: `${F}/pipeline-ru.csv`,
      count: 2,
    });
  });

  it('keeps the deals created in --period, and refuses a period without a creation date', async () => {
    const r = await folio([
      'funnel',
      `${F}/pipeline-ru.csv`,
      '--stages',
      STAGES,
      '--from',
      '2026-10-09',
      '--as-of',
      '2026-11-23',
      '--json',
    ]);
    // Created from 9 Oct: deal 6 (twice) and 7, 8 (Борис).
    const e = OUTPUT_SCHEMAS.funnel.parse(json(r));
    expect(e.result.window).toEqual({ from: '2026-10-09', to: '2026-11-23' });
    expect(e.result.team.counts).toEqual([3, 1, 1, 1, 1]);
    const undated = tempFile('deals.csv', 'ID,Stage,Owner\n1,New,Ann\n2,Won,Bob\n');
    const no = await folio(['funnel', undated, '--stages', 'New,Won', '--period', '2026-10']);
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/no column for "created"[\s\S]*--map created=HEADER/);
  });
});

describe('folio funnel: bad input', () => {
  it('a log without a channel column: exit 2 naming --map channel=', async () => {
    const log = tempFile('log.csv', 'Date,Client,Manager\n2026-10-01,Acme,Ann\n');
    const r = await folio(['funnel', log, '--as-of', '2026-11-23']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no column for "channel"/);
    expect(r.stderr).toContain('--map channel=HEADER');
  });

  it('a log with no face-to-face contact: exit 2 naming the channels it has, in the language asked for', async () => {
    const log = tempFile(
      'log.csv',
      'Date,Client,Type,Manager\n2026-10-01,Acme,Call,Ann\n2026-10-02,Acme,Email,Ann\n2026-10-03,Globex,Call,Ann\n',
    );
    const r = await folio(['funnel', log, '--as-of', '2026-11-23']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'the log has no face-to-face contacts: the funnel needs both; its channels are "Call" (2), "Email" (1)',
    );
    expect(r.stderr).toContain('--meeting-channels "VALUE"');
    const ru = await folio(['funnel', log, '--as-of', '2026-11-23', '--lang', 'ru']);
    expect(ru.stderr).toContain('в журнале нет личных встреч');
  });

  it('refuses --history without --stages, one stage, and --confidence outside 0..1', async () => {
    expect((await folio(['funnel', `${F}/activities-en.csv`, '--history', `${F}/stage-log-ru.csv`])).stderr).toMatch(
      /--history is for the stage funnel: give --stages too/,
    );
    const one = await folio(['funnel', `${F}/pipeline-ru.csv`, '--stages', 'Переговоры']);
    expect([one.code, one.stderr]).toEqual([
      2,
      expect.stringMatching(/names 1 stage\(s\): a funnel needs at least two/),
    ]);
    const bad = await folio(['funnel', `${F}/activities-en.csv`, '--confidence', '90']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--confidence/);
  });
});

describe('the funnel in report and check', () => {
  const deals = `${F}/deals-en.csv`;

  it('a log without a channel column: the report leaves the funnel out and says why; check --fail-on funnel stops', async () => {
    const log = tempFile('activities.csv', 'Date,Account,Outcome,Assigned To\n2026-10-06,Umbrella,Positive,Tom Lee\n');
    const base = ['--deals', deals, '--activities', log, '--as-of', '2026-11-23', '--json'];
    const report = OUTPUT_SCHEMAS.report.parse(json(await folio(['report', ...base])));
    expect(report.result.funnel).toBeNull();
    expect(report.warnings.find((w) => w.code === 'FUNNEL_SKIPPED')?.fields).toEqual({
      why: 'no-channel-column',
      files: [log],
      missing: [],
    });
    const check = await folio(['check', ...base, '--fail-on', 'funnel']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('rule funnel needs the channel of each contact (a call, a meeting)');
    expect(check.stderr).toContain('--activities-map channel=HEADER');
  });

  it('a log of e-mails only: check --allow-missing reports the rule skipped, naming what the log lacks', async () => {
    const log = tempFile(
      'activities.csv',
      'Date,Account,Type,Outcome,Assigned To\n2026-10-06,Umbrella,Email,Positive,Tom Lee\n',
    );
    const r = await folio([
      'check',
      '--deals',
      deals,
      '--activities',
      log,
      '--as-of',
      '2026-11-23',
      '--fail-on',
      'funnel',
      '--allow-missing',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.check.parse(json(r));
    expect(e.result.skipped.map((x) => x.gap)).toEqual([
      { rule: 'funnel', lack: 'funnel-channels', files: [log], missing: ['phone', 'meeting'] },
    ]);
  });
});

describe('folio schema funnel', () => {
  it('prints the JSON Schema of the envelope, with the steps, the team and the managers', async () => {
    const r = await folio(['schema', 'funnel']);
    expect(r.code).toBe(0);
    const schema = json<{ properties: { result: { properties: Record<string, unknown> } } }>(r);
    expect(Object.keys(schema.properties.result.properties)).toEqual(
      expect.arrayContaining(['steps', 'team', 'managers', 'confidence', 'window']),
    );
  });
});

describe('folio funnel keys a client alike in the log and the deals', () => {
  // By hand: one client, called and met in October under «ООО "Ромашка"», won on 20.10 under
  // «Ромашка ООО» (one client: the same words and legal form). With --exact-names they are two
  // names, and the won step finds no deal of the log's client.
  const log = tempFile(
    'log.csv',
    'Дата;Клиент;Тип;Ответственный\n01.10.2026;ООО "Ромашка";Звонок;Иванова\n05.10.2026;ООО "Ромашка";Встреча;Иванова\n',
  );
  const deals = tempFile(
    'deals.csv',
    'Клиент;Сумма;Дата закрытия;Этап сделки;Ответственный\nРомашка ООО;1000;20.10.2026;Успешно реализовано;Иванова\n',
  );
  const run = async (...extra: string[]) =>
    OUTPUT_SCHEMAS.funnel.parse(
      json(await folio(['funnel', log, '--deals', deals, '--as-of', '23.11.2026', '--json', ...extra])),
    ).result;

  it('counts the deal under another spelling as won, and not with --exact-names', async () => {
    expect((await run()).team.counts).toEqual([1, 1, 1]);
    expect((await run('--exact-names')).team.counts).toEqual([1, 1, 0]);
  });
});
