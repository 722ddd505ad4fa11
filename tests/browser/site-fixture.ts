// Shared set-up for the browser suite: the built site served locally and one Chromium.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, findChromium } from './browser.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

export const DIST = new URL('../../dist/', import.meta.url).pathname;

/** Browser tests need the build and Chromium. In CI both must be there; locally we say what is missing. */
export function browserSuiteUnavailable(): string | undefined {
  const missing = !existsSync(`${DIST}index.html`)
    ? 'the site is not built: run `npm run build` first'
    : !findChromium()
      ? 'Chromium is not installed: `apt-get install -y chromium`'
      : undefined;
  if (missing && process.env.CI) throw new Error(`Browser tests cannot run: ${missing}`);
  if (missing) console.warn(`Skipping browser tests: ${missing}`);
  return missing;
}

export interface SiteSession {
  site: StaticSite;
  browser: Browser;
  close(): Promise<void>;
}

export async function openSite(): Promise<SiteSession> {
  const site = await serveStatic(DIST);
  const browser = await launchChromium();
  return {
    site,
    browser,
    close: async () => {
      await browser.close();
      await site.close();
    },
  };
}

/** Opens a page and records every console error and uncaught exception on it. */
export async function pageWithErrorLog(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // Chromium's console only says "404"; name the missing resource so a failure is actionable.
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  return { page, errors };
}
