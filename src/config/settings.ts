import { says } from '../codes/error-fields.js';
import { amountFromText } from '../normalize/numbers.js';
import type { Amount } from '../normalize/money.js';
import type { Role } from '../codes/inputs.js';
import { DEFAULT_CADENCE } from '../analyses/cadence.js';
import { dirname, resolve } from 'node:path';
import { DEFAULT_OFFERS } from '../analyses/offers.js';
import { DEFAULT_FUNNEL } from '../analyses/funnel.js';
import { COUNTRIES } from '../analyses/holidays.js';
import { DEFAULT_SHARE_OPTIONS, type ShareOptions } from '../analyses/share.js';
import { FolioError } from '../folio-error.js';
import { ALL_WON, BUILT_IN } from '../normalize/vocabulary.js';
import type { LoadedConfig } from './load.js';
import { CHECK_RULES } from '../analyses/check.js';
import type { FolioConfig } from './schema.js';
import {
  BANDS_RULE,
  BOUNDS_RULE,
  isCount,
  isFactor,
  isPercent,
  PERCENT_RULE,
  readBands,
  readBounds,
  readNumber,
  toBands,
  toBounds,
  type Bounds,
} from './values.js';
import { DEFAULT_DYNAMICS } from '../analyses/dynamics.js';

export type Source = 'default' | 'config' | 'env' | 'flag';

/** One setting that a flag, a `FOLIO_*` variable and the config file can all give. */
interface Setting {
  /** Dotted path in folio.config.json. */
  path: string;
  /** The commander attribute of the flag. */
  attr: string;
  env: string;
  defaultValue: unknown;
  /** `file`: the config file read, for the paths it gives (relative to its folder). */
  fromConfig: (c: FolioConfig, file: string | null) => unknown;
  /** Read an environment value (the same syntax as the flag). */
  parse: (text: string) => unknown;
  /**
   * A list that adds up over the layers (more won statuses) rather than being replaced, on
   * top of these built-in entries.
   */
  builtIn?: readonly string[];
}

/** `why` (`: 2 values instead of three`) says what is wrong when "is not WHAT" would not. */
function badEnv(env: string, text: string, what: string, why?: string): FolioError {
  return new FolioError({
    code: 'CONFIG',
    value: text,
    says: says('ENV_VALUE', { env, text, what, ...(why === undefined ? {} : { why }) }),
  });
}

function number(env: string, check: (n: number) => boolean, what: string): (text: string) => number {
  return (text) => {
    const n = readNumber(text);
    if (n === null || !check(n)) throw badEnv(env, text, what);
    return n;
  };
}

const percent = (env: string) => number(env, isPercent, PERCENT_RULE);

function bands(env: string): (text: string) => ShareOptions['bands'] {
  return (text) => {
    const b = readBands(text);
    if (typeof b === 'string') throw badEnv(env, text, BANDS_RULE, `: ${b}`);
    return b;
  };
}
function boundsOf(env: string, share: boolean): (text: string) => Bounds {
  return (text) => {
    const b = readBounds(text, share);
    if (typeof b === 'string') throw badEnv(env, text, BOUNDS_RULE, `: ${b}`);
    return b;
  };
}
const configBounds = (list: number[] | undefined, share: boolean): Bounds | undefined => {
  const b = list === undefined ? undefined : toBounds(list, share);
  return typeof b === 'object' ? b : undefined;
};
const count = (env: string) => number(env, isCount, 'a positive whole number');

/** `1`, `true`, `yes`, `on` or `0`, `false`, `no`, `off`, in any case. */
function yesNo(env: string): (text: string) => boolean {
  return (text) => {
    const t = text.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(t)) return true;
    if (['0', 'false', 'no', 'off'].includes(t)) return false;
    throw badEnv(env, text, '1 or 0 (true or false)');
  };
}
const words = (text: string): string[] =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');

function failOn(env: string): (text: string) => string[] {
  return (text) => {
    const rules = words(text.toLowerCase());
    const bad = rules.find((r) => r !== 'none' && !(CHECK_RULES as readonly string[]).includes(r));
    if (bad)
      throw new FolioError({
        code: 'CONFIG',
        value: text,
        says: says('ENV_UNKNOWN_RULE', { env, rule: bad, rules: [...CHECK_RULES] }),
      });
    return rules;
  };
}

