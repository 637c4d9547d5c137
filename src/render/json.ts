import type { InputReport, Warning } from '../app/input-options.js';
import { SCHEMA_VERSION } from '../schema/version.js';

export interface Envelope<R> {
  schemaVersion: typeof SCHEMA_VERSION;
  command: string;
  period: { from: string | null; to: string | null } | null;
  inputs: InputReport[];
  result: R;
  warnings: Warning[];
}

/** The one JSON shape of every command (README, "JSON output"). */
export function buildEnvelope<R>(
  command: string,
  period: { from: string | null; to: string | null } | null,
  inputs: InputReport[],
  result: R,
  warnings: Warning[],
): Envelope<R> {
  return { schemaVersion: SCHEMA_VERSION, command, period, inputs, result, warnings };
}

export function renderJson(envelope: Envelope<unknown>): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}
