import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../src/io/sniff-delimiter.js';

describe('sniffDelimiter', () => {
  it('picks ; in a file full of decimal commas', () => {
    expect(sniffDelimiter('Клиент;Сумма;Дата\nАльфа;1234,50;01.02.2026\nБета;99,90;02.02.2026\n', true)).toBe(';');
  });
  it('picks , when quoted values hold ;', () => {
    expect(sniffDelimiter('client,note,amount\nA,"x; y; z",1\nB,"p; q",2\n', true)).toBe(',');
  });
  it('picks tab and pipe', () => {
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n', true)).toBe('\t');
    expect(sniffDelimiter('a|b\n1|2\n', true)).toBe('|');
  });
  it('accepts a trailing delimiter on every line (Bitrix24)', () => {
    expect(sniffDelimiter('"ID";"Сумма";\n"1";"10,5";\n"2";"7,25";\n', true)).toBe(';');
  });
  it('finds the table below title and parameter lines', () => {
    // Under the old rule the header was the first line: one field under every delimiter.
    const titled =
      'Отчёт по сделкам за октябрь 2026\nПериод: 01.10.2026 - 31.10.2026\n\nКлиент;Сумма;Дата\nАльфа;1 234,50;01.10.2026\nБета;99,90;02.10.2026\n';
    expect(sniffDelimiter(titled, true)).toBe(';');
    expect(sniffDelimiter('Sales report, October 2026\n\nclient,amount\nA,1\nB,2\nC,3\n', true)).toBe(',');
  });
  it('prefers the table that starts higher when both read evenly', () => {
    // Under , the rows read as two fields each, as evenly as under ;, but from line 2 on.
    expect(sniffDelimiter('Клиент;Сумма\nА;1,5\nБ;2,5\n', true)).toBe(';');
  });
  it('is not outvoted by a short totals row in a ; file with decimal commas', () => {
    // Under ; four of five records have the header's 4 fields; under , the data rows read as
    // 2 fields each, every one agreeing, but from line 2 on: counted, ; has as many and starts higher.
    const totals =
      'Компания;Бюджет;Этап сделки;Дата закрытия\nООО А;1 234,56;Успешно;05.10.2026\nООО Б;2 000,00;Успешно;06.10.2026\nООО В;3 000,50;Успешно;07.10.2026\nИтого;6 235,06\n';
    expect(sniffDelimiter(totals, true)).toBe(';');
  });
  it('falls back to comma for a single column', () => {
    expect(sniffDelimiter('client\nA\nB\n', true)).toBe(',');
  });
});
