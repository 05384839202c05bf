// What every command file exports: its name, help text, argv options and a run function that returns
// the process exit code. Modelled on the Teams CLI's one-file-per-command layout.
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config';
import type { Output } from '../output';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

export interface CommandContext {
  readonly values: OptionValues;
  readonly positionals: readonly string[];
  readonly output: Output;
  /** Loads (once) and returns the frozen Config; tenant = env/.env.dev. */
  loadConfig(options: { tenant: boolean }): Config;
  /** The CLI's clock (commands pass dates down; nothing below reads the clock). */
  now(): Date;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Full help text (usage, options, examples). */
  readonly help: string;
  readonly options: OptionSpecs;
  run(context: CommandContext): Promise<number>;
}

/** Exit codes: 0 ok, 1 failure, 2 usage error / not available. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
