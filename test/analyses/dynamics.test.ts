import { describe, expect, it } from 'vitest';
import {
  analyzeDynamics,
  DEFAULT_DYNAMICS,
  dynamicsWindow,
  type ClientDynamics,
  type DynamicsOptions,
} from '../../src/analyses/dynamics.js';
import { DealHistory } from '../../src/analyses/history.js';
import { DEFAULT_SHARE_OPTIONS } from '../../src/analyses/share.js';
import { dayNumber, formatDay } from '../../src/normalize/dates.js';
import { FolioError } from '../../src/folio-error.js';

// As of 1 December 2026 the window is December 2025 – November 2026 (12 full months before).
const AS_OF = dayNumber(2026, 12, 1);
const OPTIONS: DynamicsOptions = { ...DEFAULT_DYNAMICS, share: DEFAULT_SHARE_OPTIONS };

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, d);
};

/** Whole amounts, and cents where a test needs them (`12.5`). */
function history(
  deals: [client: string, iso: string, amount: number, manager?: string, discounted?: boolean][],
): DealHistory {
  const h = new DealHistory(dynamicsWindow(AS_OF, 12));
  for (const [client, iso, amount, manager = 'Olga', discounted = false] of deals) {
    const whole = Math.trunc(amount);
    h.add(client, manager, day(iso), whole, Math.round((amount - whole) * 1e6), discounted);
  }
  return h;
}

const byName = (clients: ClientDynamics[], name: string): ClientDynamics => {
  const c = clients.find((x) => x.client === name);
  if (!c) throw new Error(`no ${name}`);
  return c;
};

/** A deal on the 15th of each month of the window with these amounts, oldest first. */
function monthly(client: string, amounts: number[]): [string, string, number][] {
  return amounts.map((a, i) => {
    const month = ((11 + i) % 12) + 1;
    const year = i === 0 ? 2025 : 2026;
    return [client, `${year}-${String(month).padStart(2, '0')}-15`, a];
  });
}

