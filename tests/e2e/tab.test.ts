// The custodian journey in headless Chromium, against the embedded stack started in-process:
// sign in, fix a stale record, confirm another, resolve a concurrent edit, history, browse, Arabic + dark,
// axe on every view, and no request leaving for the internet.
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REGISTERS } from '../../src/domain/registers';
import type { RegisterId } from '../../src/domain/schema/types';
import { startTabStack, type TabStack } from './stack';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(__dirname, '..', '..', 'test-results');
const AMINA = 'amina.diallo@contoso.org';
/** The demo reader: no GovernanceRoles assignment, named on no record. */
const LAYLA = 'layla.mansour@contoso.org';
const today = new Date().toISOString().slice(0, 10);

jest.setTimeout(120_000);

if (!existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" to run the browser tests.`,
  );
}

describe('Teams tab in Chromium (embedded mode)', () => {
  let stack: TabStack;
  let browser: Browser;
  let page: Page;
  const external: string[] = [];
  const pageErrors: string[] = [];

  const axe = async (view: string): Promise<void> => {
    // Contrast is judged on the final frame: wait for Fluent's enter animations (fades) to finish.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, added by Fluent's TabList, Menu
    // and Dialog) only forward focus; axe reads them as focusable hidden content, a known false positive.
    const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
    const summary = results.violations.map(
      (v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(summary).toEqual([]);
  };
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `tab-${name}.png`) });
  const refOf = (key: string): { register: RegisterId; id: string } => {
    const [register, id] = key.split('/') as [RegisterId, string];
    return { register, id };
  };
  const readBack = async (key: string) => {
    const { register, id } = refOf(key);
    return stack.registers.repositories[register].get(id);
  };
  /** Keys of my records whose only problem is an overdue review. */
  const overdueOnly = () =>
    page.$$eval('[data-record]', (items) =>
      items
        .filter((li) => {
          const reasons = [...li.querySelectorAll('[data-reason]')].map((b) => b.getAttribute('data-reason'));
          return reasons.length === 1 && reasons[0] === 'reviewOverdue';
        })
        .map((li) => li.getAttribute('data-record') as string),
    );

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startTabStack({ today, distDir: process.env.E2E_DIST_DIR });
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
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol))
        external.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('signs a custodian in and lists their records, worst first, saying why', async () => {
    await page.goto(stack.web.tabUrl);
    await page.getByRole('heading', { name: 'Sign in to Governance Hub' }).waitFor({ timeout: 60_000 });
    await axe('sign-in');
    await shot('sign-in');
    await page.locator(`[data-upn="${AMINA}"]`).click();
    await page.getByRole('heading', { name: 'My records' }).waitFor();
    await page.locator('[data-record]').first().waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Amina Diallo');
    const first = page.locator('[data-record]').first();
    expect(await first.getAttribute('data-record')).toBeTruthy();
    expect(await first.locator('[data-health="attention"]').count()).toBe(1);
    expect(await overdueOnly()).not.toHaveLength(0);
    await axe('my records');
    await shot('my-records');
  });

  let fixed = '';
  it('fixes a stale record: edit, save, healthy, written to Graph with If-Match', async () => {
    fixed = (await overdueOnly()).find((key) => key.startsWith('dataInventory/')) as string;
    expect(fixed).toBeTruthy();
    await page.locator(`[data-record="${fixed}"] a`).click();
    await page.getByTestId('save').waitFor();
    await axe('record');
    const retention = page.locator('[data-field="retention"] input');
    await retention.fill('7 years after case closure (checked)');
    // The person picker searches the directory (GET /users through src/graph).
    const owner = page.locator('[data-field="owner"] input');
    await owner.click();
    await owner.press('Control+A');
    await owner.pressSequentially('Grace', { delay: 20 });
    await page.getByRole('option', { name: /Grace Okafor/ }).click();
    expect(await owner.inputValue()).toBe('Grace Okafor');
    await page.getByTestId('save').click();
    await page.getByText('Saved.').waitFor();
    await page.locator('[data-testid="record-health"] [data-health="healthy"]').waitFor();
    await shot('record-saved');
    const stored = await readBack(fixed);
    expect(stored.values.retention).toBe('7 years after case closure (checked)');
    expect(stored.values[REGISTERS[refOf(fixed).register].lastReviewedField]).toBe(today);
    expect(stored.values.lastReviewedBy).toBe(AMINA);
    expect(stored.values.owner).toBe('grace.okafor@contoso.org');
  });

  it('shows who changed what in the history', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    await page
      .getByText(/Amina Diallo changed \d+ fields?/)
      .first()
      .waitFor();
    await axe('history');
    await shot('history');
  });

  it('confirms several records still accurate in one action', async () => {
    await page.getByRole('link', { name: 'Back' }).click();
    await page.locator('[data-record]').first().waitFor();
    expect(await page.locator(`[data-record="${fixed}"] [data-health="healthy"]`).count()).toBe(1);
    const stale = (await overdueOnly())[0] as string;
    const healthy = (
      await page.$$eval('[data-record]', (items) =>
        items
          .filter((li) => li.querySelector('[data-health="healthy"]'))
          .map((li) => li.getAttribute('data-record') as string),
      )
    ).find((key) => key !== fixed) as string;
    await page.locator(`[data-record="${stale}"] input[type="checkbox"]`).check();
    await page.locator(`[data-record="${healthy}"] input[type="checkbox"]`).check();
    await page.getByTestId('confirm-selected').click();
    await page.getByText('2 records confirmed as accurate.').waitFor();
    await page.locator(`[data-record="${stale}"] [data-health="healthy"]`).waitFor();
    expect(await page.locator(`[data-record="${fixed}"] [data-health="healthy"]`).count()).toBe(1);
    for (const key of [stale, healthy]) {
      const stored = await readBack(key);
      expect(stored.values[REGISTERS[refOf(key).register].lastReviewedField]).toBe(today);
      expect(stored.values.lastReviewedBy).toBe(AMINA);
    }
    await axe('my records after confirm');
  });

  it('resolves a concurrent edit field by field; nothing is overwritten silently', async () => {
    const key = fixed;
    await page.locator(`[data-record="${key}"] a`).click();
    await page.getByTestId('save').waitFor();
    await page.locator('[data-field="retention"] input').fill('Mine: 10 years');
    // Behind the page's back: a focal point changes the same field and another one.
    const { register, id } = refOf(key);
    const before = await stack.registers.repositories[register].get(id);
    await stack.registers.repositories[register].update(
      id,
      { retention: 'Theirs: 3 years', description: 'Updated by the focal point' },
      before.eTag as string,
    );
    await page.getByTestId('save').click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const row = dialog.locator('[data-conflict-field="retention"]');
    expect(await row.locator('[data-side="mine"]').textContent()).toBe('Mine: 10 years');
    expect(await row.locator('[data-side="theirs"]').textContent()).toBe('Theirs: 3 years');
    // Three-way: the field only they changed is shown as kept, not asked about.
    expect(await dialog.locator('[data-conflict-field="description"]').count()).toBe(0);
    await dialog.locator('[data-their-field="description"]').waitFor();
    await axe('conflict dialog');
    await shot('conflict');
    await row.getByLabel('Keep mine').check();
    await dialog.getByRole('button', { name: 'Save my choices' }).click();
    await page.getByText('Saved.').waitFor();
    const stored = await stack.registers.repositories[register].get(id);
    expect(stored.values.retention).toBe('Mine: 10 years');
    expect(stored.values.description).toBe('Updated by the focal point');
    expect(await page.locator('[data-field="description"] textarea').inputValue()).toBe(
      'Updated by the focal point',
    );
  });

  it('merges edits of different fields without a question and says what the other person changed', async () => {
    const key = fixed;
    const { register, id } = refOf(key);
    await page.locator('[data-field="retention"] input').fill('Mine again: 12 years');
    const before = await stack.registers.repositories[register].get(id);
    await stack.registers.repositories[register].update(
      id,
      { description: 'Changed again by the focal point' },
      before.eTag as string,
    );
    await page.getByTestId('save').click();
    await page.getByTestId('merged-notice').waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await page.getByTestId('merged-notice').textContent()).toMatch(/Description/);
    await shot('merged-notice');
    const stored = await stack.registers.repositories[register].get(id);
    expect(stored.values.retention).toBe('Mine again: 12 years');
    expect(stored.values.description).toBe('Changed again by the focal point');
  });

  it('browses and filters every record', async () => {
    await page.getByRole('tab', { name: 'All records' }).click();
    const count = page.getByTestId('browse-count');
    await count.waitFor({ timeout: 30_000 });
    const total = Number((await count.textContent())?.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(100);
    await page.getByTestId('browse-search').fill('senegal');
    await page.waitForFunction(
      (all) =>
        Number(document.querySelector('[data-testid="browse-count"]')?.textContent?.replace(/\D/g, '')) < all,
      total,
    );
    expect(await page.locator('[data-record]').count()).toBeGreaterThan(0);
    await axe('browse');
    await shot('browse');
  });

  it('switches to Arabic and the dark theme: right to left, translated, accessible', async () => {
    await page.getByTestId('display-settings').click();
    await page.getByRole('menuitemradio', { name: 'العربية' }).click();
    await page.getByTestId('display-settings').click();
    await page.getByRole('menuitemradio', { name: 'داكنة' }).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar',
    );
    expect(await page.locator('.fui-FluentProvider').first().getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { name: 'جميع السجلات' }).waitFor();
    await axe('browse (ar, dark)');
    await shot('browse-ar-dark');
    await page.getByRole('tab', { name: 'سجلاتي' }).click();
    await page.getByRole('heading', { name: 'سجلاتي' }).waitFor();
    await page.locator('[data-record]').first().waitFor();
    await axe('my records (ar, dark)');
    await shot('my-records-ar-dark');
    await page.locator('[data-record] a').first().click();
    await page.getByTestId('save').waitFor();
    await axe('record (ar, dark)');
    await shot('record-ar-dark');
  });

  it('opens a record from a deep link', async () => {
    await page.goto(`${stack.web.tabUrl}?register=${refOf(fixed).register}&id=${refOf(fixed).id}`);
    await page.getByTestId('save').waitFor();
    expect(await page.locator('[data-field="retention"] input').inputValue()).toBe('Mine again: 12 years');
  });

  it('shows a reader no edit controls on a record she may read', async () => {
    // Her role comes from GovernanceRoles and the record, as in a tenant; the persona list only offers people.
    await page.evaluate(() => window.sessionStorage.clear());
    await page.goto(stack.web.tabUrl);
    await page.locator(`[data-upn="${LAYLA}"]`).click();
    await page.getByTestId('signed-in-user').waitFor();
    const { register, id } = refOf(fixed);
    await page.goto(`${stack.web.tabUrl}?register=${register}&id=${id}`);
    await page.locator('[data-field="retention"]').waitFor();
    expect(await page.getByTestId('save').count()).toBe(0);
    expect(await page.getByTestId('confirm').count()).toBe(0);
    expect(await page.locator('[data-field="retention"] input').isEditable()).toBe(false);
  });

  it('sent nothing to the internet and raised no page errors', () => {
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
