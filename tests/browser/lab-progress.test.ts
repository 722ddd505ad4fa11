// The progress page: a CLI receipt whose digest matches marks its lab done, an edited one is
// refused; progress exports to a file that imports into a fresh browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptDigest } from '../../graders/receipt.ts';
import { browserSuiteUnavailable, openSite, pageWithErrorLog, type SiteSession } from './site-fixture.ts';

const unavailable = browserSuiteUnavailable();

async function receipt(fields: Record<string, unknown> = {}) {
  const body = {
    format: 'wheelhouse-receipt/v1',
    lab: 'first-pod',
    chapter: 4,
    title: 'Your first Pod',
    namespace: 'first-pod',
    passedAt: '2025-03-01T10:00:00.000Z',
    cluster: { backend: 'kubernetes', distribution: 'kind', version: 'v1.32.2', context: 'kind-wheelhouse' },
    checks: [{ id: 'pod-exists', step: '01-pod', status: 'pass' }],
    ...fields,
  };
  return { ...body, digest: await receiptDigest(body) };
}

const file = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

describe.skipIf(unavailable)('the progress page', () => {
  let session: SiteSession;
  beforeAll(async () => {
    session = await openSite();
  });
  afterAll(async () => session?.close());

  it('imports a verified receipt, refuses an edited one, and exports progress that imports elsewhere', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/progress/');
    await page.locator('.progress-course[data-loaded]').waitFor();
    const row = page.locator('tr[data-lab="first-pod"]');
    await expect(row.getAttribute('data-done')).resolves.toBe('false');

    const edited = { ...(await receipt()), lab: 'rollout' };
    await page.getByLabel('Import CLI receipts').setInputFiles([file('rollout.json', edited)]);
    await page.locator('#progress-message', { hasText: 'not imported' }).waitFor();
    await expect(page.locator('#progress-message').innerText()).resolves.toContain('does not match');
    await expect(page.locator('tr[data-lab="rollout"]').getAttribute('data-done')).resolves.toBe('false');

    await page.getByLabel('Import CLI receipts').setInputFiles([file('first-pod.json', await receipt())]);
    await page.locator('#progress-message', { hasText: 'marked done' }).waitFor();
    await expect(row.getAttribute('data-done')).resolves.toBe('true');
    await expect(row.innerText()).resolves.toContain('kind-wheelhouse');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const exported = JSON.parse(await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))) as { labs: Record<string, { done: boolean }> };
    expect(exported.labs['first-pod']?.done).toBe(true);

    const { page: fresh } = await pageWithErrorLog(session.browser);
    await fresh.goto(session.site.url + '/progress/');
    await fresh.locator('.progress-course[data-loaded]').waitFor();
    await expect(fresh.locator('tr[data-lab="first-pod"]').getAttribute('data-done')).resolves.toBe('false');
    await fresh.getByLabel('Import progress file').setInputFiles([file('wheelhouse-progress.json', exported)]);
    await fresh.locator('#progress-message', { hasText: 'Imported progress' }).waitFor();
    await expect(fresh.locator('tr[data-lab="first-pod"]').getAttribute('data-done')).resolves.toBe('true');
    expect(errors).toEqual([]);
    await fresh.close();
    await page.close();
  });

  it('a lab completed in the page shows as done here', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/02-containers-to-cluster/');
    const { openLab, run, checkMyWork } = await import('./lab-fixture.ts');
    await openLab(page);
    await run(page, 'kubectl create namespace bookstore && kubectl label node wheelhouse-worker disk=ssd', 'node/wheelhouse-worker labeled');
    await page.waitForTimeout(300);
    expect(Object.values(await checkMyWork(page))).toEqual(['pass', 'pass']);
    await page.locator('.lab-title', { hasText: '✓' }).waitFor();
    await page.goto(session.site.url + '/progress/');
    await page.locator('.progress-course[data-loaded]').waitFor();
    await expect(page.locator('tr[data-lab="tour"] .progress-status').innerText()).resolves.toMatch(/done .*in the page/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