export const SETTINGS: Setting[] = [
  {
    path: 'lang',
    attr: 'lang',
    env: 'FOLIO_LANG',
    defaultValue: undefined,
    fromConfig: (c) => c.lang,
    parse: (t) => (t.toLowerCase().startsWith('ru') ? 'ru' : 'en'),
  },
  {
    path: 'exactNames',
    attr: 'exactNames',
    env: 'FOLIO_EXACT_NAMES',
    defaultValue: false,
    fromConfig: (c) => c.exactNames,
    parse: yesNo('FOLIO_EXACT_NAMES'),
  },
  {
    path: 'thresholds.key',
    attr: 'key',
    env: 'FOLIO_KEY',
    defaultValue: DEFAULT_SHARE_OPTIONS.key,
    fromConfig: (c) => c.thresholds?.key,
    parse: percent('FOLIO_KEY'),
  },
  {
    path: 'thresholds.critical',
    attr: 'critical',
    env: 'FOLIO_CRITICAL',
    defaultValue: DEFAULT_SHARE_OPTIONS.critical,
    fromConfig: (c) => c.thresholds?.critical,
    parse: percent('FOLIO_CRITICAL'),
  },
  {
    path: 'thresholds.golden',
    attr: 'golden',
    env: 'FOLIO_GOLDEN',
    defaultValue: DEFAULT_SHARE_OPTIONS.golden,
    fromConfig: (c) => c.thresholds?.golden,
    parse: percent('FOLIO_GOLDEN'),
  },
  {
    path: 'thresholds.bands',
    attr: 'bands',
    env: 'FOLIO_BANDS',
    defaultValue: DEFAULT_SHARE_OPTIONS.bands,
    fromConfig: (c) => configBands(c.thresholds?.bands),
    parse: bands('FOLIO_BANDS'),
  },
  {
    path: 'thresholds.maxKeyClients',
    attr: 'maxKeyClients',
    env: 'FOLIO_MAX_KEY_CLIENTS',
    defaultValue: DEFAULT_SHARE_OPTIONS.maxKeyPerManager,
    fromConfig: (c) => c.thresholds?.maxKeyClients,
    parse: count('FOLIO_MAX_KEY_CLIENTS'),
  },
  {
    path: 'thresholds.fastDays',
    attr: 'fastDays',
    env: 'FOLIO_FAST_DAYS',
    defaultValue: 30,
    fromConfig: (c) => c.thresholds?.fastDays,
    parse: count('FOLIO_FAST_DAYS'),
  },
  {
    path: 'thresholds.big',
    attr: 'big',
    env: 'FOLIO_BIG',
    defaultValue: undefined,
    fromConfig: (c) => bigAmount(c.thresholds?.big),
    parse: (t) => bigAmount(number('FOLIO_BIG', (n) => n >= 0, 'an amount')(t)),
  },
  {
    path: 'thresholds.maxLeads',
    attr: 'maxLeads',
    env: 'FOLIO_MAX_LEADS',
    defaultValue: undefined,
    fromConfig: (c) => c.thresholds?.maxLeads,
    parse: count('FOLIO_MAX_LEADS'),
  },
  {
    path: 'thresholds.maxGap',
    attr: 'maxGap',
    env: 'FOLIO_MAX_GAP',
    defaultValue: DEFAULT_CADENCE.maxGap,
    fromConfig: (c) => c.thresholds?.maxGap,
    parse: count('FOLIO_MAX_GAP'),
  },
  {
    path: 'thresholds.cooloff',
    attr: 'cooloff',
    env: 'FOLIO_COOLOFF',
    defaultValue: DEFAULT_CADENCE.cooloff,
    fromConfig: (c) => c.thresholds?.cooloff,
    parse: count('FOLIO_COOLOFF'),
  },
  {
    path: 'thresholds.dossierMonths',
    attr: 'dossierMonths',
    env: 'FOLIO_DOSSIER_MONTHS',
    defaultValue: DEFAULT_CADENCE.dossierMonths,
    fromConfig: (c) => c.thresholds?.dossierMonths,
    parse: count('FOLIO_DOSSIER_MONTHS'),
  },
  {
    path: 'thresholds.followUpDays',
    attr: 'followUpDays',
    env: 'FOLIO_FOLLOW_UP_DAYS',
    defaultValue: DEFAULT_OFFERS.followUpDays,
    fromConfig: (c) => c.thresholds?.followUpDays,
    parse: count('FOLIO_FOLLOW_UP_DAYS'),
  },
  {
    path: 'thresholds.expiringDays',
    attr: 'expiringDays',
    env: 'FOLIO_EXPIRING_DAYS',
    defaultValue: DEFAULT_OFFERS.expiringDays,
    fromConfig: (c) => c.thresholds?.expiringDays,
    parse: count('FOLIO_EXPIRING_DAYS'),
  },
  {
    path: 'thresholds.confidence',
    attr: 'confidence',
    env: 'FOLIO_CONFIDENCE',
    defaultValue: DEFAULT_FUNNEL.confidence,
    fromConfig: (c) => c.thresholds?.confidence,
    parse: number('FOLIO_CONFIDENCE', (n) => n > 0 && n < 1, 'a number above 0 and below 1, such as 0.9'),
  },
  {
    path: 'holidays',
    attr: 'holidays',
    env: 'FOLIO_HOLIDAYS',
    defaultValue: [],
    fromConfig: (c, file) => configHolidays(c.holidays, file),
    parse: words,
  },
  {
    path: 'thresholds.months',
    attr: 'months',
    env: 'FOLIO_MONTHS',
    defaultValue: DEFAULT_DYNAMICS.months,
    fromConfig: (c) => c.thresholds?.months,
    parse: count('FOLIO_MONTHS'),
  },
  {
    path: 'thresholds.abc',
    attr: 'abc',
    env: 'FOLIO_ABC',
    defaultValue: [DEFAULT_DYNAMICS.abc.a, DEFAULT_DYNAMICS.abc.b],
    fromConfig: (c) => configBounds(c.thresholds?.abc, true),
    parse: boundsOf('FOLIO_ABC', true),
  },
  {
    path: 'thresholds.xyz',
    attr: 'xyz',
    env: 'FOLIO_XYZ',
    defaultValue: [DEFAULT_DYNAMICS.xyz.x, DEFAULT_DYNAMICS.xyz.y],
    fromConfig: (c) => configBounds(c.thresholds?.xyz, false),
    parse: boundsOf('FOLIO_XYZ', false),
  },
  {
    path: 'thresholds.dormantFactor',
    attr: 'dormantFactor',
    env: 'FOLIO_DORMANT_FACTOR',
    defaultValue: DEFAULT_DYNAMICS.dormantFactor,
    fromConfig: (c) => c.thresholds?.dormantFactor,
    parse: number('FOLIO_DORMANT_FACTOR', isFactor, 'a number above 0'),
  },
  {
    path: 'thresholds.dormantDays',
    attr: 'dormantDays',
    env: 'FOLIO_DORMANT_DAYS',
    defaultValue: DEFAULT_DYNAMICS.dormantDays,
    fromConfig: (c) => c.thresholds?.dormantDays,
    parse: count('FOLIO_DORMANT_DAYS'),
  },
  {
    path: 'thresholds.maxManagerShare',
    attr: 'maxManagerShare',
    env: 'FOLIO_MAX_MANAGER_SHARE',
    defaultValue: DEFAULT_DYNAMICS.maxManagerShare,
    fromConfig: (c) => c.thresholds?.maxManagerShare,
    parse: percent('FOLIO_MAX_MANAGER_SHARE'),
  },
  {
    path: 'thresholds.wantMin',
    attr: 'wantMin',
    env: 'FOLIO_WANT_MIN',
    defaultValue: undefined,
    fromConfig: (c) => c.thresholds?.wantMin,
    parse: number('FOLIO_WANT_MIN', () => true, 'a number'),
  },
  {
    path: 'thresholds.canMin',
    attr: 'canMin',
    env: 'FOLIO_CAN_MIN',
    defaultValue: undefined,
    fromConfig: (c) => c.thresholds?.canMin,
    parse: number('FOLIO_CAN_MIN', () => true, 'a number'),
  },
  {
    path: 'statuses.won',
    attr: 'won',
    env: 'FOLIO_WON',
    defaultValue: [],
    fromConfig: (c) => c.statuses?.won,
    parse: words,
    builtIn: ALL_WON,
  },
  {
    path: 'statuses.lost',
    attr: 'lost',
    env: 'FOLIO_LOST',
    defaultValue: [],
    fromConfig: (c) => c.statuses?.lost,
    parse: words,
    builtIn: BUILT_IN.lost,
  },
  {
    path: 'statuses.open',
    attr: 'open',
    env: 'FOLIO_OPEN',
    defaultValue: [],
    fromConfig: (c) => c.statuses?.open,
    parse: words,
    builtIn: BUILT_IN.open,
  },
  {
    path: 'statuses.refund',
    attr: 'refund',
    env: 'FOLIO_REFUND',
    defaultValue: [],
    fromConfig: (c) => c.statuses?.refund,
    parse: words,
    builtIn: BUILT_IN.refund,
  },
  {
    path: 'outcomes.positive',
    attr: 'positive',
    env: 'FOLIO_POSITIVE',
    defaultValue: [],
    fromConfig: (c) => c.outcomes?.positive,
    parse: words,
    builtIn: BUILT_IN.positive,
  },
  {
    path: 'outcomes.negative',
    attr: 'negative',
    env: 'FOLIO_NEGATIVE',
    defaultValue: [],
    fromConfig: (c) => c.outcomes?.negative,
    parse: words,
    builtIn: BUILT_IN.negative,
  },
  {
    path: 'outcomes.neutral',
    attr: 'neutral',
    env: 'FOLIO_NEUTRAL',
    defaultValue: [],
    fromConfig: (c) => c.outcomes?.neutral,
    parse: words,
    builtIn: BUILT_IN.neutral,
  },
  {
    path: 'personalChannels',
    attr: 'personalChannels',
    env: 'FOLIO_PERSONAL_CHANNELS',
    defaultValue: [],
    fromConfig: (c) => c.personalChannels,
    parse: words,
    builtIn: BUILT_IN.personalChannels,
  },
  {
    path: 'otherChannels',
    attr: 'otherChannels',
    env: 'FOLIO_OTHER_CHANNELS',
    defaultValue: [],
    fromConfig: (c) => c.otherChannels,
    parse: words,
    builtIn: BUILT_IN.otherChannels,
  },
  {
    path: 'phoneChannels',
    attr: 'phoneChannels',
    env: 'FOLIO_PHONE_CHANNELS',
    defaultValue: [],
    fromConfig: (c) => c.phoneChannels,
    parse: words,
    builtIn: BUILT_IN.phoneChannels,
  },
  {
    path: 'meetingChannels',
    attr: 'meetingChannels',
    env: 'FOLIO_MEETING_CHANNELS',
    defaultValue: [],
    fromConfig: (c) => c.meetingChannels,
    parse: words,
    builtIn: BUILT_IN.meetingChannels,
  },
  {
    path: 'check.failOn',
    attr: 'failOn',
    env: 'FOLIO_FAIL_ON',
    defaultValue: ['invalid', 'cadence', 'cooloff'],
    fromConfig: (c) => c.check?.failOn,
    parse: failOn('FOLIO_FAIL_ON'),
  },
];

