import type { FieldNeeds } from '../normalize/columns.js';
import { ACTIVITY_FIELDS, ACTIVITY_NEEDS, ActivityConverter, type Activity } from '../normalize/activities.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { type Warning, warning } from '../codes/warnings.js';
import { clientNamesOf, type InputOptions } from './input-options.js';
import { loadRows, readWarnings, SameFields, type LoadedRows } from './rows.js';
import { unknownValuesWarning } from './unknown-values.js';

/** A log read for its contacts only (the offers' follow-up): the outcome does not matter, so it need not be there. */
export const CONTACT_NEEDS: FieldNeeds = {
  specs: ACTIVITY_FIELDS.map((s) => (s.field === 'outcome' ? { ...s, required: false } : s)),
};

/**
 * Read an activity log, handing every contact to `accept`: the one reader of the log for
 * every command. Each contact's client spelling is counted in the run's names (the name a
 * client of the log alone is shown by is its most frequent spelling there).
 */
export async function loadActivities(
  input: InputOptions,
  vocabulary: Vocabulary,
  accept: (a: Activity) => void,
  needs: FieldNeeds = ACTIVITY_NEEDS,
  /** The fields of the logs read before this one, when several are one log. */
  fields?: SameFields,
): Promise<LoadedRows<ActivityConverter>> {
  const file = input.source.name;
  const names = clientNamesOf([input]);
  return loadRows(
    input,
    needs,
    (map, p) => {
      fields?.check(file, map);
      return new ActivityConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder, vocabulary }, p);
    },
    (a: Activity) => {
      names.seen(a.client, 'activities');
      accept(a);
    },
  );
}

/** What the cadence rules must say of a log as read: missing manager or channel columns, unknown outcomes and channels. */
export function cadenceLogWarnings(file: string, loaded: LoadedRows<ActivityConverter>): Warning[] {
  const { converter } = loaded;
  const warnings: Warning[] = readWarnings(file, loaded);
  if (!converter.hasManager || !converter.hasChannel) {
    const lacking = [
      !converter.hasManager ? ('manager' as const) : null,
      !converter.hasChannel ? ('channel' as const) : null,
    ].filter((l) => l !== null);
    warnings.push(warning('COOLOFF_SIMPLIFIED', { file, lacking }));
  }
  for (const w of [
    unknownValuesWarning(file, 'outcome', converter.outcomes),
    converter.hasChannel ? unknownValuesWarning(file, 'channel', converter.channels) : null,
  ]) {
    if (w) warnings.push(w);
  }
  return warnings;
}
