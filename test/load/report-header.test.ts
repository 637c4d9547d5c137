import { describe, expect, it } from 'vitest';
import type { MergedRange } from '../../src/io/cells.js';
import { HtmlRows } from '../../src/io/html-table.js';
import { joinedHeader } from '../../src/load/table-source.js';

describe('a header over two lines, joined by column', () => {
  const top = ['Менеджер', 'Контрагент', 'Продажи', ''];
  const bottom = ['', '', 'Количество', 'Сумма'];

  it('puts a label merged across columns above each sub-label under it', () => {
    // Line 4: A4:A5 and B4:B5 merged down, C4:D4 across (0-based columns 2..3).
    const merges = [
      { top: 4, bottom: 5, left: 0, right: 0 },
      { top: 4, bottom: 5, left: 1, right: 1 },
      { top: 4, bottom: 4, left: 2, right: 3 },
    ];
    expect(joinedHeader(top, bottom, 4, merges)).toEqual([
      'Менеджер',
      'Контрагент',
      'Продажи - Количество',
      'Продажи - Сумма',
    ]);
    // Without the merges known, the empty top cell gives the sub-label alone.
    expect(joinedHeader(top, bottom, 4, [])).toEqual(['Менеджер', 'Контрагент', 'Продажи - Количество', 'Сумма']);
    // A merge that starts on another line is not this header's.
    expect(joinedHeader(top, bottom, 4, [{ top: 3, bottom: 4, left: 2, right: 3 }])[3]).toBe('Сумма');
  });

  it('leaves a label spanning two columns with nothing under them on its first column only', () => {
    // "Клиент" drawn over B:C (a wide column), no sub-labels: C stays unnamed, never a second "Клиент".
    expect(
      joinedHeader(['Дата', 'Клиент', '', 'Сумма'], ['', '', '', ''], 1, [{ top: 1, bottom: 1, left: 1, right: 2 }]),
    ).toEqual(['Дата', 'Клиент', '', 'Сумма']);
  });
});

describe('merged cells of an HTML table', () => {
  it('records a colspan as a merged range of its row, so a two-line header joins as in a workbook', () => {
    const merges: MergedRange[] = [];
    const rows: string[][] = [];
    const html = new HtmlRows('t.xls', 1 << 20, (fields) => rows.push([...fields]), merges);
    html.push(
      '<table><tr><th>Клиент</th><th colspan="2">Продажи</th></tr><tr><th></th><th>Количество</th><th>Сумма</th></tr></table>',
    );
    html.end();
    expect(merges).toEqual([{ top: 1, bottom: 1, left: 1, right: 2 }]);
    expect(joinedHeader(rows[0] as string[], rows[1] as string[], 1, merges)).toEqual([
      'Клиент',
      'Продажи - Количество',
      'Продажи - Сумма',
    ]);
  });
});
