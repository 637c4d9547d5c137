import { TASKS } from '../analyses/matrix.js';
import { z } from 'zod';
import { CHECK_RULES } from '../analyses/check.js';
import { STAGES } from '../analyses/dynamics.js';
import { envelopeSchema, shareResultSchema } from './envelope.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const revenueClass = z.enum(['golden', 'critical', 'key', 'regular']);
const quadrant = z.enum(['want_can', 'want_only', 'can_only', 'neither', 'unclassified']);
const leadGroup = z.enum(['fast-big', 'fast-small', 'slow-big', 'slow-small', 'unclassified']);
const perQuadrant = z.object({
  want_can: z.number(),
  want_only: z.number(),
  can_only: z.number(),
  neither: z.number(),
  unclassified: z.number(),
});

export const matrixResultSchema = z.object({
  clients: z.array(
    z.object({
      client: z.string(),
      want: z.boolean().nullable(),
      can: z.boolean().nullable(),
      quadrant,
      task: z.enum(Object.values(TASKS)).describe("the seller's task for the quadrant, as a code"),
      reason: z.string().optional(),
      unread: z
        .array(z.object({ flag: z.enum(['want', 'can']), value: z.string().nullable() }))
        .optional()
        .describe('the flags that could not be read: empty (value null) or no yes/no'),
      manager: z.string().optional(),
      segment: z.string().optional(),
      class: revenueClass.nullable().optional(),
      revenue: z.number().optional(),
    }),
  ),
  counts: perQuadrant,
  revenue: perQuadrant.nullable(),
  atRisk: z.array(z.string()),
  thresholds: z.object({ wantMin: z.number().nullable(), canMin: z.number().nullable() }),
});

export const leadsResultSchema = z.object({
  asOf: day,
  thresholds: z.object({
    big: z.number().nullable(),
    bigSource: z.enum(['median', 'given']),
    fastDays: z.number().int(),
  }),
  leads: z.array(
    z.object({
      lead: z.string(),
      client: z.string(),
      amount: z.number().nullable(),
      expectedClose: day.nullable(),
      daysToClose: z.number().int().nullable(),
      group: leadGroup,
      priority: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
      overdue: z.boolean(),
      manager: z.string(),
      reason: z.string().optional(),
    }),
  ),
  groups: z.array(z.object({ group: leadGroup, count: z.number().int(), amount: z.number() })),
  managers: z.array(
    z.object({
      manager: z.string(),
      leads: z.number().int(),
      groups: z.record(leadGroup, z.number().int()),
      amounts: z.record(leadGroup, z.number()).describe("the sum of the amounts of the manager's leads in each group"),
      overloaded: z.boolean(),
    }),
  ),
});

export const cadenceResultSchema = z.object({
  asOf: day,
  window: z.object({ from: day, to: day }),
  logFrom: day
    .nullable()
    .describe(
      "the activity log's first day up to as-of (any client's); no gap is counted from before it; null: no activity",
    ),
  thresholds: z.object({
    maxGap: z.number().int(),
    cooloff: z.number().int(),
    dueSoon: z.number().int(),
    dossierMonths: z.number().int(),
  }),
  agenda: z.array(
    z.object({
      client: z.string(),
      manager: z.string().nullable(),
      lastPositive: day.nullable(),
      countedFrom: day
        .nullable()
        .describe("the day nextDue is counted from: the last positive contact, else the log's first day"),
      nextDue: day.nullable(),
      daysUntilDue: z.number().int().nullable(),
      personalAllowed: z.boolean(),
      allowedFrom: day.nullable(),
      cooloffManager: z.string().nullable(),
      status: z
        .enum(['overdue', 'cooling_off', 'due_soon', 'ok', 'unknown'])
        .describe('unknown: the log holds no activity up to as-of'),
    }),
  ),
  violations: z.array(
    z.discriminatedUnion('rule', [
      z.object({
        client: z.string(),
        rule: z.literal('gap'),
        date: day.describe('the day the gap broke the rule; the gap is listed in every window it is in breach during'),
        from: day,
        to: day,
        days: z.number().int(),
        open: z.boolean(),
        fromLogStart: z.boolean().describe("from is the log's first day: no positive contact is known before it"),
      }),
      z.object({
        client: z.string(),
        rule: z.literal('cooloff'),
        date: day,
        negativeDate: day,
        days: z.number().int(),
        manager: z.string().nullable(),
      }),
    ]),
  ),
  dossier: z.array(
    z.object({
      client: z.string(),
      reviewed: day.nullable(),
      dueBy: day.nullable(),
      status: z.enum(['missing', 'stale']),
    }),
  ),
  timeline: z.array(z.object({ client: z.string(), positives: z.array(day), negatives: z.array(day) })),
  keyClients: z.object({
    from: z.array(z.enum(['named', 'all', 'clients-file', '12m', 'period'])),
    classesOver: z.object({ from: day.nullable(), to: day.nullable() }).nullable(),
    names: z.array(z.string()),
  }),
});

