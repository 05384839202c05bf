// Browser test on the local chat page: a custodian fills a missing field inside the card.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { asset, email, startBot, startWorld } from './harness';
import type { BotInstance, World } from './harness';

const CHROMIUM = '/usr/bin/chromium';
const run = existsSync(CHROMIUM) ? describe : describe.skip;

run('local chat page (Chromium)', () => {
  let world: World;
  let instance: BotInstance;
  let browser: Browser;
  let recordId: string;

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
    instance = await startBot(world);
    const summary = await instance.bot.runNow();
    expect(summary.sent).toBe(1);
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
    const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
    const amina = world.people.find((p) => p.email === email('amina'))!;
    await page.goto(`${world.connector.url}/chat/?user=${encodeURIComponent(amina.userId!)}`);
    await page.getByText('Enregistrements à revoir').waitFor();
    // The title is shown as plain text, not as HTML or markdown.
    await page.getByText('Enquête <b>nutrition</b> **2024**').waitFor();
    const input = page
      .getByLabel('Renseigner Durée de conservation')
      .or(page.locator('input.ac-textInput').first());
    await input.first().fill('10 ans');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText(/Durée de conservation enregistré par Amina Diallo/).waitFor({ timeout: 10_000 });
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/bot-chat-fill-field.png', fullPage: true });
    const record = await world.adminRepos.dataInventory.get(recordId);
    expect(record.values.retention).toBe('10 ans');
    await page.close();
  }, 60_000);
});
