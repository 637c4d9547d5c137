import type { CadenceJson } from './cadence.js';
import type { Comparison } from './compare.js';
import type { LeadsResult } from './leads.js';
import type { MatrixJson } from './matrix.js';
import type { OffersResult } from './offers.js';
import type { FunnelResult } from './funnel.js';
import type { ShareJson } from './share.js';
import type { DynamicsJson, Stage } from './dynamics.js';

/** Every analysis of one period: those whose input is absent are null. */
export interface ReportResult {
  asOf: string;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  files: string[];
  share: ShareJson | null;
  comparison: Comparison | null;
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
