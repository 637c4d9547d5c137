import { says } from '../codes/error-fields.js';
import type { KeyClient } from './cadence.js';
import type { RevenueLedger } from './ledger.js';
import { compareNames } from './name-order.js';
import { analyzeShare, isKeyClass, type ShareOptions } from './share.js';
import { FolioError } from '../folio-error.js';
import { addMonths } from '../normalize/dates.js';
import { periodJson, type Period } from '../normalize/period.js';
import { displayName } from '../normalize/text.js';
import type { ClientNames } from '../normalize/client-names.js';
import type { ClientRow } from '../normalize/clients.js';

/** The clients files as read: their rows, and which columns each has (all the same fields). */
export interface ClientsRead {
  clients: ClientRow[];
  inputs: { columns: Record<string, string>; headerLine: number }[];
}

/** How a key client was chosen: by name, every client, a clients file's key column, or revenue classes. */
export type KeyFrom = 'named' | 'all' | 'clients-file' | '12m' | 'period';

/** The sources of key clients a command was given; each adds its clients. */
export interface KeySources {
  /** How the run keys its clients: a key client is found in the log by its key. */
  names: ClientNames;
  named: readonly string[];
  all: boolean;
  /** Revenue over a window: clients of the key, critical and golden classes are key. */
  classes: { ledger: RevenueLedger; share: ShareOptions; from: '12m' | 'period'; over: Period } | null;
  /** The clients file: its key column counts when `useKeyColumn`; its managers and dossier dates always do. */
  clients: { loaded: ClientsRead; file: string; useKeyColumn: boolean } | null;
}

/** How the key clients were chosen, as the JSON and the cadence section say it. */
export interface KeyChoiceJson {
  from: KeyFrom[];
  /** The window of the revenue classes, when they chose. */
  classesOver: { from: string | null; to: string | null } | null;
  names: string[];
}

export type KeyClientEntry = KeyClient & { sources: KeyFrom[] };

export interface KeySet {
  clients: Map<string, KeyClientEntry>;
  dossierKnown: boolean;
  from: KeyFrom[];
  classesOver: Period | null;
}

/** The rules' default: revenue classes over the 12 months up to and including as-of. */
export function trailingYear(asOf: number): Period {
  return { from: addMonths(asOf, -12) + 1, to: asOf };
}

/** Whether any source can say which clients are key. */
export function hasKeySource(s: { named: readonly string[]; all: boolean; deals: boolean; clients: boolean }): boolean {
  return s.all || s.named.length > 0 || s.deals || s.clients;
}

export function noKeySource(): FolioError {
  return new FolioError({
    code: 'USAGE',
    says: says('KEY_CLIENTS_UNKNOWN', {}),
  });
}

/** The key clients every source names; names match by their key (`ClientNames`): case, quotes, punctuation, the place of the legal form aside. */
export function keySet(sources: KeySources): KeySet {
  const set: KeySet = { clients: new Map(), dossierKnown: false, from: [], classesOver: null };
  const add = (name: string, source: KeyFrom, manager: string | null): void => {
    const key = sources.names.key(name);
    const existing = set.clients.get(key);
    if (existing) {
      if (!existing.sources.includes(source)) existing.sources.push(source);
      existing.manager ??= manager;
      return;
    }
    set.clients.set(key, { key, name: displayName(name), manager, sources: [source] });
  };
  const { classes, clients } = sources;
  if (classes) {
    set.from.push(classes.from);
    set.classesOver = classes.over;
    const share = analyzeShare(classes.ledger.clients.values(), classes.share);
    for (const c of share.clients) if (isKeyClass(c.class)) add(c.client, classes.from, c.manager ?? null);
  }
  if (sources.named.length > 0) set.from.push('named');
  for (const name of sources.named) add(name, 'named', null);
  if (sources.all) set.from.push('all');
  if (clients) {
    // Every clients file maps the same fields: the first one says which the list has.
    const first = clients.loaded.inputs[0];
    const hasKey = first?.columns.key !== undefined;
    set.dossierKnown = first?.columns.dossier !== undefined;
    const useKey = clients.useKeyColumn && hasKey;
    if (clients.useKeyColumn && !hasKey && !classes && sources.named.length === 0 && !sources.all) {
      throw new FolioError({
        code: 'MISSING_COLUMN',
        file: clients.file,
        line: first?.headerLine,
        says: says('NO_KEY_COLUMN', {}),
      });
    }
    if (useKey) set.from.push('clients-file');
    for (const c of clients.loaded.clients) {
      const manager = c.manager.trim() === '' ? null : displayName(c.manager);
      if (useKey && c.key === true) add(c.client, 'clients-file', manager);
      const known = set.clients.get(sources.names.key(c.client));
      if (known) {
        if (set.dossierKnown) known.dossier = c.dossier;
        if (manager) known.manager = manager;
      }
    }
  }
  return set;
}

export function keyChoiceJson(set: KeySet): KeyChoiceJson {
  return {
    from: set.from,
    classesOver: periodJson(set.classesOver),
    names: [...set.clients.values()].map((k) => k.name).sort(compareNames),
  };
}
