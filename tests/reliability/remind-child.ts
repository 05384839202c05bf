// The bot process of the crash test: one reminder run exactly as the CLI starts it (`npm run remind` and the
// schedule call runNow() with no owner: each process is a new random lease owner with its host and pid, so a
// restarted process must take over the lease its killed predecessor left, not stand down), then prints its
// summary. KILL_AFTER_DELIVERIES=n kills the process with SIGKILL right
// after the n-th send was answered and before the ledger records it: the window where a digest can be doubled.
import { readFileSync } from 'node:fs';
import type { BotWiring } from './bot-world';
import { wireBot } from './bot-world';

const main = async (): Promise<void> => {
  const wiring = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as BotWiring;
  const { bot, close } = await wireBot(wiring);
  const killAfter = Number(process.env.KILL_AFTER_DELIVERIES ?? 0);
  if (killAfter > 0) {
    const send = bot.transport.sendCard.bind(bot.transport);
    let delivered = 0;
    bot.transport.sendCard = async (...args) => {
      const result = await send(...args);
      if (++delivered === killAfter) process.kill(process.pid, 'SIGKILL');
      return result;
    };
  }
  process.stdout.write('ready\n');
  const summary = await bot.runNow();
  process.stdout.write(
    `${JSON.stringify({ outcome: summary.outcome, sent: summary.sent, byStatus: summary.byStatus })}\n`,
  );
  await close();
};

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
