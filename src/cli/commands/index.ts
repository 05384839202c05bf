// The command table: one entry per file in this folder.
import type { Command } from './command';
import { exportCommand } from './export';
import { provisionCommand } from './provision';
import { remindCommand } from './remind';
import { seedCommand } from './seed';
import { serveCommand } from './serve';
import { startCommand } from './start';

export const COMMANDS: readonly Command[] = [
  startCommand,
  provisionCommand,
  seedCommand,
  exportCommand,
  remindCommand,
  serveCommand,
];

export const findCommand = (name: string): Command | undefined => COMMANDS.find((c) => c.name === name);
