// The focal point's whole journey in headless Chromium on the local workbook page (/workbook/): sign in, pull, edit
// cells, push, see per-row results (saved, invalid with its note), a conflict resolved with "keep mine", a push
// whose answer is lost and is retried without duplicating the new row, a push through 429 throttling, then the
// language switched to Arabic in the pane and the mission pulled again (reading order, one table), and back.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { asset, byTitle, CUSTODIAN, FOCAL, startHarness, type Harness } from './harness';

jest.setTimeout(240_000);

const ROOT = resolve(__dirname, '..', '..');
const SHOTS = resolve(ROOT, 'test-results');

/** The web server (vite dev) in a child process; see web-process.ts. */
const startWeb = (graphUrl: string, personas: unknown[]): Promise<{ url: string; process: ChildProcess }> =>
  new Promise((resolveStart, reject) => {
    const child = spawn(
      process.execPath,
      [
        resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        resolve(__dirname, 'web-process.ts'),
        graphUrl,
        JSON.stringify(personas),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1]) resolveStart({ url: m[1], process: child });
    });
    child.on('exit', (code) => reject(new Error(`web server exited (${code})`)));
  });

describe('Excel add-in journey in Chromium (local workbook page)', () => {
  let h: Harness;
  let web: { url: string; process: ChildProcess };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await startHarness([
      asset(1),
      asset(2),
      asset(3, { description: '=HYPERLINK("http://evil.example","click me")' }),
      asset(4),
      asset(5, { mission: 'senegal' }),
    ]);
    web = await startWeb(h.graph.url, [
      { upn: FOCAL, displayName: 'Fatou Ndiaye', role: 'focalPoint', mission: 'kenya' },
    ]);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
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
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    web?.process.kill('SIGTERM');
    await h?.close();
  });

  /** The grid column showing a header that starts with `label`. */
  const colOf = async (label: string): Promise<string> => {
    const header = page.locator('[role="columnheader"]', { hasText: label }).first();
    return (await header.getAttribute('data-col')) ?? '';
  };
  const cell = async (row: number, label: string) =>
    page.locator(`[role="gridcell"][data-row="${row}"][data-col="${await colOf(label)}"]`);
  const rowOfTitle = async (title: string): Promise<number> => {
    const c = page
      .locator(`[role="gridcell"][data-col="${await colOf('Asset name')}"]`, { hasText: title })
      .first();
    return Number(await c.getAttribute('data-row'));
  };
  const type = async (row: number, label: string, text: string) => {
    const target = await cell(row, label);
    await target.click();
    const select = target.locator('select');
    if (await select.count()) {
      await select.selectOption(text);
      await select.press('Enter');
    } else {
      await target.locator('input').fill(text);
      await target.locator('input').press('Enter');
    }
  };
  const push = async () => {
    await page.getByRole('button', { name: 'Push', exact: true }).click();
    await page.getByRole('button', { name: 'Push', exact: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'));
  };

  it('signs in, pulls, edits, pushes, and handles invalid cells, conflicts, retries and throttling', async () => {
    try {
      await journey();
    } catch (error) {
      await page.screenshot({ path: `${SHOTS}/addin-failure.png` });
      throw error;
    }
  });

  const journey = async () => {
    await page.goto(`${web.url}/workbook/?lang=en`);
    // The sign-in buttons name the person, their role and mission (not raw ids).
    await page.getByRole('button', { name: 'Fatou Ndiaye · Mission focal point · Kenya' }).click();
    // The mission comes from the focal point's roles once they are read.
    await page.getByRole('combobox', { name: 'Mission' }).getByText('Kenya').waitFor();
    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    await page.getByText('Pulled 4 records.').waitFor();
    await page.screenshot({ path: `${SHOTS}/addin-1-pulled.png` });

    // SharePoint's "=HYPERLINK(...)" arrived as text.
    const r3 = await rowOfTitle('Asset 0003');
    await expect((await cell(r3, 'Description')).textContent()).resolves.toBe(
      '=HYPERLINK("http://evil.example","click me")',
    );

    // Edits: a valid change, an invalid e-mail, and a change SharePoint will also make (conflict).
    const r1 = await rowOfTitle('Asset 0001');
    const r2 = await rowOfTitle('Asset 0002');
    await type(r1, 'Sensitivity', 'Internal');
    await type(r2, 'Data custodian', 'not-an-email');
    await type(r3, 'Retention period', 'Mine: 10 years');
    const server3 = await byTitle(h.admin, 'Asset 0003');
    await h.admin.update(server3?.id ?? '', { retention: 'Theirs: 5 years' }, server3?.eTag ?? '');
    await page.getByText('3 rows to push.').waitFor();

    await push();
    await page
      .getByTestId('push-summary')
      .getByText('Saved 1 · invalid 1 · conflicts 1 · rejected 0')
      .waitFor();
    // The invalid cell is filled, and its note says why in the user's language.
    const invalid = await cell(r2, 'Data custodian');
    await expect(invalid.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(invalid.getAttribute('title')).resolves.toMatch(/not-an-email/);
    await invalid.click();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${SHOTS}/addin-2-pushed-invalid-conflict.png` });
    expect((await byTitle(h.admin, 'Asset 0001'))?.values.sensitivity).toBe('Internal');
    expect((await byTitle(h.admin, 'Asset 0002'))?.values.custodian).toBe(CUSTODIAN);
    expect((await byTitle(h.admin, 'Asset 0003'))?.values.retention).toBe('Theirs: 5 years');

    // The conflict shows both values; keep mine.
    const conflict = page.getByTestId('conflict');
    await conflict.getByText('Theirs: 5 years').waitFor();
    await conflict.getByText('Mine: 10 years').waitFor();
    await page.screenshot({ path: `${SHOTS}/addin-3-conflict.png` });
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await page.getByTestId('conflict').waitFor({ state: 'detached' });
    expect((await byTitle(h.admin, 'Asset 0003'))?.values.retention).toBe('Mine: 10 years');

    // A new row, pushed once with its answer lost (the $batch reaches SharePoint, the reply never arrives)...
    await type(r2, 'Data custodian', CUSTODIAN);
    await page.getByRole('button', { name: 'Add 5 rows' }).click();
    // The custodian is back to what SharePoint holds, so nothing is left to send.
    await page.getByText('Nothing to push: the sheet matches SharePoint.').waitFor();
    const added =
      (await page.locator(`[role="gridcell"][data-col="${await colOf('Asset name')}"]`).count()) - 5;
    await type(added, 'Asset name', 'New survey');
    await type(added, 'Description', 'Household survey 2025');
    await type(added, 'Type', 'Dataset');
    await type(added, 'Data domain', 'Beneficiary and case management');
    await type(added, 'Data owner', 'omar.haddad@contoso.org');
    await type(added, 'Data custodian', CUSTODIAN);
    await type(added, 'Storage location', 'Cloud service');
    await type(added, 'Sensitivity', 'Internal');
    await type(added, 'Personal data', 'No');
    await type(added, 'Retention period', '2 years');
    let lost = 0;
    await page.route('**/v1.0/$batch', async (route) => {
      if (lost > 0) return route.continue();
      lost++;
      await route.fetch(); // SharePoint does the work...
      await route.abort('connectionreset'); // ...and the answer is lost.
    });
    await push();
    // The push reports the row whose answer was lost (it may or may not be saved) instead of failing.
    await page
      .getByTestId('push-summary')
      .getByText(/^Saved 0 · invalid 0 · conflicts 0 · rejected 1$/)
      .waitFor();
    await page.unroute('**/v1.0/$batch');
    // ...then pushed again: the row is found by its client key, not created twice.
    await push();
    await page
      .getByTestId('push-summary')
      .getByText(/^Saved 1 · invalid 0 · conflicts 0 · rejected 0$/)
      .waitFor();
    const created = await h.admin.list({
      filter: [{ field: 'Title', op: 'eq', value: 'New survey' }],
      allowNonIndexed: true,
    });
    expect(created).toHaveLength(1);
    expect(created[0]?.values).toMatchObject({
      mission: 'kenya',
      sensitivity: 'Internal',
      containsPersonalData: false,
    });

    // Throttling: localgraph answers half the requests 429 with Retry-After; the push still saves every row once.
    // $batch envelopes are never throttled; their sub-requests are, each with its own 429 and Retry-After.
    let throttled = 0;
    page.on('response', (response) => {
      if (!response.url().endsWith('/$batch') || response.request().method() !== 'POST') return;
      void response
        .json()
        .then((body: { responses?: { status: number }[] }) => {
          throttled += (body.responses ?? []).filter((r) => r.status === 429).length;
        })
        .catch(() => undefined);
    });
    const r4 = await rowOfTitle('Asset 0004');
    await type(r1, 'Hosting country', 'Kenya');
    await type(r4, 'Hosting country', 'Kenya');
    h.graph.setFaults({ throttleRate: 0.5, retryAfterSeconds: 1 });
    await push();
    h.graph.setFaults({ throttleRate: 0 });
    await page
      .getByTestId('push-summary')
      .getByText(/^Saved 2 · invalid 0 · conflicts 0 · rejected 0$/)
      .waitFor();
    expect(throttled).toBeGreaterThan(0);
    expect((await byTitle(h.admin, 'Asset 0004'))?.values.hostingCountry).toBe('Kenya');
    await page.screenshot({ path: `${SHOTS}/addin-4-new-row-saved.png` });

    // Arabic, switched in the pane (the same workbook, no reload), then pulled again: the table is found by its name
    // (Excel refuses a second table of the same name) and its sheet renamed; the pane mirrors, the sheet does not
    // (Excel's API has no right-to-left sheet): only the headers read right to left (RangeFormat.readingOrder),
    // column A stays on the left and a Latin title reads, and is cut, from its start.
    const titleCol = await colOf('Asset name');
    const retentionCol = await colOf('Retention period');
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await page.getByRole('button', { name: 'جلب', exact: true }).click();
    await page.getByText('جُلب 5 سجلًا.').waitFor();
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(['جرد البيانات']);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.getByRole('grid').getAttribute('dir')).resolves.toBe('ltr');
    const headers = page.locator('[role="columnheader"]');
    await expect(headers.first().getAttribute('dir')).resolves.toBe('rtl');
    await expect(headers.nth(Number(titleCol)).textContent()).resolves.toBe('اسم الأصل *');
    const direction = (locator: ReturnType<Page['locator']>) =>
      locator.evaluate((el) => getComputedStyle(el).direction);
    const latin = page.locator(`[role="gridcell"][data-col="${titleCol}"] span`, { hasText: 'Asset 0001' });
    await expect(direction(latin)).resolves.toBe('ltr');
    // ...and starts at the cell's left edge, as Excel aligns a Latin text in 'Context' order.
    const [cellBox, textBox] = await Promise.all([
      page.locator(`[role="gridcell"][data-col="${titleCol}"]`, { hasText: 'Asset 0001' }).boundingBox(),
      page
        .locator(`[role="gridcell"][data-col="${titleCol}"] span`, { hasText: 'Asset 0001' })
        .evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return range.getBoundingClientRect().x;
        }),
    ]);
    expect(textBox - (cellBox?.x ?? 0)).toBeLessThan(12);
    // The first column is the leftmost one: the grid is not mirrored.
    const [first, second] = await Promise.all([headers.nth(0).boundingBox(), headers.nth(1).boundingBox()]);
    expect(first?.x ?? 0).toBeLessThan(second?.x ?? 0);
    await page.screenshot({ path: `${SHOTS}/addin-5-arabic.png` });

    // A push in Arabic: the results list shows the Latin title from its start.
    const a1 = Number(
      await page
        .locator(`[role="gridcell"][data-col="${titleCol}"]`, { hasText: 'Asset 0001' })
        .getAttribute('data-row'),
    );
    const target = page.locator(`[role="gridcell"][data-row="${a1}"][data-col="${retentionCol}"]`);
    await target.click();
    await target.locator('input').fill('10 سنوات');
    await target.locator('input').press('Enter');
    await page.getByText('صف واحد للإرسال.').waitFor();
    await page.getByRole('button', { name: 'إرسال', exact: true }).click();
    await page
      .getByTestId('push-summary')
      .getByText(/^محفوظ 1 /)
      .waitFor();
    const resultTitle = page.getByTestId('result-title').first();
    await expect(resultTitle.textContent()).resolves.toBe('Asset 0001');
    await expect(direction(resultTitle)).resolves.toBe('ltr');
    expect((await byTitle(h.admin, 'Asset 0001'))?.values.retention).toBe('10 سنوات');
    await page.screenshot({ path: `${SHOTS}/addin-6-arabic-pushed.png` });
    for (const width of [400, 1024, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `${SHOTS}/addin-6-arabic-pushed-${width}.png` });
    }
    await page.setViewportSize({ width: 1500, height: 900 });

    // Back to English and pulled again: still one table, its sheet renamed back, headers in 'Context' order.
    await page.getByRole('combobox', { name: 'اللغة' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    await page.getByText('Pulled 5 records.').waitFor();
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(['Data inventory']);
    await expect(headers.first().getAttribute('dir')).resolves.toBe('auto');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
  };
});
