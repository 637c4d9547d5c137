import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envelopeSchema, shareResultSchema } from '../../src/schema/envelope.js';
import { folio, json } from './run-cli.js';

const shareEnvelope = envelopeSchema('share', shareResultSchema);

async function run(args: string[]) {
  const r = await folio([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return json<{
    inputs: { rows: number; used: number; totals: number }[];
    warnings: { code: string; message: string }[];
    result: Record<string, unknown>;
  }>(r);
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'folio-totals-')), name);
  writeFileSync(path, text);
  return path;
}

describe('totals and subtotals rows (e2e)', () => {
  it('leaves out a 1C-style Итого and the subtotals per manager; Total Wine & More stays a client', async () => {
    const r = await folio(['share', 'fixtures/deals-ru-1c-totals.csv', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = shareEnvelope.parse(json(r));
    // Worked by hand: 500 000 + 250 000 + 400 000 + 600 000 = 1 750 000, the figure the
    // file's own Итого states; counting the three totals rows too would give 5 250 000.
    expect(e.result.total).toBe(1_750_000);
    expect(e.result.clients.map((c) => [c.client, c.revenue])).toEqual([
      ['Total Wine & More', 600_000],
      ['ООО Ромашка', 500_000],
      ['ООО Север', 400_000],
      ['АО Вектор', 250_000],
    ]);
    expect(e.inputs[0]).toMatchObject({ rows: 7, used: 4, totals: 3, skipped: 0 });
    const w = e.warnings.find((x) => x.code === 'TOTALS_ROWS');
    expect(w?.message).toBe(
      'fixtures/deals-ru-1c-totals.csv: 3 totals or subtotals row(s) left out, never a client (line 4, 7, 8); their amounts agree with the won rows above them',
    );
  });

  it('inspect shows the totals rows it left out', async () => {
    const r = await folio(['inspect', 'fixtures/deals-ru-1c-totals.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Totals rows \(left out\) +3 \(line 4, 7, 8\)/);
    expect(r.stdout).not.toMatch(/^ +[478] +Итого/m);
  });

  it('says by how much a totals row differs from the rows above it', async () => {
    // Rows 2–3 sum to 300; the subtotal says 310 (10 apart); the grand total 300 agrees with all rows.
    const file = tempFile('deals.csv', 'Client,Amount\nAcme,100\nGlobex,200\nSubtotal,310\nGrand total,300\n');
    const e = await run(['share', file]);
    expect(e.inputs[0]).toMatchObject({ rows: 4, used: 2, totals: 2 });
    expect(e.warnings.find((x) => x.code === 'TOTALS_ROWS')?.message).toContain(
      '1 of 2 agree with the won rows above them; line 4 says 310, the won rows above it sum to 300 (10 apart)',
    );
  });

  it('leaves out totals rows of a clients file, a leads file and an activity log too', async () => {
    const clients = tempFile('clients.csv', 'Client,Want,Can\nAcme,yes,yes\nИтого:,1,1\n');
    const m = await run(['matrix', clients]);
    expect(m.inputs[0]).toMatchObject({ rows: 2, used: 1, totals: 1 });
    expect((m.result.clients as { client: string }[]).map((c) => c.client)).toEqual(['Acme']);
    expect(m.warnings.map((x) => x.code)).toContain('TOTALS_ROWS');

    // No client column: the first cell tells.
    const leads = tempFile(
      'leads.csv',
      'Lead,Amount,Expected close\nPipes,1000,2026-11-10\nTotal for November,1000,\n',
    );
    const l = await run(['leads', leads, '--as-of', '2026-11-01']);
    expect(l.inputs[0]).toMatchObject({ rows: 2, used: 1, totals: 1 });

    // An activity log's totals row has no date: without the rule it would be a bad row (exit 2).
    const activities = tempFile('activities.csv', 'Date,Client,Outcome\n2026-10-20,Acme,positive\nВсего: 1,,\n');
    const c = await run(['cadence', activities, '--key-client', 'Acme', '--as-of', '2026-10-25']);
    expect(c.inputs[0]).toMatchObject({ rows: 2, totals: 1, skipped: 0 });
  });
});
