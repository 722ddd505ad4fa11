// Nothing is lost: after a reload the terminal history, the workspace files (edited in the
// editor and written by the shell) and the cluster's state are as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuiteUnavailable, openSite, pageWithErrorLog, type SiteSession } from './site-fixture.ts';
import { openLab, run, typeCommand, waitForTerminal } from './lab-fixture.ts';

const unavailable = browserSuiteUnavailable();

describe.skipIf(unavailable)('lab state survives a reload', () => {
  let session: SiteSession;
  beforeAll(async () => {
    session = await openSite();
  });
  afterAll(async () => session?.close());

  it('keeps the history, the files and the cluster', async () => {
    const { page, errors } = await pageWithErrorLog(session.browser);
    await page.goto(session.site.url + '/02-containers-to-cluster/');
    await openLab(page);

    // A file edited in the editor reaches the shell…
    const editor = page.getByRole('textbox', { name: 'Editing namespace.yaml' });
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n# edited in the page');
    await run(page, 'cat namespace.yaml | tail -n 1', /^# edited in the page/m);
    // …a file written by the shell reaches the editor…
    await run(page, "echo 'kind: Note' > note.yaml", /\$ echo 'kind: Note' > note.yaml/);
    await page.locator('.lab-file-picker option', { hasText: 'note.yaml' }).waitFor({ state: 'attached' });
    // …and the cluster changes.
    await run(page, 'kubectl create namespace kept-after-reload', 'namespace/kept-after-reload created');

    // Saved (debounced, and after each command); wait for a save newer than the last command.
    const typedAt = Date.now();
    await page.waitForFunction((since) => Number(document.querySelector('.lab-island')?.getAttribute('data-saved-at')) >= since, typedAt - 50, { timeout: 5_000 });
    await page.reload();
    await openLab(page);

    // The screen is as it was, and Up brings back the last command.
    await waitForTerminal(page, 'namespace/kept-after-reload created');
    await page.getByRole('textbox', { name: 'Lab terminal', exact: true }).focus();
    await page.keyboard.press('ArrowUp');
    await waitForTerminal(page, /\$ kubectl create namespace kept-after-reload\s*$/m);
    await page.keyboard.press('Control+C');
    await run(page, 'kubectl get namespace kept-after-reload', /kept-after-reload\s+Active/);
    await run(page, 'cat note.yaml', /^kind: Note$/m);

    const namespaceYaml = page.getByRole('textbox', { name: 'Editing namespace.yaml' });
    await namespaceYaml.waitFor();
    await expect(namespaceYaml.innerText()).resolves.toContain('# edited in the page');
    await typeCommand(page, 'history');
    await waitForTerminal(page, /\d+\s+kubectl create namespace kept-after-reload/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
