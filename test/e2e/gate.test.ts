import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/schema/results.js';
import { BIN, folio, json, ROOT } from './run-cli.js';

const when = ['--period', '2026-10', '--as-of', '2026-11-23'];

/**
 * October 2026, total 100 000. Shares by hand: A 40 %, B 15 %, C 12 %, D 11 %, E 12 %, F 10 %.
 * F sits exactly on the 10 % key threshold, so it stays regular (a boundary belongs to the
 * lower class). Key clients: A, B, C, D (all Olga's: 4) and E (Ivan's: 1); their combined
 * share is 40 + 15 + 12 + 11 + 12 = 90 %.
 */
const DEALS = `Deal ID,Associated Company,Amount,Close Date,Deal Stage,Deal owner
1,Alpha,40000.00,2026-10-02,Closed Won,Olga Petrova
2,Bravo,15000.00,2026-10-03,Closed Won,Olga Petrova
3,Charlie,12000.00,2026-10-04,Closed Won,Olga Petrova
4,Delta,11000.00,2026-10-05,Closed Won,Olga Petrova
5,Echo,12000.00,2026-10-06,Closed Won,Ivan Sidorov
6,Foxtrot,10000.00,2026-10-07,Closed Won,Ivan Sidorov
`;

/** A positive call with every key client every 5 days from August to as-of: no cadence or cool-off finding. */
function activities(): string {
  const rows = ['Activity Date,Account Name,Activity Type,Assigned To,Outcome'];
  for (const client of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) {
    for (let t = Date.UTC(2026, 7, 1); t <= Date.UTC(2026, 10, 23); t += 5 * 86_400_000)
      rows.push(`${new Date(t).toISOString().slice(0, 10)},${client},Call,Olga Petrova,Positive`);
  }
  return `${rows.join('\n')}\n`;
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-gate-'));
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

describe('a gate that checked nothing does not pass', () => {
  it('exits 2 on an empty folder, naming it and what was looked for', async () => {
    const dir = folder({});
    for (const command of ['check', 'report']) {
      const r = await folio([command, dir, ...when]);
      expect(r.code, command).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`folio: ${dir}: no export recognised`);
      expect(r.stderr).toMatch(
        /^ {2}deals: a deals export, .*named like deals.*or with the columns client \+ amount, or client \+ product \+ price \+ quantity$/m,
      );
      expect(r.stderr).toMatch(/^ {2}activities: an activity log, .*date \+ client \+ outcome$/m);
      expect(r.stderr).toMatch(/seen: nothing/);
    }
  });

  it('keeps exit 2 when stderr is closed early (`2>&1 | head -1` in a CI script)', async () => {
    const child = spawn(process.execPath, [BIN, 'check', folder({})], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Closed before folio writes its message: every write to stderr fails with EPIPE.
    child.stderr.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(2);
  });

  it('exits 2 on a folder holding only a broken workbook, and says to save it again', async () => {
    const dir = folder({ 'deals.xlsx': 'PK\u0003\u0004 not really a workbook', '.DS_Store': 'x' });
    const r = await folio(['check', dir, ...when]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `seen: ${join(dir, 'deals.xlsx')}: the file starts like a zip archive (an .xlsx workbook) but cannot be read as one`,
    );
    expect(r.stderr).toContain('save it again as .xlsx, or as CSV');
    // Hidden files are not exports: not listed.
    expect(r.stderr).not.toContain('.DS_Store');
  });

  it('looks into subfolders one level deep and says what it took', async () => {
    const dir = folder({
      '2026-10/deals.csv': DEALS,
      '2026-10/activities.csv': activities(),
      'old/archive/deals.csv': DEALS,
      'readme.md': '# notes',
    });
    const e = OUTPUT_SCHEMAS.report.parse(json(await folio(['report', dir, ...when, '--json'])));
    expect(e.result.files).toEqual([
      `activities: ${join(dir, '2026-10/activities.csv')} (recognised by its name and columns)`,
      `deals: ${join(dir, '2026-10/deals.csv')} (recognised by its name and columns)`,
      `not used: ${join(dir, 'readme.md')} (not a .csv/.tsv/.txt, .xlsx/.xlsm/.xls or .parquet file)`,
      `not used: ${join(dir, 'old/archive')} (a folder two levels down: folio looks one level deep)`,
    ]);
    expect(e.inputs.map((i) => i.file).sort()).toEqual([
      join(dir, '2026-10/activities.csv'),
      join(dir, '2026-10/deals.csv'),
    ]);
    const c = await folio(['check', dir, ...when, '--json']);
    expect(c.code, c.stderr).toBe(0);
    const checked = OUTPUT_SCHEMAS.check.parse(json(c));
    expect(checked.inputs.map((i) => i.file).sort()).toEqual([
      join(dir, '2026-10/activities.csv'),
      join(dir, '2026-10/deals.csv'),
    ]);
    expect(checked.warnings.find((w) => w.code === 'FILES_NOT_USED')?.message).toBe(
      `2 file(s) of ${dir} not used: ${join(dir, 'readme.md')} (not a .csv/.tsv/.txt, .xlsx/.xlsm/.xls or .parquet file); ${join(dir, 'old/archive')} (a folder two levels down: folio looks one level deep)`,
    );
    // The default policy (invalid, cadence, cooloff) is fed by these two files and holds.
    expect(checked.result.skipped).toEqual([]);
    expect(checked.result.policy).toEqual(['invalid', 'cadence', 'cooloff']);
  });

  it('exits 2 when a rule of the policy has no input, unless --allow-missing reports it skipped', async () => {
    const dir = folder({ 'deals.csv': DEALS });
    // The default policy needs the activity log.
    const r = await folio(['check', dir, ...when]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `folio: rule cadence needs an activity log: none found in ${dir}; add one or name it with --activities FILE`,
    );
    expect(r.stderr).toMatch(/^ {2}rule cooloff needs an activity log/m);
    expect(r.stderr).toMatch(/hint: .*--allow-missing/);
    // Only named files: "none given".
    expect(
      (await folio(['check', '--deals', join(dir, 'deals.csv'), ...when, '--fail-on', 'dossier'])).stderr,
    ).toContain('rule dossier needs an activity log: none given');

    const allowed = await folio(['check', dir, ...when, '--allow-missing', '--json']);
    expect(allowed.code, allowed.stderr).toBe(0);
    const e = OUTPUT_SCHEMAS.check.parse(json(allowed));
    expect(e.result.skipped.map((s) => s.rule)).toEqual(['cadence', 'cooloff']);
    expect(e.result.summary.find((s) => s.rule === 'cadence')).toEqual({
      rule: 'cadence',
      count: 0,
      failing: false,
      skipped: true,
      gap: { rule: 'cadence', lack: 'input', roles: ['activities'], folder: dir },
    });
    expect(e.result.summary.find((s) => s.rule === 'golden')?.skipped).toBe(false);
    expect(e.warnings.filter((w) => w.code === 'RULE_SKIPPED')).toHaveLength(2);

    const table = await folio(['check', dir, ...when, '--allow-missing']);
    expect(table.stdout).toMatch(/^folio check · passed, 2 rules of the policy skipped \(cadence, cooloff\)/);
    expect(table.stdout).toMatch(/cadence\s+—\s+SKIPPED \(no input\)/);
    expect(table.stdout).toMatch(/dossier\s+—\s+not checked \(no input\)/);
    expect((await folio(['check', dir, ...when, '--allow-missing', '--format', 'csv'])).stdout).toMatch(
      /^cadence,,,,,skipped: rule cadence needs an activity log/m,
    );
    expect((await folio(['check', dir, ...when, '--allow-missing', '--format', 'github'])).stdout).toMatch(
      /^::warning title=folio cadence skipped::rule cadence needs an activity log/m,
    );

    // An explicit policy that needs only the deals runs on the deals alone.
    expect((await folio(['check', dir, ...when, '--fail-on', 'invalid,golden'])).code).toBe(0);
  });

  it('does not pass dossier on a clients file with no dossier-review column', async () => {
    const clients = 'Company,Wants,Can buy\nAlpha,yes,yes\nBravo,yes,no\n';
    const dir = folder({ 'deals.csv': DEALS, 'activities.csv': activities(), 'clients.csv': clients });
    const r = await folio(['check', dir, ...when, '--fail-on', 'dossier']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `rule dossier needs a dossier-review date column: ${join(dir, 'clients.csv')} has none; map one with --clients-map dossier=HEADER`,
    );
    // With the column the rule runs over the five key clients of the deals: Alpha reviewed on
    // 2026-10-01 (due 2027-01-01, after as-of); Bravo's cell empty; the other three not in the file.
    const reviewed = folder({
      'deals.csv': DEALS,
      'activities.csv': activities(),
      'clients.csv': 'Company,Wants,Can buy,Dossier reviewed\nAlpha,yes,yes,2026-10-01\nBravo,yes,no,\n',
    });
    const ok = await folio(['check', reviewed, ...when, '--fail-on', 'dossier', '--json']);
    expect(ok.code, ok.stderr).toBe(1);
    expect(
      OUTPUT_SCHEMAS.check
        .parse(json(ok))
        .result.findings.filter((f) => f.rule === 'dossier')
        .map((f) => f.client)
        .sort(),
    ).toEqual(['Bravo', 'Charlie', 'Delta', 'Echo']);
  });

  it('counts overload from the leads only when --max-leads gives a limit', async () => {
    const dir = folder({
      'leads.csv':
        'Deal Name,Company,Amount,Expected Close Date,Deal Stage,Deal Owner\nL1,Acme,100.00,2026-12-01,Proposal,Olga Petrova\nL2,Beta,200.00,2026-12-02,Proposal,Olga Petrova\n',
    });
    const without = await folio(['check', dir, ...when, '--fail-on', 'overload']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain(
      'rule overload needs a deals export (key clients per manager) or --max-leads N (open leads per manager)',
    );
    // Two open leads on Olga, more than 1.
    const r = await folio(['check', dir, ...when, '--fail-on', 'overload', '--max-leads', '1', '--json']);
    expect(r.code, r.stderr).toBe(1);
    expect(OUTPUT_SCHEMAS.check.parse(json(r)).result.findings).toMatchObject([
      { rule: 'overload', manager: 'Olga Petrova', details: '2 open leads, more than 1' },
    ]);
  });
});

describe('overload counts key clients per manager', () => {
  const dir = folder({ 'deals.csv': DEALS });

  it('fails with --fail-on overload, naming the manager and the clients; --max-key-clients moves the limit', async () => {
    const r = await folio(['check', dir, ...when, '--fail-on', 'overload', '--json']);
    expect(r.code, r.stderr).toBe(1);
    const findings = OUTPUT_SCHEMAS.check.parse(json(r)).result.findings.filter((f) => f.rule === 'overload');
    expect(findings).toMatchObject([
      {
        rule: 'overload',
        manager: 'Olga Petrova',
        details: '4 key clients, more than 3: Alpha, Bravo, Charlie, Delta',
      },
    ]);
    // Olga's 4 key clients are within a limit of 4.
    expect((await folio(['check', dir, ...when, '--fail-on', 'overload', '--max-key-clients', '4'])).code).toBe(0);
    expect(
      (await folio(['check', dir, ...when, '--fail-on', 'overload'], { env: { FOLIO_MAX_KEY_CLIENTS: '4' } })).code,
    ).toBe(0);
  });

  it('does not pass on deals without a manager column: nothing to count per manager', async () => {
    // The same deals with the owner column cut off (as in exports that carry no manager).
    const bare = folder({
      'deals.csv': DEALS.split('\n')
        .map((l) => l.split(',').slice(0, 5).join(','))
        .join('\n'),
    });
    const r = await folio(['check', bare, ...when, '--fail-on', 'overload']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `rule overload needs a manager column: ${join(bare, 'deals.csv')} has none; map one with --deals-map manager=HEADER`,
    );
    const e = OUTPUT_SCHEMAS.check.parse(
      json(await folio(['check', bare, ...when, '--fail-on', 'overload', '--allow-missing', '--json'])),
    );
    expect(e.result.skipped.map((x) => x.rule)).toEqual(['overload']);
    expect(e.result.summary.find((x) => x.rule === 'overload')?.skipped).toBe(true);
  });

  it('is honoured by report too', async () => {
    const load = async (args: string[]) =>
      OUTPUT_SCHEMAS.report
        .parse(json(await folio(['report', dir, ...when, '--json', ...args])))
        .result.share?.managers.find((m) => m.manager === 'Olga Petrova')?.overloaded;
    expect(await load([])).toBe(true);
    expect(await load(['--max-key-clients', '4'])).toBe(false);
  });
});

describe('concentration bands are a setting', () => {
  const dir = folder({ 'deals.csv': DEALS });
  const deals = join(dir, 'deals.csv');
  const band = async (command: 'share' | 'report', args: string[], env: Record<string, string> = {}) => {
    const r = await folio(
      command === 'share'
        ? ['share', deals, '--period', '2026-10', '--json', ...args]
        : ['report', dir, ...when, '--json', ...args],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    const result = json<{
      result: {
        portfolio?: { band: string; keyShare: number };
        share?: { portfolio: { band: string; keyShare: number } };
      };
    }>(r).result;
    return (result.portfolio ?? result.share?.portfolio)?.band;
  };

  it('moves the band of the same portfolio (key share 90 %) by flag, config file and environment', async () => {
    expect(await band('share', [])).toBe('mono'); // 90 > 75
    expect(await band('share', ['--bands', '30,55,95'])).toBe('elevated'); // 55 < 90 ≤ 95
    expect(await band('share', ['--bands', '30,55,90'])).toBe('elevated'); // exactly 90 is not above 90
    expect(await band('share', ['--bands', '92,94,96'])).toBe('low'); // below 92
    expect(await band('report', ['--bands', '80,95,99'])).toBe('normal'); // 80 ≤ 90 ≤ 95
    expect(await band('share', [], { FOLIO_BANDS: '30,55,95' })).toBe('elevated');
    const config = join(dir, 'folio.config.json');
    writeFileSync(config, JSON.stringify({ thresholds: { bands: [92, 94, 96] } }));
    expect(await band('share', ['--config', config])).toBe('low');
    // Precedence: the environment over the file, the flag over both.
    expect(await band('share', ['--config', config], { FOLIO_BANDS: '30,55,95' })).toBe('elevated');
    expect(await band('share', ['--config', config, '--bands', '30,55,75'], { FOLIO_BANDS: '30,55,95' })).toBe('mono');
  });

  it('feeds the mono rule of check and the advice', async () => {
    expect((await folio(['check', dir, ...when, '--fail-on', 'mono'])).code).toBe(1);
    expect((await folio(['check', dir, ...when, '--fail-on', 'mono', '--bands', '30,55,95'])).code).toBe(0);
    expect((await folio(['share', deals, '--period', '2026-10', '--bands', '30,50,80'])).stdout).toContain(
      'Key clients hold more than 80% of revenue',
    );
  });

  it('reports the bands in the JSON, as fractions like every share (schema 2)', async () => {
    const e = OUTPUT_SCHEMAS.share.parse(
      json(await folio(['share', deals, '--period', '2026-10', '--json', '--bands', '20,40,60', '--key', '12.3'])),
    );
    expect(e.schemaVersion).toBe(2);
    // --key 12.3 is 0.123 exactly as JSON prints it (12.3 / 100 would print 0.12300000000000001).
    expect(e.result.thresholds).toEqual({
      golden: 0.5,
      critical: 0.2,
      key: 0.123,
      bands: { normal: 0.2, elevated: 0.4, mono: 0.6 },
      maxKeyClients: 3,
    });
  });
});

describe('one percent check for flags, environment and config file', () => {
  const deals = join(folder({ 'deals.csv': DEALS }), 'deals.csv');
  const configDir = mkdtempSync(join(tmpdir(), 'folio-gate-config-'));
  const config = (thresholds: Record<string, unknown>): string => {
    const file = join(configDir, `${Object.values(thresholds).join('-')}.json`);
    writeFileSync(file, JSON.stringify({ thresholds }));
    return file;
  };
  const share = async (args: string[], env: Record<string, string> = {}) =>
    await folio(['share', deals, '--period', '2026-10', ...args], { env });

  it.each([0, 100, -5, 150])('refuses %s as --key, FOLIO_KEY and thresholds.key alike', async (p) => {
    const flag = await share(['--key', String(p)]);
    const env = await share([], { FOLIO_KEY: String(p) });
    const file = await share(['--config', config({ key: p })]);
    for (const r of [flag, env, file]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('a percentage above 0 and below 100');
    }
  });

  it('accepts a value just inside the bounds everywhere', async () => {
    // key 0.5 %: every client is key or above; the class of Foxtrot (10 %) shows it.
    for (const r of [
      await share(['--key', '0.5', '--json']),
      await share(['--json'], { FOLIO_KEY: '0.5' }),
      await share(['--json', '--config', config({ key: 0.5 })]),
    ]) {
      expect(r.code, r.stderr).toBe(0);
      expect(
        json<{ result: { clients: { client: string; class: string }[] } }>(r).result.clients.find(
          (c) => c.client === 'Foxtrot',
        )?.class,
      ).toBe('key');
    }
  });

  it.each([['30,55'], ['55,30,75'], ['0,55,75'], ['30,55,100']])(
    'refuses bands %s by flag, environment and config file',
    async (text) => {
      const list = text.split(',').map(Number);
      for (const r of [
        await share(['--bands', text]),
        await share([], { FOLIO_BANDS: text }),
        await share(['--config', config({ bands: list })]),
      ]) {
        expect(r.code).toBe(2);
        // Every layer names the same rule (in the message or the hint).
        expect(r.stderr).toMatch(/percentages? above 0 and below 100/);
      }
    },
  );
});

describe('folio schema shows the new fields', () => {
  type Props = { properties: Record<string, Props & { required?: string[] }> };
  const schema = async (name: string) => JSON.parse((await folio(['schema', name])).stdout) as Props;

  it('check: summary[].skipped and result.skipped; share: thresholds.bands and maxKeyClients; config: thresholds.bands', async () => {
    const check = (await schema('check')).properties.result;
    expect(check?.required).toContain('skipped');
    expect(Object.keys((check?.properties.summary as unknown as { items: Props }).items.properties)).toContain(
      'skipped',
    );
    const thresholds = (await schema('share')).properties.result?.properties.thresholds;
    expect(Object.keys(thresholds?.properties ?? {})).toEqual(['golden', 'critical', 'key', 'bands', 'maxKeyClients']);
    expect(Object.keys((await schema('config')).properties.thresholds?.properties ?? {})).toContain('bands');
  });
});
