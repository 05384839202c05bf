// One contract, two implementations: SQLite (default) and Azure Queue Storage against Azurite.
import { AzureSendQueue, SqliteSendQueue } from '../../src/bot/queue';
import type { SendQueue } from '../../src/bot/queue';
import { startAzuriteQueue } from './azurite';
import type { AzuriteQueue } from './azurite';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const contract = (name: string, make: () => Promise<SendQueue>, unitMs: number) => {
  describe(`${name} send queue`, () => {
    let queue: SendQueue;
    beforeEach(async () => {
      queue = await make();
    });
    afterEach(async () => {
      await queue.close();
    });

    test('delivers, hides while in flight, deletes on complete', async () => {
      await queue.enqueue({ runId: 'r', recipient: 'a@x' });
      await queue.enqueue({ runId: 'r', recipient: 'b@x' });
      const first = await queue.receive(10, 30 * unitMs);
      expect(first.map((m) => m.message.recipient).sort()).toEqual(['a@x', 'b@x']);
      expect(await queue.receive(10, 30 * unitMs)).toEqual([]);
      for (const m of first) await queue.complete(m.receipt);
      expect(await queue.size()).toBe(0);
    });

    test('a message not completed comes back after its visibility timeout', async () => {
      await queue.enqueue({ runId: 'r', recipient: 'a@x' });
      const [m] = await queue.receive(1, unitMs);
      expect(m?.dequeueCount).toBe(1);
      await sleep(unitMs + 300);
      const [again] = await queue.receive(1, 30 * unitMs);
      expect(again?.message).toEqual({ runId: 'r', recipient: 'a@x' });
      expect(again?.dequeueCount).toBe(2);
    });

    test('retryLater delays the message (Retry-After)', async () => {
      await queue.enqueue({ runId: 'r', recipient: 'a@x' });
      const [m] = await queue.receive(1, 30 * unitMs);
      await queue.retryLater(m!.receipt, unitMs);
      expect(await queue.receive(1, 30 * unitMs)).toEqual([]);
      await sleep(unitMs + 300);
      expect((await queue.receive(1, 30 * unitMs)).length).toBe(1);
    });

    test('enqueue with a delay', async () => {
      await queue.enqueue({ runId: 'r', recipient: 'late@x' }, { delayMs: unitMs });
      expect(await queue.receive(1, 30 * unitMs)).toEqual([]);
      await sleep(unitMs + 300);
      expect((await queue.receive(1, 30 * unitMs))[0]?.message.recipient).toBe('late@x');
    });
  });
};

contract('SQLite', async () => new SqliteSendQueue({ path: ':memory:' }), 200);

describe('Azure Queue Storage (Azurite)', () => {
  let azurite: AzuriteQueue;
  let n = 0;
  beforeAll(async () => {
    azurite = await startAzuriteQueue();
  }, 30_000);
  afterAll(async () => {
    await azurite?.stop();
  });
  // Azure counts visibility in whole seconds.
  contract(
    'Azure',
    async () =>
      new AzureSendQueue({ connectionString: azurite.connectionString, queueName: `reminders-${++n}` }),
    1000,
  );
});