const offerRef = {
  client: z.string(),
  offer: z.string().nullable().describe('the offer number; null when the file has none'),
  manager: z.string().nullable(),
  amount: z.number().nullable(),
};

export const offersResultSchema = z.object({
  asOf: day,
  window: z
    .object({ from: day.nullable(), to: day.nullable() })
    .nullable()
    .describe('violations by due day and expired offers by expiry day in this window; null: all up to as-of'),
  thresholds: z.object({ followUpDays: z.number().int(), expiringDays: z.number().int() }),
  holidays: z
    .object({
      country: z.enum(['ru', 'bg']).nullable().describe('the country whose public holidays by law were left out'),
      files: z.array(z.string()).describe('files of days off and working days (--holidays FILE)'),
      fileYears: z.array(z.number().int()).describe('the years the files give days for'),
      yearsWithoutFile: z
        .array(z.number().int())
        .describe('years the follow-up counted business days in that no file covers (warning HOLIDAYS_NOT_COVERED)'),
    })
    .nullable()
    .describe('the calendar of business days; null: public holidays not known, Monday to Friday all count'),
  logFrom: day
    .nullable()
    .describe("the activity log's first day up to as-of; null without a log or when it holds none"),
  followUpChecked: z
    .boolean()
    .describe('false when the follow-up rule checked no offer of the window (see followUpNotChecked)'),
  followUpNotChecked: z
    .enum(['no-log', 'before-log'])
    .nullable()
    .describe('why not: no activity log, or every undecided offer of the window was sent before the log begins'),
  counts: z.object({
    offers: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    undecided: z.number().int(),
    noExpiry: z.number().int(),
    beforeLog: z.number().int().describe('undecided offers sent before the log begins: follow-up not checked'),
    judged: z.number().int().describe('undecided offers whose follow-up was judged: in time, late or due'),
  }),
  violations: z.array(
    z.object({
      ...offerRef,
      sent: day,
      due: day,
      contact: day.nullable().describe('first personal contact after sending (late), or null'),
    }),
  ),
  due: z.array(z.object({ ...offerRef, sent: day, due: day, daysLeft: z.number().int() })),
  expiring: z.array(z.object({ ...offerRef, expires: day, daysLeft: z.number().int() })),
  expired: z.array(z.object({ ...offerRef, sent: day, expires: day, daysAgo: z.number().int() })),
  managers: z.array(
    z.object({
      manager: z.string(),
      sent: z.number().int(),
      followedUp: z.number().int().nullable(),
      late: z.number().int().nullable(),
      expired: z.number().int(),
      expiredAmount: z.number(),
    }),
  ),
  expiredAmount: z.number().describe('money left on the table: the amounts of expired'),
  expiringAmount: z.number(),
});

const funnelFigures = {
  counts: z.array(z.number().int()).describe('clients (or deals) at each step, in the order of steps'),
  rates: z
    .array(z.number().nullable())
    .describe('rates[i] = counts[i + 1] / counts[i]: the rate of each step; null when counts[i] is 0'),
};

