import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryContext } from '../helpers/memory-context.js';

// Fuzz the whole reader: thousands of mutated fixtures (bytes flipped, cut, duplicated,
// quotes and delimiters inserted) through `folio share` in-process. Every run must end in a
// result (0) or an input error (2), never an internal error (70) or a hang. Seeded.
const FIXTURES = [
  'deals-en-hubspot.csv',
  'deals-ru-amocrm-1251.csv',
  'deals-bitrix24-products.csv',
  'deals-excel-utf16le.txt',
  'activities-en-salesforce.csv',
];
const seeds = FIXTURES.map((f) => readFileSync(join('fixtures', f)));
const dir = mkdtempSync(join(tmpdir(), 'folio-fuzz-'));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('"', '""', ';', ',', '\n', '\r', '\t', '\u0000', '\u00a0', '€', '1,5', '-', '('),
  }),
);

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string };

function mutate(bytes: Buffer, steps: Mutation[]): Buffer {
  let out = Buffer.from(bytes);
  for (const m of steps) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'flip') out[at] = m.value;
    else if (m.kind === 'cut') out = out.subarray(0, at);
    else if (m.kind === 'duplicate')
      out = Buffer.concat([out.subarray(0, at), out.subarray(at, at + m.length), out.subarray(at)]);
    else out = Buffer.concat([out.subarray(0, at), Buffer.from(m.text), out.subarray(at)]);
  }
  return out;
}

const context = (): ReturnType<typeof memoryContext> => memoryContext();

describe('fuzzing the reader', () => {
  it('ends every mutated export in a result or exit 2, never a crash', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(seeds.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom([], ['--skip-invalid'], ['--period', '2026-Q3']),
        async (which, steps, extra) => {
          const file = join(dir, `f${n++ % 8}.csv`);
          writeFileSync(file, mutate(seeds[which] as Buffer, steps));
          const ctx = context();
          const code = await main(['node', 'folio', 'share', file, '--json', ...extra], ctx);
          expect([0, 2], ctx.err()).toContain(code);
          if (code === 2) expect(ctx.err()).toMatch(/^folio: /);
        },
      ),
      // 800 runs (about 6 s) in the suite; FOLIO_FUZZ_RUNS=20000 for a deeper search before a release.
      { seed: 20261123, numRuns: Number(process.env.FOLIO_FUZZ_RUNS ?? 800) },
    );
    expect(readdirSync(dir).length).toBeLessThanOrEqual(8);
  }, 180_000);
});
