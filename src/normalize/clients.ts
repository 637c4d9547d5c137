import { cell, says } from '../codes/error-fields.js';
import { FolioError } from '../folio-error.js';
import { CLIENT_FILE_ALIASES } from './aliases.js';
import type { ColumnMapping, FieldNeeds, FieldSpec } from './columns.js';
import { CLIENT_BY_ID } from './fallbacks.js';
import { ConverterBase, INVALID, MISSING, type ConverterOptions } from './converter-base.js';
import { readFlag, type FlagRead } from './flags.js';
import type { Problems } from './problems.js';
import { AMBIGUOUS, type RowConverter } from './row-feed.js';

export const CLIENT_FIELDS: readonly FieldSpec[] = [
  {
    field: 'client',
    aliases: CLIENT_FILE_ALIASES.client,
    required: true,
    description: 'the client',
    fallbacks: [CLIENT_BY_ID],
  },
  {
    field: 'want',
    aliases: CLIENT_FILE_ALIASES.want,
    required: false,
    description: 'does the client want to buy (yes/no or a score)',
  },
  {
    field: 'can',
    aliases: CLIENT_FILE_ALIASES.can,
    required: false,
    description: 'can the client buy (yes/no or a score)',
  },
  { field: 'manager', aliases: CLIENT_FILE_ALIASES.manager, required: false, description: 'the account manager' },
  {
    field: 'segment',
    aliases: CLIENT_FILE_ALIASES.segment,
    required: false,
    description: 'segment or industry',
    label: true,
  },
  { field: 'key', aliases: CLIENT_FILE_ALIASES.key, required: false, description: 'is this a key client (yes/no)' },
  {
    field: 'dossier',
    aliases: CLIENT_FILE_ALIASES.dossier,
    required: false,
    description: 'when the dossier was last reviewed',
    kind: 'date',
  },
];

export const CLIENT_NEEDS: FieldNeeds = { specs: CLIENT_FIELDS };
/** The want/can matrix also needs both flags. */
export const MATRIX_NEEDS: FieldNeeds = { specs: CLIENT_FIELDS, oneOf: [['want', 'can']] };

export interface ClientRow {
  client: string;
  want: FlagRead;
  can: FlagRead;
  wantRaw: string;
  canRaw: string;
  manager: string;
  segment: string;
  key: FlagRead;
  /** Day number of the last dossier review, or null when the cell is empty. */
  dossier: number | null;
  line: number;
}

export interface ClientOptions extends ConverterOptions {
  wantMin: number | null;
  canMin: number | null;
}

/** Rows of a clients file. Unreadable flags are kept (the matrix lists them as unclassified). */
export class ClientConverter extends ConverterBase implements RowConverter<ClientRow> {
  constructor(
    mapping: ColumnMapping,
    private readonly clientOptions: ClientOptions,
    problems: Problems,
  ) {
    super(mapping, clientOptions, problems);
  }

  convert(fields: string[], line: number): ClientRow | null | typeof AMBIGUOUS {
    if (this.isTotalsRow(fields, line) || this.misshapen(fields, line)) return null;
    const client = this.text(fields, 'client');
    if (client.trim() === '') return this.invalid(line, 'client', client, cell('NO_CLIENT_NAME', {}), 'fill-client');
    const wantRaw = this.text(fields, 'want');
    const canRaw = this.text(fields, 'can');
    const want = this.has('want') ? this.flag(wantRaw, 'want', this.clientOptions.wantMin, line) : 'missing';
    const can = this.has('can') ? this.flag(canRaw, 'can', this.clientOptions.canMin, line) : 'missing';
    let dossier: number | null = null;
    if (this.has('dossier')) {
      const d = this.readDateField(fields, 'dossier', line);
      if (d === AMBIGUOUS) return AMBIGUOUS;
      if (d === INVALID) return null;
      dossier = d === MISSING ? null : d;
    }
    return {
      client,
      want,
      can,
      wantRaw,
      canRaw,
      manager: this.text(fields, 'manager'),
      segment: this.text(fields, 'segment'),
      key: this.has('key') ? readFlag(this.text(fields, 'key'), null) : 'missing',
      dossier,
      line,
    };
  }

  private flag(raw: string, field: 'want' | 'can', threshold: number | null, line: number): FlagRead {
    const r = readFlag(raw, threshold);
    if (r !== 'score') return r;
    throw new FolioError({
      code: 'SCORE_WITHOUT_THRESHOLD',
      file: this.options.file,
      line,
      column: (this.col[field] ?? 0) + 1,
      header: this.mapping.header[field],
      value: raw,
      says: says('SCORE_WITHOUT_THRESHOLD', { field }),
    });
  }
}
