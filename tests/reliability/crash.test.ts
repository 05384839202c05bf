// Crashes: the bot process is killed with SIGKILL at random points of a reminder run (10 trials, plus one
// kill placed exactly between a delivered send and its ledger update), then started again. Every custodian
// must end with exactly one digest, counted at the connector this test owns.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunLedger, startLocalConnector } from '../../src/bot';
import type { BotPerson, LocalConnector } from '../../src/bot';
import { digestCounts, RUN_DAY, startConnectorGate } from './bot-world';
import type { BotWiring } from './bot-world';
import { asset, DOMAIN, seed, startWorld } from './world';
import type { World } from './world';

const CUSTODIANS = 40;
const TRIALS = 10;
const CHILD = join(__dirname, 'remind-child.ts');
const REPO = join(__dirname, '..', '..');

let world: World;
let people: BotPerson[];
let dir: string;

const upnOf = (i: number) => `crash.custodian${i}@${DOMAIN}`;

beforeAll(async () => {
  world = await startWorld({
    extraUsers: Array.from({ length: CUSTODIANS }, (_, i) => ({
      upn: upnOf(i),
      name: `Crash Custodian ${i}`,
    })),
  });
  await seed(
    world,
    Array.from({ length: CUSTODIANS }, (_, i) =>
      asset(`crash ${i}`, {
        custodian: upnOf(i),
        owner: upnOf(i),
        lastReviewed: '2024-01-10',
        reviewCycle: 'Annual',
      }),
    ),
  );
  people = Array.from({ length: CUSTODIANS }, (_, i) => ({
    email: upnOf(i),
    displayName: `Crash Custodian ${i}`,
    locale: 'en',
    timeZone: 'UTC',
    missionId: 'kenya',
    focalPointOf: [],
    officer: false,
    active: true,
    userId: world.graph.store.getUser(upnOf(i))?.id ?? '',
  }));
  dir = mkdtempSync(join(tmpdir(), 'gh-crash-'));
}, 60_000);

