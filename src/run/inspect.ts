import type { Role } from '../load/inputs.js';
import { warningJson } from '../present/messages/warnings.js';
import type { Vocabulary } from '../normalize/vocabulary.js';
import { type Lang } from '../present/i18n.js';
import { buildEnvelope } from '../schema/build.js';
import type { InputOptions } from '../load/input-options.js';
import type { CommandOutput } from './output.js';
import { inspectInput } from '../load/inspect.js';
import { inspectDoc, inspectTables, problemLines } from '../present/inspect.js';

/**
 * How folio reads an export, for the analyst whose numbers look wrong: as deals, leads, an
 * activity log or a clients file (`--as`, or told by the columns). Never stops at a bad value.
 */
export async function runInspect(
  input: InputOptions,
  lang: Lang,
  vocabulary: Vocabulary,
  as: Role | undefined,
): Promise<CommandOutput> {
  const read = await inspectInput(input, vocabulary, as);
  const { warnings, details } = read;
  const result = { ...read.result, problems: problemLines(details, 'en') };
  return {
    envelope: buildEnvelope('inspect', null, [], result, warnings.map(warningJson)),
    doc: () => inspectDoc(result, details, lang),
    tables: (lang) => inspectTables(result, lang),
    sectioned: false,
    exitCode: 0,
  };
}
