import { plain, type Paint, type Tone } from '../render/document.js';

/**
 * Colour on or off for one stream: `--no-color` and `--color` first, then NO_COLOR
 * (non-empty), FORCE_COLOR, TERM=dumb, and whether the stream is a terminal. chalk's own
 * detection ignores NO_COLOR, so folio decides and hands chalk a fixed level.
 */
export function colorEnabled(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (flag === false) return false;
  if (flag === true) return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '')
    return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return isTTY === true;
}

/** chalk is loaded only when colour is on: a piped or CI run never pays for it. */
export async function painter(enabled: boolean): Promise<Paint> {
  if (!enabled) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  const styles: Record<Tone, (s: string) => string> = {
    golden: (s) => chalk.yellow.bold(s),
    critical: (s) => chalk.red.bold(s),
    key: (s) => chalk.cyan(s),
    good: (s) => chalk.green(s),
    warn: (s) => chalk.yellow(s),
    bad: (s) => chalk.red(s),
    muted: (s) => chalk.gray(s),
    strong: (s) => chalk.bold(s),
  };
  return (tone, text) => styles[tone](text);
}