describe('the window', () => {
  it('is the 12 full months before the month of as-of', () => {
    const w = dynamicsWindow(AS_OF, 12);
    expect([formatDay(w.from), formatDay(w.to)]).toEqual(['2025-12-01', '2026-11-30']);
    const three = dynamicsWindow(day('2026-03-10'), 3);
    expect([formatDay(three.from), formatDay(three.to)]).toEqual(['2025-12-01', '2026-02-28']);
  });

  it('counts the deals of its first and last day, and none of the day before or of as-of, whose orders still count for the rhythm', () => {
    const r = analyzeDynamics(
      history([
        ['Edge', '2025-11-30', 1000],
        ['Edge', '2025-12-01', 10],
        ['Edge', '2026-11-30', 20],
        ['Edge', '2026-12-01', 500],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    const c = byName(r.clients, 'Edge');
    // 10 + 20 in the window; the 1000 before and the 500 on as-of are outside it.
    expect(c.revenue).toBe(30);
    expect(c.monthly).toEqual([10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20]);
    // Four order dates, the first before the window, the last on as-of itself.
    expect([c.orders, c.firstOrder, c.lastOrder, c.daysSinceLast]).toEqual([4, '2025-11-30', '2026-12-01', 0]);
    expect(r.window).toEqual({ from: '2025-12-01', to: '2026-11-30' });
  });

  it('a deal after as-of is no order yet', () => {
    const r = analyzeDynamics(
      history([
        ['Late', '2026-06-01', 100],
        ['Late', '2026-12-05', 100],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    expect(byName(r.clients, 'Late').orders).toBe(1);
  });

  it('no revenue in the window is an error with its id', () => {
    const run = (): unknown => analyzeDynamics(history([['Old', '2024-01-10', 100]]), AS_OF, OPTIONS, true);
    expect(run).toThrow(FolioError);
    try {
      run();
    } catch (e) {
      expect((e as FolioError).says?.id).toBe('NO_WINDOW_REVENUE');
    }
  });
});

describe('ABC: the cumulative share counted with the client', () => {
  it('a cumulative share of exactly 80% is A, exactly 95% is B, beyond is C', () => {
    // 50 + 30 = 80 of 100 (A, A); + 15 = 95 (B); + 5 = 100 (C).
    const r = analyzeDynamics(
      history([
        ['P', '2026-05-01', 50],
        ['Q', '2026-05-01', 30],
        ['R', '2026-05-01', 15],
        ['S', '2026-05-01', 5],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    expect(r.clients.map((c) => [c.client, c.abc])).toEqual([
      ['P', 'A'],
      ['Q', 'A'],
      ['R', 'B'],
      ['S', 'C'],
    ]);
  });

  it('exactly, in millionths: 80.000001% is B', () => {
    // 80.000001 of 100: one millionth over the bound.
    const r = analyzeDynamics(
      history([
        ['P', '2026-05-01', 50],
        ['Q', '2026-05-01', 30.000001],
        ['R', '2026-05-01', 19.999999],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    expect(r.clients.map((c) => c.abc)).toEqual(['A', 'B', 'C']);
  });

  it('the first client is A even when it alone passes 80%; ties go by name', () => {
    const r = analyzeDynamics(
      history([
        ['Big', '2026-05-01', 90],
        ['b2', '2026-05-01', 5],
        ['B1', '2026-05-01', 5],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    // 90% → A; B1 (name order) 95% → B; b2 100% → C.
    expect(r.clients.map((c) => [c.client, c.abc])).toEqual([
      ['Big', 'A'],
      ['B1', 'B'],
      ['b2', 'C'],
    ]);
  });

  it('the bounds are configurable', () => {
    const r = analyzeDynamics(
      history([
        ['P', '2026-05-01', 50],
        ['Q', '2026-05-01', 30],
        ['R', '2026-05-01', 20],
      ]),
      AS_OF,
      { ...OPTIONS, abc: { a: 50, b: 80 } },
      true,
    );
    expect(r.clients.map((c) => c.abc)).toEqual(['A', 'B', 'C']);
  });
});

describe('XYZ: population CV of the 12 monthly revenues', () => {
  const half = (hi: number, lo: number): number[] => [hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo];
  // Six months at 100 + d and six at 100 − d: mean 100, population standard deviation d, CV d%.
  it.each([
    [110, 90, 'X', 0.1],
    [111, 89, 'Y', 0.11],
    [125, 75, 'Y', 0.25],
    [126, 74, 'Z', 0.26],
  ])('%d/%d by month: %s (CV %d)', (hi, lo, xyz, cv) => {
    const r = analyzeDynamics(history(monthly('M', half(hi, lo))), AS_OF, OPTIONS, true);
    const c = byName(r.clients, 'M');
    expect(c.xyz).toBe(xyz);
    expect(c.cv).toBeCloseTo(cv, 9);
  });

  it('months without a purchase count as 0; revenue in one month only is Z', () => {
    // One month of 120 among 12: mean 10, variance (110² + 11 × 10²) / 12 = 1100, CV √1100 / 10 = 3.3166.
    const r = analyzeDynamics(history([['One', '2026-03-03', 120]]), AS_OF, OPTIONS, true);
    const c = byName(r.clients, 'One');
    expect(c.xyz).toBe('Z');
    expect(c.cv).toBeCloseTo(Math.sqrt(1100) / 10, 6);
  });

  it('a steady client of two months only is Z by its CV, not by the two-month rule', () => {
    // 60, 60 and ten zeros: mean 10, variance (2 × 50² + 10 × 10²) / 12 = 500, CV 2.236.
    const r = analyzeDynamics(
      history([
        ['Two', '2026-03-03', 60],
        ['Two', '2026-04-03', 60],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    expect(byName(r.clients, 'Two').cv).toBeCloseTo(Math.sqrt(500) / 10, 6);
    expect(byName(r.clients, 'Two').xyz).toBe('Z');
  });
});

describe('rhythm and dormancy', () => {
  it('a one-order client is dormant after more than 60 days: exactly 60 is not', () => {
    // As of 1 Dec: 2 Oct is 60 days before, 1 Oct 61.
    const r = analyzeDynamics(
      history([
        ['Sixty', '2026-10-02', 100],
        ['SixtyOne', '2026-10-01', 100],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    expect([byName(r.clients, 'Sixty').daysSinceLast, byName(r.clients, 'Sixty').dormant]).toEqual([60, false]);
    expect([byName(r.clients, 'SixtyOne').daysSinceLast, byName(r.clients, 'SixtyOne').dormant]).toEqual([61, true]);
    expect(byName(r.clients, 'Sixty').medianIntervalDays).toBeNull();
    // At risk: the dormant client's window revenue.
    expect(r.atRisk).toBe(100);
  });

  it('dormant after more than twice the median interval: on the threshold is not', () => {
    // Median interval 40: threshold max(2 × 40, 60) = 80 days. On: the last order 80 days
    // before 1 Dec (12 Sep); over: 81 days (11 Sep).
    const on = [
      ['On', '2026-07-24', 10],
      ['On', '2026-08-03', 10],
      ['On', '2026-09-12', 10],
    ] as [string, string, number][];
    const over = [
      ['Over', '2026-07-23', 10],
      ['Over', '2026-08-02', 10],
      ['Over', '2026-09-11', 10],
    ] as [string, string, number][];
    const r = analyzeDynamics(
      history([...on, ['On', '2026-06-14', 10], ...over, ['Over', '2026-06-13', 10]]),
      AS_OF,
      OPTIONS,
      true,
    );
    // On: 14 Jun, 24 Jul, 3 Aug, 12 Sep → intervals 40, 10, 40 → median 40.
    const a = byName(r.clients, 'On');
    expect([a.medianIntervalDays, a.daysSinceLast, a.dormant]).toEqual([40, 80, false]);
    const b = byName(r.clients, 'Over');
    expect([b.medianIntervalDays, b.daysSinceLast, b.dormant]).toEqual([40, 81, true]);
  });

  it('an even count of intervals takes the mean of the middle two; factor and floor are configurable', () => {
    // 1 Sep, 11 Sep, 21 Oct: intervals 10 and 40, median 25; 41 days since 21 Oct.
    const deals: [string, string, number][] = [
      ['C', '2026-09-01', 10],
      ['C', '2026-09-11', 10],
      ['C', '2026-10-21', 10],
    ];
    const base = analyzeDynamics(history(deals), AS_OF, OPTIONS, true);
    expect([byName(base.clients, 'C').medianIntervalDays, byName(base.clients, 'C').dormant]).toEqual([25, false]);
    // Floor 30 and factor 1.5: threshold max(37.5, 30); 41 > 37.5.
    const strict = analyzeDynamics(history(deals), AS_OF, { ...OPTIONS, dormantDays: 30, dormantFactor: 1.5 }, true);
    expect(byName(strict.clients, 'C').dormant).toBe(true);
  });

  it('lost after more than 365 days without an order, still listed when it bought in the first month', () => {
    // 30 Nov 2025 → 1 Dec 2026 is 366 days, but before the window; 1 Dec 2025 is 365 days: in the window, not lost.
    const r = analyzeDynamics(
      history([
        ['Gone', '2025-12-01', 10],
        ['Gone', '2025-11-20', 10],
        ['Other', '2026-11-01', 10],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    expect([
      byName(r.clients, 'Gone').daysSinceLast,
      byName(r.clients, 'Gone').lost,
      byName(r.clients, 'Gone').dormant,
    ]).toEqual([365, false, true]);
  });
});

describe('refunds', () => {
  it('are netted into the revenue and are no order', () => {
    const r = analyzeDynamics(
      history([
        ['R', '2026-03-10', 100],
        ['R', '2026-04-10', -30],
        ['S', '2026-03-10', 30],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    const c = byName(r.clients, 'R');
    expect([c.revenue, c.orders, c.lastOrder]).toEqual([70, 1, '2026-03-10']);
    expect(c.monthly.slice(3, 5)).toEqual([100, -30]);
    // 70 of 100.
    expect(c.share).toBeCloseTo(0.7, 12);
  });

  it('a client whose refunds outweigh its window sales has no share, ABC or XYZ and comes last', () => {
    const r = analyzeDynamics(
      history([
        ['Back', '2025-10-10', 500],
        ['Back', '2026-02-10', -200],
        ['Fine', '2026-02-10', 100],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    const c = byName(r.clients, 'Back');
    expect([c.revenue, c.share, c.abc, c.xyz, c.cv, c.orders]).toEqual([-200, null, null, null, null, 1]);
    expect(r.clients.map((x) => x.client)).toEqual(['Fine', 'Back']);
    expect(r.total).toBe(100);
  });
});

describe('stage', () => {
  it('new, one-off, occasional, regular and partner', () => {
    const deals: [string, string, number][] = [
      // First order 89 days before as-of (3 Sep): new; 90 days (2 Sep) and a single order: one-off.
      ['New', '2026-09-03', 10],
      ['OneOff', '2026-09-02', 10],
      // Two orders, two months: occasional.
      ['Occ', '2026-02-02', 10],
      ['Occ', '2026-05-02', 10],
      // Orders in 6 of the 12 months, first in the window: regular, not partner.
      ...['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05', '2026-05-05', '2026-06-05'].map(
        (d): [string, string, number] => ['Reg', d, 10],
      ),
      // Every month, and a first order on 1 Dec 2025 (exactly 12 months before as-of): the largest, key: partner.
      ...monthly('Partner', [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]).map(
        ([c, d, a], i): [string, string, number] => [c, i === 0 ? '2025-12-01' : d, a],
      ),
    ];
    const r = analyzeDynamics(history(deals), AS_OF, OPTIONS, true);
    expect(Object.fromEntries(r.clients.map((c) => [c.client, c.stage]))).toEqual({
      New: 'new',
      OneOff: 'one-off',
      Occ: 'occasional',
      Reg: 'regular',
      Partner: 'partner',
    });
    expect(byName(r.clients, 'Partner').class).toBe('golden');
  });

  it('X or Y with at least 4 orders is regular even in fewer than 6 months', () => {
    // With --months 4: four months of 100 each → CV 0 (X), 4 orders in 4 months.
    const r = analyzeDynamics(
      history([
        ['Q', '2026-08-10', 100],
        ['Q', '2026-09-10', 100],
        ['Q', '2026-10-10', 100],
        ['Q', '2026-11-10', 100],
        ['Q', '2026-01-10', 1],
      ]),
      AS_OF,
      { ...OPTIONS, months: 4 },
      true,
    );
    expect([byName(r.clients, 'Q').xyz, byName(r.clients, 'Q').stage]).toEqual(['X', 'regular']);
  });

  it('price-driven only with a discount column: most orders discounted', () => {
    const h = history([
      ['Promo', '2026-02-10', 10, 'Olga', true],
      ['Promo', '2026-05-10', 10, 'Olga', true],
      ['Promo', '2026-08-10', 10, 'Olga', false],
      ['Half', '2026-02-10', 10, 'Olga', true],
      ['Half', '2026-05-10', 10, 'Olga', false],
    ]);
    expect(analyzeDynamics(h, AS_OF, OPTIONS, true).clients.map((c) => c.stage)).toEqual(['occasional', 'occasional']);
    h.discountsKnown = true;
    const r = analyzeDynamics(h, AS_OF, OPTIONS, true);
    // 2 of 3 orders discounted: most; 1 of 2: not most.
    expect([byName(r.clients, 'Promo').stage, byName(r.clients, 'Half').stage]).toEqual(['price-driven', 'occasional']);
  });
});

describe('grid and managers', () => {
  it('nine cells with counts and revenue; managers by the clients they carry, 40% exactly is not over the limit', () => {
    const r = analyzeDynamics(
      history([
        ['P', '2026-05-01', 40, 'Olga'],
        ['Q', '2026-05-01', 35, 'Ivan'],
        ['Q', '2026-06-01', 5, 'Olga'],
        ['R', '2026-05-01', 20, 'Ivan'],
        ['S', '2026-05-01', 5, ''],
      ]),
      AS_OF,
      OPTIONS,
      true,
    );
    // Of 105: 40 + 40 = 80 is 76.2% (A, A); + 20 = 95.2% (C); + 5 = 100% (C).
    expect(r.clients.map((c) => c.abc)).toEqual(['A', 'A', 'C', 'C']);
    expect(r.grid.find((g) => g.abc === 'A' && g.xyz === 'Z')).toEqual({ abc: 'A', xyz: 'Z', clients: 2, revenue: 80 });
    expect(r.grid).toHaveLength(9);
    // Q's carrier is Ivan (35 of its 40); Ivan holds Q and R: 60 of 105.
    expect(byName(r.clients, 'Q').manager).toBe('Ivan');
    expect(byName(r.clients, 'S').manager).toBeNull();
    expect(r.managers.map((m) => [m.manager, m.revenue, m.clients, m.overLimit])).toEqual([
      ['Ivan', 60, 2, true],
      ['Olga', 40, 1, false],
    ]);
    // Key clients (share > 10%): P, Q, R; key revenue 100, Ivan's 60.
    expect(r.managers[0]?.keyShare).toBeCloseTo(0.6, 12);
    const exact = analyzeDynamics(
      history([
        ['P', '2026-05-01', 40, 'Olga'],
        ['Q', '2026-05-01', 60, 'Ivan'],
      ]),
      AS_OF,
      { ...OPTIONS, maxManagerShare: 60 },
      true,
    );
    expect(exact.managers.map((m) => m.overLimit)).toEqual([false, false]);
  });

  it('without a manager column no manager figures', () => {
    const r = analyzeDynamics(history([['P', '2026-05-01', 40, 'Olga']]), AS_OF, OPTIONS, false);
    expect([r.managers, r.managersKnown, r.clients[0]?.manager]).toEqual([[], false, null]);
  });
});
