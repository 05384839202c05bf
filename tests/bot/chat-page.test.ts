// Browser tests on the local chat page: a custodian fills a missing field inside the card (mouse), an
// Arabic-speaking custodian confirms a record from an RTL card in dark mode (keyboard only), and the
// page passes axe in light and dark. Every request stays on the connector (no CDN). Last, the same bot
// in Microsoft 365 Agents Playground, offline on loopback (see src/bot/README.md, "Agents Playground").
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { asset, email, startBot, startWorld } from './harness';
import type { BotInstance, World } from './harness';

const CHROMIUM = '/usr/bin/chromium';
const run = existsSync(CHROMIUM) ? describe : describe.skip;

interface Watched {
  page: Page;
  /** Console errors, page errors (CSP violations are console errors) and requests off the connector. */
  problems: string[];
}

run('local chat page (Chromium)', () => {
  let world: World;
  let instance: BotInstance;
  let browser: Browser;
  let recordId: string;
  let laylaRecordId: string;

  const open = async (key: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Watched> => {
    // A context of its own (AxeBuilder needs one made with browser.newContext()).
    const context = await browser.newContext({ viewport: { width: 900, height: 1100 }, colorScheme });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(world.connector.url)) problems.push(`off-connector request: ${r.url()}`);
    });
    const person = world.people.find((p) => p.email === email(key))!;
    await page.goto(`${world.connector.url}/chat/?user=${encodeURIComponent(person.userId!)}`);
    return { page, problems };
  };

  const axe = async (page: Page) => {
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
      .analyze();
    return results.violations.map(
      (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  };

  beforeAll(async () => {
    world = await startWorld();
    const repo = world.adminRepos.dataInventory;
    await repo.create(asset('Registre des bénéficiaires', email('amina'), 'senegal', '2024-03-01'));
    recordId = (
      await repo.create(
        asset('Enquête <b>nutrition</b> **2024**', email('amina'), 'senegal', '2025-05-01', {
          retention: null,
        }),
      )
    ).id!;
    laylaRecordId = (await repo.create(asset('سجل المستفيدين', email('layla'), 'jordan', '2024-03-01'))).id!;
    instance = await startBot(world);
    const summary = await instance.bot.runNow();
    expect(summary.sent).toBe(2);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await instance?.stop();
    await world?.close();
  });

  test('a custodian fills the missing field in the card and the register is updated', async () => {
    const { page, problems } = await open('amina');
    await page.getByText('Enregistrements à revoir').waitFor();
    // The title is shown as plain text, not as HTML or markdown.
    await page.getByText('Enquête <b>nutrition</b> **2024**').waitFor();
    // Fluent-like buttons: the positive action is primary (brand), the others are default.
    const confirm = page.getByRole('button', { name: 'Toujours exact' }).first();
    const snooze = page.getByRole('button', { name: 'Reporter de 14 jours' }).first();
    expect(await confirm.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(91, 95, 199)');
    expect(await snooze.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.locator('link[rel=stylesheet]').count()).toBe(2);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/bot-chat-before.png', fullPage: true });

    // The input lives in its own show card (each action sends only its own inputs): open it first.
    await page.getByRole('button', { name: 'Renseigner Durée de conservation' }).first().click();
    await page.getByRole('textbox', { name: 'Renseigner Durée de conservation' }).first().fill('10 ans');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText(/Durée de conservation enregistré par Amina Diallo/).waitFor({ timeout: 10_000 });
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/bot-chat-fill-field.png', fullPage: true });
    const record = await world.adminRepos.dataInventory.get(recordId);
    expect(record.values.retention).toBe('10 ans');
    // The reassign panel opens inline and is labelled.
    await page.getByRole('button', { name: 'Réattribuer' }).first().click();
    await expect(
      page.getByRole('button', { name: 'Réattribuer' }).first().getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    await page.screenshot({ path: 'test-results/bot-chat-reassign.png', fullPage: true });
    await page.setViewportSize({ width: 400, height: 900 });
    await page.screenshot({ path: 'test-results/bot-chat-narrow.png' });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  test('an RTL card in dark mode, used with the keyboard only', async () => {
    const { page, problems } = await open('layla', 'dark');
    await page.getByText('سجلات بحاجة إلى مراجعة').waitFor();
    const card = page.locator('.bubble.card').first();
    expect(await card.getAttribute('dir')).toBe('rtl');
    expect(await card.locator('.ac-adaptiveCard').getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(31, 31, 31)',
    );
    expect(await axe(page)).toEqual([]);

    // Keyboard: from the snooze button, Shift+Tab reaches "still accurate", which shows a focus ring.
    await page.getByRole('button', { name: 'تأجيل 14 يومًا' }).focus();
    await page.keyboard.press('Shift+Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { name: el.getAttribute('aria-label'), outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focused).toEqual({ name: 'لا يزال دقيقًا', outline: 'solid', width: '2px' });
    await page.screenshot({ path: 'test-results/bot-chat-rtl-dark.png', fullPage: true });
    const box = (await page.locator('.ac-actionSet').first().boundingBox())!;
    await page.screenshot({
      path: 'test-results/bot-chat-focus-ring.png',
      clip: { x: box.x - 12, y: box.y - 12, width: box.width + 24, height: box.height + 24 },
    });
    await page.keyboard.press('Enter');
    await page.getByText(/أكّد Layla Haddad أنه دقيق/).waitFor({ timeout: 10_000 });
    // Focus is not lost to the page after the card is replaced.
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    const record = await world.adminRepos.dataInventory.get(laylaRecordId);
    expect(String(record.values.lastReviewed)).not.toBe('2024-03-01');
    await page.screenshot({ path: 'test-results/bot-chat-rtl-dark-done.png', fullPage: true });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);
});

// Microsoft 365 Agents Playground (devDependency) against the bot's /api/messages, offline: telemetry off
// (--disable-telemetry, and APPLICATION_INSIGHTS_NO_STATSBEAT, without which it still probes
// westus-0.in.applicationinsights.azure.com and 169.254.169.254), no browser opened, its log in a temp dir;
// the page's requests off loopback (Segoe UI fonts and an animation worklet on res-1.cdn.office.net) are aborted.
const PLAYGROUND = (() => {
  try {
    return require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch {
    return undefined;
  }
})();
const runPlayground = existsSync(CHROMIUM) && PLAYGROUND ? describe : describe.skip;

runPlayground('the bot in Microsoft 365 Agents Playground (offline, Chromium)', () => {
  let world: World;
  let instance: BotInstance;
  let browser: Browser;
  let playground: ChildProcess;
  let playgroundUrl: string;

  beforeAll(async () => {
    world = await startWorld();
    instance = await startBot(world);
    const dir = mkdtempSync(join(tmpdir(), 'playground-'));
    playground = spawn(
      process.execPath,
      [PLAYGROUND!, '-e', `${instance.url}/api/messages`, '-c', 'msteams', '-p', '0', '--disable-telemetry'],
      {
        cwd: dir,
        env: {
          ...process.env,
          TEAMSAPPTESTER_BROWSER: 'none',
          APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
          M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Playground did not start: ${out}`)), 30_000);
      playground.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /Listening on (\d+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      playground.once('exit', (code) => reject(new Error(`Playground exited (${String(code)}): ${out}`)));
    });
    playgroundUrl = `http://localhost:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (playground && playground.exitCode === null) {
      const exited = new Promise((resolve) => playground.once('exit', resolve));
      playground.kill('SIGTERM');
      await exited;
    }
    await instance?.stop();
    await world?.close();
  });

  test('installs the bot (welcome) and answers help', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const offline: string[] = [];
    await context.route(
      (url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1',
      (route) => {
        offline.push(route.request().url());
        return route.abort();
      },
    );
    const page = await context.newPage();
    await page.goto(playgroundUrl);
    await page
      .getByText(/Welcome to Governance Hub/)
      .first()
      .waitFor({ timeout: 20_000 });
    // The compose box is a Lexical editor (contenteditable, role=textbox).
    const input = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await input.click();
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await page
      .getByText(/I remind you when records you keep need a review/)
      .first()
      .waitFor({ timeout: 20_000 });
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/bot-playground-help.png' });
    // Only its CDN fonts and animation were wanted off loopback.
    expect(offline.filter((u) => !u.startsWith('https://res-1.cdn.office.net/'))).toEqual([]);
    await context.close();
  }, 60_000);
});
