import { says } from '../codes/error-fields.js';
import { Command } from 'commander';
import type { CliContext } from './context.js';
import { usage } from './options.js';

const NAMES = [
  'share',
  'dynamics',
  'matrix',
  'leads',
  'cadence',
  'offers',
  'funnel',
  'report',
  'check',
  'config',
] as const;

export function schemaCommand(ctx: CliContext, done: (code: number) => void): Command {
  return new Command('schema')
    .description("print the JSON Schema of a command's JSON output, or of the config file")
    .argument('<name>', NAMES.join(' | '))
    .addHelpText('after', `\nExamples:\n  folio schema share > share.schema.json\n  folio schema config`)
    .action(async (name: string) => {
      if (!(NAMES as readonly string[]).includes(name))
        throw usage(says('NO_SUCH_SCHEMA', { name, names: [...NAMES] }));
      const { z } = await import('zod');
      const schema =
        name === 'config'
          ? (await import('../config/schema.js')).configSchema
          : (await import('../schema/results.js')).OUTPUT_SCHEMAS[name as Exclude<(typeof NAMES)[number], 'config'>];
      ctx.stdout.write(`${JSON.stringify(z.toJSONSchema(schema, { io: 'output' }), null, 2)}\n`);
      done(0);
    });
}
