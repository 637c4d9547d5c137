import { describe, expect, it } from 'vitest';
import { StatusClassifier } from '../../src/normalize/status.js';

describe('StatusClassifier', () => {
  const s = new StatusClassifier();
  it.each([
    ['Won', 'won'],
    ['Closed Won', 'won'],
    ['closedwon', 'won'],
    ['Оплачено', 'won'],
    ['«Успешно реализовано»', 'won'],
    ['Сделка успешна', 'won'],
    ['Выиграна', 'won'],
    ['  PAID ', 'won'],
    ['Closed Lost', 'lost'],
    ['Cancelled', 'lost'],
    ['Закрыто и не реализовано', 'lost'],
    ['Сделка провалена', 'lost'],
    ['Отменено', 'lost'],
    ['Negotiation', 'open'],
    ['', 'open'],
  ])('%s is %s', (raw, kind) => {
    expect(s.classify(raw)).toBe(kind);
  });

  it('adds user statuses to the defaults and counts open spellings', () => {
    const c = new StatusClassifier(['Resolved'], ['Disputed']);
    expect(c.classify('resolved')).toBe('won');
    expect(c.classify('Disputed')).toBe('lost');
    expect(c.classify('Won')).toBe('won');
    c.classify('On Hold');
    c.classify('On Hold');
    expect(c.openValues.get('On Hold')).toBe(2);
  });
});
