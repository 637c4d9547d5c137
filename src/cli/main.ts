import { readFileSync, rmSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { CONFIG_FILE, loadConfig } from '../config/load.js';
import type { Role } from '../load/inputs.js';
import { applyColumns, applySettings } from './apply-settings.js';
import { chooseFormat } from '../run/formats.js';
import { LANGS, langFromEnv, type Lang } from '../present/i18n.js';
import { usageText } from '../present/messages/usage.js';
import { annotation } from '../present/github.js';
import { ERROR_WORDS, errorInLang } from '../present/messages/error-words.js';
import { describeProblem, EXIT, FolioError } from '../folio-error.js';
import { setProgressListener } from '../io/progress.js';
import { setTraceWriter } from '../io/trace.js';
import { pendingTempFiles } from '../io/write-output.js';
import { colorEnabled, painter } from './color.js';
import { manualPage, usage } from './options.js';
import { says } from '../codes/error-fields.js';
import type { CliContext } from './context.js';
import { cadenceCommand } from './cadence.js';
import { checkCommand } from './check.js';
import { configCommand } from './config.js';
import { inspectCommand } from './inspect.js';
import { terminalProgress } from './progress.js';
import { leadsCommand } from './leads.js';
import { matrixCommand } from './matrix.js';
import { offersCommand } from './offers.js';
import { funnelCommand } from './funnel.js';
import { reportCommand } from './report.js';
import { schemaCommand } from './schema.js';
import { shareCommand } from './share.js';
import { dynamicsCommand } from './dynamics.js';

/** The input a command's file argument is. */
const PRIMARY_ROLE: Record<string, Role> = {
  share: 'deals',
  dynamics: 'deals',
  inspect: 'deals',
  matrix: 'clients',
  leads: 'leads',
  cadence: 'activities',
  offers: 'offers',
  funnel: 'activities',
};

/** The role of the file argument: the funnel's is a deals export under --stages, else an activity log. */
function primaryRole(cmd: Command): Role | null {
  if (cmd.name() === 'funnel' && (cmd.getOptionValue('stages') as string[]).length > 0) return 'deals';
  return PRIMARY_ROLE[cmd.name()] ?? null;
}

/** The npm name: `folio` on the registry is someone else's package; the command is still `folio`. */
const PACKAGE_NAME = 'folio-sales';

/** The package version, from package.json one or two folders up (the bundle in dist/, or src/cli/ in tests). */
function version(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (pkg.name === PACKAGE_NAME) return pkg.version;
    } catch {
      // Not at this depth.
    }
  }
  return 'unknown';
}

/**
 * Where commander writes. Its usage errors are held back and printed by `reportError`, the
 * one place where an error becomes exit 2, in the language asked for.
 */
function output(ctx: CliContext): {
  writeOut: (s: string) => void;
  writeErr: (s: string) => void;
  outputError: () => void;
} {
  return { writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s), outputError: () => undefined };
}

/** The language of a message printed before the command ran: `--lang`, FOLIO_LANG, then the locale. */
function earlyLang(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const at = argv.indexOf('--lang');
  const flag = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  if (flag === 'ru' || flag === 'en') return flag;
  if (env.FOLIO_LANG) return env.FOLIO_LANG.toLowerCase().startsWith('ru') ? 'ru' : 'en';
  return langFromEnv(env);
}

/** Every command, in the order of the help, by the name it is called with. */
const COMMANDS: [string, (ctx: CliContext, done: (code: number) => void) => Command][] = [
  ['report', reportCommand],
  ['check', checkCommand],
  ['share', shareCommand],
  ['dynamics', dynamicsCommand],
  ['matrix', matrixCommand],
  ['leads', leadsCommand],
  ['cadence', cadenceCommand],
  ['offers', offersCommand],
  ['funnel', funnelCommand],
  ['inspect', inspectCommand],
  ['config', configCommand],
  ['schema', schemaCommand],
];

/** The flags of the program itself that take no value. */
const GLOBAL_FLAGS = new Set(['--color', '--no-color', '--debug', '--verbose']);

/**
 * The command argv runs, when only global flags come before its name. Only that command is
 * then built: the options of all eleven cost a few milliseconds of start-up. Anything else
 * (no command, help, a misspelt name) builds them all, for the list and the suggestions.
 */
function namedCommand(argv: string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--config' || arg === '--lang') i++;
    else if (!GLOBAL_FLAGS.has(arg) && !arg.startsWith('--config=') && !arg.startsWith('--lang='))
      return COMMANDS.some(([name]) => name === arg) ? arg : undefined;
  }
  return undefined;
}

