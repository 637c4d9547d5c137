import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folio, json, type CliRun } from './run-cli.js';

// fixtures/redact holds deals, activities, leads and clients of three made-up clients, their
// managers and two leads; fixtures/redact-bad/deals.csv has two rows whose amount cell holds
// a name (a shifted column), one of them of a client that appears nowhere else.
const NAMES = [
  'Zebulon',
  'Quartz',
  'Marigold',
  'Vexley',
  'Тарантас',
  'Perpetua',
  'Hollins',
  'Osgood',
  'Trembley',
  'Ирина',
  'Волкова',
  'Heliotrope',
  'Saffron',
  'Quillon',
  'Ashgrove',
];
const FORMATS = ['table', 'markdown', 'html', 'json', 'ndjson', 'csv'];
const AS_OF = ['--as-of', '2026-11-05'];

const COMMANDS: [string, string[]][] = [
  ['share', ['share', 'fixtures/redact/deals.csv']],
  ['matrix', ['matrix', 'fixtures/redact/clients.csv', '--deals', 'fixtures/redact/deals.csv']],
  ['leads', ['leads', 'fixtures/redact/leads.csv', ...AS_OF]],
  [
    'cadence',
    [
      'cadence',
      'fixtures/redact/activities.csv',
      '--deals',
      'fixtures/redact/deals.csv',
      '--clients',
      'fixtures/redact/clients.csv',
      ...AS_OF,
    ],
  ],
  [
    'cadence --key-client',
    [
      'cadence',
      'fixtures/redact/activities.csv',
      '--key-client',
      'Zebulon Quartz',
      '--key-client',
      'Nobody Inparticular',
      ...AS_OF,
    ],
  ],
  ['report', ['report', 'fixtures/redact', ...AS_OF]],
  ['check', ['check', 'fixtures/redact', ...AS_OF]],
  ['inspect deals', ['inspect', 'fixtures/redact/deals.csv']],
  ['inspect activities', ['inspect', 'fixtures/redact/activities.csv']],
  ['inspect leads', ['inspect', 'fixtures/redact/leads.csv']],
  ['inspect clients', ['inspect', 'fixtures/redact/clients.csv']],
  ['share, bad cell skipped', ['share', 'fixtures/redact-bad/deals.csv', '--skip-invalid']],
  ['inspect, bad cell', ['inspect', 'fixtures/redact-bad/deals.csv']],
  [
    'check, bad cell',
    ['check', '--deals', 'fixtures/redact-bad/deals.csv', '--fail-on', 'invalid', '--period', '2026-10', ...AS_OF],
  ],
];

function leaked(r: CliRun): string[] {
  const out = r.stdout + r.stderr;
  return [...NAMES, 'Nobody Inparticular'].filter((n) => out.includes(n));
}

