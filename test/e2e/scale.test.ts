import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The benchmark's own seeded generator, so the test reads the same shape of data as bench/.
// @ts-expect-error -- a plain .mjs script without types
import { generate } from '../../bench/generate.mjs';
import { folio, json } from './run-cli.js';

const ROWS = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'folio-scale-'));
const files = { en: join(dir, 'deals-en.csv'), ru: join(dir, 'deals-ru.csv') };

beforeAll(async () => {
  for (const [lang, file] of Object.entries(files))
    await (generate as (k: string, l: string, n: number, o: NodeJS.WritableStream) => Promise<void>)(
      'deals',
      lang,
      ROWS,
      createWriteStream(file),
    );
}, 60_000);

/**
 * Totals computed independently of folio's reader: split on the known delimiter, keep the
 * won rows, and add amounts as integer cents with BigInt.
 */
function expected(lang: 'en' | 'ru'): { total: bigint; byClient: Map<string, bigint>; rows: number } {
  const bytes = readFileSync(files[lang]);
  const text = lang === 'ru' ? new TextDecoder('windows-1251').decode(bytes) : bytes.toString('utf8');
  const lines = text
    .split('\r\n')
    .slice(1)
    .filter((l) => l !== '');
  const won = lang === 'ru' ? 'Успешно реализовано' : 'Won';
  const byClient = new Map<string, bigint>();
  let total = 0n;
  for (const line of lines) {
    const [, client, amount, status] = line.split(lang === 'ru' ? ';' : ',') as [string, string, string, string];
    if (status !== won) continue;
    const cents = BigInt(amount.replace(/[\u00a0.,]/g, ''));
    total += cents;
    byClient.set(client, (byClient.get(client) ?? 0n) + cents);
  }
  return { total, byClient, rows: lines.length };
}

const asNumber = (cents: bigint): number => Number(`${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`);

describe(`folio share on ${ROWS.toLocaleString('en')} generated rows`, () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`matches an independent sum to the cent (${lang})`, async () => {
      const want = expected(lang);
      const r = await folio(['share', files[lang], '--json']);
      expect(r.code, r.stderr).toBe(0);
      const e = json<{
        inputs: { rows: number }[];
        result: { total: number; clients: { client: string; revenue: number }[] };
      }>(r);
      expect(e.inputs[0]?.rows).toBe(want.rows);
      expect(e.result.total).toBe(asNumber(want.total));
      expect(e.result.clients).toHaveLength(want.byClient.size);
      for (const c of e.result.clients.slice(0, 50))
        expect(c.revenue, c.client).toBe(asNumber(want.byClient.get(c.client) ?? -1n));
    }, 60_000);
  }
});
