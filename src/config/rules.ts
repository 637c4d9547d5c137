/** The rules `folio check` can fail on. */
export const CHECK_RULES = ['invalid', 'golden', 'critical', 'mono', 'cadence', 'cooloff', 'dossier', 'overload', 'followup', 'expired'] as const;
export type CheckRule = (typeof CHECK_RULES)[number];
