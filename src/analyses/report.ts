import type { AsOfSource } from '../normalize/period.js';
import type { CadenceJson } from './cadence.js';
import type { Comparison } from './compare.js';
import type { LeadsResult } from './leads.js';
import type { MatrixJson } from './matrix.js';
import type { OffersResult } from './offers.js';
import type { FunnelResult } from './funnel.js';
import type { ShareJson } from './share.js';
import type { DynamicsJson, Stage } from './dynamics.js';

/**
 * Why a report has no comparison though it has deals: the previous period had no won deal
 * (`firstOrder`: the day the won deals begin, when known), or its net revenue was not above zero.
 */
export interface NoComparison {
  reason: 'no-won-deals' | 'no-positive-revenue';
  firstOrder: string | null;
}

/** Every analysis of one period: those whose input is absent are null. */
export interface ReportResult {
  asOf: string;
  /** `given` (--as-of), `period` (the day after a past period), or `today`. */
  asOfSource: AsOfSource;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  files: string[];
  share: ShareJson | null;
  /** null without deals, or with no revenue in the previous period (`noComparison` says why). */
  comparison: Comparison | null;
  noComparison: NoComparison | null;
  matrix: MatrixJson | null;
  leads: LeadsResult | null;
  cadence: CadenceJson | null;
  offers: OffersResult | null;
  /** Consulted → met → won per manager; null without activities (with channels) and deals. */
  funnel: FunnelResult | null;
  /** The client base over the 12 full months before as-of; null without deals or window revenue. */
  dynamics: DynamicsJson | null;
  /** Clients per stage as of the same day one period earlier, for the change. */
  previousStages: Record<Stage, number> | null;
}
