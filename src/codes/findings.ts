/**
 * The fields of each `folio check` finding, by rule (data, no words): the present layer words
 * them in each language (src/present/messages/check.ts); JSON carries them beside the English
 * `details`.
 */
export interface FindingFields {
  /** `header`: the column; `problem`: the bad cell as the reader describes it. */
  invalid: { header: string | null; problem: string };
  golden: { share: number; threshold: number };
  critical: { share: number; threshold: number };
  mono: { keyShare: number };
  /** `open`: no positive contact up to as-of (`to`); `fromLogStart`: `from` is the log's first day, not a contact. */
  cadence: { days: number; from: string; to: string; open: boolean; fromLogStart: boolean };
  cooloff: { date: string; days: number; negativeDate: string };
  dossier: { reviewed: string | null; dueBy: string | null };
  followup: { offer: string | null; sent: string; due: string; contact: string | null };
  expired: { offer: string | null; expires: string; amount: number | null };
  /**
   * A manager's weakest funnel step, below the team beyond chance: `reached` of `entered` took
   * the step (`rate`), against the team's rate; `upper` is the Wilson upper end at `confidence`.
   * `mode` tells whether the steps are the channel funnel's codes or a pipeline's stage names.
   */
  funnel: {
    mode: 'channels' | 'stages';
    from: string;
    to: string;
    entered: number;
    reached: number;
    rate: number;
    teamRate: number;
    upper: number;
    confidence: number;
  };
  overload: { keyClients: number; limit: number; clients: string[] } | { leads: number; limit: number | null };
  /** A key client (by the window's revenue classes) silent for longer than its rhythm. */
  'dormant-key': { lastOrder: string | null; daysSinceLast: number | null; revenue: number };
  /** One manager carries more than `limit` of the window's revenue (both fractions). */
  'manager-share': { share: number; limit: number; clients: number };
}

/** Why a rule of the policy checked nothing: an input it needs is absent, or a column. */
export type RuleGap =
  | { rule: string; lack: 'input'; roles: string[]; folder: string | null }
  | { rule: string; lack: 'overload-input'; folder: string | null }
  | { rule: string; lack: 'dossier-column'; file: string }
  | { rule: string; lack: 'manager-column'; files: string[]; role: string }
  | { rule: string; lack: 'channel-column'; files: string[] }
  | { rule: string; lack: 'funnel-channels'; files: string[]; missing: ('phone' | 'meeting')[] }
  /** The activity log holds no day of the window (`logFrom`: its first day up to as-of, or null: none). */
  | { rule: string; lack: 'log-coverage'; logFrom: string | null; window: { from: string; to: string } }
  /** Every undecided offer of the window was sent before the activity log begins. */
  | { rule: string; lack: 'offers-before-log'; count: number; logFrom: string | null };