export function buildProgram(ctx: CliContext, done: (code: number) => void, argv: string[]): Command {
  const program = new Command('folio')
    .description(
      'Sales-portfolio analysis of CRM exports: CSV, Excel workbooks, Bitrix24 HTML .xls, Parquet (amoCRM, Bitrix24, 1C, HubSpot, Salesforce, Pipedrive, Zoho, Excel).',
    )
    .version(version(), '-V, --version', 'print the version')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also NO_COLOR=1, or when output is not a terminal)')
    .option('--debug', 'show the stack trace of an internal error')
    .option('--verbose', 'print what happened to the rows of every input on stderr')
    .option('--config <file>', `settings file (default: ./${CONFIG_FILE} when it exists)`)
    // Also before the command's name (`folio --lang ru share …`), as the other global flags.
    .addOption(
      new Option('--lang <lang>', 'language of tables, documents and workbooks (default from LANG)').choices([
        ...LANGS,
      ]),
    )
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output(ctx))
    .addHelpText(
      'after',
      `
Examples:
  folio report ./export                       the monthly report on a folder of exports
  folio check ./export --format github        a CI gate: exit 1 when the data breaks a rule
  folio share deals.csv --period 2026-Q3      revenue classes and concentration
  folio dynamics deals.csv                    ABC/XYZ, dormant clients, stages over 12 months
  folio inspect export.csv                    how folio reads a file (encoding, columns, formats)
  folio share deals.csv --json | jq '.result.portfolio.keyShare'

Exit codes: 0 done, 1 a requested check failed, 2 usage or input error, 70 internal error (a bug in folio), 130 interrupted.`,
    );
  program.hook('preAction', async (_program, cmd) => {
    const opts = cmd.optsWithGlobals<{
      color?: boolean;
      debug?: boolean;
      config?: string;
      verbose?: boolean;
      format?: string;
      json?: boolean;
      output?: string;
    }>();
    // Commander sets color=true by default for --no-color; only an explicit flag counts.
    const source = program.getOptionValueSource('color');
    ctx.color = source === 'cli' ? opts.color : undefined;
    ctx.debug = opts.debug === true;
    ctx.verbose = opts.verbose === true;
    // A progress line only for a person watching a terminal, never into JSON consumers or CI logs.
    // Decided before any input is read, so that a --format contradicting -o FILE costs nothing.
    const format = chooseFormat(opts.format, opts.json === true, opts.output);
    // A workbook's bytes would only garble a terminal; to a file or a pipe they go.
    if (format === 'xlsx' && opts.output === undefined && ctx.stdout.isTTY === true)
      throw usage(says('WORKBOOK_TO_TERMINAL', {}));
    if (ctx.stderr.isTTY && format !== 'json' && !ctx.env.CI) setProgressListener(terminalProgress(ctx.stderr));
    ctx.config = await loadConfig(opts.config);
    applySettings(cmd, ctx.config, ctx.env);
    applyColumns(cmd, ctx.config, primaryRole(cmd));
    // The command line before the config file and the environment: the command's --lang, then
    // the one before its name, then the command's from the settings.
    const langOf = (c: Command): Lang | undefined => c.opts<{ lang?: Lang }>().lang;
    ctx.lang =
      (cmd.getOptionValueSource('lang') === 'cli' ? langOf(cmd) : undefined) ??
      langOf(program) ??
      langOf(cmd) ??
      ctx.lang;
    const flags = cmd.opts<{ redact?: boolean; redactKeyFile?: string; keyClient?: string[]; exactNames?: boolean }>();
    // One set of client names for every input of the run (see inputOptions), keyed as the settings say.
    let clientKeyOf: ((name: string) => string) | undefined;
    if (cmd.options.some((o) => o.attributeName() === 'exactNames')) {
      const { ClientNames } = await import('../normalize/client-names.js');
      const clientNames = new ClientNames(flags.exactNames === true ? 'exact' : 'merged');
      cmd.setOptionValue('clientNames', clientNames);
      clientKeyOf = (name) => clientNames.key(name);
    }
    if (flags.redactKeyFile !== undefined && flags.redact !== true)
      throw new FolioError({
        code: 'USAGE',
        says: says('REDACT_KEY_WITHOUT_REDACT', {}),
      });
    if (flags.redact === true) {
      // node:crypto (for the names' pseudonyms) loads only for --redact.
      const { Redactor, redactKey } = await import('../run/redact.js');
      const redactor = new Redactor(await redactKey(flags.redactKeyFile, ctx.env), clientKeyOf);
      ctx.redactor = redactor;
      // The inputs report their names to it as they are read (see inputOptions).
      cmd.setOptionValue('names', redactor);
      for (const name of flags.keyClient ?? []) redactor.learn(name, 'client');
    }
  });
  const named = namedCommand(argv);
  for (const [name, make] of COMMANDS) {
    if (named !== undefined && name !== named) continue;
    const cmd = make(ctx, done);
    cmd.exitOverride().configureOutput(output(ctx));
    program.addCommand(cmd);
  }
  // Each command's help ends with its page of the manual (help-ru.ts says it in Russian).
  program.addHelpText('afterAll', ({ command }) =>
    command === program ? '' : `\nManual: ${manualPage(command.name())}`,
  );
  return program;
}

