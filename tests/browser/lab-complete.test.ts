// A learner completes the tour lab by typing its commands into the page's terminal, checks their
// work and sees every check pass; a wrong label then fails with the field named. Also: the island
// loads only when scrolled to, its weight, and the time from its first byte to a usable prompt.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteUnavailable, openSite, pageWithErrorLog, type SiteSession } from './site-fixture.ts';
import { checkMyWork, openLab, run, terminalText, waitForTerminal } from './lab-fixture.ts';

const unavailable = browserSuiteUnavailable();

describe.skipIf(unavailable)('the lab in the page', () => {
  let session: SiteSession;
  beforeAll(async () => {
    session = await openSite();
  });
  afterAll(async () => session?.close());

  it('loads the island only when the lab scrolls into view, and reports its weight and time to a prompt', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    const scripts = new Map<string, number>();
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || response.url().includes('worker')) {
        void response.body().then((body) => scripts.set(new URL(response.url()).pathname, gzipSync(body).length)).catch(() => undefined);
      }
    });
    await page.goto(session.site.url + '/02-containers-to-cluster/', { waitUntil: 'networkidle' });
    expect([...scripts.keys()].filter((path) => /LabIsland|xterm|worker/.test(path)), 'lab code fetched before the lab was in view').toEqual([]);
    await openLab(page);
    await page.waitForLoadState('networkidle');
    const timing = await page.evaluate(() => {
      const island = document.querySelector('.lab astro-island')!.getAttribute('component-url')!;
      const first = performance.getEntriesByType('resource').find((entry) => entry.name.includes(island));
      const prompt = performance.getEntriesByName('wheelhouse:lab-prompt')[0];
      return { islandRequested: first?.startTime ?? NaN, prompt: prompt?.startTime ?? NaN };
    });
    const promptMs = Math.round(timing.prompt - timing.islandRequested);
    const island = [...scripts].filter(([path]) => !/worker|xterm|yaml-editor/.test(path) && /_astro/.test(path)).reduce((sum, [, size]) => sum + size, 0);
    const worker = [...scripts].filter(([path]) => /worker/.test(path)).reduce((sum, [, size]) => sum + size, 0);
    console.info('lab island:', { promptMs, gzippedScriptsBytes: Object.fromEntries(scripts), islandGzip: island, workerGzip: worker });
    expect(promptMs).toBeGreaterThan(0);
    expect(promptMs, 'time from requesting the island to a prompt').toBeLessThan(3_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('completes the tour lab from the keyboard: every check passes, then a wrong label fails with its field', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/02-containers-to-cluster/');
    await openLab(page);

    const before = await checkMyWork(page);
    expect(before).toEqual({ 'namespace-exists': 'fail', 'node-labelled': 'fail' });

    await run(page, 'kubectl get nodes', /wheelhouse-worker2\s+Ready/);
    await run(page, 'cat namespace.yaml', /kind: Namespace/);
    await run(page, 'kubectl apply -f namespace.yaml', 'namespace/bookstore created');
    await run(page, 'kubectl label node wheelhouse-worker disk=ssd', 'node/wheelhouse-worker labeled');
    await page.waitForTimeout(300);

    const after = await checkMyWork(page);
    expect(after).toEqual({ 'namespace-exists': 'pass', 'node-labelled': 'pass' });
    await expect(page.locator('.lab-results h4').innerText()).resolves.toBe('All 2 checks pass');
    await expect(page.locator('.lab-title').innerText()).resolves.toContain('✓');

    await run(page, 'kubectl label node wheelhouse-worker disk=SSD --overwrite', 'node/wheelhouse-worker labeled');
    const broken = await checkMyWork(page);
    expect(broken['node-labelled']).toBe('fail');
    const failure = page.locator('.lab-result[data-check="node-labelled"]');
    await expect(failure.innerText()).resolves.toContain('metadata.labels.disk');
    await expect(failure.innerText()).resolves.toContain('the value must be ssd');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a "Run" button in the steps types its command into the terminal; hints come one at a time; the solution shows', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/02-containers-to-cluster/');
    await openLab(page);
    const runButton = page.locator('.lab-step .lab-run').first();
    const label = await runButton.getAttribute('aria-label');
    expect(label).toMatch(/^Run in the lab terminal: kubectl /);
    await runButton.focus();
    await page.keyboard.press('Enter');
    await waitForTerminal(page, label!.replace('Run in the lab terminal: ', ''));
    await waitForTerminal(page, /NAME\s+STATUS/);

    await checkMyWork(page);
    const hint = page.getByRole('button', { name: 'Next hint' });
    await hint.click();
    expect(await page.locator('.lab-hints li').count()).toBe(1);
    await hint.click();
    expect(await page.locator('.lab-hints li').count()).toBe(2);

    await page.getByRole('button', { name: 'Show solution' }).click();
    await expect(page.locator('.lab-solution pre').innerText()).resolves.toContain('kubectl label node wheelhouse-worker disk=ssd');
    expect(await terminalText(page)).toBeTruthy();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(unavailable)('the lab from the keyboard', () => {
  let session: SiteSession;
  beforeAll(async () => {
    session = await openSite();
  });
  afterAll(async () => session?.close());

  it('Tab completes inside the terminal, Esc then Tab leaves it for "Check my work", and focus is visible', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/02-containers-to-cluster/');
    await openLab(page);
    await page.getByRole('textbox', { name: 'Lab terminal', exact: true }).focus();
    await page.keyboard.type('kubectl get nod');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, /\$ kubectl get nodes\s*$/m);
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused.text).toBe('Check my work');
    expect(focused.outline).toBe('solid');
    await page.keyboard.press('Enter');
    await page.locator('.lab-results').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
