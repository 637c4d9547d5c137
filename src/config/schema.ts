import { z } from 'zod';

import { CHECK_RULES } from './rules.js';

const percent = z.number().gt(0).lt(100);
const positiveInt = z.number().int().positive();
const words = z.array(z.string().min(1));
const columnMap = z.record(z.string(), z.union([z.string().min(1), z.number().int().positive()]));

/**
 * folio.config.json. Strict at every level: a misspelt key is an error, not a silently
 * ignored setting. Data only: a config file never runs code.
 */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    lang: z.enum(['en', 'ru']).optional(),
    thresholds: z
      .object({
        key: percent.optional(),
        critical: percent.optional(),
        golden: percent.optional(),
        maxKeyClients: positiveInt.optional(),
        fastDays: positiveInt.optional(),
        big: z.number().nonnegative().optional(),
        maxLeads: positiveInt.optional(),
        maxGap: positiveInt.optional(),
        cooloff: positiveInt.optional(),
        dossierMonths: positiveInt.optional(),
        wantMin: z.number().optional(),
        canMin: z.number().optional(),
      })
      .strict()
      .optional(),
    statuses: z.object({ won: words.optional(), lost: words.optional(), open: words.optional() }).strict().optional(),
    outcomes: z.object({ positive: words.optional(), negative: words.optional(), neutral: words.optional() }).strict().optional(),
    personalChannels: words.optional(),
    otherChannels: words.optional(),
    columns: z
      .object({ deals: columnMap.optional(), leads: columnMap.optional(), activities: columnMap.optional(), clients: columnMap.optional() })
      .strict()
      .optional(),
    check: z.object({ failOn: z.array(z.enum([...CHECK_RULES, 'none'])).optional() }).strict().optional(),
  })
  .strict();

export type FolioConfig = z.infer<typeof configSchema>;
