import { describe, expect, it } from 'vitest';
import {
  dealReach,
  FunnelContacts,
  funnelResult,
  FunnelTally,
  normalQuantile,
  StageSteps,
  weakestStep,
  wilsonUpper,
  zOf,
} from '../../src/analyses/funnel.js';
import { dayNumber } from '../../src/normalize/dates.js';

const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y as number, m as number, d as number);
};

// The independent figures below come from Python's standard library:
//   python3 -c "from statistics import NormalDist; print(NormalDist().inv_cdf(0.95))"
//   python3 -c "from statistics import NormalDist as N; from math import sqrt; z=N().inv_cdf(0.95)
//     up=lambda x,n:(x/n+z*z/(2*n)+z*sqrt(x/n*(1-x/n)/n+z*z/(4*n*n)))/(1+z*z/n); print(up(1,4), up(2,20))"
describe('the normal quantile and the Wilson upper bound', () => {
  it('z of a two-sided 90% interval is 1.6449 (95%: 1.9600), as NormalDist().inv_cdf gives', () => {
    expect(zOf(0.9)).toBeCloseTo(1.6448536269514715, 12);
    expect(zOf(0.95)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.5758293035489, 10);
  });

  it('1 of 4: by hand, p = 0.25, z² = 2.7055, z²/n = 0.6764; centre (0.25 + 0.3382) / 1.6764 = 0.3509, half 1.6449 × √(0.046875 + 0.042271) / 1.6764 = 0.2930: upper 0.6438', () => {
    expect(wilsonUpper(1, 4, zOf(0.9))).toBeCloseTo(0.6438319914014935, 12);
    // Even 0 of 4 reaches z²/n / (1 + z²/n) = 0.6764 / 1.6764 = 0.4035.
    expect(wilsonUpper(0, 4, zOf(0.9))).toBeCloseTo(0.4034786252027045, 12);
  });

  it('2 of 20: p = 0.1, z²/n = 0.1353; centre (0.1 + 0.0676) / 1.1353 = 0.1477, half 1.6449 × √(0.0045 + 0.00169) / 1.1353 = 0.1140: upper 0.2617', () => {
    expect(wilsonUpper(2, 20, zOf(0.9))).toBeCloseTo(0.2616630463268667, 12);
    // At 95% (z = 1.96) the same 2 of 20 reaches 0.3010: above a team's 30%.
    expect(wilsonUpper(2, 20, zOf(0.95))).toBeCloseTo(0.3010336452284872, 12);
  });

  it('all of n is exactly 1 (the formula alone rounds a hair below it)', () => {
    expect(wilsonUpper(1, 1, zOf(0.9))).toBe(1);
    expect(wilsonUpper(7, 7, zOf(0.9))).toBe(1);
  });
});

describe('the weak step', () => {
  const steps = ['consulted', 'met'];
  const z = zOf(0.9);

  it('1 of 4 against a team of 30% is not flagged: its upper bound 0.64 is above 0.30; nor is 0 of 4 (0.40)', () => {
    expect(weakestStep(steps, [4, 1], [100, 30], z)).toBeNull();
    expect(weakestStep(steps, [4, 0], [100, 30], z)).toBeNull();
  });

  it('2 of 20 against a team of 30% is: its upper bound 0.2617 is below 0.30', () => {
    expect(weakestStep(steps, [20, 2], [100, 30], z)).toEqual({
      from: 'consulted',
      to: 'met',
      rate: 0.1,
      teamRate: 0.3,
      upper: wilsonUpper(2, 20, z),
    });
    // At 95% it is within chance (0.3010 ≥ 0.30).
    expect(weakestStep(steps, [20, 2], [100, 30], zOf(0.95))).toBeNull();
  });

  it('a step lower against the team but within chance does not hide one below it beyond chance', () => {
    // 4 of 40 (10%, upper 0.2050) against 30%: beyond chance, relative 0.33. Then 0 of 4 (0%)
    // against 40%: relative 0, but its upper bound 0.4035 is above 0.40, so it is not flagged.
    const w = weakestStep(['consulted', 'met', 'won'], [40, 4, 0], [200, 60, 24], z);
    expect(w).toMatchObject({ from: 'consulted', to: 'met' });
    expect(w?.upper).toBeCloseTo(0.2049905846703814, 12);
  });

  it('of two steps beyond chance, the one lowest against the team', () => {
    // 3 of 30 met (10% against 30%: relative 0.33, upper 0.2255) and 0 of 3 won against the
    // team's 90% (relative 0, upper z²/3 / (1 + z²/3) = 0.9018 / 1.9018 = 0.4742): both beyond chance.
    const w = weakestStep(['consulted', 'met', 'won'], [30, 3, 0], [300, 90, 81], z);
    expect(w).toMatchObject({ from: 'met', to: 'won', rate: 0, teamRate: 0.9 });
  });

  it('of two steps beyond chance, the earlier when it is the lower against the team', () => {
    // 3 of 30 met (relative 0.33) and 1 of 3 won against 90% (relative 0.37, upper 0.75 < 0.9).
    const w = weakestStep(['consulted', 'met', 'won'], [30, 3, 1], [300, 90, 81], z);
    expect(w).toMatchObject({ from: 'consulted', to: 'met' });
  });

  it('no step when the manager or the team has no one at its start', () => {
    expect(weakestStep(steps, [0, 0], [10, 3], z)).toBeNull();
    expect(weakestStep(steps, [0, 0], [0, 0], z)).toBeNull();
  });
});

