import { says } from '../codes/error-fields.js';
import { type UnknownValues, type Warning, warning } from '../codes/warnings.js';
import { dealReach, type FunnelContacts, FunnelTally, StageSteps, stageKey } from '../analyses/funnel.js';
import { FolioError } from '../folio-error.js';
import { ACTIVITY_FIELDS, type Activity } from '../normalize/activities.js';
import type { FieldNeeds } from '../normalize/columns.js';
import type { Period } from '../normalize/period.js';
import type { PhraseClassifier } from '../normalize/phrase-classifier.js';
import {
  HISTORY_NEEDS,
  PipelineConverter,
  pipelineNeeds,
  type PipelineRow,
  type StageMove,
  StageMoveConverter,
} from '../normalize/pipeline.js';
import type { ClientNames } from '../normalize/client-names.js';
import { detach } from '../normalize/text.js';
import { contactClassifier, type ContactKind, statusClassifier, type Vocabulary } from '../normalize/vocabulary.js';
import type { InputReport } from '../schema/envelope.js';
import { loadActivities } from './activities.js';
import type { InputOptions } from './input-options.js';
import { inputReport, loadRows, readWarnings, SameFields } from './rows.js';
import { unknownValuesWarning } from './unknown-values.js';

/** A log read for the funnel: the channel tells a call from a meeting, so it must be there; the outcome does not matter. */
export const FUNNEL_NEEDS: FieldNeeds = {
  specs: ACTIVITY_FIELDS.map((s) =>
    s.field === 'outcome' ? { ...s, required: false } : s.field === 'channel' ? { ...s, required: true } : s,
  ),
};

const SHOWN = 6;

/**
 * Takes the calls and face-to-face contacts of an activity log as it is read, by the funnel's
 * reading of the channel. Fed by `loadFunnelLog`, or by the cadence's pass over the same log
 * in `report`, so the log is read once.
 */
export class FunnelContactSink {
  readonly kinds: PhraseClassifier<ContactKind>;
  readonly excluded = { notCallOrMeeting: 0, outsideWindow: 0 };
  used = 0;
  /** Calls and face-to-face contacts anywhere in the log, in the window or not. */
  private readonly anywhere = { phone: 0, meeting: 0 };

  /** `names`: how the run keys its clients, so that a client of the log is the client of the deals. */
  constructor(
    readonly contacts: FunnelContacts,
    vocabulary: Vocabulary,
    private readonly names: ClientNames,
  ) {
    this.kinds = contactClassifier(vocabulary);
  }

  accept(a: Activity): void {
    const kind = this.kinds.classify(a.channel);
    if (kind === 'other') {
      this.excluded.notCallOrMeeting++;
      return;
    }
    this.anywhere[kind]++;
    const key = this.names.key(a.client);
    const counted = kind === 'phone' ? this.contacts.call(key, a.day, a.manager) : this.contacts.meeting(key, a.day);
    if (counted) this.used++;
    else this.excluded.outsideWindow++;
  }