export const funnelResultSchema = z.object({
  mode: z.enum(['channels', 'stages']).describe('channels: consulted by phone, met, won; stages: a pipeline by stage'),
  asOf: day,
  window: z
    .object({ from: day.nullable(), to: day.nullable() })
    .nullable()
    .describe('first calls (stages: deals created) in this window; an open end is null; null: every deal'),
  confidence: z.number().describe('of the two-sided Wilson interval that tells a weak step from chance'),
  steps: z.array(z.string()).describe('["consulted","met","won"] (without --deals: no won), or the stages'),
  team: z.object(funnelFigures).describe('every client or deal, the unassigned included'),
  managers: z
    .array(
      z.object({
        manager: z.string(),
        ...funnelFigures,
        weakest: z
          .object({
            from: z.string(),
            to: z.string(),
            rate: z.number(),
            teamRate: z.number(),
            upper: z.number().describe('upper end of the Wilson interval of rate: below teamRate'),
          })
          .nullable()
          .describe('the step furthest below the team beyond chance; null when none is'),
      }),
    )
    .describe('most clients at the first step first'),
  unassigned: z.object(funnelFigures).describe('clients or deals with no manager: in the team only'),
  channels: z
    .object({
      phone: z.array(z.object({ value: z.string(), rows: z.number().int() })),
      meeting: z.array(z.object({ value: z.string(), rows: z.number().int() })),
    })
    .nullable()
    .describe("the log's channel spellings read as calls and face-to-face contacts, with their rows; null by stage"),
});

const abc = z.enum(['A', 'B', 'C']);
const xyz = z.enum(['X', 'Y', 'Z']);

export const dynamicsResultSchema = z.object({
  asOf: day,
  window: z.object({ from: day, to: day }).describe('the full calendar months before the month of as-of'),
  total: z.number().describe("the window's share base: the sum of the clients with positive net revenue"),
  clients: z
    .array(
      z.object({
        client: z.string(),
        revenue: z.number().describe('net won revenue in the window, refunds netted'),
        share: z.number().nullable().describe('of total; null when the net revenue is not positive'),
        abc: abc.nullable(),
        xyz: xyz.nullable(),
        cv: z
          .number()
          .nullable()
          .describe('population standard deviation of the monthly revenues over their mean (0.1 = 10%)'),
        class: revenueClass.nullable().describe('the revenue class over the window (share rules)'),
        monthly: z.array(z.number()).describe("the window's monthly revenues, oldest first"),
        orders: z
          .number()
          .int()
          .describe(
            'order dates (won deals of a positive amount, one per date) up to as-of, history before the window included',
          ),
        firstOrder: day.nullable(),
        lastOrder: day.nullable(),
        medianIntervalDays: z.number().nullable(),
        daysSinceLast: z.number().int().nullable(),
        dormant: z.boolean(),
        lost: z.boolean(),
        stage: z.enum(STAGES).nullable().describe('null: no order up to as-of (only refunds)'),
        manager: z.string().nullable().describe('who brought most of the window revenue'),
      }),
    )
    .describe('in rank order: revenue, largest first, ties by name; clients with no positive revenue last'),
  grid: z.array(z.object({ abc, xyz, clients: z.number().int(), revenue: z.number() })).length(9),
  managers: z
    .array(
      z.object({
        manager: z.string(),
        revenue: z.number(),
        share: z.number(),
        clients: z.number().int(),
        keyClients: z.number().int(),
        keyShare: z.number().describe("of the key clients' revenue"),
        overLimit: z.boolean(),
      }),
    )
    .describe('by revenue; empty without a manager column'),
  sharedClients: z
    .object({ count: z.number().int(), revenue: z.number() })
    .describe('clients several managers sold to in the window, each counted whole under the one who brought most'),
  atRisk: z.number().describe('window revenue of the dormant clients'),
  managersKnown: z.boolean(),
  discountsKnown: z.boolean().describe('false without a discount column: no client is price-driven'),
  currency: z.string().nullable(),
  thresholds: z
    .object({
      months: z.number().int(),
      abc: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]),
      xyz: z.tuple([z.number().min(0), z.number().min(0)]),
      dormantFactor: z.number(),
      dormantDays: z.number().int(),
      maxManagerShare: z.number().min(0).max(1),
      key: z.number().min(0).max(1),
    })
    .describe('bounds and shares as fractions, as every share of the JSON: --abc 80,95 is [0.8, 0.95]'),
});

