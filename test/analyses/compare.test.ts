import { describe, expect, it } from 'vitest';
import { compareShares } from '../../src/analyses/compare.js';
import { RevenueLedger } from '../../src/analyses/ledger.js';
import { analyzeShare, DEFAULT_SHARE_OPTIONS } from '../../src/analyses/share.js';

function shares(rows: [string, number][]) {
  const l = new RevenueLedger();
  for (const [client, whole] of rows) l.add(client, '', whole, 0);
  return analyzeShare(l.clients.values(), DEFAULT_SHARE_OPTIONS);
}

describe('compareShares with net refunds', () => {
  it('reads a client whose net turned negative as no longer key, and keeps it out of the top clients', () => {
    // Before: A 500 (50%: critical), B 300 (30%: critical), C 200 (20%: key). Now: A 700, B -100, C 300:
    // base 1000, A 70% golden, C 30% critical, B no share.
    const previous = shares([
      ['A', 500],
      ['B', 300],
      ['C', 200],
    ]);
    const current = shares([
      ['A', 700],
      ['B', 200],
      ['B', -300],
      ['C', 300],
    ]);
    const c = compareShares(current, previous);
    expect(c.classChanges).toEqual([
      { client: 'A', from: 'critical', to: 'golden' },
      { client: 'C', from: 'key', to: 'critical' },
      { client: 'B', from: 'critical', to: null },
    ]);
    expect(c.topClients.map((t) => [t.client, t.share, t.previousShare])).toEqual([
      ['A', 0.7, 0.5],
      ['C', 0.3, 0.2],
    ]);
    expect(c.newClients).toEqual([]);
    expect(c.lostClients).toEqual([]);
  });
});