  /** The log's spellings read as calls and as meetings, most rows first: what the funnel counted. */
  counted(kind: 'phone' | 'meeting'): { value: string; rows: number }[] {
    return this.kinds
      .snapshot()
      .seen.filter((s) => s.kind === kind && s.known)
      .map((s) => ({ value: s.value, rows: s.rows }))
      .sort((a, b) => b.rows - a.rows || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }

  /** Which of the two kinds the whole log lacks (every row, not only the window's). */
  lacking(): ('phone' | 'meeting')[] {
    return (['phone', 'meeting'] as const).filter((k) => this.anywhere[k] === 0);
  }

  /** Exit 2 for a log the funnel cannot read: no calls, or no face-to-face contacts at all. */
  requireBoth(files: string[]): void {
    const missing = this.lacking();
    if (missing.length === 0) return;
    const seen = this.kinds
      .snapshot()
      .seen.sort((a, b) => b.rows - a.rows)
      .map((s) => ({ value: s.value, rows: s.rows }));
    const shown = seen.slice(0, SHOWN);
    throw new FolioError({
      code: 'FUNNEL_CHANNELS',
      file: files.join(', '),
      says: says('FUNNEL_NO_CONTACTS', { missing, seen: shown, more: Math.max(0, seen.length - SHOWN) }),
    });
  }
}

/** What the funnel must say of a log as read: its channels that no list knows (counted in no step). */
export function funnelLogWarnings(file: string, sink: FunnelContactSink): Warning[] {
  const unknown = unknownValuesWarning(file, 'contact channel', sink.kinds);
  return unknown ? [unknown] : [];
}

/** Activity logs read for the funnel alone (several logs are one log); exit 2 without a channel column. */
export async function loadFunnelLog(
  files: InputOptions[],
  vocabulary: Vocabulary,
  contacts: FunnelContacts,
  names: ClientNames,
): Promise<{ sink: FunnelContactSink; inputs: InputReport[]; warnings: Warning[] }> {
  const sink = new FunnelContactSink(contacts, vocabulary, names);
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  const fields = new SameFields('activities');
  for (const input of files) {
    const file = input.source.name;
    const before = { used: sink.used, ...sink.excluded };
    const loaded = await loadActivities(input, vocabulary, (a) => sink.accept(a), FUNNEL_NEEDS, fields);
    warnings.push(...readWarnings(file, loaded));
    inputs.push(
      inputReport(loaded, 'activities', {
        used: sink.used - before.used,
        excluded: {
          notCallOrMeeting: sink.excluded.notCallOrMeeting - before.notCallOrMeeting,
          outsideWindow: sink.excluded.outsideWindow - before.outsideWindow,
        },
      }),
    );
  }
  warnings.push(...funnelLogWarnings(files.map((f) => f.source.name).join(', '), sink));
  return { sink, inputs, warnings };
}

/** Spellings of a column with their rows, in the shape of the unknown-values warnings. */
class ValueCounts {
  private readonly counts = new Map<string, number>();
  rows = 0;
  private unkept = 0;

  add(value: string): void {
    this.rows++;
    const n = this.counts.get(value);
    if (n !== undefined) this.counts.set(value, n + 1);
    else if (this.counts.size < 10_000) this.counts.set(detach(value), 1);
    else this.unkept++;
  }

  fields(file: string): UnknownValues {
    const all = [...this.counts]
      .map(([value, rows]) => ({ value, rows, tied: [] }))
      .sort((a, b) => b.rows - a.rows || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return {
      file,
      rows: this.rows,
      values: all.slice(0, SHOWN),
      more: Math.max(0, all.length - SHOWN),
      unkept: this.unkept,
    };
  }
}

export interface PipelineRead {
  tally: FunnelTally;
  inputs: InputReport[];
  warnings: Warning[];
  /** Whether every deals file maps a manager column. */
  managers: boolean;
}

export interface PipelineOptions {
  deals: InputOptions[];
  history: InputOptions[];
  steps: readonly string[];
  vocabulary: Vocabulary;
  /** Deals created in this window; null: every deal. */
  window: Period | null;
  asOf: number;
}

/** The furthest step each deal of the stage logs reached up to as-of, by deal ID. */
async function readStageLogs(
  o: PipelineOptions,
  steps: StageSteps,
): Promise<{ furthest: Map<string, number>; inputs: InputReport[]; warnings: Warning[] }> {
  const furthest = new Map<string, number>();
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  const fields = new SameFields('history');
  for (const input of o.history) {
    const file = input.source.name;
    const other = new ValueCounts();
    let used = 0;
    let afterAsOf = 0;
    const loaded = await loadRows(
      input,
      HISTORY_NEEDS,
      (map, p) => {
        fields.check(file, map);
        return new StageMoveConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder }, p);
      },
      (move: StageMove) => {
        if (move.day > o.asOf) {
          afterAsOf++;
          return;
        }
        const step = steps.of(move.stage);
        if (step < 0) {
          other.add(move.stage);
          return;
        }
        used++;
        const id = stageKey(move.id);
        if ((furthest.get(id) ?? -1) < step) furthest.set(id, step);
      },
    );
    warnings.push(...readWarnings(file, loaded));
    if (other.rows > 0) warnings.push(warning('FUNNEL_LOG_OTHER_STAGES', other.fields(file)));
    inputs.push(
      inputReport(loaded, 'history', {
        used,
        excluded: { notAStep: other.rows, afterAsOf, incomplete: loaded.converter.incomplete },
      }),
    );
  }
  return { furthest, inputs, warnings };
}

