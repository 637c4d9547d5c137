import { describe, expect, it } from 'vitest';
import { displayName, nameKey } from '../../src/normalize/text.js';

describe('names', () => {
  it.each([
    ['ООО Ромашка', 'ООО Ромашка'],
    ['  ООО   Ромашка ', 'ООО Ромашка'],
    ['ООО Ромашка ', 'ООО Ромашка'],
    ['Acme\u00a0Corp', 'Acme Corp'],
    ['a\tb', 'a b'],
    ['', ''],
  ])('shows %j as %j', (raw, shown) => {
    expect(displayName(raw)).toBe(shown);
  });

  it('keys spellings of one client alike', () => {
    expect(nameKey('ООО «Ромашка»')).toBe(nameKey('ооо "ромашка" '));
    expect(nameKey('Ёлка')).toBe(nameKey('елка'));
    expect(nameKey('Acme')).not.toBe(nameKey('Acme 2'));
  });
});
