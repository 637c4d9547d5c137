import { describe, expect, it } from 'vitest';
import { analyzeMatrix, quadrantOf } from '../../src/analyses/matrix.js';
import { readFlag } from '../../src/normalize/flags.js';

describe('want/can matrix', () => {
  it('places the four types and unclassified', () => {
    expect(quadrantOf(true, true)).toBe('want_can');
    expect(quadrantOf(true, false)).toBe('want_only');
    expect(quadrantOf(false, true)).toBe('can_only');
    expect(quadrantOf(false, false)).toBe('neither');
    expect(quadrantOf(null, true)).toBe('unclassified');
  });

  it('orders by effort, then revenue, then name; counts and sums revenue exactly; flags key clients at risk', () => {
    const r = analyzeMatrix(
      [
        { client: 'Z', want: false, can: true, class: 'key', revenueMicros: 100_000_000n },
        { client: 'B', want: true, can: true, class: 'regular', revenueMicros: 100_000n },
        { client: 'A', want: true, can: true, class: 'regular', revenueMicros: 100_000n },
        { client: 'C', want: true, can: true, class: 'golden', revenueMicros: 200_000n },
        { client: 'N', want: false, can: false, class: 'regular', revenueMicros: 0n },
        { client: 'U', want: null, can: true, reason: 'want: empty' },
      ],
      true,
    );
    expect(r.clients.map((c) => c.client)).toEqual(['C', 'A', 'B', 'Z', 'N', 'U']);
    expect(r.counts).toEqual({ want_can: 3, want_only: 0, can_only: 1, neither: 1, unclassified: 1 });
    // 0.2 + 0.1 + 0.1 in exact millionths is 0.4, not 0.4000000000000001
    expect(r.revenue?.want_can).toBe(0.4);
    expect(r.atRisk).toEqual(['Z']);
  });
});

describe('readFlag', () => {
  it.each([
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['1', true],
    ['+', true],
    ['x', true],
    ['✓', true],
    ['да', true],
    ['Д', true],
    ['есть', true],
    ['no', false],
    ['n', false],
    ['false', false],
    ['0', false],
    ['-', false],
    ['нет', false],
    ['н', false],
  ])('%s is %s', (raw, value) => {
    expect(readFlag(raw, null)).toBe(value);
  });

  it('tells missing, unreadable and scores apart', () => {
    expect(readFlag('  ', null)).toBe('missing');
    expect(readFlag('maybe', null)).toBe('unreadable');
    expect(readFlag('7', null)).toBe('score');
    expect(readFlag('7', 7)).toBe(true);
    expect(readFlag('6,9', 7)).toBe(false);
    expect(readFlag('да', 7)).toBe(true);
  });
});
