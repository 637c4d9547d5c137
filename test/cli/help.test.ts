import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryContext } from '../helpers/memory-context.js';
import { buildProgram, main } from '../../src/cli/main.js';
import { HELP_AFTER_RU, HELP_RU } from '../../src/present/messages/help.js';

const ctx = (env: NodeJS.ProcessEnv = {}): ReturnType<typeof memoryContext> => memoryContext(env);

describe('help in Russian', () => {
  it('has a Russian text for every description of the program, its commands, options and arguments', () => {
    const program = buildProgram(ctx(), () => undefined, ['node', 'folio']);
    const missing: string[] = [];
    const need = (text: string | undefined): void => {
      if (text && HELP_RU[text] === undefined) missing.push(text);
    };
    need(program.description());
    for (const o of program.options) need(o.description);
    for (const cmd of program.commands) {
      need(cmd.description());
      for (const o of cmd.options) need(o.description);
      for (const a of cmd.registeredArguments) need(a.description);
      expect(HELP_AFTER_RU[cmd.name()], cmd.name()).toBeDefined();
    }
    // The check itself can fail: the walk met the commands and their options.
    expect(program.commands.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('prints a command help in Russian under --lang ru and under a Russian LANG, examples included', async () => {
    for (const [argv, env] of [
      [['node', 'folio', 'report', '--help', '--lang', 'ru'], {}],
      [['node', 'folio', 'report', '--help'], { LANG: 'ru_RU.UTF-8' }],
    ] as const) {
      const c = ctx({ ...env });
      expect(await main([...argv], c)).toBe(0);
      const text = c.out();
      expect(text).toContain('Запуск: folio report');
      expect(text).toContain('Флаги:');
      expect(text).toContain('  --all-leads ');
      expect(text).toContain('показать в отчёте все заявки');
      // A default the parser adds is in Russian too.
      expect(text).toMatch(/\(по умолчанию: 30\)/);
      expect(text).toContain('Примеры:');
      expect(text).not.toContain('Examples:');
      expect(text).not.toContain('Options:');
    }
  });

  it('stays English otherwise', async () => {
    const c = ctx({ LANG: 'C' });
    expect(await main(['node', 'folio', 'report', '--help'], c)).toBe(0);
    expect(c.out()).toContain('Options:');
    expect(c.out()).toContain('Examples:');
    expect(c.out()).not.toContain('Флаги:');
  });
});

describe('the manual page of each command', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const names = buildProgram(ctx(), () => undefined, ['node', 'folio'])
    .commands.map((c) => c.name())
    .filter((n) => n !== 'help');

  it('ends every command help with its page, in English and in Russian, and the page exists', async () => {
    // The walk met every command the top help lists (eleven and more).
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const page = `docs/commands/${name}.md`;
      for (const [argv, last] of [
        [['node', 'folio', name, '--help'], `Manual: ${page}`],
        [['node', 'folio', name, '--help', '--lang', 'ru'], `Руководство: ${page}`],
      ] as const) {
        const c = ctx({ LANG: 'C' });
        expect(await main([...argv], c)).toBe(0);
        expect(c.out().trimEnd().split('\n').at(-1), argv.join(' ')).toBe(last);
      }
      expect(existsSync(join(root, page)), page).toBe(true);
    }
  });

  it('names every option its command takes, so no option of --help is missing from the page', () => {
    const program = buildProgram(ctx(), () => undefined, ['node', 'folio']);
    const missing: string[] = [];
    for (const cmd of program.commands.filter((c) => c.name() !== 'help')) {
      const page = readFileSync(join(root, `docs/commands/${cmd.name()}.md`), 'utf8');
      for (const o of cmd.options) if (o.long && !page.includes(o.long)) missing.push(`${cmd.name()} ${o.long}`);
    }
    expect(missing).toEqual([]);
  });
});
