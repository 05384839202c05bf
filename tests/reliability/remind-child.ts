// The bot process of the crash test: one reminder run with a stable worker identity (a restarted process takes
// its own lease back), then prints its summary. KILL_AFTER_DELIVERIES=n kills the process with SIGKILL right
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
  const summary = await bot.runNow({ owner: process.env.WORKER_ID ?? 'reminder-worker-1' });
  process.stdout.write(
    `${JSON.stringify({ outcome: summary.outcome, sent: summary.sent, byStatus: summary.byStatus })}\n`,
  );
  await close();
};

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
