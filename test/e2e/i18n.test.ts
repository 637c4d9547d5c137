import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES } from '../../src/analyses/check.js';
import { folio } from './run-cli.js';

const AS_OF = ['--as-of', '2026-11-23'];
const DEMO = 'fixtures/demo';
const RU = 'fixtures/export-ru';

/** Every command, on the demo export, as a user would run it. */
const COMMANDS: Record<string, string[]> = {
  report: ['report', DEMO, ...AS_OF],
  check: ['check', DEMO, ...AS_OF],
  share: ['share', `${DEMO}/deals.csv`, '--period', '2026-10'],
  dynamics: ['dynamics', `${DEMO}/deals.csv`, ...AS_OF],
  matrix: ['matrix', `${DEMO}/clients.csv`, '--deals', `${DEMO}/deals.csv`],
  leads: ['leads', `${DEMO}/leads.csv`, ...AS_OF],
  cadence: ['cadence', `${DEMO}/activities.csv`, '--deals', `${DEMO}/deals.csv`, ...AS_OF],
  offers: ['offers', `${DEMO}/offers.csv`, '--activities', `${DEMO}/activities.csv`, ...AS_OF],
  funnel: ['funnel', `${DEMO}/activities.csv`, '--deals', `${DEMO}/deals.csv`, ...AS_OF],
  inspect: ['inspect', `${DEMO}/deals.csv`],
  config: ['config'],
  schema: ['schema', 'report'],
};

/** The same on the Russian export (Windows-1251 deals, Russian headers and names). */
const RU_COMMANDS: Record<string, string[]> = {
  report: ['report', RU, ...AS_OF],
  check: ['check', RU, ...AS_OF, '--fail-on', 'none'],
  share: ['share', `${RU}/сделки.csv`],
  dynamics: ['dynamics', `${RU}/сделки.csv`, ...AS_OF],
  leads: ['leads', `${RU}/выгрузка-1.csv`, ...AS_OF],
  cadence: ['cadence', `${RU}/активности.csv`, '--clients', `${RU}/клиенты.csv`, ...AS_OF],
  inspect: ['inspect', `${RU}/сделки.csv`],
  'inspect leads': ['inspect', `${DEMO}/leads.csv`],
  'inspect activities': ['inspect', `${DEMO}/activities.csv`],
  'inspect clients': ['inspect', `${DEMO}/clients.csv`],
  'inspect offers': ['inspect', `${DEMO}/offers.csv`],
  // What folio told from the text of awkward exports: no header row, backslash escapes, NUL bytes, blank amounts.
  'inspect headerless': ['inspect', 'fixtures/deals-1c-noheader-1251.csv'],
  'share dump': ['share', 'fixtures/deals-dump-backslash.csv'],
  'inspect nul': ['inspect', 'fixtures/deals-nul-in-quotes.csv'],
};

/** `inspect leads` → `inspect`: a case's command. */
const commandOf = (name: string): string => name.split(' ')[0] ?? name;

const RU_LANG = { LANG: 'ru_RU.UTF-8' };

describe('JSON does not depend on the locale', () => {
  it.each(
    Object.entries({
      ...COMMANDS,
      ...Object.fromEntries(Object.entries(RU_COMMANDS).map(([k, v]) => [`${k} (ru export)`, v])),
    }),
  )('%s --json prints the same bytes under LANG=C, LANG=ru_RU.UTF-8 and --lang ru', async (_name, args) => {
    const json = args[0] === 'schema' ? [] : ['--json'];
    const c = await folio([...args, ...json]);
    expect([0, 1]).toContain(c.code);
    expect(c.stdout.length).toBeGreaterThan(0);
    const ru = await folio([...args, ...json], { env: RU_LANG });
    expect(ru.stdout).toBe(c.stdout);
    if (args[0] !== 'config' && args[0] !== 'schema')
      expect((await folio([...args, ...json, '--lang', 'ru'])).stdout).toBe(c.stdout);
  });

  it('while what is said to a person does follow LANG (the comparison above can fail)', async () => {
    const c = await folio([...COMMANDS.report!, '--json']);
    const ru = await folio([...COMMANDS.report!, '--json'], { env: RU_LANG });
    // The warnings on stderr: English under C, Russian under ru_RU.
    expect(c.stderr).toMatch(/^warning: .*took "Close Date" over "Create Date"/m);
    expect(ru.stderr).toMatch(/^предупреждение: .*взята колонка «Close Date», а не «Create Date»/m);
    // JSON warnings: code, the English message, and the fields the message is made of.
    const warning = (
      JSON.parse(ru.stdout) as { warnings: { code: string; message: string; fields: Record<string, unknown> }[] }
    ).warnings[0];
    expect(warning).toEqual({
      code: 'COLUMN_CHOICE',
      message: 'fixtures/demo/deals.csv: date: took "Close Date" over "Create Date" (override with --map date=HEADER)',
      fields: { file: 'fixtures/demo/deals.csv', field: 'date', took: 'Close Date', over: ['Create Date'] },
    });
  });
});

