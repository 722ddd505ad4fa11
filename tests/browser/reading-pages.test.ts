// What a reader sees: the course map, a chapter's header, diagrams, answer drawers, search,
// a clean console, and the JavaScript weight of every reading page.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteUnavailable, DIST, openSite, pageWithErrorLog, type SiteSession } from './site-fixture.ts';

const JS_BUDGET_BYTES = 35 * 1024;
const unavailable = browserSuiteUnavailable();

function builtPages(folder = DIST): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return builtPages(path);
    return name === 'index.html' ? [`/${relative(DIST, folder)}${folder === DIST ? '' : '/'}`] : [];
  });
}

describe.skipIf(unavailable)('reading pages', () => {
  let session: SiteSession;
  beforeAll(async () => {
    session = await openSite();
  });
  afterAll(async () => session?.close());

  it('the home page maps the course and links chapter 01', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/');
    const chapterLink = page.locator('.course-map a', { hasText: 'Why Kubernetes' });
    await expect(chapterLink.getAttribute('href')).resolves.toBe('/01-why-kubernetes/');
    expect(await page.locator('.course-part').count()).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('chapter 01 shows its header, a rendered diagram and answer drawers that open', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/01-why-kubernetes/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Why Kubernetes');
    const header = page.locator('.chapter-header');
    await expect(header.textContent()).resolves.toMatch(/about \d+ min/);
    await expect(header.textContent()).resolves.toContain("You'll be able to");

    const diagram = page.locator('figure.diagram svg').first();
    const box = await diagram.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(await diagram.locator('text').count()).toBeGreaterThan(2);
    // Unstyled SVG shapes fall back to black fill: the theme's colours must reach the diagram.
    const fills = await diagram.locator('rect, polygon').evaluateAll((els) => els.map((el) => getComputedStyle(el).fill));
    expect(fills.length).toBeGreaterThan(0);
    expect(fills.filter((fill) => fill === 'rgb(0, 0, 0)')).toEqual([]);

    const drawer = page.locator('details.question').first();
    expect(await drawer.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await drawer.locator('.answer').isVisible()).toBe(false);
    await drawer.locator('summary').click();
    expect(await drawer.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await drawer.locator('.answer').isVisible()).toBe(true);
    expect(await page.locator('details.question').count()).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search finds "reconciliation" in chapter 01, and its UI loads only when opened', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    const pagefindRequests: string[] = [];
    page.on('request', (request) => {
      if (/pagefind|ui-core/.test(request.url())) pagefindRequests.push(request.url());
    });
    await page.goto(session.site.url + '/', { waitUntil: 'networkidle' });
    expect(pagefindRequests, 'search code fetched before anyone searched').toEqual([]);
    await page.keyboard.press('Control+k');
    expect(await page.locator('dialog[open]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('dialog[open] input[type="search"], dialog[open] input').first().fill('reconciliation');
    const result = page.locator('dialog[open] .pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    const links = await page.locator('dialog[open] .pagefind-ui__result-link').evaluateAll((els) =>
      els.map((el) => el.getAttribute('href')),
    );
    expect(links.some((href) => href?.includes('01-why-kubernetes'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the sidebar lists chapters 01 to 06 in order, and search finds each of them', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/01-why-kubernetes/');
    const labels = await page.locator('nav.sidebar a').evaluateAll((els) => els.map((el) => el.textContent?.trim() ?? ''));
    const chapters = labels.filter((label) => /^\d\d /.test(label));
    expect(chapters.map((label) => label.slice(0, 2))).toEqual(['01', '02', '03', '04', '05', '06']);
    const searches: Array<[string, string]> = [
      ['reconciliation', '01-why-kubernetes'],
      ['cgroups', '02-containers-to-cluster'],
      ['thermostat', '03-reconciliation'],
      ['imperative', '04-first-pod'],
      ['selector', '05-replicasets'],
      ['maxSurge', '06-deployments'],
    ];
    await page.keyboard.press('Control+k');
    const input = page.locator('dialog[open] input').first();
    await input.waitFor();
    for (const [term, slug] of searches) {
      await input.fill(term);
      await page.waitForFunction(
        (wanted) => [...document.querySelectorAll('dialog[open] .pagefind-ui__result-link')].some((a) => a.getAttribute('href')?.includes(wanted)),
        slug,
        { timeout: 15_000 },
      );
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it(`every reading page ships at most ${JS_BUDGET_BYTES / 1024} KB of gzipped JavaScript and logs no errors`, async () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(1);
    const report: Record<string, number> = {};
    for (const path of pages) {
      const { page, errors } = await pageWithErrorLog(session.browser);
      const scripts: Promise<number>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') {
          scripts.push(response.body().then((body) => gzipSync(body).length));
        }
      });
      await page.goto(session.site.url + path, { waitUntil: 'networkidle' });
      const inline = await page.$$eval('script:not([src])', (els) => els.map((el) => el.textContent ?? ''));
      const external = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0);
      const inlined = inline.reduce((sum, text) => sum + gzipSync(text).length, 0);
      report[path] = external + inlined;
      expect(errors, `console errors on ${path}`).toEqual([]);
      await page.close();
    }
    console.info('gzipped JavaScript per reading page (bytes):', report);
    for (const [path, bytes] of Object.entries(report)) {
      expect(bytes, `${path} ships ${bytes} bytes of gzipped JS`).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    }
  });
});