describe('--redact (e2e sweep)', () => {
  it.each(COMMANDS)('%s: without --redact the names are there (the sweep can fail)', async (_label, args) => {
    const r = await folio([...args, '--format', 'json']);
    expect(r.code, r.stderr).toBeLessThan(2);
    expect(leaked(r).length).toBeGreaterThan(0);
  });

  it.each(COMMANDS)('%s: no name in stdout or stderr, in any format', async (_label, args) => {
    for (const format of FORMATS) {
      const r = await folio([...args, '--redact', '--format', format]);
      expect(r.code, `${format}: ${r.stderr}`).toBeLessThan(2);
      expect(leaked(r), format).toEqual([]);
      // Every command shows names in its table and JSON (inspect's CSV lists only columns).
      if (format === 'table' || format === 'json')
        expect(r.stdout + r.stderr, format).toMatch(/(client|person|lead)-[0-9a-f]{8}/);
    }
  });

  it('check in the GitHub format', async () => {
    const r = await folio(['check', 'fixtures/redact', ...AS_OF, '--redact', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(leaked(r)).toEqual([]);
    expect(r.stdout).toMatch(/^::error title=folio cadence::client-[0-9a-f]{8}: /m);
  });

  it('a run that fails with exit 2 names neither the bad cell nor the clients', async () => {
    const plain = await folio(['share', 'fixtures/redact-bad/deals.csv']);
    expect(plain.code).toBe(2);
    // Without --redact the error quotes the cell, which here is a client's name.
    expect(plain.stderr).toContain('Amount "Zebulon Quartz"');
    const r = await folio(['share', 'fixtures/redact-bad/deals.csv', '--redact']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^folio: fixtures\/redact-bad\/deals\.csv:3:3: Amount: not a number$/m);
    // The second bad row (a manager's name in the amount) is still located, without its value.
    expect(r.stderr).toMatch(/^ {2}fixtures\/redact-bad\/deals\.csv:5:3: Amount: not a number$/m);
    expect(leaked(r)).toEqual([]);
  });

  it('keys the pseudonyms with FOLIO_REDACT_KEY or --redact-key-file, warns without a key, and never shows the key', async () => {
    const KEY = 'k3y-that-must-not-leak';
    const dir = mkdtempSync(join(tmpdir(), 'folio-redact-key-'));
    const keyFile = join(dir, 'redact.key');
    writeFileSync(keyFile, `${KEY}\n`);
    const args = ['share', 'fixtures/redact/deals.csv', '--redact', '--json'];
    const unkeyed = await folio(args);
    const keyed = await folio(args, { env: { FOLIO_REDACT_KEY: KEY } });
    const again = await folio([...args, '--redact-key-file', keyFile]);
    const other = await folio(args, { env: { FOLIO_REDACT_KEY: 'another key' } });
    const codes = (r: CliRun): string[] => json<{ warnings: { code: string }[] }>(r).warnings.map((w) => w.code);
    // Without a key: the warning, on stderr and in the JSON; with one: neither.
    expect(codes(unkeyed)).toContain('REDACT_UNKEYED');
    expect(unkeyed.stderr).toContain('anyone with a list of likely client names can hash them');
    expect(codes(keyed)).not.toContain('REDACT_UNKEYED');
    expect(keyed.stderr).not.toContain('FOLIO_REDACT_KEY');
    // The same key, from the environment or the file, gives the same pseudonyms; another key, others.
    expect(again.stdout).toBe(keyed.stdout);
    const first = (r: CliRun): string | undefined => /client-[0-9a-f]{8}/.exec(r.stdout)?.[0];
    expect(new Set([first(unkeyed), first(keyed), first(other)]).size).toBe(3);
    for (const r of [unkeyed, keyed, again, other]) {
      expect(leaked(r)).toEqual([]);
      expect(r.stdout + r.stderr).not.toContain(KEY);
    }
    // A key file that is not there, or holds nothing, stops the run where it is named.
    const missing = await folio([...args, '--redact-key-file', join(dir, 'nope.key')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`folio: ${join(dir, 'nope.key')}: no such redaction key file`);
    writeFileSync(join(dir, 'empty.key'), '');
    const empty = await folio([...args, '--redact-key-file', join(dir, 'empty.key')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`folio: ${join(dir, 'empty.key')}: the redaction key file is empty`);
    const alone = await folio(['share', 'fixtures/redact/deals.csv', '--redact-key-file', keyFile]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--redact-key-file keys the pseudonyms of --redact');
  });

  it('gives the same hash for the same name in every command', async () => {
    const hash = async (args: string[]): Promise<string | undefined> =>
      /client-[0-9a-f]{8}/.exec((await folio([...args, '--redact', '--format', 'csv'])).stdout)?.[0];
    // Zebulon Quartz is the top client of the deals (15,000 of 28,000) and the first row of the clients file.
    const fromShare = await hash(['share', 'fixtures/redact/deals.csv']);
    expect(fromShare).toBeDefined();
    expect((await folio(['report', 'fixtures/redact', ...AS_OF, '--redact', '--json'])).stdout).toContain(fromShare);
  });
});
