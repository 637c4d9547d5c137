import { describe, expect, it } from 'vitest';
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
