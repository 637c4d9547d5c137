import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RevenueLedger } from '../../src/analyses/ledger.js';
import { analyzeShare, DEFAULT_SHARE_OPTIONS } from '../../src/analyses/share.js';
import { thrownMessage } from '../helpers/said.js';

/** A ledger from [client, amount in cents, manager] rows. */
function ledger(rows: [string, number, string?][]): RevenueLedger {
  const l = new RevenueLedger();
  for (const [client, cents, manager = ''] of rows) {
    const whole = Math.trunc(cents / 100);
    l.add(client, manager, whole, (cents - whole * 100) * 10_000);
  }
  return l;
}

const share = (l: RevenueLedger, options = DEFAULT_SHARE_OPTIONS) => analyzeShare(l.clients.values(), options);

describe('analyzeShare', () => {
  it('classifies by strict thresholds: exactly 10% is not key, just over is', () => {
    // 100.00 of 1000.00 is exactly 10%; 100.01 of 1000.01 is just over.
    const exact = share(
      ledger([
        ['Ten', 10_000],
        ['Rest', 90_000],
      ]),
    );
    expect(exact.clients.find((c) => c.client === 'Ten')?.class).toBe('regular');
    const over = share(
      ledger([
        ['Ten', 10_001],
        ['Rest', 90_000],
      ]),
    );
    expect(over.clients.find((c) => c.client === 'Ten')?.class).toBe('key');
    // exactly 20% and 50% stay in the class below
    const r = share(
      ledger([
        ['A', 50_000],
        ['B', 20_000],
        ['C', 30_000],
      ]),
    );
    expect(r.clients.map((c) => [c.client, c.class])).toEqual([
      ['A', 'critical'],
      ['C', 'critical'],
      ['B', 'key'],
    ]);
  });

  it('sums without binary drift: ten times 0.10 is 1.00', () => {
    const rows: [string, number][] = Array.from({ length: 10 }, () => ['A', 10]);
    const r = share(ledger([...rows, ['B', 900]]));
    expect(r.total).toBe(10);
    expect(r.clients.find((c) => c.client === 'A')?.revenue).toBe(1);
  });

  it('nets refunds and merges spellings of one client', () => {
    const r = share(
      ledger([
        ['Acme', 100_000],
        ['  ACME  ', -20_000],
        ['«Beta»', 20_000],
        ['"beta"', 0],
      ]),
    );
    expect(r.clients).toHaveLength(2);
    expect(r.clients[0]).toMatchObject({ client: 'Acme', revenue: 800, rank: 1 });
    expect(r.clients[1]).toMatchObject({ client: '«Beta»', revenue: 200, rank: 2 });
  });

  it('computes the portfolio figures (worked by hand)', () => {
    // Revenues 600, 250, 90, 60 of 1000: shares 60%, 25%, 9%, 6%.
    const r = share(
      ledger([
        ['A', 60_000],
        ['B', 25_000],
        ['C', 9_000],
        ['D', 6_000],
      ]),
    );
    expect(r.clients.map((c) => c.class)).toEqual(['golden', 'critical', 'regular', 'regular']);
    expect(r.clients.map((c) => c.cumulativeShare)).toEqual([0.6, 0.85, 0.94, 1]);
    // key share 85% > 75%: mono; HHI = 60² + 25² + 9² + 6² = 3600 + 625 + 81 + 36 = 4342
    expect(r.portfolio).toEqual({
      clients: 4,
      shareBase: 1000,
      keyClients: 2,
      keyShare: 0.85,
      band: 'mono',
      top1: 0.6,
      top5: 1,
      hhi: 4342,
    });
  });

  it('puts keyShare in its band at the edges: 30% is normal, 55% normal, 75% elevated', () => {
    const band = (key: number) =>
      share(
        ledger([
          ['K', key * 100],
          ...Array.from({ length: 20 }, (_, i): [string, number] => [`r${i}`, ((100 - key) * 100) / 20]),
        ]),
      ).portfolio.band;
    expect(band(29)).toBe('low');
    expect(band(30)).toBe('normal');
    expect(band(55)).toBe('normal');
    expect(band(56)).toBe('elevated');
    expect(band(75)).toBe('elevated');
    expect(band(76)).toBe('mono');
  });

  it('orders ties by name, and takes the manager who brought most revenue', () => {
    const r = share(
      ledger([
        ['b', 500, 'Ann'],
        ['a', 500, 'Bob'],
        ['c', 300, 'Ann'],
        ['c', 200, 'Bob'],
        ['c', 150, 'Bob'],
      ]),
    );
    expect(r.clients.map((c) => c.client)).toEqual(['c', 'a', 'b']);
    expect(r.clients[0]?.manager).toBe('Bob');
  });

  it('warns about a manager with more key clients than allowed', () => {
    const rows: [string, number, string][] = ['A', 'B', 'C', 'D'].map((c) => [c, 2_000, 'Ann']);
    const r = share(ledger([...rows, ['E', 2_000, 'Bob']]));
    expect(r.managers[0]).toEqual({ manager: 'Ann', keyClients: 4, clients: ['A', 'B', 'C', 'D'], overloaded: true });
    expect(r.managers[1]?.overloaded).toBe(false);
  });

  it('refuses when no client has positive net revenue', () => {
    expect(() =>
      share(
        ledger([
          ['A', -100],
          ['B', 0],
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: 'NON_POSITIVE_TOTAL' }));
    expect(
      thrownMessage(() =>
        share(
          ledger([
            ['A', -100],
            ['B', 0],
          ]),
        ),
      ),
    ).toMatch(/no client has a positive net revenue \(the net total is -1\)/);
    expect(thrownMessage(() => share(ledger([])))).toMatch(/no won deal/);
  });

  it('takes shares of the positive clients when refunds make one net negative (worked by hand)', () => {
    // Nets: A 600, B 300, C 100, D 0, E -500 → net total 500, share base 600 + 300 + 100 = 1000.
    // Of the net total B alone would be 60% and A 120%; of the base A is 60%, B 30%, C exactly 10% (not key).
    const r = share(
      ledger([
        ['A', 60_000],
        ['B', 30_000],
        ['C', 10_000],
        ['D', 20_000],
        ['D', -20_000],
        ['E', 100_000],
        ['E', -150_000],
      ]),
    );
    expect(r.total).toBe(500);
    expect(r.clients.map((c) => [c.client, c.rank, c.share, c.cumulativeShare, c.class])).toEqual([
      ['A', 1, 0.6, 0.6, 'golden'],
      ['B', 2, 0.3, 0.9, 'critical'],
      ['C', 3, 0.1, 1, 'regular'],
      ['D', 4, null, null, null],
      ['E', 5, null, null, null],
    ]);
    // HHI = 60² + 30² + 10² = 4600; key share (A + B) 90%: mono.
    expect(r.portfolio).toEqual({
      clients: 5,
      shareBase: 1000,
      keyClients: 2,
      keyShare: 0.9,
      band: 'mono',
      top1: 0.6,
      top5: 1,
      hhi: 4600,
    });
  });

  it('never gives a share, cumulative share, key share, top-1 or top-5 above 100% (random signed revenues)', () => {
    const rows = fc.array(
      fc.tuple(
        fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G'),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
      ),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(rows, (entries) => {
        const l = ledger(entries);
        const nets = [...l.clients.values()].map((c) => c.revenue.toMicros());
        if (!nets.some((n) => n > 0n)) {
          expect(() => share(l)).toThrow(expect.objectContaining({ code: 'NON_POSITIVE_TOTAL' }));
          return;
        }
        const r = share(l);
        const fractions = [r.portfolio.keyShare, r.portfolio.top1, r.portfolio.top5];
        for (const c of r.clients) {
          if (c.revenue > 0) fractions.push(c.share as number, c.cumulativeShare as number);
          else expect([c.share, c.cumulativeShare, c.class]).toEqual([null, null, null]);
        }
        for (const f of fractions) expect(f >= 0 && f <= 1, String(f)).toBe(true);
        // Clients without a share come last; the last with one closes the cumulative at exactly 1.
        const firstNull = r.clients.findIndex((c) => c.share === null);
        if (firstNull >= 0) expect(r.clients.slice(firstNull).every((c) => c.share === null)).toBe(true);
        expect(r.clients.filter((c) => c.cumulativeShare !== null).at(-1)?.cumulativeShare).toBe(1);
        expect(r.portfolio.hhi).toBeLessThanOrEqual(10_000);
      }),
      { seed: 20261125, numRuns: 1000 },
    );
  });

  it('honours custom thresholds', () => {
    const r = share(
      ledger([
        ['A', 1_500],
        ['B', 8_500],
      ]),
      { ...DEFAULT_SHARE_OPTIONS, key: 12.5 },
    );
    expect(r.clients.find((c) => c.client === 'A')?.class).toBe('key');
  });
});
