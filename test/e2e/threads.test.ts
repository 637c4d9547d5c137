import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The benchmark's own seeded generator, as in scale.test.ts.
// @ts-expect-error -- a plain .mjs script without types
import { generate } from '../../bench/generate.mjs';
import { folio, json, type CliRun } from './run-cli.js';

// `--threads N` reads a CSV deals file in N byte ranges on worker threads. These tests run
// the built CLI (real workers) and hold every threaded run to the one-thread run of the
// same file: byte-identical stdout, the same stderr and exit code. FOLIO_TRACE_THREADS=1
// makes folio say on stderr whether the parts were added up or the file was read again on
// one thread, so that each test knows which of the two it exercised.

const ROWS = 100_000;
/**
 * Every 1,000th line in these ranges has a copy right after it: in every part, and far from
 * the cuts at a half and at the thirds (a copy in another part is a case of its own, below).
 */
const COPIES = [
  [5_000, 25_000],
  [36_000, 46_000],
  [55_000, 63_000],
  [72_000, 95_000],
] as const;
const EVERY = 1_000;
const dir = mkdtempSync(join(tmpdir(), 'folio-threads-'));
const files = { en: join(dir, 'deals-en.csv'), ru: join(dir, 'deals-ru.csv') };
const TRACE = { FOLIO_TRACE_THREADS: '1' };

/** Generate `rows` deals into `file`, with the copies of COPIES right after their lines. */
async function generateWithCopies(lang: string, rows: number, file: string): Promise<void> {
  await (generate as (k: string, l: string, n: number, o: NodeJS.WritableStream) => Promise<void>)(
    'deals',
    lang,
    rows,
    createWriteStream(file),
  );
  const lines = readFileSync(file).toString('latin1').split('\r\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    if (i % EVERY === 0 && COPIES.some(([from, to]) => i >= from && i < to)) out.push(line);
  });
  writeFileSync(file, Buffer.from(out.join('\r\n'), 'latin1'));
}

beforeAll(async () => {
  for (const [lang, file] of Object.entries(files)) await generateWithCopies(lang, ROWS, file);
}, 60_000);

const copies = COPIES.reduce((n, [from, to]) => n + (to - from) / EVERY, 0);

/** Totals worked out apart from folio: split on the known delimiter, skip the copies by ID, add won amounts as integer cents. */
function expected(
  lang: 'en' | 'ru',
  file = files[lang],
): { total: bigint; byClient: Map<string, bigint>; rows: number; folded: number } {
  const bytes = readFileSync(file);
  const text = lang === 'ru' ? new TextDecoder('windows-1251').decode(bytes) : bytes.toString('utf8');
  const lines = text
    .split('\r\n')
    .slice(1)
    .filter((l) => l !== '');
  const won = lang === 'ru' ? 'Успешно реализовано' : 'Won';
  const byClient = new Map<string, bigint>();
  const ids = new Set<string>();
  let total = 0n;
  let folded = 0;
  for (const line of lines) {
    const [id, client, amount, status] = line.split(lang === 'ru' ? ';' : ',') as [string, string, string, string];
    // Lost and open rows are left out before folding: only the copies of won rows are folded.
    if (status !== won) continue;
    if (ids.has(id)) {
      folded++;
      continue;
    }
    ids.add(id);
    const cents = BigInt(amount.replace(/[\u00a0.,]/g, ''));
    total += cents;
    byClient.set(client, (byClient.get(client) ?? 0n) + cents);
  }
  return { total, byClient, rows: lines.length, folded };
}

const asNumber = (cents: bigint): number => Number(`${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`);

/** stderr without the trace lines. */
const untraced = (r: CliRun): string => r.stderr.replace(/^folio threads: .*\n/gm, '');

async function expectSameRun(args: string[], threads: number, how: RegExp): Promise<CliRun> {
  const one = await folio([...args, '--threads', '1'], { env: TRACE });
  const many = await folio([...args, '--threads', String(threads)], { env: TRACE });
  expect(one.stderr).not.toMatch(/folio threads:/);
  expect(many.stderr).toMatch(how);
  expect(many.code, many.stderr).toBe(one.code);
  expect(many.stdout).toBe(one.stdout);
  expect(untraced(many)).toBe(one.stderr);
  return many;
}

