import { describe, expect, it } from 'vitest';
import { analyzeLeads, type LeadInput } from '../../src/analyses/leads.js';
import { dayNumber } from '../../src/normalize/dates.js';
import { leadReasonText } from '../../src/present/messages/cells.js';

const asOf = dayNumber(2026, 11, 1);
const lead = (name: string, amount: number | null, close: number | null, manager = ''): LeadInput => ({
  lead: name,
  client: '',
  amount:
    amount === null ? null : { whole: Math.trunc(amount), micro: Math.round((amount - Math.trunc(amount)) * 1e6) },
  expectedClose: close === null ? null : asOf + close,
  daysFromAsOf: null,
  manager,
});
const options = { asOf, fastDays: 30, big: null, maxLeads: null };

describe('analyzeLeads', () => {
  it('puts exactly 30 days in fast and 31 in slow; overdue is fast', () => {
    const r = analyzeLeads([lead('d30', 10, 30), lead('d31', 10, 31), lead('late', 10, -1)], {
      ...options,
      big: { whole: 100, micro: 0 },
    });
    const group = Object.fromEntries(r.leads.map((l) => [l.lead, [l.group, l.overdue, l.daysToClose]]));
    expect(group).toEqual({
      d30: ['fast-small', false, 30],
      d31: ['slow-small', false, 31],
      late: ['fast-small', true, -1],
    });
  });

  it('puts an amount exactly at the big threshold in big', () => {
    const r = analyzeLeads([lead('at', 500, 5), lead('below', 499.99, 5)], {
      ...options,
      big: { whole: 500, micro: 0 },
    });
    expect(r.leads.map((l) => [l.lead, l.group])).toEqual([
      ['at', 'fast-big'],
      ['below', 'fast-small'],
    ]);
  });

  it('takes the mean of the two middle amounts as the median of an even count', () => {
    // 100, 200, 301, 1000: median (200 + 301) / 2 = 250.5; 200 is small, 301 big.
    const r = analyzeLeads([lead('a', 100, 1), lead('b', 200, 1), lead('c', 301, 1), lead('d', 1000, 1)], options);
    expect(r.thresholds).toEqual({ big: 250.5, bigSource: 'median', fastDays: 30 });
    expect(r.leads.map((l) => [l.lead, l.group])).toEqual([
      ['d', 'fast-big'],
      ['c', 'fast-big'],
      ['b', 'fast-small'],
      ['a', 'fast-small'],
    ]);
  });

  it('ranks by group, then larger amount, earlier close and name; unclassified last with reasons', () => {
    const r = analyzeLeads(
      [
        lead('x-slow-big', 900, 100),
        lead('b', 50, 10),
        lead('a', 50, 10),
        lead('early', 50, 2),
        lead('no date', 70, null),
        lead('no amount', null, 3),
        lead('fb', 1000, 5),
      ],
      { ...options, big: { whole: 500, micro: 0 } },
    );
    expect(r.leads.map((l) => [l.lead, l.priority])).toEqual([
      ['fb', 1],
      ['early', 2],
      ['a', 2],
      ['b', 2],
      ['x-slow-big', 3],
      ['no date', null],
      ['no amount', null],
    ]);
    // The analysis says what is missing (a null amount); the words are the present layer's.
    const unclassified = r.leads.find((l) => l.lead === 'no amount');
    expect(unclassified && leadReasonText(unclassified, 'en')).toBe('no amount');
    expect(r.groups.find((g) => g.group === 'fast-small')).toEqual({ group: 'fast-small', count: 3, amount: 150 });
  });

  it('counts leads per manager, sums their amounts per group, and flags the overloaded', () => {
    const r = analyzeLeads(
      [lead('1', 10, 1, 'Ann'), lead('2', 10, 50, 'Ann'), lead('3', 10, 1, 'Bob'), lead('4', 10.25, 2, 'Ann')],
      { ...options, maxLeads: 1 },
    );
    // All amounts are at least the median (10), so every lead is big; a close 50 days out is slow.
    // Ann: fast-big 10 + 10.25 = 20.25, slow-big 10; Bob: fast-big 10.
    expect(r.managers).toEqual([
      {
        manager: 'Ann',
        leads: 3,
        groups: { 'fast-big': 2, 'fast-small': 0, 'slow-big': 1, 'slow-small': 0, unclassified: 0 },
        amounts: { 'fast-big': 20.25, 'fast-small': 0, 'slow-big': 10, 'slow-small': 0, unclassified: 0 },
        overloaded: true,
      },
      {
        manager: 'Bob',
        leads: 1,
        groups: { 'fast-big': 1, 'fast-small': 0, 'slow-big': 0, 'slow-small': 0, unclassified: 0 },
        amounts: { 'fast-big': 10, 'fast-small': 0, 'slow-big': 0, 'slow-small': 0, unclassified: 0 },
        overloaded: false,
      },
    ]);
  });
});
