import type { FindingFields, RuleGap } from '../codes/findings.js';
import type { OffersHolidays } from './offers.js';

/** The rules `folio check` can fail on. */
export const CHECK_RULES = [
  'invalid',
  'golden',
  'critical',
  'mono',
  'cadence',
  'cooloff',
  'dossier',
  'overload',
  'followup',
  'expired',
  'funnel',
  'dormant-key',
  'manager-share',
] as const;
export type CheckRule = (typeof CHECK_RULES)[number];

/** What a rule found: where, and the rule's fields (`details` says them in English). */
export type Finding = { [R in CheckRule]: { rule: R; fields: FindingFields[R] } }[CheckRule] & {
  client?: string;
  manager?: string;
  file?: string;
  line?: number;
  column?: number;
  details: string;
};

/** A rule of the policy that had no input to check, under --allow-missing. */
export interface SkippedRule {
  rule: CheckRule;
  reason: string;
  /** The same, as data. */
  gap: RuleGap;
}

export interface CheckResult {
  policy: CheckRule[];
  passed: boolean;
  /** `skipped`: the rule checked nothing, whether or not it is in the policy; `gap` says why. */
  summary: { rule: CheckRule; count: number; failing: boolean; skipped: boolean; gap?: RuleGap }[];
  /** Rules of the policy that checked nothing for want of an input (--allow-missing). */
  skipped: SkippedRule[];
  findings: Finding[];
  /** With offers: the calendar of the follow-up's business days (null: holidays not known). */
  holidays?: OffersHolidays | null;
}
