import { CLIENT_ALIASES, CREATED_ALIASES, DEAL_ALIASES, MANAGER_ALIASES, STATUS_ALIASES } from './aliases.js';
import type { ColumnMapping, FieldNeeds, FieldSpec } from './columns.js';
import { ConverterBase, INVALID, MISSING, type ConverterOptions } from './converter-base.js';
import type { Problems } from './problems.js';
import { AMBIGUOUS, type RowConverter } from './row-feed.js';

/** The stage a lost deal was lost at: a column few CRMs export, so it is mapped by name or with --map. */
const LOST_STAGE_ALIASES = [
  'lost at stage',
  'lost stage',
  'stage lost at',
  'lost at',
  'этап отказа',
  'стадия отказа',
  'этап проигрыша',
  'стадия проигрыша',
  'этап потери',
  'проиграна на этапе',
  'проиграно на этапе',
];

/**
 * A stage log (Bitrix24's stage history, amoCRM's events): one row per move of a deal to a
 * stage. amoCRM calls the new stage «Значение после».
 */
const HISTORY_ALIASES = {
  id: [...DEAL_ALIASES.id, 'deal', 'сделка', 'id элемента'],
  stage: [
    'new stage',
    'stage to',
    'to stage',
    'stage after',
    'new value',
    'новая стадия',
    'новый этап',
    'стадия после',
    'этап после',
    'значение после',
    ...STATUS_ALIASES,
  ],
  date: [
    'date',
    'changed',
    'changed at',
    'change date',
    'date changed',
    'moved at',
    'date moved',
    'дата',
    'дата изменения',
    'дата перехода',
    'время изменения',
    'дата и время',
    ...CREATED_ALIASES,
  ],
} as const;

/**
 * The deals of a pipeline: each deal's current stage, and what places it in the funnel. An
 * ID is needed to match a stage log; a creation date to keep the deals of a window.
 */
export function pipelineNeeds(o: { history: boolean; window: boolean }): FieldNeeds {
  const specs: FieldSpec[] = [
    { field: 'stage', aliases: STATUS_ALIASES, required: true, description: "the deal's current stage" },
    {
      field: 'id',
      aliases: DEAL_ALIASES.id,
      required: o.history,
      description: 'the deal number, to match the stage history',
    },
    { field: 'manager', aliases: MANAGER_ALIASES, required: false, description: 'who carries the deal' },
    {
      field: 'lostStage',
      aliases: LOST_STAGE_ALIASES,
      required: false,
      description: 'the stage a lost deal was lost at',
    },
    {
      field: 'created',
      aliases: CREATED_ALIASES,
      required: o.window,
      description: 'when the deal entered the pipeline (the window keeps the deals created in it)',
    },
    { field: 'client', aliases: CLIENT_ALIASES, required: false, description: 'the client of the deal' },
  ];
  return { specs };
}

export const HISTORY_NEEDS: FieldNeeds = {
  specs: [
    { field: 'id', aliases: HISTORY_ALIASES.id, required: true, description: 'the deal that moved' },
    { field: 'stage', aliases: HISTORY_ALIASES.stage, required: true, description: 'the stage it moved to' },
    { field: 'date', aliases: HISTORY_ALIASES.date, required: true, description: 'when it moved' },
  ],
};

/** One deal row of a pipeline export. The texts are the row's: copy what you keep. */
export interface PipelineRow {
  id: string;
  stage: string;
  lostStage: string;
  manager: string;
  /** The creation day, or null when the file has no such column or the cell is empty. */
  created: number | null;
  line: number;
}

/** One move of a deal to a stage. */
export interface StageMove {
  id: string;
  stage: string;
  day: number;
  line: number;
}

export class PipelineConverter extends ConverterBase implements RowConverter<PipelineRow> {
  constructor(mapping: ColumnMapping, options: ConverterOptions, problems: Problems) {
    super(mapping, options, problems);
  }

  get hasManager(): boolean {
    return this.has('manager');
  }

  get hasLostStage(): boolean {
    return this.has('lostStage');
  }

  convert(fields: string[], line: number): PipelineRow | null | typeof AMBIGUOUS {
    if (this.isTotalsRow(fields, line) || this.misshapen(fields, line)) return null;
    let created: number | null = null;
    if (this.has('created')) {
      const day = this.readDateField(fields, 'created', line);
      if (day === AMBIGUOUS) return AMBIGUOUS;
      if (day === INVALID) return null;
      created = day === MISSING ? null : day;
    }
    return {
      id: this.text(fields, 'id').trim(),
      stage: this.text(fields, 'stage'),
      lostStage: this.text(fields, 'lostStage'),
      manager: this.text(fields, 'manager'),
      created,
      line,
    };
  }
}

export class StageMoveConverter extends ConverterBase implements RowConverter<StageMove> {
  /** Rows without a deal ID, a stage or a date: nothing to place. */
  incomplete = 0;

  constructor(mapping: ColumnMapping, options: ConverterOptions, problems: Problems) {
    super(mapping, options, problems);
  }

  convert(fields: string[], line: number): StageMove | null | typeof AMBIGUOUS {
    if (this.isTotalsRow(fields, line) || this.misshapen(fields, line)) return null;
    const day = this.readDateField(fields, 'date', line);
    if (day === AMBIGUOUS) return AMBIGUOUS;
    if (day === INVALID) return null;
    const id = this.text(fields, 'id').trim();
    const stage = this.text(fields, 'stage');
    if (day === MISSING || id === '' || stage.trim() === '') {
      this.incomplete++;
      return null;
    }
    return { id, stage, day, line };
  }
}
