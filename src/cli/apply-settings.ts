import type { Command } from 'commander';
import type { LoadedConfig } from '../config/load.js';
import { configColumns, flagValue, resolveSettings, SETTINGS, type Resolved } from '../config/settings.js';
import type { Role } from '../load/inputs.js';

/**
 * Give a command's flags the resolved settings, for the flags that command has, with their
 * source, so that the command reads one set of values whatever layer they came from.
 */
export function applySettings(cmd: Command, loaded: LoadedConfig, env: NodeJS.ProcessEnv): void {
  const attrs = new Set(cmd.options.map((o) => o.attributeName()));
  const fromCli = (attr: string): unknown =>
    cmd.getOptionValueSource(attr) === 'cli' ? cmd.getOptionValue(attr) : undefined;
  const resolved = resolveSettings(loaded, env, fromCli);
  SETTINGS.forEach((s, i) => {
    const r = resolved[i] as Resolved;
    const value = flagValue(r);
    if (!attrs.has(s.attr) || value === undefined) return;
    cmd.setOptionValueWithSource(s.attr, value, r.source === 'flag' ? 'cli' : r.source);
  });
}

/** Prepend the config file's column maps to the --map lists, so that a --map flag wins. */
export function applyColumns(cmd: Command, loaded: LoadedConfig, primary: Role | null): void {
  const lists: [string, Role | null][] = [
    ['map', primary],
    ['dealsMap', 'deals'],
    ['clientsMap', 'clients'],
    ['leadsMap', 'leads'],
    ['activitiesMap', 'activities'],
    ['offersMap', 'offers'],
  ];
  for (const [attr, role] of lists) {
    if (role === null || cmd.getOptionValue(attr) === undefined) continue;
    const fromConfig = configColumns(loaded, role);
    if (fromConfig.length > 0) cmd.setOptionValue(attr, [...fromConfig, ...(cmd.getOptionValue(attr) as string[])]);
  }
}