const comparisonSchema = z.object({
  classChanges: z.array(z.object({ client: z.string(), from: revenueClass.nullable(), to: revenueClass.nullable() })),
  newClients: z.array(z.string()),
  lostClients: z.array(z.string()),
  topClients: z.array(
    z.object({
      client: z.string(),
      share: z.number(),
      previousShare: z.number().nullable().describe('null: no share in the previous period (a new client)'),
      change: z.number().nullable().describe('share − previousShare; null for a client with no share before'),
    }),
  ),
  keyShare: z.object({ current: z.number(), previous: z.number(), change: z.number() }),
  hhi: z.object({ current: z.number(), previous: z.number(), change: z.number() }),
});

export const reportResultSchema = z.object({
  asOf: day,
  asOfSource: z
    .enum(['given', 'period', 'today'])
    .describe('given: --as-of; period: the day after a period that has ended; today: otherwise'),
  period: z.object({ from: day, to: day }),
  previousPeriod: z.object({ from: day, to: day }),
  files: z.array(z.string()),
  share: shareResultSchema.nullable(),
  comparison: comparisonSchema
    .nullable()
    .describe('null without deals, or when the previous period had no revenue (see noComparison)'),
  noComparison: z
    .object({
      reason: z.enum(['no-won-deals', 'no-positive-revenue']),
      firstOrder: day.nullable().describe('the day of the first won deal read, when there is one'),
    })
    .nullable()
    .describe('why there is no comparison though there are deals; null otherwise'),
  matrix: matrixResultSchema.nullable(),
  leads: leadsResultSchema.nullable(),
  cadence: cadenceResultSchema.nullable(),
  offers: offersResultSchema.nullable(),
  funnel: funnelResultSchema.nullable(),
  dynamics: dynamicsResultSchema.nullable(),
  previousStages: z
    .record(z.enum(STAGES), z.number().int())
    .nullable()
    .describe('clients per stage as of the same day one period earlier'),
});

const rule = z.enum(CHECK_RULES);

export const checkResultSchema = z.object({
  policy: z.array(rule),
  passed: z.boolean(),
  summary: z.array(
    z.object({
      rule,
      count: z.number().int(),
      failing: z.boolean(),
      skipped: z.boolean(),
      gap: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('when skipped: why the rule checked nothing, as data (src/codes/findings.ts)'),
    }),
  ),
  skipped: z.array(
    z.object({
      rule,
      reason: z.string(),
      gap: z.record(z.string(), z.unknown()).describe('why the rule checked nothing, as data (src/codes/findings.ts)'),
    }),
  ),
  findings: z.array(
    z.object({
      rule,
      client: z.string().optional(),
      manager: z.string().optional(),
      file: z.string().optional(),
      line: z.number().int().optional(),
      column: z.number().int().optional(),
      details: z.string().describe('the finding in English, the same under every locale'),
      fields: z.record(z.string(), z.unknown()).describe("the rule's fields (src/codes/findings.ts)"),
    }),
  ),
  holidays: offersResultSchema.shape.holidays
    .optional()
    .describe("with offers: the calendar of followup's business days; null: public holidays not known"),
});

/** The envelope schema of every command's `--format json`, by command name. */
export const OUTPUT_SCHEMAS = {
  share: envelopeSchema('share', shareResultSchema),
  dynamics: envelopeSchema('dynamics', dynamicsResultSchema),
  matrix: envelopeSchema('matrix', matrixResultSchema),
  leads: envelopeSchema('leads', leadsResultSchema),
  cadence: envelopeSchema('cadence', cadenceResultSchema),
  offers: envelopeSchema('offers', offersResultSchema),
  funnel: envelopeSchema('funnel', funnelResultSchema),
  report: envelopeSchema('report', reportResultSchema),
  check: envelopeSchema('check', checkResultSchema),
} as const;
