import {
  analyzeDynamics,
  dynamicsWindow,
  type DynamicsJson,
  type DynamicsOptions,
  type DynamicsResult,
} from '../analyses/dynamics.js';
import { DealHistory } from '../analyses/history.js';
import { warning } from '../codes/warnings.js';
import { clientNamesOf, type InputOptions } from '../load/input-options.js';
import { loadDeals } from '../load/deals.js';
import { percentToNumber } from '../normalize/money.js';
import { periodJson } from '../normalize/period.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { dynamicsDoc, dynamicsTables } from '../present/dynamics.js';
import type { Lang } from '../present/i18n.js';
import { warningJson } from '../present/messages/warnings.js';
import { buildEnvelope } from '../schema/build.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import type { CommandOutput } from './output.js';

export interface DynamicsRunOptions {
  inputs: InputOptions[];
  vocabulary: Vocabulary;
  currency: string | undefined;
  asOf: number;
  dynamics: DynamicsOptions;
  lang: Lang;
}

const MAX_NAMED = 10;

/** The JSON result: the analysis with the currency and the thresholds it was computed with. */
export function dynamicsJson(result: DynamicsResult, currency: string | null, o: DynamicsOptions): DynamicsJson {
  return {
    ...result,
    currency,
    // Shares and bounds as fractions, as every share in the JSON.
    thresholds: {
      months: o.months,
      abc: [percentToNumber(o.abc.a), percentToNumber(o.abc.b)],
      xyz: [percentToNumber(o.xyz.x), percentToNumber(o.xyz.y)],
      dormantFactor: o.dormantFactor,
      dormantDays: o.dormantDays,
      maxManagerShare: percentToNumber(o.maxManagerShare),
      key: percentToNumber(o.share.key),
    },
  };
}

/** What the figures leave out or lean on, said once per run. */
export function dynamicsWarnings(r: DynamicsResult, inputs: InputReport[], maxManagerShare: number): Warning[] {
  const files = inputs.map((i) => i.file);
  const warnings: Warning[] = [];
  const nonPositive = r.clients.filter((c) => c.share === null);
  if (nonPositive.length > 0) {
    warnings.push(
      warning('WINDOW_NON_POSITIVE', {
        count: nonPositive.length,
        clients: nonPositive.slice(0, MAX_NAMED).map((c) => ({ client: c.client, revenue: c.revenue })),
      }),
    );
  }
  if (!r.managersKnown) warnings.push(warning('NO_MANAGER_COLUMN', { files }));
  else {
    const without = r.clients.filter((c) => c.manager === null);
    if (without.length > 0)
      warnings.push(
        warning('CLIENTS_WITHOUT_MANAGER', {
          count: without.length,
          clients: without.slice(0, MAX_NAMED).map((c) => c.client),
        }),
      );
    if (r.sharedClients.count > 0)
      warnings.push(
        warning('CLIENTS_SHARED_BY_MANAGERS', {
          ...r.sharedClients,
          share: r.total > 0 ? r.sharedClients.revenue / r.total : 0,
        }),
      );
    for (const m of r.managers)
      if (m.overLimit)
        warnings.push(
          warning('MANAGER_SHARE', {
            manager: m.manager,
            share: m.share,
            limit: percentToNumber(maxManagerShare),
            clients: m.clients,
          }),
        );
  }
  if (!r.discountsKnown) warnings.push(warning('NO_DISCOUNT_COLUMN', { files }));
  return warnings;
}

/** Whether every deals file maps a manager column (they all map the same fields). */
export function managersKnown(inputs: InputReport[]): boolean {
  return inputs.length > 0 && inputs.every((i) => i.columns.manager !== undefined);
}

/**
 * Read the deals once: every won deal up to as-of feeds the history (order dates before the
 * window count for rhythm and stage), the window's own deals the revenue figures.
 */
export async function computeDynamics(
  o: Omit<DynamicsRunOptions, 'lang'>,
): Promise<{ result: DynamicsJson; inputs: InputReport[]; warnings: Warning[] }> {
  const window = dynamicsWindow(o.asOf, o.dynamics.months);
  const history = new DealHistory(window, clientNamesOf(o.inputs));
  const loaded = await loadDeals(o.inputs, {
    period: { from: -Infinity, to: o.asOf },
    vocabulary: o.vocabulary,
    currency: o.currency,
    history,
    historyOnly: true,
  });
  const analysis = analyzeDynamics(history, o.asOf, o.dynamics, managersKnown(loaded.inputs));
  return {
    result: dynamicsJson(analysis, loaded.currency, o.dynamics),
    inputs: loaded.inputs,
    warnings: [...loaded.warnings, ...dynamicsWarnings(analysis, loaded.inputs, o.dynamics.maxManagerShare)],
  };
}

export async function runDynamics(o: DynamicsRunOptions): Promise<CommandOutput> {
  const { result, inputs, warnings } = await computeDynamics(o);
  const window = dynamicsWindow(o.asOf, o.dynamics.months);
  warnings.push(...clientNamesOf(o.inputs).warnings());
  return {
    envelope: buildEnvelope('dynamics', periodJson(window), inputs, result, warnings.map(warningJson)),
    doc: () => dynamicsDoc(result, o.lang),
    tables: (lang) => dynamicsTables(result, lang),
    sectioned: false,
    exitCode: 0,
  };
}
