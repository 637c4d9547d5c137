import { Command, Option } from 'commander';
import { DEFAULT_OFFERS } from '../analyses/offers.js';
import type { CliContext } from './context.js';
import { emit } from './emit.js';
import {
  addCadenceVocabularyOptions,
  addInputOptions,
  addLastOption,
  addOutputOptions,
  addRedactOption,
  addStatusOptions,
  collect,
  list,
  periodAndAsOf,
  outputFormat,
  positiveInt,
  secondInput,
  severalInputs,
  stdinOnce,
  vocabularyOf,
  type RawOptions,
} from './options.js';
import { requireInput } from './stdin.js';

type OffersFlags = RawOptions & {
  activities?: string[];
  activitiesMap: string[];
  followUpDays: number;
  expiringDays: number;
  currency?: string;
  holidays: string[];
};

/** `--follow-up-days`, `--expiring-days` and `--holidays`, shared by `offers`, `report` and `check`. */
export function addOfferRuleOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--follow-up-days <n>',
        'business days after sending by which an undecided offer needs a call, meeting or visit',
      )
        .default(DEFAULT_OFFERS.followUpDays)
        .argParser(positiveInt('--follow-up-days')),
    )
    .addOption(
      new Option('--expiring-days <n>', 'undecided offers expiring within this many days after as-of are on the agenda')
        .default(DEFAULT_OFFERS.expiringDays)
        .argParser(positiveInt('--expiring-days')),
    )
    .option(
      '--holidays <ru|bg|file>',
      "public holidays left out of the follow-up's business days: ru (Russia), bg (Bulgaria) and/or files of dates (comma-separated; repeatable)",
      list,
      [],
    );
}

export function offersCommand(ctx: CliContext, done: (code: number) => void): Command {
  const cmd = new Command('offers')
    .description(
      'commercial offers: follow-up calls due and missed, offers about to expire, expired ones (money left on the table)',
    )
    .argument('<offers...>', 'offers or quotes export(s) (CSV), or - for standard input')
    .option('--activities <log...>', 'activity log(s): the calls, meetings and visits that follow an offer up')
    .option('--activities-map <field=header>', '--map for the activity logs; repeatable', collect, [])
    .option('--as-of <date>', 'the day to check (default: the day after a past --period or --to, else today)')
    .option(
      '--period <period>',
      'list violations due and offers expired in this month, quarter or year (default: every one up to as-of)',
    )
    .option('--from <date>', 'first day of the window')
    .option('--to <date>', 'last day of the window')
    .option('--currency <code>', 'only offers in this currency (needed when the offers mix currencies)');
  addLastOption(cmd);
  addOfferRuleOptions(cmd);
  addStatusOptions(cmd);
  addCadenceVocabularyOptions(cmd);
  addRedactOption(cmd);
  addOutputOptions(cmd);
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  folio offers quotes.csv --activities activities.csv           calls due today, missed follow-ups, expiring offers
  folio offers кп.csv --activities звонки.csv --as-of 23.11.2026 --lang ru
  folio offers quotes.csv --expiring-days 14 --json | jq '.result.expired'
  folio offers кп.csv --activities звонки.csv --holidays ru,ru-2026.txt   Russian holidays, with the decree's moves

Statuses: accepted (accepted, signed, won, принято, согласовано, подписано, оплачено) and declined
(declined, rejected, lost, отклонено, отказ) need no follow-up; add spellings with --won and --lost.`,
  );
  cmd.action(async (files: string[], flags: OffersFlags) => {
    for (const file of files) requireInput(ctx, file, cmd);
    stdinOnce([...files, ...(flags.activities ?? [])]);
    const { runOffers } = await import('../run/offers.js');
    const { period, asOf } = periodAndAsOf(flags);
    const output = await runOffers({
      offers: severalInputs(files, flags),
      activities: severalInputs(flags.activities ?? [], flags, (file) => secondInput(file, flags.activitiesMap, flags)),
      vocabulary: vocabularyOf(flags),
      currency: flags.currency?.toUpperCase(),
      rules: {
        asOf,
        followUpDays: flags.followUpDays,
        expiringDays: flags.expiringDays,
        window: period,
      },
      holidays: flags.holidays,
      lang: ctx.lang,
    });
    done(await emit(ctx, output, outputFormat(flags), flags.output));
  });
  return cmd;
}
