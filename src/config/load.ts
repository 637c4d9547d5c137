import { says } from '../codes/error-fields.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FolioError } from '../folio-error.js';
import type { FolioConfig } from './schema.js';

export const CONFIG_FILE = 'folio.config.json';

export interface LoadedConfig {
  config: FolioConfig;
  /** The file read, or null when there is none. */
  file: string | null;
}

/**
 * `--config FILE`, else `folio.config.json` in the current folder if it exists. The file is
 * JSON, validated with zod; an error names the key, the value and what is allowed.
 */
export async function loadConfig(explicit: string | undefined, cwd: string = process.cwd()): Promise<LoadedConfig> {
  const file = explicit ?? resolve(cwd, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (explicit === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return { config: {}, file: null };
    throw new FolioError({
      code: 'CONFIG',
      file,
      says: says('CONFIG_UNREADABLE', {}),
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FolioError({
      code: 'CONFIG',
      file,
      says: says('CONFIG_NOT_JSON', { reason: (error as Error).message }),
    });
  }
  // zod is loaded only when there is a file to validate: most runs have none.
  const { configSchema } = await import('./schema.js');
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    const value = valueAt(data, issue?.path ?? []);
    const key =
      issue?.code === 'unrecognized_keys' ? `${path ? `${path}.` : ''}${issue.keys.join(', ')}` : path || '(top level)';
    throw new FolioError({
      code: 'CONFIG',
      file,
      says: says('CONFIG_INVALID', {
        key,
        unknown: issue?.code === 'unrecognized_keys',
        value: JSON.stringify(value),
        reason: issue?.message ?? 'invalid',
      }),
    });
  }
  return { config: parsed.data, file };
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v = data;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}
