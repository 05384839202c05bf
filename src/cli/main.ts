// The Governance Hub CLI: one entry point (npm start / provision / seed / export / remind), one file
// per command in ./commands. The only place that reads argv, env files and process.env.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, configSecrets, ConfigError } from './config';
import type { Config } from './config';
import { COMMANDS, findCommand } from './commands';
import { EXIT } from './commands/command';
import type { Command, CommandContext, OptionValues } from './commands/command';
import { createConsoleOutput } from './output';
import type { Output } from './output';
import { redactText } from './redact';

// src/cli -> repository root (env/ and .data/ live there), whatever the working directory.
const ROOT_DIR = resolve(__dirname, '..', '..');

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Governance Hub CLI',
    '',
    'Usage: npm run <command> -- [options]      (or: npx tsx src/cli/main.ts <command> [options])',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run a command with --help for its options. --tenant uses env/.env.dev (a real tenant) instead of env/.env.local.',
  ].join('\n');
}

export interface RunCliOptions {
  readonly argv: readonly string[];
  readonly output?: Output;
  readonly rootDir?: string;
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
}

/** Runs one command and resolves to the exit code (tests call this; main() wires the process). */
export async function runCli(options: RunCliOptions): Promise<number> {
  const output = options.output ?? createConsoleOutput();
  const [name, ...rest] = options.argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' && rest[0] ? findCommand(rest[0]) : undefined;
    output.line(target ? target.help : usage());
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (!command) {
    output.error(`Unknown command '${name}'.\n\n${usage()}`);
    return EXIT.usage;
  }
  let values: OptionValues;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    values = parsed.values as OptionValues;
    positionals = parsed.positionals;
  } catch (error) {
    output.error(`${command.name}: ${(error as Error).message}\n\n${command.help}`);
    return EXIT.usage;
  }
  if (values.help === true) {
    output.line(command.help);
    return EXIT.ok;
  }

  let config: Config | undefined;
  const context: CommandContext = {
    values,
    positionals,
    output,
    loadConfig: ({ tenant }) => {
      if (!config) {
        config = loadConfig({
          envName: tenant ? 'dev' : 'local',
          rootDir: options.rootDir ?? ROOT_DIR,
          processEnv: options.processEnv ?? process.env,
        });
        output.addSecrets(configSecrets(config));
      }
      return config;
    },
    now: options.now ?? (() => new Date()),
    signal: options.signal ?? new AbortController().signal,
  };
  return runCommand(command, context);
}

async function runCommand(command: Command, context: CommandContext): Promise<number> {
  try {
    return await command.run(context);
  } catch (error) {
    if (error instanceof ConfigError) {
      context.output.error(error.message);
      return EXIT.usage;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    context.output.error(`${command.name} failed: ${redactText(message)}`);
    return EXIT.failure;
  }
}

async function main(): Promise<void> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    // First Ctrl-C: close cleanly. Second: the user means it.
    if (signals > 1) process.exit(130);
    console.error(`\n${signal} received, shutting down…`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const code = await runCli({ argv: process.argv.slice(2), signal: controller.signal });
  process.exitCode = code;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

// Only when run as the entry point (tests import runCli).
if (require.main === module) {
  void main();
}
