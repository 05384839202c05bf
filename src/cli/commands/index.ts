// The command table: one entry per file in this folder.
import type { Command } from './command';
import { remindCommand } from './remind';

export const COMMANDS: readonly Command[] = [remindCommand];

export const findCommand = (name: string): Command | undefined => COMMANDS.find((c) => c.name === name);