const SUMMED = /folio threads: .*: read in \d+ parts/;
const AGAIN = /folio threads: .*: read again on one thread/;

describe(`folio share --threads on ${ROWS.toLocaleString('en')} generated rows with repeated lines`, () => {
  for (const lang of ['en', 'ru'] as const) {
    for (const threads of [2, 3]) {
      it(`${threads} threads match one thread byte for byte and an independent sum to the cent (${lang})`, async () => {
        const want = expected(lang);
        const r = await expectSameRun(
          ['share', files[lang], '--json'],
          threads,
          new RegExp(`read in ${threads} parts`),
        );
        const e = json<{
          inputs: { rows: number; folded: number }[];
          warnings: { code: string; fields: { count: number } }[];
          result: { total: number; clients: { client: string; revenue: number }[] };
        }>(r);
        expect(e.inputs[0]?.rows).toBe(want.rows);
        expect(want.folded).toBeGreaterThan(copies / 2);
        expect(e.inputs[0]?.folded).toBe(want.folded);
        expect(e.warnings.find((w) => w.code === 'FOLDED_LINES')?.fields.count).toBe(want.folded);
        expect(e.result.total).toBe(asNumber(want.total));
        expect(e.result.clients).toHaveLength(want.byClient.size);
        for (const c of e.result.clients)
          expect(c.revenue, c.client).toBe(asNumber(want.byClient.get(c.client) ?? -1n));
      }, 60_000);
    }
  }

  it('with --no-fold the copies count twice, on any number of threads', async () => {
    const r = await expectSameRun(['share', files.en, '--json', '--no-fold'], 2, SUMMED);
    expect(json<{ inputs: { folded: number }[] }>(r).inputs[0]?.folded).toBe(0);
  }, 60_000);
});

// A file of 16 MiB or more is read from its bytes on one thread too (a head as text, then
// one part); `--threads 1` on a smaller file is the text reading the tests above hold to.
const LARGE_ROWS = 300_000;
const large = { en: join(dir, 'large-en.csv'), ru: join(dir, 'large-ru.csv') };

describe(`folio share on ${LARGE_ROWS.toLocaleString('en')} generated rows (over 16 MiB) with repeated lines, from bytes on one thread and on several`, () => {
  beforeAll(async () => {
    for (const [lang, file] of Object.entries(large)) await generateWithCopies(lang, LARGE_ROWS, file);
  }, 60_000);

  for (const lang of ['en', 'ru'] as const) {
    it(`one thread and two match an independent sum to the cent (${lang})`, async () => {
      expect(readFileSync(large[lang]).length).toBeGreaterThan(16 * 1024 * 1024);
      const want = expected(lang, large[lang]);
      const one = await folio(['share', large[lang], '--json', '--threads', '1'], { env: TRACE });
      expect(one.stderr).toMatch(/read in 1 part on as many threads/);
      const two = await folio(['share', large[lang], '--json', '--threads', '2'], { env: TRACE });
      expect(two.stderr).toMatch(/read in 2 parts/);
      expect(two.stdout).toBe(one.stdout);
      const e = json<{
        inputs: { rows: number; folded: number }[];
        result: { total: number; clients: { client: string; revenue: number }[] };
      }>(one);
      expect(e.inputs[0]?.rows).toBe(want.rows);
      // The copies lie in the head (read as text) and in the part (read from bytes): both fold.
      expect(want.folded).toBeGreaterThan(copies / 2);
      expect(e.inputs[0]?.folded).toBe(want.folded);
      expect(e.result.total).toBe(asNumber(want.total));
      expect(e.result.clients).toHaveLength(want.byClient.size);
      for (const c of e.result.clients) expect(c.revenue, c.client).toBe(asNumber(want.byClient.get(c.client) ?? -1n));
    }, 60_000);
  }
});

