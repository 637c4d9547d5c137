import type { Format } from '../run/formats.js';
import type { CommandOutput } from '../run/output.js';
import { progressDone } from '../io/progress.js';
import { warningText } from '../present/messages/warnings.js';
import { writeChunks, writeFileAtomic } from '../io/write-output.js';
import { colorEnabled, painter } from './color.js';
import type { CliContext } from './context.js';

/** The formats of documents for people, which list a report's warnings. */
const DOCUMENTS: ReadonlySet<Format> = new Set(['table', 'markdown', 'html']);

/**
 * Print a command's output: the data to stdout (or atomically to --output) as it is made,
 * warnings to stderr. Returns the exit code.
 */
export async function emit(
  ctx: CliContext,
  raw: CommandOutput,
  format: Format,
  outputFile: string | undefined,
): Promise<number> {
  progressDone();
  const output = ctx.redactor ? ctx.redactor.output(raw) : raw;
  const toTerminal = outputFile === undefined && format === 'table';
  const paint = await painter(toTerminal && colorEnabled(ctx.color, ctx.env, ctx.stdout.isTTY));
  const { render } = await import('../run/output.js');
  const chunks = await render(output, format, paint, ctx.lang);
  if (outputFile !== undefined) await writeFileAtomic(outputFile, chunks);
  else await writeChunks(ctx.stdout, chunks);
  const warn = await painter(colorEnabled(ctx.color, ctx.env, ctx.stderr.isTTY));
  const lang = ctx.lang;
  // A warning is printed once: in the report a person reads on this terminal, else on stderr.
  const readHere = output.docShowsWarnings === true && outputFile === undefined && ctx.stdout.isTTY === true;
  if (!readHere || !DOCUMENTS.has(format))
    for (const w of output.envelope.warnings)
      ctx.stderr.write(`${warn('warn', lang === 'ru' ? 'предупреждение:' : 'warning:')} ${warningText(w, lang)}\n`);
  if (ctx.verbose) {
    const seconds = (Date.now() - ctx.started) / 1000;
    for (const i of output.envelope.inputs) {
      const excluded =
        Object.entries(i.excluded)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ') || '0';
      const header = i.headerLine > 0 ? `header on line ${i.headerLine}` : 'no header';
      ctx.stderr.write(
        `${i.file} (${i.role}, ${i.encoding}, ${JSON.stringify(i.delimiter)}, ${header}): ${i.rows} rows = ${i.used} used + ${excluded} excluded + ${i.folded} folded + ${i.totals} totals + ${i.skipped} skipped; ${i.blank} blank ignored\n`,
      );
    }
    ctx.stderr.write(`done in ${seconds.toFixed(2)} s\n`);
  }
  return output.exitCode;
}
