import { z } from 'zod';

import { SCHEMA_VERSION } from './version.js';

export const inputSchema = z.object({
  file: z.string(),
  role: z.string(),
  encoding: z.string(),
  delimiter: z.string(),
  headerLine: z.number().int(),
  rows: z.number().int(),
  used: z.number().int(),
  excluded: z.record(z.string(), z.number().int()),
  folded: z.number().int(),
  totals: z.number().int(),
  skipped: z.number().int(),
  blank: z.number().int(),
  columns: z.record(z.string(), z.string()),
  statuses: z
    .array(
      z.object({
        value: z.string().nullable().describe('null: the values past the first 100, summed by role'),
        role: z
          .enum(['won', 'lost', 'open', 'refund', 'unknown'])
          .describe('won and refund rows are revenue (a refund negative); unknown rows are read as open'),
        rows: z.number().int(),
      }),
    )
    .optional()
    .describe('deals and leads with a status (or won) column: each status value, what it counted as, its rows'),
});

/** A warning: its stable code, the English message (the same under every locale) and the code's fields (src/codes/warnings.ts). */
export const warningSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.unknown()),
});

export const periodSchema = z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable();

/** The envelope every `--format json` output shares; `result` is the command's own. */
export function envelopeSchema<T extends z.ZodType>(command: string, result: T) {
  return z.object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    command: z.literal(command),
    period: periodSchema,
    inputs: z.array(inputSchema),
    result,
    warnings: z.array(warningSchema),
  });
}

export const shareResultSchema = z.object({
  total: z.number(),
  currency: z.string().nullable(),
  clients: z.array(
    z.object({
      client: z.string(),
      revenue: z.number(),
      share: z
        .number()
        .min(0)
        .max(1)
        .nullable()
        .describe('fraction of portfolio.shareBase; null for a client whose net revenue is zero or negative'),
      class: z.enum(['golden', 'critical', 'key', 'regular']).nullable().describe('null with a null share'),
      rank: z.number().int().positive(),
      cumulativeShare: z.number().min(0).max(1).nullable(),
      manager: z.string().optional(),
    }),
  ),
  portfolio: z.object({
    clients: z.number().int(),
    shareBase: z.number().positive().describe('sum of the clients with positive net revenue: what shares are of'),
    keyClients: z.number().int(),
    keyShare: z.number().min(0).max(1),
    band: z.enum(['low', 'normal', 'elevated', 'mono']),
    top1: z.number().min(0).max(1),
    top5: z.number().min(0).max(1),
    hhi: z.number(),
  }),
  managers: z.array(
    z.object({
      manager: z.string(),
      keyClients: z.number().int(),
      clients: z.array(z.string()),
      overloaded: z.boolean(),
    }),
  ),
  thresholds: z
    .object({
      golden: z.number().min(0).max(1),
      critical: z.number().min(0).max(1),
      key: z.number().min(0).max(1),
      bands: z.object({
        normal: z.number().min(0).max(1),
        elevated: z.number().min(0).max(1),
        mono: z.number().min(0).max(1),
      }),
      maxKeyClients: z.number().int(),
    })
    .describe('shares as fractions, as every share of the JSON: --key 10 is key 0.1'),
});

export { buildEnvelope } from './build.js';
export type { Envelope, InputReport, Warning, WarningJson } from './build.js';