/** A small deals file: `rows` lines of `row(i)` under a header, cut by `--threads` however small. */
function dealsFile(
  name: string,
  rows: number,
  row: (i: number) => string,
  header = 'id,client,amount,status,date,note',
): string {
  const path = join(dir, name);
  const lines = [header];
  for (let i = 1; i <= rows; i++) lines.push(row(i));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const plain = (i: number): string => `${i},Client ${i % 37},${1000 + i}.25,Won,2026-0${1 + (i % 9)}-1${i % 10},`;

describe('--threads values', () => {
  it('takes 1 to 64 and refuses the rest with exit 2, naming the range', async () => {
    for (const text of ['0', '65', '2.5', 'many']) {
      const r = await folio(['share', 'fixtures/demo/deals.csv', '--threads', text]);
      expect(r.code, text).toBe(2);
      expect(r.stderr).toContain(`--threads "${text}" is not a whole number from 1 to 64`);
    }
    expect((await folio(['share', 'fixtures/demo/deals.csv', '--threads', '64', '--json'])).code).toBe(0);
  });
});

describe('--threads on files whose parts cannot simply be added up', () => {
  it('a plain file is added up in parts, and the default reads a small file on one thread', async () => {
    const path = dealsFile('plain.csv', 3000, plain);
    await expectSameRun(['share', path, '--json'], 4, /read in 4 parts/);
    expect((await folio(['share', path, '--json'], { env: TRACE })).stderr).not.toMatch(/folio threads:/);
  });

  it('spellings of one client spread over the parts: the same names, tie and warnings as on one thread', async () => {
    // Rows i ≡ 0 (mod 3) alternate "Acme, Inc." (i = 3, 9, 15…) and "ACME Inc" (i = 6, 12…):
    // 500 rows each, a tie that the spelling met first, in the head, wins. Rows i ≡ 1:
    // «Ромашка ООО» up to 1000 (334 rows, in the head and the first part), «ООО «Ромашка»»
    // after (666 rows, in the later parts): the later parts' spelling wins.
    const acme = (i: number): string => ((i / 3) % 2 === 1 ? '"Acme, Inc."' : 'ACME Inc');
    const romashka = (i: number): string => (i <= 1000 ? 'Ромашка ООО' : 'ООО «Ромашка»');
    const spelling = (i: number): string => (i % 3 === 0 ? acme(i) : i % 3 === 1 ? romashka(i) : 'Beta LLC');
    const path = dealsFile(
      'spellings.csv',
      3000,
      (i) => `${i},${spelling(i)},${1000 + i},Won,2026-0${1 + (i % 9)}-1${i % 10},`,
    );
    const r = await expectSameRun(['share', path, '--json'], 3, /read in 3 parts/);
    const e = json<{ result: { clients: { client: string }[] }; warnings: { code: string; fields: unknown }[] }>(r);
    expect(e.result.clients.map((c) => c.client).sort()).toEqual(['Acme, Inc.', 'Beta LLC', 'ООО «Ромашка»']);
    expect(e.warnings.find((w) => w.code === 'CLIENT_SPELLINGS_MERGED')?.fields).toEqual({
      count: 2,
      clients: [
        {
          client: 'Acme, Inc.',
          spellings: [
            { spelling: 'Acme, Inc.', rows: 500 },
            { spelling: 'ACME Inc', rows: 500 },
          ],
        },
        {
          client: 'ООО «Ромашка»',
          spellings: [
            { spelling: 'ООО «Ромашка»', rows: 666 },
            { spelling: 'Ромашка ООО', rows: 334 },
          ],
        },
      ],
    });
  });

  it('a cut inside a quoted field with line breaks: the part before ends in an open quote, and the file is read again', async () => {
    // Row 100 carries a note of 100,000 short lines, which the file's thirds fall in (two
    // threads read a head and two parts: the cuts lie between a third and two thirds).
    const note = `"${Array.from({ length: 100_000 }, (_, k) => `n${k % 10}`).join('\n')}"`;
    const path = dealsFile('quoted.csv', 3000, (i) => (i === 100 ? plain(i) + note : plain(i)));
    const bytes = readFileSync(path);
    expect(bytes.indexOf('"')).toBeLessThan(Math.floor(bytes.length / 3));
    expect(bytes.lastIndexOf('"')).toBeGreaterThan(Math.floor((bytes.length * 2) / 3));
    const r = await expectSameRun(['share', path, '--json'], 2, AGAIN);
    expect(json<{ inputs: { rows: number }[] }>(r).inputs[0]?.rows).toBe(3000);
  });

  it('lines repeated in another part (two exports glued together) are folded as on one thread', async () => {
    const half = Array.from({ length: 1500 }, (_, k) => plain(k + 1));
    const path = join(dir, 'glued.csv');
    writeFileSync(path, `id,client,amount,status,date,note\n${[...half, ...half].join('\n')}\n`);
    const r = await expectSameRun(['share', path, '--json'], 2, AGAIN);
    expect(json<{ inputs: { folded: number }[] }>(r).inputs[0]?.folded).toBe(1500);
  });

  it('a bad amount in the last part stops with the same located error', async () => {
    const path = dealsFile('bad.csv', 3000, (i) => (i === 2900 ? plain(i).replace('3900.25', '39O0.25') : plain(i)));
    const r = await expectSameRun(['share', path], 3, AGAIN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(':2901');
  });

  it('a totals row at the end is left out and checked as on one thread', async () => {
    let sum = 0;
    const path = dealsFile('totals.csv', 3001, (i) => {
      if (i === 3001) return `,Total,${(sum / 100).toFixed(2)},,,`;
      sum += (1000 + i) * 100 + 25;
      return plain(i);
    });
    const r = await expectSameRun(['share', path, '--json'], 2, AGAIN);
    expect(json<{ warnings: { code: string }[] }>(r).warnings.map((w) => w.code)).toContain('TOTALS_ROWS');
  });

  it('a decimal comma first shown in a later part settles the column as on one thread', async () => {
    const path = dealsFile(
      'comma.csv',
      3000,
      (i) =>
        `${i};Client ${i % 37};${i > 2500 ? `${1000 + i},5` : `${1000 + i}`};Won;0${1 + (i % 9)}.0${1 + (i % 9)}.2026;`,
      'id;client;amount;status;date;note',
    );
    await expectSameRun(['share', path, '--json'], 2, SUMMED);
  });

  it('a decimal comma settled in the head carries on into the parts, whose values alone could be either', async () => {
    // Later rows hold only `1,234`-like amounts, a thousand or a fraction: one pass reads them
    // under the comma the first rows showed, and so do the parts, with nothing waiting.
    const path = dealsFile(
      'carried.csv',
      3000,
      (i) =>
        `${i};Client ${i % 37};${i <= 20 ? `${i},5` : `${1 + (i % 9)},${String(100 + (i % 900)).padStart(3, '0')}`};Won;01.02.2026;`,
      'id;client;amount;status;date;note',
    );
    const r = await expectSameRun(['share', path, '--json'], 3, SUMMED);
    // 20 rows of i,5 and 2,980 of d,ddd, all read with a decimal comma: summed apart from folio.
    let thousandths = 0;
    for (let i = 1; i <= 3000; i++) thousandths += i <= 20 ? i * 1000 + 500 : (1 + (i % 9)) * 1000 + (100 + (i % 900));
    expect(json<{ result: { total: number } }>(r).result.total).toBeCloseTo(thousandths / 1000, 6);
  });

  it('a decimal point in one part and a decimal comma in another stop with the same error', async () => {
    const path = dealsFile(
      'marks.csv',
      3000,
      (i) => `${i};Client ${i % 37};${i === 10 ? '1000.5' : i === 2900 ? '1000,5' : `${1000 + i}`};Won;01.02.2026;`,
      'id;client;amount;status;date;note',
    );
    const r = await expectSameRun(['share', path], 2, AGAIN);
    expect(r.code).toBe(2);
  });

  it('an unknown status and a second currency, both first seen in a later part, are counted as on one thread', async () => {
    const path = dealsFile(
      'mixed.csv',
      3000,
      (i) =>
        `${i},Client ${i % 37},${1000 + i},${i === 2800 ? 'Paused' : 'Won'},2026-03-01,${i > 2000 && i % 2 === 0 ? 'EUR' : 'USD'}`,
      'id,client,amount,status,date,currency',
    );
    const r = await expectSameRun(['share', path], 2, SUMMED);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/EUR \(499 rows\)/);
    const w = await expectSameRun(['share', path, '--currency', 'USD', '--json'], 3, SUMMED);
    expect(
      json<{ warnings: { code: string; fields: { values: { value: string; rows: number }[] } }[] }>(w).warnings.find(
        (x) => x.code === 'UNKNOWN_STATUS',
      )?.fields.values,
    ).toEqual([{ value: 'Paused', rows: 1, tied: [] }]);
  });

  it('statuses, refunds and a won column are counted in parts as on one thread, and as an independent count', async () => {
    // Seven statuses in turn: two won (one partial), a refund, a bare «Closed», an open one, a
    // tie and a lost one; the won column says no on every fifth row.
    const STATUSES = ['Won', 'Возврат', 'Closed', 'Частично оплачен', 'К выполнению', 'Paid - refunded', 'Lost'];
    const path = dealsFile(
      'statuses.csv',
      3000,
      (i) =>
        `${i},Client ${i % 37},${1000 + i}.25,${STATUSES[i % 7]},2026-03-0${1 + (i % 9)},${i % 5 === 0 ? 'false' : 'true'}`,
      'id,client,amount,status,date,is won',
    );
    const r = await expectSameRun(['share', path, '--json'], 3, /read in 3 parts/);
    const e = json<{
      inputs: { statuses: { value: string; role: string; rows: number }[] }[];
      warnings: { code: string; fields: Record<string, unknown> }[];
      result: { total: number };
    }>(r);
    // Counted apart from folio: rows per status, the won amounts less the refunds in cents,
    // the refunds' positive amounts turned round, and the rows the two columns disagree on.
    const rows = STATUSES.map(() => 0);
    let cents = 0;
    let statusOnly = 0;
    let flagOnly = 0;
    for (let i = 1; i <= 3000; i++) {
      const k = i % 7;
      rows[k] = (rows[k] as number) + 1;
      const amount = (1000 + i) * 100 + 25;
      const won = k === 0 || k === 3;
      if (won) cents += amount;
      if (k === 1) cents -= amount;
      if (won && i % 5 === 0) statusOnly++;
      if (!won && i % 5 !== 0) flagOnly++;
    }
    const roles = ['won', 'refund', 'unknown', 'won', 'open', 'unknown', 'lost'];
    expect(e.inputs[0]?.statuses.sort((a, b) => (a.value < b.value ? -1 : 1))).toEqual(
      STATUSES.map((value, k) => ({ value, role: roles[k], rows: rows[k] })).sort((a, b) =>
        a.value < b.value ? -1 : 1,
      ),
    );
    expect(e.result.total).toBeCloseTo(cents / 100, 2);
    const by = Object.fromEntries(e.warnings.map((w) => [w.code, w.fields]));
    expect(by.REFUNDS_NEGATED).toMatchObject({ count: rows[1] });
    expect(by.PARTIAL_STATUS).toMatchObject({ rows: rows[3] });
    expect(by.CLOSED_STATUS).toMatchObject({ rows: rows[2] });
    expect(by.WON_COLUMN_DISAGREES).toMatchObject({ statusOnly, flagOnly });
  });

  it('the second file of an input: its own lines in parts, a line of the first file read again', async () => {
    const first = dealsFile('jan.csv', 50, plain);
    const second = dealsFile('feb.csv', 3000, (i) => plain(i + 100));
    await expectSameRun(['share', first, second, '--json'], 2, /feb\.csv: read in 2 parts/);
    const overlapping = dealsFile('feb-overlap.csv', 3000, (i) => plain(i === 2900 ? 7 : i + 100));
    const r = await expectSameRun(
      ['share', first, overlapping, '--json'],
      2,
      /feb-overlap\.csv: read again on one thread/,
    );
    expect(
      json<{ warnings: { code: string; fields: { across: number } }[] }>(r).warnings.find(
        (w) => w.code === 'FOLDED_LINES',
      )?.fields.across,
    ).toBe(1);
  });
});

describe('--threads on exports read with care: blank amounts, NUL bytes, backslash escapes, no header row', () => {
  it('blank amounts in every part are added up as one thread counts them', async () => {
    // Every 100th of 3,000 won rows has a blank amount: 30 rows left out, the first on line 101.
    const path = dealsFile('blank.csv', 3000, (i) =>
      i % 100 === 0 ? plain(i).replace(`${1000 + i}.25`, '') : plain(i),
    );
    const r = await expectSameRun(['share', path, '--json'], 3, SUMMED);
    const e = json<{
      inputs: { excluded: Record<string, number> }[];
      warnings: { code: string; fields: { count: number; line: number } }[];
      result: { total: number };
    }>(r);
    expect(e.inputs[0]?.excluded.blankAmount).toBe(30);
    expect(e.warnings.find((w) => w.code === 'BLANK_AMOUNTS')?.fields).toMatchObject({ count: 30, line: 101 });
    // Σ (1000 + i + 0.25) over the 2,970 rows that are not a multiple of 100, apart from folio.
    let cents = 0;
    for (let i = 1; i <= 3000; i++) if (i % 100 !== 0) cents += (1000 + i) * 100 + 25;
    expect(e.result.total).toBe(cents / 100);
  });

  it('NUL bytes in the last part send the file to the text reader, which drops and counts them', async () => {
    const path = dealsFile('nul.csv', 3000, (i) =>
      i === 2900 ? plain(i).replace(/Client \d+/, (c) => `"${c.replace('Client', 'Cli\0ent')}"`) : plain(i),
    );
    const r = await expectSameRun(['share', path, '--json'], 3, /read again on one thread \(NUL bytes\)/);
    expect(
      json<{ warnings: { code: string; fields: { count: number; line: number } }[] }>(r).warnings.find(
        (w) => w.code === 'NUL_BYTES',
      )?.fields,
    ).toMatchObject({ count: 1, line: 2901 });
  });

  it('a backslash-escaped dump is read as text, whole', async () => {
    const path = dealsFile('dump.csv', 3000, (i) =>
      i % 10 === 0 ? `${i},"Client \\"${i % 37}\\"",${1000 + i}.25,Won,2026-01-01,\\N` : plain(i),
    );
    const r = await expectSameRun(['share', path, '--json'], 2, /read again on one thread \(backslash escapes\)/);
    const e = json<{
      result: { total: number };
      warnings: { code: string; fields: { clients?: { client: string; spellings: { spelling: string }[] }[] } }[];
    }>(r);
    let cents = 0;
    for (let i = 1; i <= 3000; i++) cents += (1000 + i) * 100 + 25;
    expect(e.result.total).toBe(cents / 100);
    // Row 10 is the first of client 10, quoted with escaped quotes: the spelling keeps them, and
    // is one client with the plain «Client 10» of the other rows (shown so: it has more rows).
    const merged = e.warnings.find((w) => w.code === 'CLIENT_SPELLINGS_MERGED')?.fields.clients ?? [];
    expect(merged.find((c) => c.client === 'Client 10')?.spellings.map((s) => s.spelling)).toEqual([
      'Client 10',
      'Client "10"',
    ]);
  });

  it('a file without a header row: its columns told from the head, the parts added up as one thread reads it', async () => {
    const path = join(dir, 'noheader.csv');
    writeFileSync(path, `${Array.from({ length: 3000 }, (_, k) => plain(k + 1)).join('\n')}\n`);
    const r = await expectSameRun(['share', path, '--json'], 2, SUMMED);
    const e = json<{ inputs: { rows: number; headerLine: number }[]; warnings: { code: string }[] }>(r);
    expect(e.inputs[0]).toMatchObject({ rows: 3000, headerLine: 0 });
    expect(e.warnings.map((w) => w.code)).toContain('HEADERLESS');
  });
});
