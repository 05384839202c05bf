// The tab's page figures as a browser gets them: headless Chromium on the page `npm start` serves (the built
// front ends from dist/web, rebuilt when a source changed, through the same web server, compressed), with
// the demo data. Bytes are what crossed the wire (Chromium's encodedDataLength: headers + compressed bodies),
// for every request made until the view shows, with the browser cache disabled.
import { join, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { startTabStack, type TabStack } from '../tests/e2e/stack';
import { ensureFrontEndsBuilt } from '../src/web/build';

const CHROMIUM = '/usr/bin/chromium';
const repoRoot = resolve(__dirname, '..');
const CUSTODIAN = 'amina.diallo@contoso.org';
const OFFICER = 'grace.okafor@contoso.org';

export interface PageFigure {
  /** Bytes on the wire, every request until the view showed. */
  readonly bytes: number;
  /** Of which the front end's own files (HTML, JS, CSS): what compression and code splitting decide. */
  readonly appBytes: number;
  readonly requests: number;
  /** First contentful paint of the page load, ms. */
  readonly firstPaintMs: number;
  /** From navigation to the view's content (sign-in buttons, first record rows, scorecard table), ms. */
  readonly shownMs: number;
}

export interface TabPageFigures {
  readonly signIn: PageFigure;
  readonly myRecords: PageFigure;
  readonly scorecard: PageFigure;
}

/** Counts the bytes of every request that finished since the last reset (Chrome DevTools Protocol). */
const wireCounter = async (cdp: CDPSession) => {
  const urls = new Map<string, string>();
  let bytes = 0;
  let appBytes = 0;
  let requests = 0;
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
    const path = new URL(urls.get(e.requestId) ?? 'http://x/').pathname;
    if (/^\/(tab\/|assets\/)/.test(path)) appBytes += e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return {
    reset: () => {
      bytes = 0;
      appBytes = 0;
      requests = 0;
    },
    read: () => ({ bytes, appBytes, requests }),
  };
};

const firstPaint = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((done) => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0];
        if (entry) return done(entry.startTime);
        new PerformanceObserver((list) => done(list.getEntries()[0]?.startTime ?? NaN)).observe({
          type: 'paint',
          buffered: true,
        });
      }),
  );

const sinceNavigation = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Loads `url` cold in a fresh page of `browser`, signed in as `upn` (or not), until `shown` appears. */
const measureLoad = async (
  browser: Browser,
  stack: TabStack,
  options: { readonly upn?: string; readonly hash: string; readonly shown: string },
): Promise<PageFigure> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    if (options.upn) {
      // Sign in once (not measured); the session lives in sessionStorage, so the reload below is signed in.
      await page.goto(`${stack.web.tabUrl}?lang=en`);
      await page.locator(`[data-upn="${options.upn}"]`).click();
      await page.getByTestId('signed-in-user').waitFor();
    }
    // A real page load (not a same-document hash change): leave the page first.
    await page.goto('about:blank');
    const counter = await wireCounter(await context.newCDPSession(page));
    counter.reset();
    await page.goto(`${stack.web.tabUrl}?lang=en${options.hash}`);
    await page.locator(options.shown).first().waitFor();
    const shownMs = await sinceNavigation(page);
    const wire = counter.read();
    return { ...wire, firstPaintMs: await firstPaint(page), shownMs };
  } finally {
    await context.close();
  }
};

export const measureTabPages = async (
  options: { readonly log?: (line: string) => void } = {},
): Promise<TabPageFigures> => {
  const log = options.log ?? (() => undefined);
  const distDir = join(repoRoot, 'dist', 'web');
  log('tab pages: front-end build as npm start does (dist/web, rebuilt when a source changed)…');
  ensureFrontEndsBuilt(distDir);
  log('tab pages: embedded stack with the demo data…');
  const stack = await startTabStack({ distDir });
  const browser = await chromium.launch({
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
  try {
    log('tab pages: sign-in, My records, scorecard in Chromium…');
    // Warm the server's compressed-file cache once, as any visitor after the first finds it.
    await measureLoad(browser, stack, { hash: '', shown: `[data-upn="${CUSTODIAN}"]` });
    const signIn = await measureLoad(browser, stack, { hash: '', shown: `[data-upn="${CUSTODIAN}"]` });
    const myRecords = await measureLoad(browser, stack, {
      upn: CUSTODIAN,
      hash: '#/',
      shown: '[data-record]',
    });
    const scorecard = await measureLoad(browser, stack, {
      upn: OFFICER,
      hash: '#/governance/scorecard',
      shown: '[data-testid="scorecard-table"]',
    });
    return { signIn, myRecords, scorecard };
  } finally {
    await browser.close();
    await stack.close();
  }
};