afterAll(async () => {
  await world?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface ChildRun {
  readonly exit: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
  readonly ready: Promise<void>;
  kill(): void;
}

const startChild = (wiringFile: string, env: Record<string, string> = {}): ChildRun => {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, wiringFile], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    child.on('exit', (code, signal) => {
      markReady();
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { exit, ready, kill: () => child.kill('SIGKILL') };
};

/** A deterministic sequence of kill delays, so a failing trial can be replayed. */
const killDelays = (n: number): number[] => {
  let x = 20250602;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 50 + (x % 1800);
  });
};

interface Trial {
  readonly connector: LocalConnector;
  readonly wiringFile: string;
  readonly ledgerPath: string;
  close(): Promise<void>;
}

const newTrial = async (name: string, runOptions: BotWiring['runOptions'] = {}): Promise<Trial> => {
  const connector = await startLocalConnector();
  // The answer to each send comes 20 ms after the connector stored the activity: a kill in that time is a
  // delivered digest the ledger does not know about.
  const gate = await startConnectorGate(connector.url, { answerDelayMs: 20 });
  const ledgerPath = join(dir, `${name}.db`);
  const wiring: BotWiring = {
    graphUrl: world.graph.url,
    siteId: world.siteId,
    listIds: world.listIds,
    clientId: world.botApp.clientId,
    clientSecret: world.botApp.clientSecret,
    ledgerPath,
    serviceUrl: gate.url,
    people,
    now: RUN_DAY.toISOString(),
    runOptions: { perSecond: 20, concurrency: 4, ...runOptions },
  };
  const wiringFile = join(dir, `${name}.json`);
  writeFileSync(wiringFile, JSON.stringify(wiring));
  return {
    connector,
    wiringFile,
    ledgerPath,
    close: async () => {
      await gate.close();
      await connector.close();
    },
  };
};

const expectExactlyOneEach = (trial: Trial, label: string) => {
  const counts = digestCounts(trial.connector);
  const conversations = people.map((p) => trial.connector.conversationOf(p.userId ?? ''));
  const perPerson = conversations.map((c) => (c ? (counts.get(c) ?? 0) : 0));
  const wrong = perPerson.map((n, i) => ({ who: people[i]?.email, n })).filter((x) => x.n !== 1);
  expect({ label, wrong }).toEqual({ label, wrong: [] });
  const ledger = new RunLedger({ path: trial.ledgerPath });
  try {
    const report = ledger.recipientReport('remind-2025-06-02');
    expect(report).toHaveLength(CUSTODIANS);
    expect(report.filter((r) => r.status !== 'sent')).toEqual([]);
  } finally {
    ledger.close();
  }
};

test(`${TRIALS} runs killed at random points and restarted: every custodian has exactly one digest`, async () => {
  const delays = killDelays(TRIALS);
  let killedMidRun = 0;
  for (const [i, delay] of delays.entries()) {
    const trial = await newTrial(`random-${i}`);
    try {
      const first = startChild(trial.wiringFile);
      await first.ready;
      await new Promise((r) => setTimeout(r, delay));
      first.kill();
      const killed = await first.exit;
      if (killed.signal === 'SIGKILL') killedMidRun++;
      const sentBeforeRestart = digestCounts(trial.connector).size;

      const second = startChild(trial.wiringFile);
      const done = await second.exit;
      expect({ trial: i, delay, code: done.code, stderr: done.stderr }).toEqual({
        trial: i,
        delay,
        code: 0,
        stderr: '',
      });
      expect(JSON.parse(done.stdout.split('\n').filter(Boolean).pop() ?? '{}')).toMatchObject({
        outcome: 'completed',
      });
      expectExactlyOneEach(trial, `trial ${i}: killed after ${delay} ms, ${sentBeforeRestart} sent before`);
    } finally {
      await trial.close();
    }
  }
  // The trials must actually interrupt runs, or they prove nothing.
  expect(killedMidRun).toBeGreaterThanOrEqual(TRIALS / 2);
}, 240_000);

test('killed after a send was delivered but before the ledger recorded it: the restart does not send it again', async () => {
  const trial = await newTrial('window');
  try {
    const first = startChild(trial.wiringFile, { KILL_AFTER_DELIVERIES: '5' });
    const killed = await first.exit;
    expect(killed.signal).toBe('SIGKILL');
    // Five digests arrived; the ledger shows fewer than five as sent (at least one is still 'sending').
    const arrived = [...digestCounts(trial.connector).values()].reduce((a, b) => a + b, 0);
    expect(arrived).toBeGreaterThanOrEqual(5);
    const ledger = new RunLedger({ path: trial.ledgerPath });
    const sending = ledger.digestsWithStatus('remind-2025-06-02', ['sending']).length;
    ledger.close();
    expect(sending).toBeGreaterThanOrEqual(1);

    const second = startChild(trial.wiringFile);
    const done = await second.exit;
    expect(done.code).toBe(0);
    expectExactlyOneEach(trial, 'window');
  } finally {
    await trial.close();
  }
}, 60_000);

test('two bot processes start the same day’s run at once: one sends, the other stands down', async () => {
  const trial = await newTrial('twin');
  try {
    // The CLI's own owners: each process draws its own, as two `npm run remind` or two App Service instances do.
    const a = startChild(trial.wiringFile);
    const b = startChild(trial.wiringFile);
    const [ra, rb] = await Promise.all([a.exit, b.exit]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    const outcomes = [ra, rb].map(
      (r) =>
        JSON.parse(r.stdout.split('\n').filter(Boolean).pop() ?? '{}') as { outcome: string; sent: number },
    );
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['completed', 'stoodDown']);
    expect(outcomes.find((o) => o.outcome === 'stoodDown')?.sent).toBe(0);
    expectExactlyOneEach(trial, 'twin');
  } finally {
    await trial.close();
  }
}, 60_000);

test('queue messages a crash left behind do not turn the delivered digests of that day into failures', async () => {
  // A short visibility timeout, so the messages the killed process had taken come back before the next run.
  const trial = await newTrial('leftovers', { visibilityMs: 300 });
  try {
    const killed = await startChild(trial.wiringFile, { KILL_AFTER_DELIVERIES: '5' }).exit;
    expect(killed.signal).toBe('SIGKILL');
    expect((await startChild(trial.wiringFile).exit).code).toBe(0);
    expectExactlyOneEach(trial, 'leftovers, after the restart');
    await new Promise((r) => setTimeout(r, 400));
    // The next reminder run (a week later, when the records are due again) drains what is left in the queue.
    const wiring = JSON.parse(readFileSync(trial.wiringFile, 'utf8')) as BotWiring;
    const nextFile = trial.wiringFile.replace(/\.json$/, '-next.json');
    writeFileSync(nextFile, JSON.stringify({ ...wiring, now: '2025-06-10T12:00:00.000Z' }));
    const next = await startChild(nextFile).exit;
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout.split('\n').filter(Boolean).pop() ?? '{}')).toMatchObject({
      sent: CUSTODIANS,
    });
    // The first day's report still shows every digest delivered.
    const ledger = new RunLedger({ path: trial.ledgerPath });
    try {
      expect(ledger.recipientReport('remind-2025-06-02').filter((r) => r.status !== 'sent')).toEqual([]);
    } finally {
      ledger.close();
    }
  } finally {
    await trial.close();
  }
}, 60_000);
