import { isKeyClass, type RevenueClass, type ShareResult } from './share.js';

/** `from`/`to` null: the client was absent from that period, or had no share there (net refund). */
export interface ClassChange {
  client: string;
  from: RevenueClass | null;
  to: RevenueClass | null;
}

/** `previousShare` and `change` null: the client had no share before (new, or refunds outweighed its sales). */
export interface ShareChange {
  client: string;
  share: number;
  previousShare: number | null;
  change: number | null;
}

export interface Comparison {
  /** Clients whose class changed, to or from one of the upper classes. */
  classChanges: ClassChange[];
  newClients: string[];
  lostClients: string[];
  /** The top clients of the current period and how their shares moved. */
  topClients: ShareChange[];
  keyShare: { current: number; previous: number; change: number };
  hhi: { current: number; previous: number; change: number };
}

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * This period against the previous one: who became or stopped being key, critical or
 * golden, who is new and who was lost, how the top shares, key share and HHI moved. Pure.
 * A previous period without revenue is no comparison at all (the caller says why), never a
 * comparison with zeros.
 */
export function compareShares(current: ShareResult, previous: ShareResult, top = 5): Comparison {
  // Both periods' ledgers name each client alike (one `ClientNames` per run): a name is the client.
  const before = new Map(previous.clients.map((c) => [c.client, c]));
  const now = new Map(current.clients.map((c) => [c.client, c]));
  const classChanges: ClassChange[] = [];
  for (const c of current.clients) {
    const was = before.get(c.client);
    const from = was?.class ?? null;
    if (from !== c.class && (isKeyClass(c.class) || isKeyClass(from)))
      classChanges.push({ client: c.client, from, to: c.class });
  }
  for (const c of previous.clients) {
    if (!now.has(c.client) && isKeyClass(c.class)) classChanges.push({ client: c.client, from: c.class, to: null });
  }
  const newClients = current.clients.filter((c) => !before.has(c.client)).map((c) => c.client);
  const lostClients = previous.clients.filter((c) => !now.has(c.client)).map((c) => c.client);
  const topClients: ShareChange[] = [];
  for (const c of current.clients.slice(0, top)) {
    // Clients without a share (net refunds) are ranked last: none of them is a top client.
    if (c.share === null) break;
    // A client without a share before is not compared with a zero: it is new (or was a net refund).
    const previousShare = before.get(c.client)?.share ?? null;
    topClients.push({
      client: c.client,
      share: c.share,
      previousShare,
      change: previousShare === null ? null : round(c.share - previousShare, 12),
    });
  }
  const prevKey = previous.portfolio.keyShare;
  const prevHhi = previous.portfolio.hhi;
  return {
    classChanges,
    newClients,
    lostClients,
    topClients,
    keyShare: {
      current: current.portfolio.keyShare,
      previous: prevKey,
      change: round(current.portfolio.keyShare - prevKey, 12),
    },
    hhi: { current: current.portfolio.hhi, previous: prevHhi, change: round(current.portfolio.hhi - prevHhi, 2) },
  };
}
