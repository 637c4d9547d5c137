import { ACTIVITY_NEEDS, ActivityConverter, type Activity } from '../normalize/activities.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import type { InputOptions } from './input-options.js';
import type { InputReport, Warning } from '../schema/envelope.js';
import { inputReport, loadRows, readWarnings } from './rows.js';
import { unknownValuesWarning } from './unknown-values.js';

export interface LoadedActivities {
  input: InputReport;
  warnings: Warning[];
}

/**
 * Read an activity log once, handing each contact to `take`; a contact it declines is counted
 * out under `excluded[reason]`. Every rule that reads the log (cadence, offers) shares this.
 */
export async function loadActivities(input: InputOptions, vocabulary: Vocabulary, take: (a: Activity) => boolean, reason: string): Promise<LoadedActivities> {
  const file = input.source.name;
  let used = 0;
  let declined = 0;
  const loaded = await loadRows(
    input,
    ACTIVITY_NEEDS,
    (map, p) => new ActivityConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder, vocabulary }, p),
    (a: Activity) => {
      if (take(a)) used++;
      else declined++;
    },
  );
  const { converter } = loaded;
  const warnings: Warning[] = readWarnings(file, loaded);
  if (!converter.hasManager || !converter.hasChannel) {
    const lacking = [!converter.hasManager ? 'manager' : null, !converter.hasChannel ? 'channel' : null].filter(Boolean).join(' and ');
    warnings.push({
      code: 'COOLOFF_SIMPLIFIED',
      message: `${file}: the log has no ${lacking} column, so the cool-off rule treats every contact as ${!converter.hasManager ? "the same manager's" : ''}${!converter.hasManager && !converter.hasChannel ? ' and ' : ''}${!converter.hasChannel ? 'personal' : ''}`,
    });
  }
  for (const w of [
    unknownValuesWarning(file, 'outcome', converter.outcomes),
    converter.hasChannel ? unknownValuesWarning(file, 'channel', converter.channels) : null,
  ]) {
    if (w) warnings.push(w);
  }
  return { input: inputReport(loaded, 'activities', { used, excluded: { [reason]: declined } }), warnings };
}
