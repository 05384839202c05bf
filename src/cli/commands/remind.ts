// `remind`: placeholder until the reminder bot lands (another issue builds src/bot).
import { EXIT } from './command';
import type { Command } from './command';

export const remindCommand: Command = {
  name: 'remind',
  summary: 'Send the custodians their reminder digests (not built yet).',
  help: [
    'Usage: npm run remind -- [--tenant]',
    '',
    'Runs the reminder bot once: one digest per custodian with their stale records.',
    'Not built yet: the bot (src/bot) is being added by another issue. Exits with code 2.',
  ].join('\n'),
  options: { tenant: { type: 'boolean' } },
  run: async ({ output }) => {
    output.error(
      'remind: not built yet. The reminder bot (src/bot) lands in a later issue; nothing was sent.',
    );
    return EXIT.usage;
  },
};
