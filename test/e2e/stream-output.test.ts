import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folio } from './run-cli.js';

/*
 * leads and cadence write their JSON, NDJSON and CSV as they make it. Each output is checked
 * against the whole text as the previous renderer made it in one string, rebuilt here from
 * the parsed JSON by the rules written out below (an independent path), and stdout (a pipe,
 * written through backpressure) against the `-o` file (a temp file renamed into place).
 * The files hold thousands of rows, so the outputs are several times a pipe's 64 KiB.
 */

const NAMES = [
  'Acme "Best"',
  'Line\nbreak',
  'Comma, Inc',
  'ООО «Ромашка»',
  'Emoji 😀',
  '=HYPERLINK("x")',
  'plain',
  'back\\slash',
  '  spaced   out  ',
];
const N = 4000;

/** A CSV cell as a CRM writes it: quoted when it holds a quote, comma or line break. */
const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function fixtures(): { leads: string; activities: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'folio-stream-'));
  const leads = ['lead,client,amount,expected_close,status,owner'];
  const activities = ['date,client,type,outcome,owner'];
  for (let i = 0; i < N; i++) {
    const name = `${NAMES[i % NAMES.length] as string} ${i}`;
    const client = `${NAMES[(i * 7) % NAMES.length] as string} client ${i % 900}`;
    const amount = i % 13 === 0 ? '' : `${(i * 137) % 90_000}.${String(i % 100).padStart(2, '0')}`;
    const close =
      i % 17 === 0 ? '' : `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    leads.push(
      [name, client, amount, close, i % 11 === 0 ? 'Won' : 'Open', i % 3 === 0 ? 'Иван Петров' : 'Olga "O" Petrova']
        .map(csvCell)
        .join(','),
    );
    const day = `2026-${String(9 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    activities.push(
      [
        day,
        client,
        i % 2 === 0 ? 'Call' : 'Meeting',
        i % 5 === 0 ? 'Negative' : 'Positive',
        i % 3 === 0 ? 'Иван Петров' : 'Olga Petrova',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  const l = join(dir, 'leads.csv');
  const a = join(dir, 'activities.csv');
  writeFileSync(l, `${leads.join('\n')}\n`);
  writeFileSync(a, `${activities.join('\n')}\n`);
  return { leads: l, activities: a, dir };
}

type Value = string | number | boolean | null | Value[] | { [k: string]: Value };
const isRecord = (v: Value): v is { [k: string]: Value } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON layout as one string: indented by two, a list of records one record per line. */
function wholeJson(value: Value, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isRecord)) return `[\n${value.map((v) => inner + JSON.stringify(v)).join(',\n')}\n${indent}]`;
    return `[\n${value.map((v) => inner + wholeJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${wholeJson(value[k] as Value, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** CSV as one string: RFC 4180 quoting, a formula's leading character neutralised by an apostrophe. */
function wholeCsv(rows: Record<string, Value>[], columns: string[]): string {
  const cell = (v: Value | undefined): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'object') return JSON.stringify(v);
    if (typeof v !== 'string') return String(v);
    const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(s) ? `"${s.split('"').join('""')}"` : s;
  };
  return `${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n')}\n`;
}

const pick = (row: { [k: string]: Value }, columns: string[]): Record<string, Value> =>
  Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));

const COMMANDS = [
  {
    name: 'leads',
    args: (f: ReturnType<typeof fixtures>) => ['leads', f.leads, '--as-of', '2026-06-15'],
    list: 'leads',
    columns: [
      'priority',
      'group',
      'lead',
      'client',
      'amount',
      'expectedClose',
      'daysToClose',
      'overdue',
      'manager',
      'reason',
    ],
  },
  {
    name: 'cadence',
    args: (f: ReturnType<typeof fixtures>) => ['cadence', f.activities, '--all-clients', '--as-of', '2026-12-01'],
    list: 'agenda',
    columns: [
      'client',
      'status',
      'lastPositive',
      'nextDue',
      'daysUntilDue',
      'personalAllowed',
      'allowedFrom',
      'manager',
    ],
  },
];

describe('streamed output of leads and cadence (e2e)', () => {
  const f = fixtures();

  for (const c of COMMANDS) {
    describe(c.name, async () => {
      const run = async (format: string, file?: string): Promise<string> => {
        const r = await folio([...c.args(f), '--format', format, ...(file ? ['--output', join(f.dir, file)] : [])]);
        expect(r.code, r.stderr).toBe(0);
        return file ? readFileSync(join(f.dir, file), 'utf8') : r.stdout;
      };
      const json = await run('json');
      const envelope = JSON.parse(json) as { [k: string]: Value };
      const items = (envelope.result as { [k: string]: Value })[c.list] as { [k: string]: Value }[];

      it('holds thousands of rows, with the names that need escaping', () => {
        expect(items.length).toBeGreaterThan(800);
        expect(json.length).toBeGreaterThan(4 * 65_536);
        expect(json).toContain('\\"');
        expect(json).toContain('Ромашка');
        expect(json).toContain('😀');
      });

      it('JSON: equals the whole-string layout, and the -o file equals stdout', async () => {
        expect(json).toBe(`${wholeJson(envelope)}\n`);
        expect(await run('json', `${c.name}.json`)).toBe(json);
      });

      it('NDJSON: one JSON row per line, the rows of the JSON in order; the -o file equals stdout', async () => {
        const ndjson = await run('ndjson');
        expect(ndjson).toBe(items.map((i) => `${JSON.stringify(pick(i, c.columns))}\n`).join(''));
        expect(await run('ndjson', `${c.name}.ndjson`)).toBe(ndjson);
      });

      it('CSV: the rows of the JSON, quoted and neutralised; the -o file equals stdout', async () => {
        const csv = await run('csv');
        expect(csv).toBe(
          wholeCsv(
            items.map((i) => pick(i, c.columns)),
            c.columns,
          ),
        );
        expect(csv).toMatch(/"[^"\n]*""[^\n]*/);
        expect(await run('csv', `${c.name}.csv`)).toBe(csv);
      });
    });
  }
});