/**
 * The config file's `holidays`: `ru`, `bg` and files, a file's path taken from the config
 * file's folder (the same file whatever folder folio runs in).
 */
function configHolidays(value: string | string[] | undefined, file: string | null): string[] | undefined {
  if (value === undefined) return undefined;
  const folder = file === null ? '.' : dirname(file);
  return (Array.isArray(value) ? value : [value]).map((v) =>
    (COUNTRIES as readonly string[]).includes(v.trim().toLowerCase()) ? v : resolve(folder, v),
  );
}

/** The config file's bands, already checked by its schema. */
function configBands(list: number[] | undefined): ShareOptions['bands'] | undefined {
  const b = list === undefined ? undefined : toBands(list);
  return typeof b === 'object' ? b : undefined;
}

function bigAmount(n: number | undefined): Amount | undefined {
  if (n === undefined) return undefined;
  // The config schema and the env reader have already refused anything but a positive number.
  return amountFromText(String(n)) ?? undefined;
}

export interface Resolved {
  path: string;
  /** For a list that adds up: the built-in entries followed by every layer's additions. */
  value: unknown;
  /** The last layer that gave a value (for a list: that added to it). */
  source: Source;
  /** For a list that adds up: what each layer gave, built-in entries first. */
  layers?: { source: Source; value: readonly string[] }[];
}