/** Run folio with `argv` (as process.argv); resolve to the exit code. */
export async function main(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  let code: number = EXIT.ok;
  // Until the command settles it (with the config file), errors speak what argv and env say.
  ctx.lang = earlyLang(argv, ctx.env);
  setTraceWriter(ctx.env.FOLIO_TRACE_THREADS === '1' ? (line) => ctx.stderr.write(line) : null);
  const program = buildProgram(
    ctx,
    (c) => {
      code = c;
    },
    argv,
  );
  // The help screens speak Russian too; their words load only then.
  if (ctx.lang === 'ru') (await import('./help-ru.js')).speakRussian(program);
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    return await reportError(error, ctx, argv);
  }
}

export async function reportError(error: unknown, ctx: CliContext, argv: string[]): Promise<number> {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return EXIT.ok;
    const message = error.message.endsWith('\n') ? error.message : `${error.message}\n`;
    const said = usageText(error.code, message, earlyLang(argv, ctx.env), namedCommand(argv));
    ctx.stderr.write(said);
    if (githubAsked(argv)) ctx.stdout.write(`${annotation('error', { title: 'folio' }, said.trim())}\n`);
    return EXIT.input;
  }
  const paint = await painter(colorEnabled(ctx.color, ctx.env, ctx.stderr.isTTY));
  if (error instanceof FolioError) {
    // Under --redact a value may be a client's name: say where, not what, and replace every
    // name the inputs taught the redactor.
    const redact = ctx.redactor !== undefined || argv.includes('--redact');
    const clean = (text: string): string => ctx.redactor?.text(text) ?? text;
    // The command may not have reached reading --lang: the flag itself, else what it read.
    const lang = argv.some((a) => a === '--lang' || a.startsWith('--lang=')) ? earlyLang(argv, ctx.env) : ctx.lang;
    const said = errorInLang(error, lang);
    const located = {
      file: error.file,
      sheet: error.sheet,
      line: error.line,
      column: error.column,
      header: error.header,
      value: error.value,
      message: said.message,
    };
    const shown = redact
      ? {
          ...located,
          message: clean(said.message),
          header: error.header === undefined ? undefined : clean(error.header),
          value: undefined,
        }
      : located;
    ctx.stderr.write(`${paint('bad', 'folio:')} ${describeProblem(shown, ERROR_WORDS[lang].sheet)}\n`);
    // Under a redactor the inputs' problems were recorded without their values.
    if (!redact || ctx.redactor) for (const line of said.more) ctx.stderr.write(`  ${clean(line)}\n`);
    if (said.moreCount > 0) ctx.stderr.write(`  ${ERROR_WORDS[lang].more(said.moreCount)}\n`);
    if (said.hint) ctx.stderr.write(`  ${paint('muted', ERROR_WORDS[lang].hint)} ${clean(said.hint)}\n`);
    // In a GitHub Actions log the error is also an annotation on the file and line it names.
    // A cell of a workbook has no line of the file to point at: the message keeps its sheet and cell.
    if (githubAsked(argv)) {
      const inSheet = error.sheet !== undefined;
      const place = inSheet
        ? { file: error.file, title: 'folio' }
        : { file: error.file, line: error.line, col: error.column, title: 'folio' };
      const text = describeProblem(
        inSheet ? shown : { ...shown, file: undefined, line: undefined, column: undefined },
        ERROR_WORDS[lang].sheet,
      );
      const hint = said.hint ? ` (${ERROR_WORDS[lang].hint} ${clean(said.hint)})` : '';
      const more = !redact || ctx.redactor ? said.more.map(clean) : [];
      const lines = [
        annotation('error', place, `${text}${hint}`),
        ...more.map((line) => annotation('error', { title: 'folio' }, line)),
      ];
      ctx.stdout.write(`${lines.join('\n')}\n`);
    }
    return error.exitCode;
  }
  const debug = ctx.debug || argv.includes('--debug');
  const message = error instanceof Error ? error.message : String(error);
  // A bug is reported in English whatever the language: it goes to the maintainers.
  const words = ERROR_WORDS.en;
  ctx.stderr.write(`folio: ${words.internal(message)}\n`);
  if (debug && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
  else ctx.stderr.write(`  ${words.hint} ${words.debug}\n`);
  return EXIT.internal;
}

/** `--format github` (or `-f github`, `--format=github`) on the command line: errors become annotations too. */
function githubAsked(argv: string[]): boolean {
  return argv.some(
    (a, i) =>
      a === '--format=github' ||
      a === '-fgithub' ||
      ((a === '--format' || a === '-f') && argv[i + 1]?.trim().toLowerCase() === 'github'),
  );
}

function processContext(): CliContext {
  // `folio ... | head` closes stdout early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  // A closed stderr (`2>&1 | head -1`) must not turn the exit code of a gate into 1: the
  // messages are lost, the code stands.
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const interrupted = (): void => {
    for (const file of pendingTempFiles) {
      // Synchronous: the process is about to end.
      rmSync(file, { force: true });
    }
    process.exit(EXIT.interrupted);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    color: undefined,
    debug: false,
    config: { config: {}, file: null },
    verbose: false,
    lang: langFromEnv(process.env),
    started: Date.now(),
  };
}
