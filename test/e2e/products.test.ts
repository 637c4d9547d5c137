import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envelopeSchema, shareResultSchema } from '../../src/schema/envelope.js';
import { folio, json } from './run-cli.js';

const FIXTURE = 'fixtures/deals-bitrix24-no-products.csv';
const shareEnvelope = envelopeSchema('share', shareResultSchema);

function tempFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'folio-products-')), 'deals.csv');
  writeFileSync(path, text);
  return path;
}

const HEADER = 'ID;Компания;Стадия сделки;Сумма;Товар;Цена;Количество\n';

describe('Bitrix24 deals with and without product rows (e2e)', () => {
  it('takes price × quantity on product rows and the deal amount, once per deal, on rows without products', async () => {
    const r = await folio(['share', FIXTURE, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const e = shareEnvelope.parse(json(r));
    // Worked by hand:
    //   ООО Альфа: deal 20 products 250,01 × 50 = 12 500,50 and 99,90 × 10 = 999,00; deal 23 no products 1 000,50 → 14 500,00
    //   ООО Бета: deal 21 no products 7 300,25 (on two lines, one per contact: once); deal 25 500,00 × 2,5 = 1 250,00 → 8 550,25
    //   ООО Гамма: deal 22 no products 4 000,00
    //   total 27 050,25; deals 24 and 26 are lost (26 without products and without amount: no error).
    expect(e.result.total).toBe(27_050.25);
    expect(e.result.clients.map((c) => [c.client, c.revenue])).toEqual([
      ['ООО Альфа', 14_500],
      ['ООО Бета', 8_550.25],
      ['ООО Гамма', 4_000],
    ]);
    expect(e.inputs[0]).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      rows: 9,
      used: 6,
      excluded: { status: 2 },
      folded: 1,
      skipped: 0,
    });
    expect(e.warnings.map((w) => w.code)).toContain('DEAL_AMOUNT_ONCE');
  });

  it('refuses, located, a product row with some of product, price and quantity empty', async () => {
    const file = tempFile(`${HEADER}1;Альфа;Сделка успешна;100;Кабель;;2\n`);
    const r = await folio(['share', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:2:6: Цена "": no price`);
    expect(r.stderr).toContain(
      'hint: a product row needs product, price and quantity; leave all three empty for a deal without products',
    );
    const noProduct = await folio(['share', tempFile(`${HEADER}1;Альфа;Сделка успешна;100;;50;2\n`)]);
    expect(noProduct.code).toBe(2);
    expect(noProduct.stderr).toMatch(/:2:5: Товар "": no product on a row with a price or quantity/);
  });

  it('refuses an empty product row when there is no amount column, and says how to map one', async () => {
    const file = tempFile('ID;Компания;Товар;Цена;Количество\n1;Альфа;Кабель;50;2\n2;Бета;;;\n');
    const r = await folio(['share', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /:3:3: Товар "": no product, price or quantity, and no amount column to take the deal amount from/,
    );
    expect(r.stderr).toContain('hint: map the deal amount with --map amount=HEADER');
  });

  it('refuses a deal without products that appears again with another amount', async () => {
    const r = await folio([
      'share',
      tempFile(`${HEADER}7;Альфа;Сделка успешна;100;;;\n7;Альфа;Сделка успешна;120;;;\n`),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /:3:4: Сумма "120": deal 7 has no product rows and appears again with a different amount \(first on line 2\)/,
    );
  });

  it('counts a deal without products once with --no-fold too', async () => {
    const e = shareEnvelope.parse(json(await folio(['share', FIXTURE, '--no-fold', '--json'])));
    expect(e.result.total).toBe(27_050.25);
  });
});
