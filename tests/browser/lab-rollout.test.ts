// The cluster view is live: during `kubectl set image` in the rollout lab, pod boxes of the new
// version appear while the old ones go, one hand-over step at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteUnavailable, openSite, pageWithErrorLog, type SiteSession } from './site-fixture.ts';
import { openLab, run } from './lab-fixture.ts';

const unavailable = browserSuiteUnavailable();

interface Box {
  name: string;
  status: string;
  image: string;
}

describe.skipIf(unavailable)('the cluster view during a rollout', () => {
  let session: SiteSession;
  beforeAll(async () => {
    session = await openSite();
  });
  afterAll(async () => session?.close());

  it('shows the old pods replaced by new ones', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/06-deployments/');
    await openLab(page);
    const boxes = (): Promise<Box[]> =>
      page.locator('.lab-node .lab-pod').evaluateAll((els) =>
        els.map((el) => ({ name: el.getAttribute('data-pod') ?? '', status: el.getAttribute('data-status') ?? '', image: el.querySelector('.lab-pod-image')?.textContent ?? '' })),
      );
    const start = await boxes();
    expect(start.filter((b) => b.image === '1.0' && b.status === 'Running')).toHaveLength(4);

    await run(page, 'kubectl set image deployment/catalog catalog=bookstore/catalog:1.5 -n rollout', 'deployment.apps/catalog image updated');
    const seen: string[] = [];
    let mixed = false;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const now = await boxes();
      const signature = now.map((b) => `${b.image}:${b.status}`).sort().join(' ');
      if (seen.at(-1) !== signature) seen.push(signature);
      if (now.some((b) => b.image === '1.0') && now.some((b) => b.image === '1.5')) mixed = true;
      const done = now.length === 4 && now.every((b) => b.image === '1.5' && b.status === 'Running');
      if (done) break;
      if (Date.now() > deadline) throw new Error(`the rollout never finished in the view; states seen:\n${seen.join('\n')}`);
      await page.waitForTimeout(150);
    }
    console.info('cluster view states during the rollout:', seen);
    expect(mixed, 'old and new pods side by side at some point').toBe(true);
    expect(seen.length).toBeGreaterThan(3);
    const finalNames = (await boxes()).map((b) => b.name);
    expect(finalNames.some((name) => start.some((b) => b.name === name))).toBe(false);
    await expect(page.locator('.lab-event-log').innerText()).resolves.toMatch(/ScalingReplicaSet/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
