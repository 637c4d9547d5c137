import { describe, expect, it } from 'vitest';
import { folio, json } from './run-cli.js';

describe('every HTML chart says what it shows', async () => {
  const html = (await folio(['report', 'fixtures/demo', '--as-of', '2026-11-23', '--format', 'html'])).stdout;
  const charts = [...html.matchAll(/<svg class="chart ([a-z]+)"[^>]*>(<title>[^<]*<\/title>)?/g)];

  it('each is an image named by aria-label and titled with the same words', () => {
    expect(charts.map((m) => m[1])).toEqual([
      'pareto',
      'grid',
      'sparklines',
      'grid',
      'grid',
      'timeline',
      'funnel',
      'funnel',
      'funnel',
      'funnel',
    ]);
    for (const [svg, , title] of charts) {
      expect(svg).toContain('role="img"');
      const label = /aria-label="([^"]+)"/.exec(svg)?.[1];
      expect(label?.length).toBeGreaterThan(20);
      expect(title).toBe(`<title>${label ?? ''}</title>`);
    }
    // The names, in the demo's order (October 2026 as of 23 November): written here, not read from the catalog.
    expect(charts.map(([svg]) => /aria-label="([^"]+)"/.exec(svg)?.[1])).toEqual([
      'Revenue concentration: each client’s share of the period’s revenue, largest first, with the cumulative share and the class thresholds',
      'ABC × XYZ: clients · revenue',
      'Monthly revenue of the key clients over the window',
      'Want/can matrix: clients (and revenue) of each type',
      'Lead groups: count and amount of the leads in each',
      'Contacts with the key clients from 2026-10-01 to 2026-10-31: positive green, negative red',
      // The demo's October calls, by hand from activities.csv: 36 clients called, 11 met, 2 won.
      'Team: consulted 36 → met 11 (30.6%) → won 2 (18.2%)',
      'Anna Kim: consulted 18 → met 2 (11.1%) → won 0 (0.0%); weakest step: consulted → met: 11.1% against the team&#39;s 30.6% (upper bound 28.6%)',
      'Olga Petrova: consulted 10 → met 5 (50.0%) → won 1 (20.0%)',
      'Ivan Sidorov: consulted 8 → met 4 (50.0%) → won 1 (25.0%)',
    ]);
  });

  it('the Pareto chart names its clients, titles every bar and colours it by class', () => {
    const pareto = /<svg class="chart pareto".*?<\/svg>/s.exec(html)?.[0] ?? '';
    // October's eight clients: Tailspin Toys 34.3% and Contoso 21.8% critical, Litware and
    // Fabrikam key, the other four regular (the README's report).
    const bars = [...pareto.matchAll(/<rect class="bar"[^>]* fill="(#[0-9a-f]{6})"><title>([^<]*)<\/title><\/rect>/g)];
    expect(bars.map((b) => b[2])).toEqual([
      'Tailspin Toys: 34.3% (critical)',
      'Contoso Ltd: 21.8% (critical)',
      'Litware: 13.6% (key)',
      'Fabrikam: 11.4% (key)',
      'Lucerne Publishing: 8.3% (regular)',
      'Coho Winery: 6.7% (regular)',
      'Wide World Importers: 2.8% (regular)',
      'Blue Yonder Airlines: 1.0% (regular)',
    ]);
    expect(bars.map((b) => b[1])).toEqual([
      '#c0392b',
      '#c0392b',
      '#1f77b4',
      '#1f77b4',
      '#9aa5b1',
      '#9aa5b1',
      '#9aa5b1',
      '#9aa5b1',
    ]);
    const names = [...pareto.matchAll(/<text class="bar-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    // Up to ten names under the axis, one longer than 18 characters cut at a space.
    expect(names).toEqual([
      'Tailspin Toys',
      'Contoso Ltd',
      'Litware',
      'Fabrikam',
      'Lucerne Publishing',
      'Coho Winery',
      'Wide World…',
      'Blue Yonder…',
    ]);
  });
});

describe('check says which period it checked', () => {
  it('in its table and in Markdown', async () => {
    const args = ['check', 'fixtures/past-month', '--period', '2026-10', '--fail-on', 'none'];
    expect((await folio(args)).stdout).toContain(
      'folio check · passed\n\n  Period  2026-10-01 — 2026-10-31\n  As of   2026-11-01\n',
    );
    expect((await folio([...args, '--format', 'markdown'])).stdout).toContain(
      '- **Period**: 2026-10-01 — 2026-10-31\n- **As of**: 2026-11-01\n',
    );
  });
});

describe('an input error under --format github is an annotation too', () => {
  it('points at the file, line and column, with the hint; stderr says it as always', async () => {
    const run = await folio([
      'check',
      '--deals',
      'fixtures/broken/ambiguous-dates.csv',
      '--fail-on',
      'invalid',
      '--format',
      'github',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      '::error file=fixtures/broken/ambiguous-dates.csv,line=2,col=3,title=folio::Date "03/04/2026": could be day-first or month-first, and no date in the column tells which (hint: say which with --date-format dd/mm/yyyy or --date-format mm/dd/yyyy)\n',
    );
    expect(run.stderr).toContain('folio: fixtures/broken/ambiguous-dates.csv:2:3: Date "03/04/2026"');
  });

  it('a usage error too; without --format github nothing goes to stdout', async () => {
    const usage = await folio(['check', 'fixtures/past-month', '--fail-on', 'nosuch', '--format', 'github']);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toMatch(/^::error title=folio::.*nosuch.*\n$/);
    const plain = await folio(['check', '--deals', 'fixtures/broken/ambiguous-dates.csv', '--fail-on', 'invalid']);
    expect([plain.code, plain.stdout]).toEqual([2, '']);
  });
});

describe('folio config', () => {
  it('keeps every line within 120 characters, wrapping a list without losing an entry', async () => {
    for (const lang of ['en', 'ru']) {
      const lines = (await folio(['config', '--lang', lang])).stdout.split('\n');
      expect(Math.max(...lines.map((l) => l.length)), lang).toBeLessThanOrEqual(120);
    }
    const settings = json<{ result: { settings: { path: string; value: string[] }[] } }>(
      await folio(['config', '--json']),
    ).result.settings;
    const won = settings.find((s) => s.path === 'statuses.won')?.value ?? [];
    // The wrapped lines of statuses.won, joined again, are the list.
    const lines = (await folio(['config'])).stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('  statuses.won '));
    const end = lines.findIndex((l, i) => i > start && /^ {2}\S/.test(l));
    const text = lines
      .slice(start, end)
      .map((l) =>
        l
          .slice(30)
          .replace(/\s+built-in$/, '')
          .trim(),
      )
      .join(' ');
    expect(lines.slice(start, end).length).toBeGreaterThan(1);
    expect(text).toBe(won.join(', '));
  });
});