/**
 * A stage funnel: each deal of the export (created in the window, when there is one) at every
 * step up to the furthest it reached, by its current stage, its lost-at stage and the stage
 * logs. A deal repeated on several rows (product rows) counts once, by its ID.
 */
export async function loadPipeline(o: PipelineOptions): Promise<PipelineRead> {
  const steps = new StageSteps(o.steps);
  const logs = await readStageLogs(o, steps);
  const inputs: InputReport[] = [];
  const warnings: Warning[] = [];
  const tally = new FunnelTally(o.steps);
  const statuses = statusClassifier(o.vocabulary);
  /** IDs counted, and every ID of the deals files (a log's deal outside the window is not unmatched). */
  const seen = new Set<string>();
  const known = new Set<string>();
  const needs = pipelineNeeds({ history: o.history.length > 0, window: o.window !== null });
  const fields = new SameFields('deals');
  let managers = true;
  for (const input of o.deals) {
    const file = input.source.name;
    const unknown = new ValueCounts();
    let lostAtFirst = 0;
    let used = 0;
    const excluded = { outsideWindow: 0, repeated: 0 };
    const loaded = await loadRows(
      input,
      needs,
      (map, p) => {
        fields.check(file, map);
        return new PipelineConverter(map, { file, decimal: input.decimal, dayOrder: input.dayOrder }, p);
      },
      (deal: PipelineRow) => {
        const id = deal.id === '' ? '' : stageKey(deal.id);
        if (id !== '' && o.history.length > 0 && !known.has(id)) known.add(detach(id));
        if (
          o.window !== null &&
          (deal.created === null || deal.created < o.window.from || deal.created > o.window.to)
        ) {
          excluded.outsideWindow++;
          return;
        }
        if (id !== '') {
          if (seen.has(id)) {
            excluded.repeated++;
            return;
          }
          seen.add(detach(id));
        }
        const place = dealReach(
          {
            stage: steps.of(deal.stage),
            status: statuses.classify(deal.stage),
            lostAt: deal.lostStage.trim() === '' ? -1 : steps.of(deal.lostStage),
            logged: id === '' ? -1 : (logs.furthest.get(id) ?? -1),
          },
          o.steps.length,
        );
        if (place.firstOnly === 'lost') lostAtFirst++;
        else if (place.firstOnly === 'unknown') unknown.add(deal.stage);
        used++;
        tally.add(deal.manager, place.reach);
      },
    );
    if (!loaded.converter.hasManager) managers = false;
    warnings.push(...readWarnings(file, loaded));
    if (lostAtFirst > 0) warnings.push(warning('FUNNEL_LOST_AT_FIRST', { file, count: lostAtFirst }));
    if (unknown.rows > 0) warnings.push(warning('FUNNEL_UNKNOWN_STAGES', unknown.fields(file)));
    inputs.push(inputReport(loaded, 'deals', { used, excluded }));
  }
  let unmatched = 0;
  for (const id of logs.furthest.keys()) if (!known.has(id)) unmatched++;
  if (unmatched > 0)
    warnings.push(
      warning('FUNNEL_LOG_UNMATCHED', { file: o.history.map((h) => h.source.name).join(', '), count: unmatched }),
    );
  return {
    tally,
    inputs: [...inputs, ...logs.inputs],
    warnings: [...warnings, ...logs.warnings],
    managers,
  };
}