/** Names and headers the data brings (they are not words folio chose): every string the JSON says names a client, person, lead, offer or column. */
async function dataWords(args: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (
        /^(client|manager|lead|offer|clients|atRisk|names|cooloffManager|file|columns|took|over|header|segment|value)$/.test(
          key,
        )
      )
        for (const w of value.match(/[A-Za-z]{3,}/g) ?? []) out.add(w);
    } else if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, key === 'columns' ? 'columns' : k);
  };
  const run = await folio([...args, '--json']);
  walk(JSON.parse(run.stdout), 'root');
  return out;
}

/** Words of the Latin alphabet left in a text once data, paths, flags and codes are taken out. */
function englishLeft(text: string, data: Set<string>, allowed: readonly string[]): string[] {
  const stripped = text
    // GitHub workflow commands: `::error file=…,title=…::` is syntax, the text after it is ours.
    .replace(/^::[a-z]+ [^\n]*?::/gm, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/(?:fixtures|\/tmp)\/[^\s:,;()«»"]+/g, ' ')
    .replace(/--[a-z][a-z-]*(=[^\s,;)]*)?/g, ' ')
    // A key of the config file after its group: `thresholds.maxGap`.
    .replace(/\b(thresholds|statuses|outcomes|check)\.[A-Za-z]+/g, ' ')
    .replace(/\b[a-z]+=/g, ' ')
    // Codes, also as Markdown escapes them (`DATE\_FALLBACK`).
    .replace(/\b[A-Z][A-Z0-9_\\]{2,}\b/g, ' ');
  const words = stripped.match(/[A-Za-z]{3,}/g) ?? [];
  return [...new Set(words.filter((w) => !data.has(w) && !allowed.includes(w)))];
}

/** The few Latin words a Russian output may hold: the program's name, and for `check` its name and the rule codes (the values of --fail-on). */
const ALLOWED = ['folio'];
// `inspect` names the encoding as --encoding takes it (utf-8, windows-1251); `config` names
// its keys and values as the config file spells them (thresholds.maxGap, personalChannels,
// "exactNames": false). A rule code such as `dormant-key` is one code, read here as its parts.
const CONFIG_KEYS = [
  'lang',
  'exactNames',
  'false',
  'normal',
  'elevated',
  'mono',
  'thresholds',
  'statuses',
  'outcomes',
  'check',
  'failOn',
  'personalChannels',
  'otherChannels',
  'phoneChannels',
  'meetingChannels',
  'holidays',
  'columns',
];
const allowedFor = (command: string): readonly string[] => {
  if (command === 'check') return [...ALLOWED, 'check', ...CHECK_RULES.flatMap((r) => r.split('-'))];
  if (commandOf(command) === 'inspect') return [...ALLOWED, 'utf', 'windows'];
  return command === 'config' ? [...ALLOWED, ...CONFIG_KEYS] : ALLOWED;
};

const FORMATS: Record<string, string[]> = {
  report: ['table', 'markdown', 'html'],
  check: ['table', 'markdown', 'html', 'github'],
  share: ['table', 'markdown', 'html'],
  dynamics: ['table', 'markdown', 'html'],
  matrix: ['table', 'markdown', 'html'],
  leads: ['table', 'markdown', 'html'],
  cadence: ['table', 'markdown', 'html'],
  offers: ['table', 'markdown', 'html'],
  funnel: ['table', 'markdown', 'html'],
  inspect: ['table', 'markdown', 'html'],
  config: ['table', 'markdown', 'html'],
};

describe('--lang ru leaves no English words but names and codes', () => {
  const cases = [
    ...Object.entries(COMMANDS)
      .filter(([c]) => c in FORMATS)
      .flatMap(([c, args]) => (FORMATS[c] ?? []).map((f) => ['demo', c, f, args] as const)),
    ...Object.entries(RU_COMMANDS)
      .filter(([c]) => commandOf(c) in FORMATS)
      .flatMap(([c, args]) => (FORMATS[commandOf(c)] ?? []).map((f) => ['ru export', c, f, args] as const)),
  ];
  it.each(cases)('%s: %s --format %s', async (_fixture, command, format, args) => {
    const run = await folio([...args, '--format', format, '--lang', 'ru']);
    expect([0, 1]).toContain(run.code);
    const data = await dataWords(args);
    expect(englishLeft(run.stdout, data, allowedFor(command)), run.stdout).toEqual([]);
    expect(englishLeft(run.stderr, data, allowedFor(command)), run.stderr).toEqual([]);
    // Dates as people write them in Russian; ISO stays in JSON only.
    expect(run.stdout).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });

  it('finds an English word when one is left (the check can fail)', () => {
    expect(englishLeft('Клиент: Contoso Ltd, rule overdue', new Set(['Contoso', 'Ltd']), ALLOWED)).toEqual([
      'rule',
      'overdue',
    ]);
    expect(englishLeft('<td class="bad">просрочен</td> --map date=ЗАГОЛОВОК NO_INPUT', new Set(), ALLOWED)).toEqual([]);
  });

  it('Russian dates are dd.mm.yyyy, share changes in п.п., the title names the month', async () => {
    const run = await folio([...COMMANDS.report!, '--lang', 'ru']);
    expect(run.stdout.split('\n')[0]).toBe('Отчёт по портфелю за октябрь 2026');
    expect(run.stdout).toMatch(/Период\s+01\.10\.2026 — 31\.10\.2026/);
    // Key share 79.5% in September, 81.1% in October: 1.6 percentage points more.
    expect(run.stdout).toMatch(/79,5 % → 81,1 % \(\+1,6 п\.п\.\)/);
    expect((await folio(COMMANDS.report!)).stdout).toMatch(/79\.5% → 81\.1% \(\+1\.6 pp\)/);
    expect((await folio([...COMMANDS.report!, '--period', '2026-Q3', '--lang', 'ru'])).stdout.split('\n')[0]).toBe(
      'Отчёт по портфелю за 3-й квартал 2026',
    );
    expect((await folio([...COMMANDS.report!, '--last', '30', '--lang', 'ru'])).stdout.split('\n')[0]).toBe(
      'Отчёт по портфелю за 25.10.2026 — 23.11.2026',
    );
  });
});

describe('--lang before the command', () => {
  it('is the run’s language like --lang after it, over FOLIO_LANG; the command’s own --lang wins', async () => {
    const first = async (args: string[], env: Record<string, string> = {}): Promise<string> =>
      (await folio(args, { env })).stdout.split('\n')[0] ?? '';
    const ru = 'Доля выручки по клиентам · Период: все строки';
    expect(await first(['--lang', 'ru', 'share', 'fixtures/demo/deals.csv'])).toBe(ru);
    expect(await first(['--lang=ru', 'share', 'fixtures/demo/deals.csv'], { FOLIO_LANG: 'en' })).toBe(ru);
    expect(await first(['--lang', 'ru', 'share', 'fixtures/demo/deals.csv', '--lang', 'en'])).toBe(
      'Revenue share by client · Period: all rows',
    );
  });
});

describe('usage errors in Russian', () => {
  it('an unknown option, a missing argument: the parser’s errors in the language asked for, exit 2 either way', async () => {
    const en = await folio(['share', '--perod', '2026']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      "folio: unknown option '--perod'\n(Did you mean --period?)\n  hint: `folio share --help` lists every option and argument\n",
    );
    const ru = await folio(['share', '--perod', '2026', '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe(
      "folio: неизвестный флаг '--perod'\n(может быть, --period?)\n  подсказка: все флаги и аргументы — `folio share --help`\n",
    );
    const missing = await folio(['share'], { env: RU_LANG });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "folio: не указан обязательный аргумент 'deals'\n  подсказка: все флаги и аргументы — `folio share --help`\n",
    );
    // No command named: the hint points at the list of commands.
    expect((await folio(['shar', 'x.csv'])).stderr).toBe(
      "folio: unknown command 'shar'\n(Did you mean share?)\n  hint: `folio --help` lists the commands\n",
    );
  });
});

describe('folio’s own errors in Russian', () => {
  // Quoted text is the data's (a header, a cell's value, a row of the file), not folio's words.
  const unquoted = (text: string): string => text.replace(/"[^"\n]*"/g, ' ').replace(/«[^»\n]*»/g, ' ');
  // `yyyy`, `tab`, `GiB` and `none` are values of flags, the rules are the codes --fail-on takes,
  // `report` and `check` name commands; the others name file formats and programs.
  const ERROR_ALLOWED = [
    ...ALLOWED,
    'yyyy',
    'tab',
    'GiB',
    'none',
    'report',
    'check',
    ...CHECK_RULES.flatMap((r) => r.split('-')),
    'xlsx',
    'xlsm',
    'xls',
    'Parquet',
    'zip',
    'Excel',
    'LibreOffice',
  ];
  const BROKEN: Record<string, string[]> = {
    'a bad amount': ['share', 'fixtures/broken/bad-amount.csv'],
    'a bad date': ['share', 'fixtures/broken/bad-date.csv'],
    'a short row': ['share', 'fixtures/broken/short-row.csv'],
    'a missing column': ['share', 'fixtures/broken/no-amount-column.csv'],
    'no header row': ['share', 'fixtures/broken/no-header-row.csv'],
    'a header only': ['share', 'fixtures/broken/header-only.csv'],
    'a binary file': ['share', 'fixtures/broken/binary.csv'],
    'an open quote': ['share', 'fixtures/broken/unterminated-quote.csv'],
    'a backslash quote read as RFC 4180': ['share', 'fixtures/deals-dump-backslash.csv', '--escape', 'double'],
    'columns of a file without header not clear': ['share', 'fixtures/broken/deals-noheader-two-dates.csv'],
    'no escaping of that name': ['share', `${DEMO}/deals.csv`, '--escape', 'x'],
    'no such file': ['share', 'fixtures/broken/nope.csv'],
    'not a period': ['share', `${DEMO}/deals.csv`, '--period', '2026-13'],
    // Values of flags, checked by the command layer.
    'not a count': ['leads', `${DEMO}/leads.csv`, '--fast-days', 'x'],
    'not a percentage': ['share', `${DEMO}/deals.csv`, '--key', '100'],
    'thresholds that fall': ['share', `${DEMO}/deals.csv`, '--key', '30'],
    'bad bands': ['share', `${DEMO}/deals.csv`, '--bands', '1,2'],
    'not a size': ['share', `${DEMO}/deals.csv`, '--max-unpacked', 'lots'],
    'not field=header': ['share', `${DEMO}/deals.csv`, '--map', 'amount'],
    'header row and no header': ['share', `${DEMO}/deals.csv`, '--header-row', '2', '--no-header'],
    'a long delimiter': ['share', `${DEMO}/deals.csv`, '--delimiter', 'ab'],
    'not a decimal mark': ['share', `${DEMO}/deals.csv`, '--decimal', 'x'],
    'not a day order': ['share', `${DEMO}/deals.csv`, '--date-format', 'x'],
    'a file named twice': ['share', `${DEMO}/deals.csv`, `${DEMO}/deals.csv`],
    'an unknown rule': ['check', DEMO, '--fail-on', 'nope'],
    'an open range': ['report', DEMO, '--from', '2026-10-01'],
    'two ways of choosing key clients': ['report', DEMO, '--all-clients', '--key-client', 'X'],
  };
  it.each(Object.entries(BROKEN))('%s: exit 2, stderr without English words', async (_name, args) => {
    const en = await folio(args);
    const ru = await folio([...args, '--lang', 'ru']);
    expect(en.code).toBe(2);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toMatch(/^folio: /);
    expect(ru.stderr).toMatch(/^ {2}подсказка: /m);
    const file = args[1] ?? '';
    const headers = new Set(
      existsSync(file) && statSync(file).isFile()
        ? (readFileSync(file, 'latin1')
            .split('\n')[0]
            ?.match(/[A-Za-z]{3,}/g) ?? [])
        : [],
    );
    expect(englishLeft(unquoted(ru.stderr), headers, ERROR_ALLOWED), ru.stderr).toEqual([]);
    // The English run does say English words: the comparison above can fail.
    expect(englishLeft(unquoted(en.stderr), headers, ERROR_ALLOWED).length).toBeGreaterThan(0);
  });

  it('a bad cell reads the same place in both languages, the message in Russian', async () => {
    // bad-amount.csv: line 3's amount is "12x" (see the English e2e test of broken inputs).
    const ru = await folio(['share', 'fixtures/broken/bad-amount.csv', '--lang', 'ru']);
    expect(ru.stderr.split('\n')[0]).toBe('folio: fixtures/broken/bad-amount.csv:3:2: Amount "12x": не число');
  });
});

describe('the files of a folder not used, said in Russian', () => {
  // One file of each reason: a spreadsheet folio does not read, a file not a table, a folder too
  // deep, a file named for leads without their columns, a CSV whose columns fit no input.
  const dir = mkdtempSync(join(tmpdir(), 'folio-unused-'));
  cpSync(`${DEMO}/deals.csv`, join(dir, 'deals.csv'));
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'book.ods'), 'x');
  writeFileSync(join(dir, 'readme.md'), 'x');
  writeFileSync(join(dir, 'leads.csv'), 'client,x\nA,1\n');
  writeFileSync(join(dir, 'notes.csv'), 'a,b\n');
  const notUsed = (text: string): string[] =>
    text
      .split('\n')
      .filter((l) => /не использован|not used/.test(l))
      .map((l) => l.trim().replace(`${dir}/`, ''));

  it('report lists each with its reason in the language asked for', async () => {
    const ru = notUsed((await folio(['report', dir, ...AS_OF, '--lang', 'ru'])).stdout);
    expect(ru).toEqual([
      'не использован: book.ods (формат таблиц, который folio не читает: сохраните файл как .xlsx или CSV в программе электронных таблиц)',
      'не использован: readme.md (не файл .csv/.tsv/.txt, .xlsx/.xlsm/.xls или .parquet)',
      'не использован: sub/deeper (папка на два уровня вглубь: folio смотрит на один уровень)',
      'не использован: leads.csv (назван как заявки, но без колонок «заявка» + «сумма» + «ожидаемая дата» или «заявка» + «сумма» + «дней до закрытия»)',
      'не использован: notes.csv (колонки не подходят ни к одному входу (a, b))',
    ]);
    // English keeps the reasons as the folder search words them, and JSON is English under both.
    expect(notUsed((await folio(['report', dir, ...AS_OF])).stdout)[4]).toBe(
      'not used: notes.csv (its columns fit no input (a, b))',
    );
    expect((await folio(['report', dir, ...AS_OF, '--json', '--lang', 'ru'])).stdout).toBe(
      (await folio(['report', dir, ...AS_OF, '--json'])).stdout,
    );
  });

  it('a gate with nothing to check names them in Russian too', async () => {
    const run = await folio(['check', dir, ...AS_OF, '--fail-on', 'cadence', '--lang', 'ru']);
    expect(run.code).toBe(2);
    expect(notUsed(run.stderr)).toHaveLength(5);
    expect(
      englishLeft(notUsed(run.stderr).join('\n'), new Set(), [
        ...ALLOWED,
        'xlsx',
        'xlsm',
        'csv',
        'tsv',
        'txt',
        'xls',
        'HTML',
        'parquet',
        'ods',
        'readme',
        'book',
        'sub',
        'deeper',
        'leads',
        'notes',
      ]),
    ).toEqual([]);
  });
});
