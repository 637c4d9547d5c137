import { z } from 'zod';

import { CHECK_RULES } from '../analyses/check.js';
import { BANDS_RULE, BOUNDS_RULE, PERCENT_BOUNDS, PERCENT_RULE, toBands, toBounds } from './values.js';

// The bounds of isPercent, spelt as zod checks so that `folio schema config` shows them.
const percent = z.number().gt(PERCENT_BOUNDS.above, PERCENT_RULE).lt(PERCENT_BOUNDS.below, PERCENT_RULE);
/** `[30, 55, 75]`: checked by the same rule as `--bands` and FOLIO_BANDS. */
const bands = z
  .array(percent)
  .length(3, BANDS_RULE)
  .superRefine((list, ctx) => {
    const b = toBands(list);
    if (typeof b === 'string') ctx.addIssue({ code: 'custom', message: `${BANDS_RULE}: ${b}` });
  });
const positiveInt = z.number().int().positive();
/** `[80, 95]`: checked by the same rule as `--abc` / `--xyz` and their FOLIO_* variables. */
const bounds = (share: boolean) =>
  z
    .array(z.number())
    .length(2, BOUNDS_RULE)
    .superRefine((list, ctx) => {
      const b = toBounds(list, share);
      if (typeof b === 'string') ctx.addIssue({ code: 'custom', message: `${BOUNDS_RULE}: ${b}` });
    });
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
    /** Keep apart client names not spelt the same (`--exact-names`). */
    exactNames: z.boolean().optional(),
    thresholds: z
      .object({
        key: percent.optional(),
        critical: percent.optional(),
        golden: percent.optional(),
        bands: bands.optional(),
        maxKeyClients: positiveInt.optional(),
        fastDays: positiveInt.optional(),
        big: z.number().nonnegative().optional(),
        maxLeads: positiveInt.optional(),
        maxGap: positiveInt.optional(),
        cooloff: positiveInt.optional(),
        dossierMonths: positiveInt.optional(),
        followUpDays: positiveInt.optional(),
        expiringDays: positiveInt.optional(),
        confidence: z.number().gt(0).lt(1).optional(),
        months: positiveInt.optional(),
        abc: bounds(true).optional(),
        xyz: bounds(false).optional(),
        dormantFactor: z.number().positive().optional(),
        dormantDays: positiveInt.optional(),
        maxManagerShare: percent.optional(),
        wantMin: z.number().optional(),
        canMin: z.number().optional(),
      })
      .strict()
      .optional(),
    statuses: z
      .object({ won: words.optional(), lost: words.optional(), open: words.optional(), refund: words.optional() })
      .strict()
      .optional(),
    outcomes: z
      .object({ positive: words.optional(), negative: words.optional(), neutral: words.optional() })
      .strict()
      .optional(),
    holidays: z
      .union([z.string().min(1), words])
      .optional()
      .describe("ru, bg and/or files of dates (a file's path is taken from this file's folder)"),
    personalChannels: words.optional(),
    otherChannels: words.optional(),
    phoneChannels: words.optional(),
    meetingChannels: words.optional(),
    columns: z
      .object({
        deals: columnMap.optional(),
        leads: columnMap.optional(),
        activities: columnMap.optional(),
        clients: columnMap.optional(),
        offers: columnMap.optional(),
      })
      .strict()
      .optional(),
    check: z
      .object({ failOn: z.array(z.enum([...CHECK_RULES, 'none'])).optional() })
      .strict()
      .optional(),
  })
  .strict();

export type FolioConfig = z.infer<typeof configSchema>;
