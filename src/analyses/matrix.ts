import { microsToNumber } from '../normalize/money.js';
import { compareNames } from './name-order.js';
import { isKeyClass, type RevenueClass } from './share.js';

export const QUADRANTS = ['want_can', 'want_only', 'can_only', 'neither', 'unclassified'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** The seller's task for each type of client (docs/rules.md §4), as a stable code. */
export const TASKS = {
  want_can: 'keep-and-grow',
  want_only: 'help-to-buy',
  can_only: 'remove-reluctance',
  neither: 'stimulate-or-drop',
  unclassified: 'fill-flags',
} as const satisfies Record<Quadrant, string>;
export type Task = (typeof TASKS)[Quadrant];

export interface MatrixInput {
  client: string;
  want: boolean | null;
  can: boolean | null;
  /** Why a flag is unknown, when it is (English, the same under every locale). */
  reason?: string;
  /** The flags that could not be read: empty (`value` null) or a value that is no yes/no. */
  unread?: UnreadFlag[];
  manager?: string;
  segment?: string;
  /** With deals: the revenue class, null for a client whose net is a refund (no share). */
  class?: RevenueClass | null;
  /** Exact revenue in millionths, when deals were given. */
  revenueMicros?: bigint;
}

export interface UnreadFlag {
  flag: 'want' | 'can';
  value: string | null;
}

export interface MatrixClient {
  client: string;
  want: boolean | null;
  can: boolean | null;
  quadrant: Quadrant;
  task: Task;
  reason?: string;
  unread?: UnreadFlag[];
  manager?: string;
  segment?: string;
  class?: RevenueClass | null;
  revenue?: number;
}

export interface MatrixResult {
  clients: MatrixClient[];
  counts: Record<Quadrant, number>;
  /** Revenue per quadrant, when deals were given. */
  revenue: Record<Quadrant, number> | null;
  /** Key (or higher) clients that can but do not want, or neither: the relationship is at risk. */
  atRisk: string[];
}

export function quadrantOf(want: boolean | null, can: boolean | null): Quadrant {
  if (want === null || can === null) return 'unclassified';
  if (want) return can ? 'want_can' : 'want_only';
  return can ? 'can_only' : 'neither';
}

/**
 * The want/can matrix (docs/rules.md §4): each client's quadrant, in the order a seller spends
 * effort; inside a quadrant larger revenue first (when known), then by name.
 */
export function analyzeMatrix(clients: MatrixInput[], withRevenue: boolean): MatrixResult {
  const counts: Record<Quadrant, number> = { want_can: 0, want_only: 0, can_only: 0, neither: 0, unclassified: 0 };
  const sums: Record<Quadrant, bigint> = { want_can: 0n, want_only: 0n, can_only: 0n, neither: 0n, unclassified: 0n };
  const placed = clients.map((c) => ({ input: c, quadrant: quadrantOf(c.want, c.can) }));
  for (const p of placed) {
    counts[p.quadrant]++;
    sums[p.quadrant] += p.input.revenueMicros ?? 0n;
  }
  const order = (q: Quadrant): number => QUADRANTS.indexOf(q);
  const micros = (c: MatrixInput): bigint => c.revenueMicros ?? 0n;
  placed.sort(
    (a, b) =>
      order(a.quadrant) - order(b.quadrant) ||
      (micros(a.input) === micros(b.input)
        ? compareNames(a.input.client, b.input.client)
        : micros(a.input) > micros(b.input)
          ? -1
          : 1),
  );
  const out: MatrixClient[] = placed.map(({ input, quadrant }) => {
    const { revenueMicros, ...rest } = input;
    return {
      ...rest,
      quadrant,
      task: TASKS[quadrant],
      ...(revenueMicros !== undefined ? { revenue: microsToNumber(revenueMicros) } : {}),
    };
  });
  const revenue = withRevenue
    ? (Object.fromEntries(Object.entries(sums).map(([q, m]) => [q, microsToNumber(m)])) as Record<Quadrant, number>)
    : null;
  const atRisk = out
    .filter((c) => isKeyClass(c.class) && (c.quadrant === 'can_only' || c.quadrant === 'neither'))
    .map((c) => c.client);
  return { clients: out, counts, revenue, atRisk };
}

/** The matrix as JSON carries it, with the thresholds that turned scores into flags. */
export type MatrixJson = MatrixResult & { thresholds: { wantMin: number | null; canMin: number | null } };