/** Every setting's value and where it came from: defaults < config file < FOLIO_* < flags. */
export function resolveSettings(
  loaded: LoadedConfig,
  env: NodeJS.ProcessEnv,
  flag: (attr: string) => unknown = () => undefined,
): Resolved[] {
  return SETTINGS.map((s) => {
    const layers: [Source, unknown][] = [
      ['default', s.defaultValue],
      ['config', s.fromConfig(loaded.config, loaded.file)],
      ['env', env[s.env] !== undefined && env[s.env] !== '' ? s.parse(env[s.env] as string) : undefined],
      ['flag', flag(s.attr)],
    ];
    if (s.builtIn !== undefined) {
      const added = layers.filter(
        (l): l is [Source, string[]] => l[0] !== 'default' && Array.isArray(l[1]) && l[1].length > 0,
      );
      const parts = [
        { source: 'default' as Source, value: s.builtIn },
        ...added.map(([source, value]) => ({ source, value })),
      ];
      return {
        path: s.path,
        value: parts.flatMap((p) => p.value),
        source: parts[parts.length - 1]?.source ?? 'default',
        layers: parts,
      };
    }
    let value: unknown;
    let source: Source = 'default';
    for (const [layer, v] of layers) {
      if (v === undefined) continue;
      value = v;
      source = layer;
    }
    return { path: s.path, value, source };
  });
}

/** What a command's flag receives: a list's additions from every layer (the built-in entries are added where it is used), or the value. */
export function flagValue(r: Resolved): unknown {
  return r.layers ? r.layers.filter((l) => l.source !== 'default').flatMap((l) => l.value) : r.value;
}

/** `field=header` entries of the config file's column map for one input, under the --map ones. */
export function configColumns(loaded: LoadedConfig, role: Role): string[] {
  const map = loaded.config.columns?.[role] ?? {};
  return Object.entries(map).map(([field, header]) => `${field}=${header}`);
}
