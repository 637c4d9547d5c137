import { Command, Option } from 'commander';
import { says } from '../codes/error-fields.js';
import { DEFAULT_FUNNEL } from '../analyses/funnel.js';
import { readNumber } from '../config/values.js';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import {
  addInputOptions,
  addLastOption,
  addOutputOptions,
  addRedactOption,
  addStatusOptions,
  collect,
  periodAndAsOf,
  list,
  outputFormat,
  secondInput,
  severalInputs,
  stdinOnce,
  usage,
  vocabularyOf,
  type RawOptions,
} from './options.js';
import { requireInput } from './stdin.js';

type FunnelFlags = RawOptions & {
  deals: string[];
  dealsMap: string[];
  stages: string[];
  history: string[];
  historyMap: string[];
  confidence: number;
  phoneChannels: string[];
  meetingChannels: string[];
  otherChannels: string[];
};

/** `--confidence 0.9`: above 0 and below 1. */
export function confidenceValue(flag: string): (text: string) => number {
  return (text) => {
    const n = readNumber(text);
    if (n === null || n <= 0 || n >= 1)
      throw usage(says('FLAG_VALUE', { flag, text, what: 'a number above 0 and below 1, such as 0.9 for 90%' }));
    return n;
  };
}

/** The funnel's rule and channel flags, shared by `funnel`, `report` and `check`. */
export function addFunnelRuleOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--confidence <level>',
        "a manager's step is weak when the upper end of this Wilson interval of its rate is below the team's rate",
      )
        .default(DEFAULT_FUNNEL.confidence)
        .argParser(confidenceValue('--confidence')),
    )
    .option(
      '--phone-channels <values>',
      'more channels that are a phone consultation (added to call, phone, звонок...)',
      list,
      [],
    )
    .option(
      '--meeting-channels <values>',
      'more channels that are a face-to-face meeting (added to meeting, visit, viewing, показ...)',
      list,
      [],
    );
}

export function funnelCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('funnel')
    .description(
      'the sales funnel per manager: consulted by phone → met face to face → won (or pipeline stages), and the step where each manager loses clients',
    )
    .argument(
      '<inputs...>',
      'activity log export(s) read as one log; with --stages, deals export(s); or - for standard input',
    )
    .option('--deals <file>', 'deals export: the won deals of the last step; repeatable', collect, [])
    .option('--deals-map <field=header>', '--map for the deals files; repeatable', collect, [])
    .option(
      '--stages <list>',
      'a funnel by pipeline stage instead: the stages in order, comma-separated (the inputs are deals exports)',
      list,
      [],
    )
    .option('--history <file>', 'stage log of the deals (deal ID, stage, date), with --stages; repeatable', collect, [])
    .option('--history-map <field=header>', '--map for the stage logs (id, stage, date); repeatable', collect, [])
    .option('--as-of <date>', 'the last day a meeting or a deal counts (default: today)')
    .option(
      '--period <period>',
      'the window of the first calls (with --stages: of the deals created) (default: the last full month before as-of; with --stages every deal)',
    )
    .option('--from <date>', 'first day of the window')
    .option('--to <date>', 'last day of the window');
  addLastOption(cmd);
  addFunnelRuleOptions(cmd);
  cmd.option(
    '--other-channels <values>',
    'more channels that are neither a call nor a meeting (added to e-mail, chat, video...)',
    list,
    [],
  );
  addStatusOptions(cmd).option('--currency <code>', 'count only deals in this currency');
  addRedactOption(cmd);
  addOutputOptions(cmd);
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  folio funnel activities.csv --deals deals.csv                  last month's calls: met, won, per manager
  folio funnel звонки.csv --deals сделки.csv --period 2026-10 --as-of 2026-11-23 --lang ru
  folio funnel deals.csv --stages "Первичный контакт,Переговоры,КП,Договор,Успешно реализовано"
  folio funnel deals.csv --stages "New,Demo,Proposal,Won" --history stage-log.csv --json

A manager's weak step is flagged only when the upper end of the 90% Wilson interval of the
manager's rate is below the team's rate: 2 of 20 against a team's 30% is, 1 of 4 is not.`,
  );
  cmd.action(async (files: string[], flags: FunnelFlags) => {
    for (const file of files) requireInput(ctx, file, cmd);
    stdinOnce([...files, ...flags.deals, ...flags.history]);
    const staged = flags.stages.length > 0;
    if (staged && flags.stages.length < 2) throw usage(says('FUNNEL_FEW_STAGES', { count: flags.stages.length }));
    if (staged && flags.deals.length > 0) throw usage(says('FUNNEL_FLAG_MODE', { flag: '--deals', stages: true }));
    if (!staged && flags.history.length > 0)
      throw usage(says('FUNNEL_FLAG_MODE', { flag: '--history', stages: false }));
    const { runFunnel } = await import('../run/funnel.js');
    // A past period is looked at as of the day after it, as in `report`.
    const { period, asOf } = periodAndAsOf(flags);
    const output = await runFunnel({
      inputs: severalInputs(files, flags),
      stages: flags.stages,
      deals: severalInputs(flags.deals, flags, (file) => secondInput(file, flags.dealsMap, flags)),
      history: severalInputs(flags.history, flags, (file) => secondInput(file, flags.historyMap, flags)),
      period,
      asOf,
      vocabulary: vocabularyOf(flags),
      currency: flags.currency?.toUpperCase(),
      confidence: flags.confidence,
      lang: ctx.lang,
    });
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