describe('the funnel by channel', () => {
  // October 2026, as of 23 November. Each client's path worked by hand:
  //   C1 Anna: call 5 Oct, meeting 10 Oct, won 20 Oct                     → won
  //   C2 Anna: meetings 28 Sep and 3 Oct (before its call), call 7 Oct    → consulted only
  //   C3 Boris: a meeting on 12 Oct, never a call                         → not in the funnel
  //   C4: Boris's call 15 Oct, Anna's earlier call 2 Oct (read later); meeting 20 Oct; won
  //       18 Oct, before the meeting                                       → Anna's, met, not won
  //   C5 Boris: call 20 Oct, meeting 25 Oct, no won deal                   → met
  //   C6 Boris: call 30 Sep (before the window), meeting 5 Oct            → not in the funnel
  //   C7 Boris: call 2 Nov (after the window)                             → not in the funnel
  //   C8 (no manager): call 10 Oct                                         → the team's only
  //   C9 Boris: call 30 Oct, meeting 24 Nov and won 25 Nov (after as-of)  → consulted only
  //   C10 Boris: call and meeting on 10 Oct, won on as-of day             → won
  //   C11 Boris: call 12 Oct, meeting 14 Oct, won 30 Nov (after as-of)    → met
  //   C12: Anna's call 3 Oct, then Boris's 8 Oct; meeting 20 Oct          → Anna's, met
  //   C13: Boris's and Anna's calls both on 9 Oct, Boris's row first      → Boris's, consulted only
  // Anna: C1, C2, C4, C12 = 4 consulted, 3 met, 1 won. Boris: C5, C9, C10, C11, C13 = 5, 3, 1.
  // With C8: team 10, 6, 2.
  const contacts = new FunnelContacts({ from: day('2026-10-01'), to: day('2026-10-31') }, day('2026-11-23'));
  const won = new Map<string, number[]>([
    ['c1', [day('2026-10-20')]],
    ['c4', [day('2026-10-18')]],
    ['c9', [day('2026-11-25')]],
    ['c10', [day('2026-11-23')]],
    ['c11', [day('2026-11-30')]],
  ]);
  contacts.call('c1', day('2026-10-05'), 'Anna');
  contacts.meeting('c1', day('2026-10-10'));
  contacts.meeting('c2', day('2026-09-28'));
  contacts.meeting('c2', day('2026-10-03'));
  contacts.call('c2', day('2026-10-07'), 'Anna');
  contacts.meeting('c3', day('2026-10-12'));
  contacts.call('c4', day('2026-10-15'), 'Boris');
  contacts.call('c4', day('2026-10-02'), 'Anna');
  contacts.meeting('c4', day('2026-10-20'));
  contacts.call('c5', day('2026-10-20'), 'Boris');
  contacts.meeting('c5', day('2026-10-25'));
  contacts.call('c6', day('2026-09-30'), 'Boris');
  contacts.meeting('c6', day('2026-10-05'));
  contacts.call('c7', day('2026-11-02'), 'Boris');
  contacts.call('c8', day('2026-10-10'), '');
  contacts.call('c9', day('2026-10-30'), 'Boris');
  contacts.meeting('c9', day('2026-11-24'));
  contacts.call('c10', day('2026-10-10'), 'Boris');
  contacts.meeting('c10', day('2026-10-10'));
  contacts.call('c11', day('2026-10-12'), 'Boris');
  contacts.meeting('c11', day('2026-10-14'));
  contacts.call('c12', day('2026-10-03'), 'Anna');
  contacts.call('c12', day('2026-10-08'), 'Boris');
  contacts.meeting('c12', day('2026-10-20'));
  contacts.call('c13', day('2026-10-09'), 'Boris');
  contacts.call('c13', day('2026-10-09'), 'Anna');

  const tally = new FunnelTally(['consulted', 'met', 'won']);
  for (const p of contacts.paths((key) => won.get(key) ?? [])) tally.add(p.manager, p.reach);
  const r = funnelResult(tally, {
    confidence: 0.9,
    mode: 'channels',
    asOf: day('2026-11-23'),
    window: contacts.window,
  });

  it('counts each client at every step up to the furthest it reached, under the manager of its first call', () => {
    expect(r.managers.map((m) => [m.manager, m.counts])).toEqual([
      ['Boris', [5, 3, 1]],
      ['Anna', [4, 3, 1]],
    ]);
    expect(r.unassigned.counts).toEqual([1, 0, 0]);
    expect(r.team).toEqual({ counts: [10, 6, 2], rates: [0.6, 2 / 6] });
    expect(r.managers[1]?.rates).toEqual([0.75, 1 / 3]);
    expect(r.window).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('counts the calls of the window and the meetings from its first day to as-of, no others', () => {
    // Calls: C1, C2, C4 ×2, C5, C8, C9, C10, C11, C12 ×2, C13 ×2 = 13 (C6's and C7's fall
    // outside). Meetings from 1 Oct to 23 Nov: C1, C2 (3 Oct), C3, C4, C5, C6 (5 Oct), C10, C11,
    // C12 = 9; 28 Sep and 24 Nov are out.
    expect(contacts.calls).toBe(13);
    expect(contacts.meetings).toBe(9);
  });

  it('no manager is flagged with four or five clients each', () => {
    expect(r.managers.map((m) => m.weakest)).toEqual([null, null]);
  });
});

describe('the tally', () => {
  it('reads one manager under every spelling of the name, shown as first written', () => {
    const t = new FunnelTally(['a', 'b']);
    t.add('Olga Petrova', 1);
    t.add('  olga  petrova ', 0);
    t.add('Ivan', 0);
    expect(t.byManager).toEqual([
      { name: 'Olga Petrova', counts: [2, 1] },
      { name: 'Ivan', counts: [1, 0] },
    ]);
    expect(t.team).toEqual([3, 1]);
  });
});

describe('the stage funnel', () => {
  const steps = new StageSteps(['Первичный контакт', 'Переговоры', 'КП', 'Договор', 'Успешно реализовано']);

  it('matches a stage whatever its case, punctuation and ё; anything else is no step', () => {
    expect(steps.of('ПЕРВИЧНЫЙ КОНТАКТ')).toBe(0);
    expect(steps.of('Успешно  реализовано.')).toBe(4);
    expect(steps.of('КП')).toBe(2);
    expect(steps.of('КП отправлено')).toBe(-1);
    expect(steps.of('Закрыто и не реализовано')).toBe(-1);
  });

  it('places a deal at the furthest of its current stage, its lost-at stage and its stage log', () => {
    const none = { stage: -1, lostAt: -1, logged: -1 };
    expect(dealReach({ ...none, stage: 1, status: 'open' }, 5)).toEqual({ reach: 1, firstOnly: null });
    expect(dealReach({ ...none, stage: 1, logged: 3, status: 'open' }, 5)).toEqual({ reach: 3, firstOnly: null });
    // A lost deal: its lost-at stage, else its log, else the first step only (and said).
    expect(dealReach({ ...none, lostAt: 2, status: 'lost' }, 5)).toEqual({ reach: 2, firstOnly: null });
    expect(dealReach({ ...none, logged: 1, status: 'lost' }, 5)).toEqual({ reach: 1, firstOnly: null });
    expect(dealReach({ ...none, status: 'lost' }, 5)).toEqual({ reach: 0, firstOnly: 'lost' });
    // Won at a stage that is no step: it went through all of them.
    expect(dealReach({ ...none, logged: 1, status: 'won' }, 5)).toEqual({ reach: 4, firstOnly: null });
    // An open stage --stages does not name: the first step only, and said.
    expect(dealReach({ ...none, status: 'open' }, 5)).toEqual({ reach: 0, firstOnly: 'unknown' });
  });
});
