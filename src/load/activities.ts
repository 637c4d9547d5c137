import type { FieldNeeds } from '../normalize/columns.js';
import { ACTIVITY_FIELDS, ACTIVITY_NEEDS, ActivityConverter, type Activity } from '../normalize/activities.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { InputOptions } from './input-options.js';
import { loadRows, type LoadedRows } from './rows.js';

/** A log read for its contacts only (the offers' follow-up): the outcome does not matter, so it need not be there. */
export const CONTACT_NEEDS: FieldNeeds = { specs: ACTIVITY_FIELDS.map((s) => (s.field === 'outcome' ? { ...s, required: false } : s)) };

/** Read an activity log, handing every contact to `accept`: the one reader of the log for every command. */
export async function loadActivities(
  input: InputOptions,
  vocabulary: Vocabulary,
  accept: (a: Activity) => void,
  needs: FieldNeeds = ACTIVITY_NEEDS,
): Promise<LoadedRows<ActivityConverter>> {
  const file = input.source.name;
  return loadRows(input, needs, (map, p) => new ActivityConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder, vocabulary }, p), accept);
}
