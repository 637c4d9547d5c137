import type { Redactor } from '../run/redact.js';
import type { LoadedConfig } from '../config/load.js';
import type { Lang } from '../present/i18n.js';

/** What a command needs from the process, passed in so tests can run the CLI in-process. */
export interface CliContext {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** `--color` / `--no-color`, when given. */
  color: boolean | undefined;
  debug: boolean;
  /** The config file as loaded before the command ran. */
  config: LoadedConfig;
  /** `--verbose`: a summary of every input on stderr at the end. */
  verbose: boolean;
  /** When the run started (ms), for the verbose summary. */
  started: number;
  /** The language of everything said to a person (`--lang`, the config, FOLIO_LANG or LANG); JSON has none. */
  lang: Lang;
  /** Under `--redact`: learns the names the inputs hold and replaces them in everything printed. */
  redactor?: Redactor;
}
